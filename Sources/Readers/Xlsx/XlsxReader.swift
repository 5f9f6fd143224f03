import Model

/// Reads an Excel workbook (.xlsx) into the same `Document` the other readers build: the
/// package through `ZipArchive` (with the .docx limits), the SpreadsheetML parts through
/// `XMLPart` (no DTDs, bounded depth), each visible sheet's cells as Excel shows them —
/// shared and inline strings, numbers through their number formats (1234.5 under
/// "#,##0.00" is 1,234.50: its decimals are its printed precision), merged cells — written
/// part by part by `WorkbookRenderer`. Findings name the sheet and cell ("Sheet1!C7").
public enum XlsxReader {
    /// Non-empty cells read across the workbook: a report's tables hold a few thousand.
    static let maxCells = 1_000_000

    /// Without a `budget`, one is made for the file's size: a workbook is never read unbounded.
    public static func read(
        _ bytes: [UInt8], path: String, limits: ArchiveLimits = .standard, budget: WorkBudget? = nil,
        lap: ((String) -> Void)? = nil
    ) throws(InputError) -> Document {
        let budget = budget ?? WorkBudget(inputBytes: bytes.count)
        let zip = try ZipArchive(bytes, limits: limits)
        let sheets = try worksheets(zip, budget: budget)
        lap?("xlsx parts")
        var renderer = WorkbookRenderer(budget: budget)
        try renderer.render(sheets)
        try budget.check()
        lap?("xlsx render")
        var writer = renderer.writer
        guard !writer.isEmpty else {
            throw InputError(.empty, LocalizedText(zh: "Excel 工作簿中没有内容", en: "the Excel workbook contains nothing"))
        }
        budget.audit(textBytes: writer.out.count)
        let document = writer.finish(path: path, encoding: "xlsx", origin: .xlsx, budget: budget)
        try budget.check()
        lap?("read")
        return document
    }

    /// Whether a zip package is a workbook.
    static func isWorkbook(_ zip: ZipArchive) -> Bool { zip.entry("xl/workbook.xml") != nil || workbookPart(zip) != nil }

    /// The main part named by the package relationships, when it is a workbook.
    static func workbookPart(_ zip: ZipArchive) -> String? {
        guard let e = zip.entry("_rels/.rels") else { return nil }
        let rels = RelationshipsTypeReader()
        guard (try? XMLPart.parse(try zip.contents(of: e), part: e.name, into: rels)) != nil, let target = rels.main else { return nil }
        let name = RelationshipsReader.resolve(target, from: "")
        return name.hasSuffix("workbook.xml") ? name : nil
    }

    /// Every visible sheet, in tab order, with its cells read.
    static func worksheets(_ zip: ZipArchive, budget: WorkBudget) throws(InputError) -> [Worksheet] {
        let mainName = workbookPart(zip) ?? "xl/workbook.xml"
        guard let main = zip.entry(mainName) else {
            throw InputError(.corrupt, LocalizedText(zh: "工作簿缺少 \(mainName)", en: "the workbook has no \(mainName)"))
        }
        let folder = mainName.split(separator: "/").dropLast().joined(separator: "/")
        let file = mainName.split(separator: "/").last.map(String.init) ?? "workbook.xml"
        let book = WorkbookSheetsReader()
        let mainXML = try zip.contents(of: main)
        budget.charge(.memory, mainXML.count, place: LocalizedText(mainName))
        try XMLPart.parse(mainXML, part: main.name, into: book)

        let rels = RelationshipsReader()
        if let e = zip.entry((folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels") {
            try XMLPart.parse(try zip.contents(of: e), part: e.name, into: rels)
        }
        var strings: [String] = []
        if let e = part(zip, rels, folder, suffix: "sharedStrings.xml", fallback: "sharedStrings.xml") {
            let reader = SharedStringsReader()
            try XMLPart.parse(try zip.contents(of: e), part: e.name, into: reader)
            strings = reader.strings
        }
        var formats: [NumberFormat] = []
        if let e = part(zip, rels, folder, suffix: "styles.xml", fallback: "styles.xml") {
            let reader = CellStylesReader()
            try XMLPart.parse(try zip.contents(of: e), part: e.name, into: reader)
            formats = reader.formats()
        }
        var out: [Worksheet] = []
        var cellsLeft = maxCells
        for sheet in book.sheets where !sheet.hidden {
            guard let target = rels.targets[sheet.relationship],
                let e = zip.entry(RelationshipsReader.resolve(target, from: folder))
            else { continue }
            let reader = WorksheetReader(name: sheet.name, strings: strings, formats: formats, budget: cellsLeft)
            let xml = try zip.contents(of: e)
            budget.charge(.memory, xml.count, place: LocalizedText(e.name))
            try budget.check()
            try XMLPart.parse(xml, part: e.name, into: reader)
            if reader.overflow {
                throw InputError(
                    .unsafe,
                    LocalizedText(
                        zh: "工作簿的单元格超过 \(maxCells) 个，拒绝读取",
                        en: "the workbook has more than \(maxCells) cells; refused"))
            }
            cellsLeft = reader.remainingBudget
            out.append(reader.sheet)
        }
        return out
    }

    /// A workbook part found through the workbook's relationships, else at its usual name.
    static func part(_ zip: ZipArchive, _ rels: RelationshipsReader, _ folder: String, suffix: String, fallback: String) -> ZipArchive
        .Entry?
    {
        for (_, target) in rels.targets.sorted(by: { $0.key < $1.key }) where target.hasSuffix(suffix) {
            if let e = zip.entry(RelationshipsReader.resolve(target, from: folder)) { return e }
        }
        return zip.entry((folder.isEmpty ? "" : folder + "/") + fallback)
    }
}

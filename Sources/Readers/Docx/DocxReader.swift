import Model

/// Reads a .docx into the same `Document` the text reader builds: the package is opened
/// with `ZipArchive`, its WordprocessingML parts are parsed with `XMLPart`, and the body is
/// written part by part (paragraphs with their heading levels, tables as drawn, chart
/// caches) by `StructuredTextWriter`, which builds the document from those parts. Findings
/// point at the written text (what `reportlint dump --text` prints) and at the paragraph
/// or table cell in Word.
public enum DocxReader {
    static let mainPartType = "/officeDocument"

    /// `lap`, when given, is called after each stage with its name (`reportlint profile`).
    /// Without a `budget`, one is made for the file's size: a .docx is never read unbounded.
    public static func read(
        _ bytes: [UInt8], path: String, limits: ArchiveLimits = .standard, budget: WorkBudget? = nil,
        lap: ((String) -> Void)? = nil
    ) throws(InputError) -> Document {
        let budget = budget ?? WorkBudget(inputBytes: bytes.count)
        var writer = try render(bytes, limits: limits, budget: budget, lap: lap)
        budget.audit(textBytes: writer.out.count)
        let document = writer.finish(path: path, encoding: "docx", origin: .docx, budget: budget)
        try budget.check()
        lap?("read")
        return document
    }

    static func render(
        _ bytes: [UInt8], limits: ArchiveLimits, budget: WorkBudget,
        lap: ((String) -> Void)? = nil
    ) throws(InputError) -> StructuredTextWriter {
        let zip = try ZipArchive(bytes, limits: limits)
        let mainName = try mainPart(zip)
        guard let main = zip.entry(mainName) else { throw notWord(zip) }
        let folder = mainName.split(separator: "/").dropLast().joined(separator: "/")
        let relsName =
            (folder.isEmpty ? "" : folder + "/") + "_rels/" + (mainName.split(separator: "/").last.map(String.init) ?? "") + ".rels"

        let body = WordDocumentReader(budget: budget)
        let mainXML = try zip.contents(of: main)
        budget.charge(.memory, mainXML.count, place: LocalizedText(mainName))
        try budget.check()
        lap?("docx inflate")
        try XMLPart.parse(mainXML, part: mainName, into: body)
        try budget.check()
        lap?("docx document.xml")

        let styles = WordStylesReader(budget: budget)
        if let e = zip.entry(RelationshipsReader.resolve("styles.xml", from: folder)) {
            try XMLPart.parse(try zip.contents(of: e), part: e.name, into: styles)
        }
        let numbering = WordNumberingReader(budget: budget)
        if let e = zip.entry(RelationshipsReader.resolve("numbering.xml", from: folder)) {
            try XMLPart.parse(try zip.contents(of: e), part: e.name, into: numbering)
        }
        try budget.check()
        var charts: [String: WordChart] = [:]
        if let e = zip.entry(relsName) {
            let rels = RelationshipsReader(budget: budget)
            try XMLPart.parse(try zip.contents(of: e), part: e.name, into: rels)
            // Each part is read once, however many relationships name it; each relationship
            // followed is charged.
            var parts: [String: WordChart] = [:]
            for (id, target) in rels.targets.sorted(by: { $0.key < $1.key }) where target.contains("charts/") {
                guard budget.charge(.relationships, 1, place: LocalizedText(e.name)) else { break }
                let name = RelationshipsReader.resolve(target, from: folder)
                if let chart = parts[name] {
                    charts[id] = chart
                    continue
                }
                guard let part = zip.entry(name) else { continue }
                let chart = WordChartReader(part: part.name, budget: budget)
                try XMLPart.parse(try zip.contents(of: part), part: part.name, into: chart)
                parts[name] = chart.result
                charts[id] = chart.result
            }
            try budget.check()
        }
        lap?("docx other parts")
        var resolvedStyles = styles.result
        resolvedStyles.resolveChains()
        var renderer = WordExportRenderer(styles: resolvedStyles, numbering: numbering.result, charts: charts, budget: budget)
        renderer.render(body.blocks)
        try budget.check()
        lap?("docx render")
        guard !renderer.writer.isEmpty else {
            throw InputError(.empty, LocalizedText(zh: "Word 文档中没有文字", en: "the Word document contains no text"))
        }
        return renderer.writer
    }

    /// The main document part, from the package relationships (word/document.xml in practice).
    static func mainPart(_ zip: ZipArchive) throws(InputError) -> String {
        if let e = zip.entry("_rels/.rels") {
            let rels = RelationshipsTypeReader()
            try XMLPart.parse(try zip.contents(of: e), part: e.name, into: rels)
            if let target = rels.main { return RelationshipsReader.resolve(target, from: "") }
        }
        if zip.entry("word/document.xml") != nil { return "word/document.xml" }
        throw notWord(zip)
    }

    static func notWord(_ zip: ZipArchive) -> InputError {
        if zip.entry("xl/workbook.xml") != nil {
            return InputError(
                .unsupportedFormat, LocalizedText(zh: "这是 Excel 工作簿，不是 Word 文档", en: "this is an Excel workbook, not a Word document"))
        }
        if zip.entry("ppt/presentation.xml") != nil {
            return InputError(
                .unsupportedFormat,
                LocalizedText(zh: "这是 PowerPoint 演示文稿，不是 Word 文档", en: "this is a PowerPoint presentation, not a Word document"))
        }
        return InputError(
            .unsupportedFormat,
            LocalizedText(
                zh: "这是 zip 压缩包，但其中没有 word/document.xml，不是 Word 文档",
                en: "this is a zip archive without word/document.xml, not a Word document"))
    }
}

/// The package relationships' officeDocument target.
final class RelationshipsTypeReader: XMLPartHandler {
    var main: String?

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        if local == "Relationship", main == nil, let type = a["Type"], type.hasSuffix(DocxReader.mainPartType), let t = a["Target"] {
            main = t
        }
    }

    func end(_ ns: XNamespace, _ local: String) {}
    func text(_ s: String) {}
}

import Model

/// Writes a workbook's sheets as a document: each sheet's name (unless Excel's default) as a
/// heading, then its blocks of rows. Within a block (rows between empty rows), the caption
/// rows above a table (its title, "公开01表", "编制单位：… 单位：万元") and the notes below it
/// ("注：本表…") are paragraphs, the rest are the table's rows; a title row between two
/// tables ("…表", alone on its row) starts the next one, so one sheet may hold several tables.
/// Merged cells are written as Word writes them: the top-left cell with its column span, the
/// covered cells of its first row left out, those of the rows below written empty. Every
/// paragraph and cell keeps its place ("Sheet1!C7").
struct WorkbookRenderer {
    /// Cells written, empty ones included, across the workbook: a sheet with one cell at A1
    /// and one at XFD1048576 must not become a grid of seventeen billion.
    static let maxGridCells = 4_000_000

    private(set) var writer = StructuredTextWriter()
    private var gridCells = 0
    let budget: WorkBudget

    init(budget: WorkBudget) { self.budget = budget }

    mutating func render(_ sheets: [Worksheet]) throws(InputError) {
        for sheet in sheets { try render(sheet) }
    }

    private mutating func render(_ sheet: Worksheet) throws(InputError) {
        guard !sheet.cells.isEmpty else { return }
        if !WorkbookRenderer.isDefaultName(sheet.name) {
            writer.paragraph(
                WordExportRenderer.lines(sheet.name, asField: true), headingLevel: 1,
                location: LogicalLocation(.sheet(sheet.name)))
        }
        let merges = MergeMap(sheet.merges)
        // Rows of non-empty cells, in order.
        var rows: [[Worksheet.Cell]] = []
        for cell in sheet.cells.sorted(by: { $0.reference < $1.reference }) {
            if let last = rows.last?.last, last.reference.row == cell.reference.row {
                rows[rows.count - 1].append(cell)
            } else {
                rows.append([cell])
            }
        }
        // Blocks: rows with no gap between them (an empty row, or a row only covered by a
        // merge from above, is a gap only when no merge bridges it).
        var block: [[Worksheet.Cell]] = []
        for row in rows {
            if let previous = block.last?.first?.reference.row, row[0].reference.row > previous + 1,
                !merges.bridges(previous, row[0].reference.row)
            {
                try write(block, sheet: sheet.name, merges: merges)
                block = []
            }
            block.append(row)
        }
        try write(block, sheet: sheet.name, merges: merges)
    }

    /// One block of rows: captions, tables (split at title rows), notes.
    private mutating func write(_ block: [[Worksheet.Cell]], sheet: String, merges: MergeMap) throws(InputError) {
        guard !block.isEmpty else { return }
        var k = 0
        // Captions above the first table.
        while k < block.count, WorkbookRenderer.isCaption(block[k]) {
            caption(block[k], sheet: sheet)
            k += 1
        }
        var end = block.count
        while end > k, WorkbookRenderer.isNote(block[end - 1]) { end -= 1 }
        var table: [[Worksheet.Cell]] = []
        while k < end {
            let row = block[k]
            if !table.isEmpty, WorkbookRenderer.isTitle(row) {
                try writeTable(table, sheet: sheet, merges: merges)
                table = []
                caption(row, sheet: sheet)
                k += 1
                while k < end, WorkbookRenderer.isCaption(block[k]) {
                    caption(block[k], sheet: sheet)
                    k += 1
                }
                continue
            }
            table.append(row)
            k += 1
        }
        try writeTable(table, sheet: sheet, merges: merges)
        for row in block[end...] { caption(row, sheet: sheet) }
    }

    private mutating func caption(_ row: [Worksheet.Cell], sheet: String) {
        let text = row.map(\.text).joined(separator: "  ")
        writer.paragraph(
            WordExportRenderer.lines(text, asField: false), headingLevel: nil,
            location: LogicalLocation(.sheetCell(sheet: sheet, row: row[0].reference.row, column: row[0].reference.column)))
    }

    private mutating func writeTable(_ rows: [[Worksheet.Cell]], sheet: String, merges: MergeMap) throws(InputError) {
        guard !rows.isEmpty else { return }
        var first = Int.max
        var last = 0
        for row in rows {
            for c in row {
                first = min(first, c.reference.column)
                last = max(last, merges.lastColumn(of: c.reference) ?? c.reference.column)
            }
        }
        let width = last - first + 1
        gridCells += width * rows.count
        budget.charge(.cells, width * rows.count, place: LocalizedText(zh: "工作表“\(sheet)”", en: "sheet “\(sheet)”"))
        try budget.check()
        guard gridCells <= WorkbookRenderer.maxGridCells else {
            throw InputError(
                .unsafe,
                LocalizedText(
                    zh: "工作表“\(sheet)”的表格过大（超过 \(WorkbookRenderer.maxGridCells) 个单元格），拒绝读取",
                    en: "the tables of sheet “\(sheet)” are too large (over \(WorkbookRenderer.maxGridCells) cells); refused"))
        }
        writer.beginTable(touching: false)
        for row in rows {
            writer.beginRow()
            let r = row[0].reference.row
            var byColumn: [Int: String] = [:]
            for c in row { byColumn[c.reference.column] = c.text }
            var column = first
            while column <= last {
                let here = CellReference(row: r, column: column)
                if let covered = merges.coveringFromLeft(here) {
                    // Covered by a merge begun further left on this row: Word leaves it out.
                    column = min(last, covered.last.column) + 1
                    continue
                }
                let above = merges.coveringFromAbove(here)
                let merge = above ?? merges.startingAt(here)
                let span = merge.map { min(last, $0.last.column) - column + 1 } ?? 1
                // Covered from above: an empty cell as wide as the merge, as Word writes it.
                let text = above != nil ? "" : (byColumn[column] ?? "")
                writer.cell(
                    WordExportRenderer.lines(text, asField: true),
                    location: LogicalLocation(.sheetCell(sheet: sheet, row: r, column: column)), columnSpan: span)
                column += span
            }
        }
        writer.endTable()
    }

    // MARK: kinds of rows

    /// Excel's own names for a new sheet say nothing about it.
    static func isDefaultName(_ name: String) -> Bool {
        for prefix in ["Sheet", "sheet", "工作表", "Feuil", "Tabelle", "Hoja", "Foglio"] where name.hasPrefix(prefix) {
            if name.dropFirst(prefix.count).allSatisfy({ $0.isNumber || $0 == " " }) { return true }
        }
        return false
    }

    /// A row above a table that is not part of it: a lone title, or the unit and compiler
    /// line ("编制单位：…  单位：万元"), the form number ("公开01表").
    static func isCaption(_ row: [Worksheet.Cell]) -> Bool {
        if row.count == 1 { return !hasAmount(row[0].text) || isUnitLine(row[0].text) }
        return row.allSatisfy { isUnitLine($0.text) || isFormNumber($0.text) || $0.text.hasPrefix("编制") }
    }

    static func isUnitLine(_ text: String) -> Bool {
        text.contains("单位：") || text.contains("单位:") || text.hasPrefix("单位")
    }

    static func isFormNumber(_ text: String) -> Bool {
        text.hasPrefix("公开") && text.hasSuffix("表") && text.count <= 8
    }

    /// A lone cell naming a table ("…决算表", "…预算表（2024年）").
    static func isTitle(_ row: [Worksheet.Cell]) -> Bool {
        guard row.count == 1 else { return false }
        let t = row[0].text
        guard t.count >= 4 && t.count <= 48, !t.contains("："), !t.contains("。"), !t.contains("，") else { return false }
        return t.suffix(10).contains("表")
    }

    /// A note below a table: "注：本表反映…", "说明：…", "备注：…".
    static func isNote(_ row: [Worksheet.Cell]) -> Bool {
        guard row.count == 1 else { return false }
        let t = row[0].text
        return t.hasPrefix("注") || t.hasPrefix("说明") || t.hasPrefix("备注") || t.hasPrefix("填表说明")
    }

    static func hasAmount(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("0"..."9").contains($0) }
            && !text.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
    }
}

/// The merged ranges of a sheet, looked up by cell.
struct MergeMap {
    private let ranges: [CellRange]
    private var byStart: [CellReference: Int] = [:]
    /// For each row, the ranges crossing it (only rows some range crosses are stored).
    private var byRow: [Int: [Int]] = [:]

    init(_ ranges: [CellRange]) {
        // A sheet may list thousands of merges; a hostile one, ranges of a million rows.
        // Only the part of a range near its start matters to a table, so rows are indexed
        // for at most 1,000 rows of each range.
        self.ranges = ranges
        for (i, r) in ranges.enumerated() {
            byStart[r.first] = i
            for row in r.first.row...min(r.last.row, r.first.row + 999) { byRow[row, default: []].append(i) }
        }
    }

    func startingAt(_ c: CellReference) -> CellRange? { byStart[c].map { ranges[$0] } }

    func coveringFromLeft(_ c: CellReference) -> CellRange? {
        for i in byRow[c.row] ?? [] {
            let r = ranges[i]
            if r.first.column < c.column && c.column <= r.last.column { return r }
        }
        return nil
    }

    func coveringFromAbove(_ c: CellReference) -> CellRange? {
        for i in byRow[c.row] ?? [] {
            let r = ranges[i]
            if r.first.row < c.row && r.first.column == c.column { return r }
        }
        return nil
    }

    /// The last column of a merge starting at `c`.
    func lastColumn(of c: CellReference) -> Int? { startingAt(c)?.last.column }

    /// A merge spans the rows between `a` and `b` (a tall merged label is not a gap).
    func bridges(_ a: Int, _ b: Int) -> Bool {
        for i in byRow[a + 1] ?? [] where ranges[i].first.row <= a && ranges[i].last.row >= b - 1 { return true }
        return false
    }
}

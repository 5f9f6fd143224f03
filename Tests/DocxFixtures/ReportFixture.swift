import Foundation

/// A report written once as blocks (paragraphs and tables) and rendered in every input form
/// reportlint reads: the Word-export text form, a .docx, an .xlsx workbook. Tests plant one
/// error and check that each form gives the same findings.
public struct ReportFixture: Sendable {
    public enum Block: Sendable {
        case paragraph(String)
        /// Rows of cells; `spans` gives cells that cover several columns, as (row, column) → width,
        /// each covered cell then left out of that row (as Word and Excel merge them).
        case table([[String]], spans: [Span] = [])
    }

    public struct Span: Sendable {
        public var row: Int
        public var column: Int
        public var width: Int
        public init(row: Int, column: Int, width: Int) {
            self.row = row
            self.column = column
            self.width = width
        }
    }

    public var blocks: [Block]

    public init(_ blocks: [Block]) { self.blocks = blocks }

    /// Word-export text: a paragraph a line, a table's rows as TAB-led cell lines separated by a
    /// blank line and closed by two. A covered cell is left out, as Word's export does.
    public var text: String {
        var out = ""
        for block in blocks {
            switch block {
            case .paragraph(let p): out += p + "\n"
            case .table(let rows, let spans):
                for (r, row) in ReportFixture.drawn(rows, spans).enumerated() {
                    if r > 0 { out += "\n" }
                    for cell in row { out += "\t" + cell.text + "\n" }
                }
                out += "\n\n"
            }
        }
        return out
    }

    /// A .docx: paragraphs, and tables with gridSpan on the cells that cover several columns.
    public var docx: [UInt8] {
        var body = ""
        for block in blocks {
            switch block {
            case .paragraph(let p): body += DocxFixture.paragraph(p)
            case .table(let rows, let spans):
                body +=
                    "<w:tbl>"
                    + ReportFixture.drawn(rows, spans).map { row in
                        "<w:tr>"
                            + row.map { cell in
                                let props = cell.width > 1 ? "<w:tcPr><w:gridSpan w:val=\"\(cell.width)\"/></w:tcPr>" : ""
                                let paragraphs = cell.text.split(separator: "\n", omittingEmptySubsequences: false).map {
                                    DocxFixture.paragraph(String($0))
                                }.joined()
                                return "<w:tc>\(props)\(paragraphs.isEmpty ? "<w:p/>" : paragraphs)</w:tc>"
                            }.joined() + "</w:tr>"
                    }.joined() + "</w:tbl><w:p/>"
            }
        }
        return DocxFixture.docx(body)
    }

    /// A workbook: with `sheetPerTable`, each table on its own sheet with the paragraphs before
    /// it as rows above it; else every block on one sheet, an empty row between blocks.
    public func xlsx(sheetPerTable: Bool = false) -> [UInt8] {
        var sheets: [XlsxFixture.Sheet] = []
        var rows: [[XlsxFixture.Value]] = []
        var merges: [String] = []
        func flush() {
            guard !rows.isEmpty else { return }
            sheets.append(XlsxFixture.Sheet(name: "Sheet\(sheets.count + 1)", rows: rows, merges: merges))
            rows = []
            merges = []
        }
        for block in blocks {
            switch block {
            case .paragraph(let p):
                rows.append([.text(p)])
            case .table(let cells, let spans):
                for (r, row) in cells.enumerated() {
                    let excelRow = rows.count + 1
                    rows.append(row.map(XlsxFixture.value))
                    for s in spans where s.row == r {
                        merges.append(
                            "\(XlsxFixture.columnName(s.column + 1))\(excelRow):\(XlsxFixture.columnName(s.column + s.width))\(excelRow)")
                    }
                }
                if sheetPerTable { flush() } else { rows.append([]) }
            }
        }
        flush()
        return XlsxFixture(sheets).bytes()
    }

    /// Each row's cells as drawn: a spanning cell once, with its width; covered cells left out.
    static func drawn(_ rows: [[String]], _ spans: [Span]) -> [[(text: String, width: Int)]] {
        rows.enumerated().map { r, row in
            var out: [(String, Int)] = []
            var c = 0
            while c < row.count {
                let width = spans.first { $0.row == r && $0.column == c }?.width ?? 1
                out.append((row[c], width))
                c += width
            }
            return out
        }
    }
}

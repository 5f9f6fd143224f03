import Model

/// One worksheet as Excel shows it: the text of every non-empty cell (numbers through their
/// formats), and the merged ranges.
struct Worksheet {
    struct Cell {
        var reference: CellReference
        var text: String
    }

    var name: String
    /// Non-empty cells in reading order (row by row).
    var cells: [Cell] = []
    var merges: [CellRange] = []
}

/// Reads xl/worksheets/sheetN.xml. A cell's value is its shared string, inline string,
/// formula result or number (shown through its style's number format). Cells without a
/// reference follow the previous one, as the format allows. Bounds: Excel's own row and
/// column limits, and `maxCells` non-empty cells per workbook (counted across sheets).
final class WorksheetReader: XMLPartHandler {
    private let strings: [String]
    private let formats: [NumberFormat]
    private(set) var sheet: Worksheet
    private(set) var overflow = false
    private var budget: Int

    private var row = 0
    private var column = 0
    private var type = ""
    private var style = 0
    private var value = ""
    private var inline = ""
    private var inValue = false
    private var inInlineText = false
    private var inCell = false
    private var phonetic = 0

    init(name: String, strings: [String], formats: [NumberFormat], budget: Int) {
        self.strings = strings
        self.formats = formats
        self.sheet = Worksheet(name: name)
        self.budget = budget
    }

    /// Cells still allowed after this sheet.
    var remainingBudget: Int { budget }

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        guard ns == .spreadsheet, !overflow else { return }
        switch local {
        case "row":
            let r = a["r"].flatMap { Int($0) }
            row = r.map { min(max(1, $0), CellReference.maxRow) } ?? min(row + 1, CellReference.maxRow)
            column = 0
        case "c":
            inCell = true
            if let ref = a["r"], let parsed = CellReference(ref) {
                if parsed.row != row && row == 0 { row = parsed.row }
                row = parsed.row
                column = parsed.column
            } else {
                column = min(column + 1, CellReference.maxColumn)
                if row == 0 { row = 1 }
            }
            type = a["t"] ?? "n"
            style = a["s"].flatMap { Int($0) } ?? 0
            value = ""
            inline = ""
        case "v" where inCell: inValue = true
        case "rPh": phonetic += 1
        case "t" where inCell && type == "inlineStr": inInlineText = phonetic == 0
        case "mergeCell":
            if let ref = a["ref"], let range = CellRange(ref) { sheet.merges.append(range) }
        default: break
        }
    }

    func end(_ ns: XNamespace, _ local: String) {
        guard ns == .spreadsheet, !overflow else { return }
        switch local {
        case "v": inValue = false
        case "t": inInlineText = false
        case "rPh": phonetic = max(0, phonetic - 1)
        case "c":
            inCell = false
            let text = display()
            guard !text.isEmpty, row >= 1, column >= 1 else { return }
            guard budget > 0 else {
                overflow = true
                return
            }
            budget -= 1
            sheet.cells.append(Worksheet.Cell(reference: CellReference(row: row, column: column), text: text))
        default: break
        }
    }

    var wantsText: Bool { inValue || inInlineText }

    func text(_ s: String) {
        if inValue { value += s } else if inInlineText { inline += s }
    }

    /// What Excel shows in the cell.
    private func display() -> String {
        switch type {
        case "s":
            guard let i = Int(value.trimmingSpaces), i >= 0, i < strings.count else { return "" }
            return strings[i]
        case "inlineStr": return inline
        case "str", "e", "d": return value
        case "b": return value.trimmingSpaces == "1" ? "TRUE" : value.trimmingSpaces == "0" ? "FALSE" : value
        default:
            guard !value.isEmpty else { return "" }
            let format = style >= 0 && style < formats.count ? formats[style] : .general
            return format.display(value) ?? value
        }
    }
}

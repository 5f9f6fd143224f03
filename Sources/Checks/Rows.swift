/// Table examples written as compact rows, one line a row, turned into the Word-export text
/// form the readers take (each cell a line starting with TAB, rows separated by a blank line):
///
///     Rows.table("""
///         | 项目名称 | 文化下乡 |
///         | | 总额 | 4.80 | ↓100% | |
///         """)
///
/// gives "\t项目名称\n\t文化下乡\n\n\t\n\t总额\n\t4.80\n\t↓100%\n\t\n".
///
/// - Cells are separated by `|`, and a row starts and ends with one; spaces around a cell are
///   not part of it, so `| |` is an empty cell (a merged or blank one in the export).
/// - `⏎` breaks a line inside a cell: `| 绩⏎效⏎指⏎标 |` is the vertical 绩效指标 of a merged cell,
///   `| 产出指标⏎⏎(50分) |` a cell with an empty line inside.
/// - Text before the first `|` goes before the row's first TAB (a `↓` marker placed there).
/// - Blank lines between rows are for the eye and are left out.
///
/// Several parts make one table, the rows of each in turn: `Rows.table(ExampleTables.budgetBlock, rows)`.
/// The text ends after the last cell's line break, with no blank line after the last row.
enum Rows {
    static let lineBreak: Character = "⏎"

    static func table(_ parts: String...) -> String {
        var rows: [String] = []
        for part in parts {
            for line in part.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingSpaces()
                if trimmed.isEmpty { continue }
                rows.append(row(trimmed))
            }
        }
        return rows.joined(separator: "\n")
    }

    /// One row: its cells, each a TAB and its text on a line of its own.
    static func row(_ line: Substring) -> String {
        guard let first = line.firstIndex(of: "|") else {
            preconditionFailure("a compact row starts its cells with |: \(line)")
        }
        var fields = line[line.index(after: first)...].split(separator: "|", omittingEmptySubsequences: false)
        precondition(fields.last?.trimmingSpaces().isEmpty == true, "a compact row ends with |: \(line)")
        fields.removeLast()
        var out = String(line[..<first])
        for cell in fields {
            out += "\t" + String(cell.trimmingSpaces().map { $0 == lineBreak ? "\n" : $0 }) + "\n"
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}

import DocxFixtures

/// A fixture report in the Word-export text form (a TAB-led line per cell, lines without a TAB
/// continuing the cell, a blank line after each row), read back into paragraphs and tables so
/// that the same report can be written in the other shapes reports arrive in. Writing it back
/// as text gives the original byte for byte (tested), so every shape starts from the same report.
struct ExportedReport: Equatable {
    /// A cell is its lines; a row its cells.
    typealias Row = [[String]]

    enum Part: Equatable {
        case paragraph(String)
        case blank
        case row(Row)
    }

    var parts: [Part]

    init(parts: [Part]) { self.parts = parts }

    init(text: String) {
        var parts: [Part] = []
        var row: Row? = nil
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for line in lines {
            if line.hasPrefix("\t") {
                row = (row ?? []) + [[String(line.dropFirst())]]
            } else if line.isEmpty {
                if let r = row {
                    parts.append(.row(r))
                    row = nil
                } else {
                    parts.append(.blank)
                }
            } else if var r = row {
                r[r.count - 1].append(line) // a cell's next line
                row = r
            } else {
                parts.append(.paragraph(line))
            }
        }
        if let r = row { parts.append(.row(r)) }
        self.parts = parts
    }

    /// The Word-export text form.
    var text: String {
        var out: [String] = []
        for part in parts {
            switch part {
            case .paragraph(let p): out.append(p)
            case .blank: out.append("")
            case .row(let cells):
                for cell in cells {
                    out.append("\t" + cell[0])
                    out += cell.dropFirst()
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func isEmpty(_ cell: [String]) -> Bool { cell.allSatisfy { $0.allSatisfy { $0 == " " || $0 == "\u{3000}" } } }

    /// Rows of vertically merged cells exported without their leading empty cells (as some
    /// exports do; others repeat an empty cell per merged row). A row of empty cells only stays.
    func withoutLeadingEmptyCells() -> ExportedReport {
        ExportedReport(
            parts: parts.map { part in
                guard case .row(let cells) = part, let first = cells.firstIndex(where: { !Self.isEmpty($0) }) else { return part }
                return .row(Array(cells[first...]))
            })
    }

    /// Every header cell that is exactly one of `words` (its lines joined, spaces aside) written
    /// with the other template's word instead.
    func withHeaderWords(_ words: [String: String]) -> ExportedReport {
        ExportedReport(
            parts: parts.map { part in
                guard case .row(let cells) = part else { return part }
                return .row(
                    cells.map { cell in
                        let key = cell.joined().filter { $0 != " " && $0 != "\u{3000}" }
                        return words[key].map { [$0] } ?? cell
                    })
            })
    }

    /// As text extracted from a PDF (pdftotext -layout): each row on one line, its non-empty cells
    /// separated by runs of spaces, a cell's lines joined; paragraphs as they are.
    func flattened() -> String {
        var out: [String] = []
        for part in parts {
            switch part {
            case .paragraph(let p): out.append(p)
            case .blank: out.append("")
            case .row(let cells):
                out.append(cells.filter { !Self.isEmpty($0) }.map { $0.joined() }.joined(separator: "   "))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// As a Word document: each paragraph a paragraph, consecutive rows one table, each cell
    /// holding one paragraph per line. `width`: rows padded at their end with empty cells to
    /// that many (a full grid), nil: each row with the cells it has.
    func docx(width: Int? = nil) -> [UInt8] {
        var body = ""
        var table: [Row] = []
        func flush() {
            guard !table.isEmpty else { return }
            body +=
                "<w:tbl>"
                + table.map { row in
                    "<w:tr>"
                        + row.map { cell in
                            "<w:tc>" + cell.map { DocxFixture.paragraph($0) }.joined() + "</w:tc>"
                        }.joined() + "</w:tr>"
                }.joined() + "</w:tbl>"
            table = []
        }
        for part in parts {
            switch part {
            case .row(let cells):
                let pad = max(0, (width ?? 0) - cells.count)
                table.append(cells + Array(repeating: [""], count: pad))
            case .paragraph(let p):
                flush()
                body += DocxFixture.paragraph(p)
            case .blank:
                break // a blank line between rows or paragraphs is no part of a Word document
            }
        }
        flush()
        return DocxFixture.docx(body)
    }
}

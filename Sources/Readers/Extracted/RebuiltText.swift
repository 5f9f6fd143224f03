import Model

/// The text a document was audited as, in the Word-export form: for text extracted from a PDF,
/// the paragraphs as rebuilt (one line each, hard wraps and page furniture gone, spaces the
/// extractor added left out) and the tables as rows of cells; for other inputs, the source.
/// Read back by reportlint, it gives the same findings (at other line numbers: findings on the
/// extracted text point at the file as given).
public enum RebuiltText {
    public static func render(_ document: Document) -> String {
        guard document.origin == .pdfText else { return String(decoding: document.source.bytes, as: UTF8.self) }
        var out = ""
        var previousWasTable = false
        for block in document.blocks {
            switch block {
            case .heading(let h):
                if previousWasTable { out += "\n" }
                out += (h.numbering?.marker ?? "") + h.title.string + "\n"
                previousWasTable = false
            case .paragraph(let p):
                if previousWasTable { out += "\n" }
                out += p.text.string + "\n"
                previousWasTable = false
            case .table(let t):
                if previousWasTable { out += "\n" }
                for (i, row) in t.rows.enumerated() {
                    if i > 0 { out += "\n" }
                    for cell in row.cells { out += "\t" + cell.text.string + "\n" }
                }
                out += "\n"
                previousWasTable = true
            case .chart(let c):
                if previousWasTable { out += "\n" }
                for line in c.lines {
                    out += line.fields.map(\.string).joined(separator: "\t") + (line.fields.count == 1 ? "\t" : "") + "\n"
                }
                out += "\n"
                previousWasTable = false
            }
        }
        return out
    }
}

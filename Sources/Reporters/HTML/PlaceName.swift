import Model

/// How a page names a place, as the report's reader knows it: the section path (第二部分 › 五、…
/// › （三）…), then what the audit says of the place itself (`LogicalLocation`: a table cell, a
/// .docx paragraph, a PDF page), then the table's own title when the place is a cell and the
/// location does not already say it; for prose of a text report, its line. Every location on
/// a page goes through here, so what the readers learn to say about a place shows unchanged.
struct PlaceName {
    let outline: PageOutline
    let language: Language

    /// The full name; with `near`, a place in the same section as `near` drops the section
    /// path (a finding's related figures are mostly beside it).
    func name(_ span: Span, _ logical: LogicalLocation?, near: Span? = nil) -> String {
        let path = outline.sectionPath(at: span.start)
        var place = logical?.name.text(language) ?? ""
        if let table = outline.table(at: span.start) {
            if place.isEmpty {
                place = language == .zh ? "表\(table.number)" : "table \(table.number)"
            }
            // The table's title, unless the location or the heading above already says it.
            if let title = table.title, !place.contains(title), !path.contains(where: { Self.fold($0).contains(Self.fold(title)) }) {
                let short = PageOutline.shortened(title, to: 24)
                place += language == .zh ? "（\(short)）" : " (\(short))"
            }
        }
        if place.isEmpty {
            // Prose of a text report: its line, as the text output and an editor number it.
            let line = outline.document.source.lineIndex(of: span.start) + 1
            place = language == .zh ? "第\(line)行" : "line \(line)"
        }
        if path.isEmpty || (near.map { outline.sectionPath(at: $0.start) == path } ?? false) { return place }
        return path.map { PageOutline.shortened($0, to: 20) }.joined(separator: " › ") + " · " + place
    }

    /// Text compared without spaces and with full-width brackets as ASCII ones.
    static func fold(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.compactMap { c -> Unicode.Scalar? in
                    switch c {
                    case " ", "\u{3000}", "\t": return nil
                    case "（": return "("
                    case "）": return ")"
                    default: return c
                    }
                }))
    }
}

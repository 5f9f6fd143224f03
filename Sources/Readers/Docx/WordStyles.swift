import Model

/// Paragraph styles from word/styles.xml, reduced to what decides a heading: the
/// outline level a style sets or inherits, or its name ("heading 2", "标题 2").
struct WordStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        /// A list the style numbers its paragraphs with (headings linked to a multilevel list).
        var numberingID: Int?
        var numberingLevel = 0
    }

    var styles: [String: Style] = [:]

    /// The heading level (1-based) of a paragraph, from its own outline level, else its style's.
    func headingLevel(of p: WordParagraph) -> Int? {
        if let level = p.outlineLevel { return level < 9 ? level + 1 : nil }
        var id = p.styleID
        var seen = Set<String>()
        while let current = id, seen.insert(current).inserted, let style = styles[current] {
            if let level = style.outlineLevel { return level < 9 ? level + 1 : nil }
            if let level = WordStyles.level(named: style.name ?? current) { return level }
            id = style.basedOn
        }
        return p.styleID.flatMap { WordStyles.level(named: $0) }
    }

    /// The list a paragraph's style (or a style it is based on) numbers it with.
    func numbering(of p: WordParagraph) -> (id: Int, level: Int)? {
        var id = p.styleID
        var seen = Set<String>()
        while let current = id, seen.insert(current).inserted, let style = styles[current] {
            if let n = style.numberingID { return n == 0 ? nil : (n, style.numberingLevel) }
            id = style.basedOn
        }
        return nil
    }

    /// "heading 1", "Heading1", "标题 1", "标题1" → 1.
    static func level(named name: String) -> Int? {
        let folded = name.lowercased().replacing(" ", with: "")
        for prefix in ["heading", "标题"] where folded.hasPrefix(prefix) {
            if let n = Int(folded.dropFirst(prefix.count)), (1...9).contains(n) { return n }
        }
        return nil
    }
}

final class WordStylesReader: XMLPartHandler {
    var result = WordStyles()
    private var current: (id: String, style: WordStyles.Style)?

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        guard ns == .word else { return }
        switch local {
        case "style":
            current = a["type"] == "paragraph" ? (a["styleId"] ?? "", WordStyles.Style()) : nil
        case "name": current?.style.name = a["val"]
        case "basedOn": current?.style.basedOn = a["val"]
        case "outlineLvl": current?.style.outlineLevel = a["val"].flatMap { Int($0) }
        case "numId": current?.style.numberingID = a["val"].flatMap { Int($0) }
        case "ilvl": current?.style.numberingLevel = a["val"].flatMap { Int($0) } ?? 0
        default: break
        }
    }

    func end(_ ns: XNamespace, _ local: String) {
        if ns == .word, local == "style", let c = current {
            if !c.id.isEmpty { result.styles[c.id] = c.style }
            current = nil
        }
    }

    func text(_ s: String) {}
}

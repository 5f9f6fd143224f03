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
    /// What each style decides through its basedOn chain, resolved once for all styles
    /// (`resolveChains`, when styles.xml has been read): a
    /// paragraph's lookup is then one dictionary read, however long the chains (a hostile
    /// styles.xml may chain thousands, and a document has thousands of paragraphs).
    private var levels: [String: Int?] = [:]
    private var numberings: [String: (id: Int, level: Int)?] = [:]

    /// The heading level (1-based) of a paragraph, from its own outline level, else its style's.
    func headingLevel(of p: WordParagraph) -> Int? {
        if let level = p.outlineLevel { return level < 9 ? level + 1 : nil }
        if let id = p.styleID, let decided = levels[id] { return decided }
        return p.styleID.flatMap { WordStyles.level(named: $0) }
    }

    /// The list a paragraph's style (or a style it is based on) numbers it with.
    func numbering(of p: WordParagraph) -> (id: Int, level: Int)? {
        guard let id = p.styleID, let decided = numberings[id] else { return nil }
        return decided
    }

    /// Walks each chain once, from its end back: a style's answer is its own, else its
    /// base's (a cycle is cut where it closes; a missing base decides nothing).
    mutating func resolveChains() {
        var done = Set<String>()
        var levels: [String: Int?] = [:]
        var numberings: [String: (id: Int, level: Int)?] = [:]
        for start in styles.keys where !done.contains(start) {
            var path: [String] = []
            var onPath = Set<String>()
            var id: String? = start
            while let current = id, !done.contains(current), let style = styles[current], onPath.insert(current).inserted {
                path.append(current)
                id = style.basedOn
            }
            var next: String? = id.flatMap { done.contains($0) ? $0 : nil }
            for node in path.reversed() {
                guard let style = styles[node] else { continue }
                if let l = style.outlineLevel {
                    levels[node] = .some(l < 9 ? l + 1 : nil)
                } else if let l = WordStyles.level(named: style.name ?? node) {
                    levels[node] = .some(l)
                } else if let n = next, let inherited = levels[n] {
                    levels[node] = inherited
                }
                if let n = style.numberingID {
                    numberings[node] = .some(n == 0 ? nil : (n, style.numberingLevel))
                } else if let n = next, let inherited = numberings[n] {
                    numberings[node] = inherited
                }
                done.insert(node)
                next = node
            }
        }
        self.levels = levels
        self.numberings = numberings
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
    private let budget: WorkBudget?

    init(budget: WorkBudget? = nil) {
        self.budget = budget
    }

    var isStopped: Bool { budget?.isExhausted == true }

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
            if !c.id.isEmpty {
                budget?.charge(.memory, 128 + c.id.utf8.count + (c.style.name?.utf8.count ?? 0) + (c.style.basedOn?.utf8.count ?? 0))
                result.styles[c.id] = c.style
            }
            current = nil
        }
    }

    func text(_ s: String) {}
}

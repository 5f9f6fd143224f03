/// Where a narrative finding is, as a reader of the report finds it: the path of headings
/// above it ("第三部分 › 五、一般公共预算… › （三）"), not a line and a column thousands of
/// characters into a paragraph.
extension Document {
    /// The innermost section whose heading starts at or before `offset` (sections are in
    /// document order, each running to the next heading).
    public func sectionIndex(at offset: Int) -> Int? {
        var lo = 0
        var hi = sections.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sections[mid].headingSpan.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : lo - 1
    }

    /// The headings above `offset`, outermost first, each as its number and the start of its
    /// title ("五、一般公共预算财政拨款…"); nil outside every section.
    public func sectionLabel(at offset: Int) -> String? {
        guard let k = sectionIndex(at: offset) else { return nil }
        var labels: [String] = []
        var i: Int? = k
        while let s = i, labels.count < 8 {
            labels.append(SectionLabel.of(sections[s]))
            i = sections[s].parent
        }
        return labels.reversed().joined(separator: " › ")
    }
}

enum SectionLabel {
    /// Characters of a title kept before "…": enough to recognise it, short enough for a line.
    static let titleLength = 12

    static func of(_ s: Section) -> String {
        let title = s.title.count > titleLength ? String(s.title.prefix(titleLength)) + "…" : s.title
        guard let n = s.numbering else { return title }
        switch n.style {
        // "第三部分 2024年度…", "附表2 收入支出决算表": a word, then the title.
        case .part, .attachment: return n.marker + (title.isEmpty ? "" : " " + title)
        // The report's own full-width brackets, whichever the numbering was written with.
        case .parenChinese, .parenArabic:
            return n.marker.replacingBrackets() + title
        default: return n.marker + title
        }
    }
}

extension String {
    fileprivate func replacingBrackets() -> String {
        String(map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 })
    }
}

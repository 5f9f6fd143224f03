import Model

/// Recognises headings and list numbering in a line of text.
///
/// Styles, outermost first: 第一部分 / 附件1 · 一、 · （一） · 1. 1、 · （1） · ⑴ ①.
/// A numbered line is a heading when its first sentence is a short title
/// ("（三）人员概况。"), a run-in heading when a body follows the title on the
/// same line ("（一）收入情况。本单位…"), and otherwise a numbered paragraph
/// ("1.一般公共服务（类）…：支出决算为…"). Unnumbered short lines that end like a
/// title (…情况说明, …报告, …自评表) are headings too: Word's auto-numbering is
/// often lost in the export.
enum HeadingParser {
    static func blocks(for text: CleanText) -> [Block] {
        if let (numbering, markerEnd) = Numbering.parse(text) {
            let rest = text.slice(markerEnd..<text.count).trimmed()
            if numbering.style == .part || numbering.style == .attachment {
                return [.heading(Heading(level: 1, numbering: numbering, title: rest, span: text.fullSpan, section: nil))]
            }
            let level = numbering.rank
            var stop = 0
            while stop < rest.count && rest[stop] != 0x3002 { stop += 1 }
            let first = rest.slice(0..<stop).trimmed()
            let afterTitle = min(rest.count, stop + 1)
            let body = rest.slice(afterTitle..<rest.count).trimmed()
            if isTitle(first, limit: body.isEmpty ? 28 : 16) {
                // The heading runs to its title's 。 (or the end); a run-in body follows as a paragraph.
                let end = stop < rest.count ? rest.span(stop..<(stop + 1)).end : text.fullSpan.end
                let headingSpan = Span(text.fullSpan.start, end)
                var out: [Block] = [.heading(Heading(level: level, numbering: numbering, title: first, span: headingSpan, section: nil))]
                if !body.isEmpty {
                    out.append(.paragraph(Paragraph(text: body, span: body.fullSpan, listMarker: nil, section: nil)))
                }
                return out
            }
            return [.paragraph(Paragraph(text: text, span: text.fullSpan, listMarker: numbering, section: nil))]
        }
        if let level = unnumberedTitleLevel(text) {
            return [.heading(Heading(level: level, numbering: nil, title: text, span: text.fullSpan, section: nil))]
        }
        return [.paragraph(Paragraph(text: text, span: text.fullSpan, listMarker: nil, section: nil))]
    }

    /// A title: short, no clause punctuation, no amounts.
    static func isTitle(_ t: CleanText, limit: Int) -> Bool {
        guard !t.isEmpty, t.count <= limit else { return false }
        for i in 0..<t.count {
            let s = t[i]
            if s == 0xFF0C || s == 0xFF1B || s == 0xFF1A || s == 0x3A || s == 0x2C || s == 0x3B { return false }
            if s == 0x25 { return false }
            if Chars.isDigit(s), i + 1 < t.count, t[i + 1] == 0x4E07 { return false } // N万
        }
        return true
    }

    static let titleSuffixes: [(String, Int)] = [
        ("绩效评价报告", 1), ("评价报告", 1), ("报告", 1), ("自评表", 1), ("评价表", 1), ("决算表", 1),
        ("情况说明", 2), ("名词解释", 2), ("说明", 2), ("情况", 2), ("概况", 2)
    ]
    static let titleSuffixScalars = titleSuffixes.map { (Chars.of($0.0), $0.1) }

    static func unnumberedTitleLevel(_ t: CleanText) -> Int? {
        guard t.count >= 4, t.count <= 30 else { return nil }
        for s in t.scalars where s == 0x3002 || s == 0xFF0C || s == 0xFF1B || s == 0xFF1A || s == 0x3A || s == 0x25 {
            return nil
        }
        if t[0] == 0x28 { return nil } // "（图1…）", "（春节慰问费）"
        for (suffix, level) in titleSuffixScalars where t.count >= suffix.count && t.matches(suffix, at: t.count - suffix.count) {
            return level
        }
        return nil
    }

    /// Page footers such as "- 1 -" or "— 12 —" are layout, not content.
    static func isPageFooter(_ t: CleanText) -> Bool {
        guard t.count <= 12 else { return false }
        var digits = 0
        for s in t.scalars {
            if Chars.isDigit(s) {
                digits += 1
                continue
            }
            if s == 0x2D || s == 0x2014 || s == 0x2013 || s == 0x20 || s == 0x7B2C || s == 0x9875 { continue } // - — – 第 页
            return false
        }
        return digits > 0
    }
}

/// Builds the section tree from heading levels and assigns every block its section.
enum SectionBuilder {
    static func build(_ input: [Block]) -> ([Block], [Section]) {
        var blocks = input
        var sections: [Section] = []
        var stack: [(level: Int, index: Int)] = []
        for i in 0..<blocks.count {
            switch blocks[i] {
            case .heading(var h):
                while let top = stack.last, top.level >= h.level { stack.removeLast() }
                let index = sections.count
                sections.append(
                    Section(
                        title: h.title.string, level: h.level, numbering: h.numbering,
                        parent: stack.last?.index, headingSpan: h.span, block: i))
                stack.append((h.level, index))
                h.section = index
                blocks[i] = .heading(h)
            case .paragraph(var p):
                p.section = stack.last?.index
                blocks[i] = .paragraph(p)
            case .table(var t):
                t.section = stack.last?.index
                blocks[i] = .table(t)
            case .chart(var c):
                c.section = stack.last?.index
                blocks[i] = .chart(c)
            }
        }
        return (blocks, sections)
    }
}

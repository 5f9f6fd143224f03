import Model

/// Text a template left in place of the report's own: "XX局", "××单位", "XXXX年", "XXX万元",
/// "【单位名称】".
public struct Placeholder: Sendable {
    public var text: String
    public var span: Span
    /// In a heading or a title (the report's name), rather than in a sentence.
    public var inTitle: Bool
}

/// A title that names the reporting unit and year: "上海市示例局2024年度部门决算",
/// "第三部分 示例局2024年度部门决算情况说明", "示例局2025年部门预算".
public struct UnitTitle: Sendable {
    /// The unit as named, white space removed ("上海市示例局").
    public var unit: String
    public var year: Int?
    public var text: String
    public var span: Span
    /// Span of the unit's name within the title.
    public var unitSpan: Span
}

/// Finds template residue and the titles that name the unit, in headings, paragraphs and cells.
enum TemplateResidueReader {
    /// Letters a template uses for blanks: X, x, ×, Ｘ, ｘ, ✕.
    static let blanks: Set<UInt32> = [0x58, 0x78, 0xD7, 0xFF38, 0xFF58, 0x2715]
    static let bracketWords = ["单位", "名称", "部门", "年度", "金额", "填写", "数字", "项目名称"].map(Chars.of)
    static let reportWords = ["决算", "预算"].map(Chars.of)
    static let partWord = Chars.of("部分")

    static func read(_ document: Document) -> (placeholders: [Placeholder], titles: [UnitTitle]) {
        var placeholders: [Placeholder] = []
        var titles: [UnitTitle] = []
        func scan(_ t: CleanText, title: Bool) {
            guard placeholders.count < 1000 else { return }
            placeholders += find(t, inTitle: title)
            if title || t.count <= 60, let u = unitTitle(t) { titles.append(u) }
        }
        for block in document.blocks {
            switch block {
            case .heading(let h): scan(h.title, title: true)
            case .paragraph(let p): scan(p.text, title: false)
            case .table(let t):
                for row in t.rows { for cell in row.cells where !cell.isEmpty { placeholders += find(cell.text, inTitle: false) } }
            case .chart: break
            }
        }
        return (placeholders, titles)
    }

    /// A name that is a template's blank ("XX局", "××单位").
    static func isPlaceholder(_ s: String) -> Bool {
        s.contains("XX") || s.contains("××") || s.contains("ＸＸ") || s.contains("xx")
    }

    /// Runs of two or more blank letters standing alone, and bracketed field names.
    static func find(_ t: CleanText, inTitle: Bool) -> [Placeholder] {
        var out: [Placeholder] = []
        var i = 0
        let n = t.count
        while i < n {
            let s = t[i]
            if blanks.contains(s) {
                var j = i
                while j < n && (blanks.contains(t[j]) || Chars.isSpace(t[j])) { j += 1 }
                var end = j
                while end > i && Chars.isSpace(t[end - 1]) { end -= 1 }
                let letters = (i..<end).filter { blanks.contains(t[$0]) }.count
                let before = i > 0 ? t[i - 1] : 0
                let after = end < n ? t[end] : 0
                // Part of a word or code ("XXL", "X101", "Excel"): not a blank.
                let attached = Chars.isASCIILetter(before) || Chars.isDigit(before) || Chars.isASCIILetter(after) || Chars.isDigit(after)
                var b = i - 1
                while b >= 0 && Chars.isSpace(t[b]) { b -= 1 }
                let near = (b >= 0 ? t[b] : 0, j < n ? t[j] : 0)
                let asciiOnly = (i..<end).allSatisfy { t[$0] == 0x58 || t[$0] == 0x78 || Chars.isSpace(t[$0]) }
                // Two ASCII x's next to Chinese text or a percent sign are a blank; "xx" in Latin text is not.
                let inChinese = Chars.isHan(near.0) || Chars.isHan(near.1) || near.1 == 0x25
                if letters >= 2 && !attached && (!asciiOnly || letters > 2 || inChinese) {
                    let from = i
                    let to = min(n, end + (Chars.isHan(after) ? 1 : 0))
                    out.append(Placeholder(text: t.string(from..<to), span: t.span(from..<to), inTitle: inTitle))
                }
                i = max(j, i + 1)
                continue
            }
            // 【单位名称】, [单位名称]
            if s == 0x3010 || s == 0x5B {
                let close: UInt32 = s == 0x3010 ? 0x3011 : 0x5D
                var j = i + 1
                while j < n && j - i <= 12 && t[j] != close { j += 1 }
                if j < n && t[j] == close {
                    let inner = Array(t.scalars[(i + 1)..<j])
                    if bracketWords.contains(where: { w in MentionReader.contains(w, in: inner) }) && !inner.contains(where: Chars.isDigit)
                    {
                        out.append(Placeholder(text: t.string(i..<(j + 1)), span: t.span(i..<(j + 1)), inTitle: inTitle))
                    }
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// "<unit><year>年(度)…决算/预算": the unit is what stands before the year.
    static func unitTitle(_ t: CleanText) -> UnitTitle? {
        guard t.count >= 6, t.count <= 60, reportWords.contains(where: { t.contains($0) }) else { return nil }
        for s in t.scalars where s == 0x3002 || s == 0xFF0C || s == 0xFF1B { return nil }
        guard let year = yearOfTitle(t) else { return nil }
        var start = 0
        if let (numbering, end) = Numbering.parse(t), numbering.style == .part || numbering.style == .chineseComma { start = end }
        // "第三部分" written without its numbering style being recognised.
        if let p = t.find(partWord), p < 6 { start = max(start, p + partWord.count) }
        var lo = start
        var hi = year.range.lowerBound
        while lo < hi && Chars.isSpace(t[lo]) { lo += 1 }
        while hi > lo && Chars.isSpace(t[hi - 1]) { hi -= 1 }
        guard hi - lo >= 2 else { return nil }
        let unit = Chars.string((lo..<hi).map { t[$0] }.filter { !Chars.isSpace($0) })
        // A sentence, not a name: "本部门", "截至", a wrapped line.
        guard !unit.contains("截至"), !unit.contains("本部门"), !unit.contains("本单位"), unit.count <= 30,
            unit.unicodeScalars.allSatisfy({ Chars.isHan($0.value) || $0 == "X" || $0 == "x" || $0 == "×" })
        else { return nil }
        // What follows the year is a report's title: "年度部门决算", "部门预算", "…决算表", "…情况说明".
        var tail = (year.range.upperBound..<t.count).map { t[$0] }.filter { !Chars.isSpace($0) }
        while let last = tail.last, last == 0x29 || last == 0xFF09 { tail.removeLast() }
        let tailText = Chars.string(tail)
        guard tail.count <= 16, tail.allSatisfy({ Chars.isHan($0) || $0 == 0x201C || $0 == 0x201D }),
            tailText.contains("决算") || tailText.contains("预算"),
            ["决算", "预算", "表", "说明", "公开", "报告"].contains(where: { tailText.hasSuffix($0) })
        else { return nil }
        return UnitTitle(unit: unit, year: year.year, text: t.string, span: t.fullSpan, unitSpan: t.span(lo..<hi))
    }

    /// The first "2024年" (spaces allowed between, as text extracted from PDF prints it "2024 年").
    static func yearOfTitle(_ t: CleanText) -> (year: Int, range: Range<Int>)? {
        var i = 0
        while i + 4 < t.count {
            guard (0..<4).allSatisfy({ Chars.isDigit(t[i + $0]) }), i == 0 || !Chars.isDigit(t[i - 1]) else {
                i += 1
                continue
            }
            var j = i + 4
            while j < t.count && Chars.isSpace(t[j]) { j += 1 }
            if j < t.count && t[j] == 0x5E74, let y = Int(t.string(i..<(i + 4))), (1990...2100).contains(y) {
                return (y, i..<(j + 1))
            }
            i += 4
        }
        return nil
    }
}

import Model

/// The spaces an extractor puts where the page had none: between digits and CJK ("2024 年度",
/// "245.53 万元", "为 1560.05"), inside numbers ("1, 234.56", "43.92 %"), between CJK
/// characters spread by justification ("其 他 商 品"). They are left out of the clean text
/// (which keeps, for every character, its place in the source); a gap of several spaces
/// between two fields of a line is kept as one space.
///
/// Typed text (Word export, .docx, .xlsx, a PDF's own text) carries some of the same spaces,
/// put in by writers and templates: "2024 年度", "245.53 万元", "占 43.92 %". Those go too, so
/// that a figure reads the same whichever way it was set; every other space of typed text
/// stays as it was.
enum SpacedText {
    /// Where the text comes from, which decides which spaces are noise.
    enum Spacing {
        /// Extracted from a page: spaces between digits and CJK, inside numbers, between CJK
        /// spread by justification; a wider gap is one space between fields.
        case extracted
        /// Typed: only a space or two between a figure and CJK (or its %) is noise.
        case typed
    }

    /// The widest run of spaces in typed text still taken for a writer's spacing of a figure
    /// ("2024  年度"); a wider one lays out something else.
    static let typedRunLimit = 2

    /// The byte ranges of `r` to keep, in order.
    static func kept(_ bytes: [UInt8], _ r: Range<Int>, _ spacing: Spacing = .extracted) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var segment = r.lowerBound
        var i = r.lowerBound
        var previous: UInt32 = 0
        var beforePrevious: UInt32 = 0
        while i < r.upperBound {
            let (raw, length) = UTF8Scan.decode(bytes, at: i, limit: r.upperBound)
            let s = Chars.fold(raw)
            guard s == 0x20 || raw == 0x0C else {
                beforePrevious = previous
                previous = s
                i += length
                continue
            }
            // A run of spaces: what comes after it decides.
            let runStart = i
            var j = i
            var run = 0
            while j < r.upperBound {
                let (t, l) = UTF8Scan.decode(bytes, at: j, limit: r.upperBound)
                guard Chars.fold(t) == 0x20 || t == 0x0C else { break }
                j += l
                run += 1
            }
            guard j < r.upperBound, previous != 0 else {
                i = j
                continue
            }
            let next = Chars.fold(UTF8Scan.decode(bytes, at: j, limit: r.upperBound).0)
            let decision =
                spacing == .typed
                ? (isLeadingCode(bytes, from: r.lowerBound, to: runStart) ? .keep : decideTyped(previous, next, run: run))
                : decide(previous, beforePrevious, next, run: run, after: bytes, at: j, limit: r.upperBound)
            switch decision {
            case .drop:
                if runStart > segment { out.append(segment..<runStart) }
                segment = j
            case .keepOne:
                if run > 1 {
                    out.append(segment..<(runStart + length))
                    segment = j
                }
            case .keep:
                break
            }
            i = j
        }
        if r.upperBound > segment { out.append(segment..<r.upperBound) }
        return out
    }

    enum Decision { case drop, keepOne, keep }

    static func decide(_ p: UInt32, _ pp: UInt32, _ n: UInt32, run: Int, after bytes: [UInt8], at j: Int, limit: Int) -> Decision {
        let pDigit = Chars.isDigit(p)
        let nDigit = Chars.isDigit(n)
        let pWide = isWide(p)
        let nWide = isWide(n)
        // Digits against CJK: "2024 年度", "为 1560.05", "12 月 31 日", "43.92% 的".
        if (pDigit || p == 0x25) && nWide { return .drop }
        if pWide && nDigit { return .drop }
        // Inside a number: "43.92 %", "245 .53", "245. 53", "1, 234.56".
        if pDigit && (n == 0x25 || n == 0x2E) { return .drop }
        if p == 0x2E && Chars.isDigit(pp) && nDigit { return .drop }
        if p == 0x2C && Chars.isDigit(pp) && nDigit && thousandsGroup(bytes, at: j, limit: limit) { return .drop }
        // CJK spread by justification; a wider gap separates fields.
        if pWide && nWide { return run == 1 ? .drop : .keepOne }
        return .keepOne
    }

    /// Typed text: a figure spaced from the CJK around it ("2024 年度", "为 1560.05", "43.92% 的")
    /// or from its percent sign ("43.92 %").
    static func decideTyped(_ p: UInt32, _ n: UInt32, run: Int) -> Decision {
        guard run <= typedRunLimit else { return .keep }
        let pDigit = Chars.isDigit(p)
        let nDigit = Chars.isDigit(n)
        if (pDigit || p == 0x25) && isWide(n) { return .drop }
        if isWide(p) && nDigit { return .drop }
        if pDigit && n == 0x25 { return .drop }
        return .keep
    }

    /// A classification code heading its field ("201 一般公共服务支出", "30201 办公费",
    /// "2101101 行政单位医疗"): 3, 5 or 7 digits (类, 款, 项) and nothing else before the space,
    /// which separates the code from its name rather than a figure from its unit.
    static func isLeadingCode(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        var k = start
        while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 { k += 1 }
        let digits = end - k
        guard digits == 3 || digits == 5 || digits == 7 else { return false }
        return bytes[k..<end].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Exactly three digits, then no digit: the rest of a thousands group.
    static func thousandsGroup(_ bytes: [UInt8], at j: Int, limit: Int) -> Bool {
        var k = j
        var n = 0
        while k < limit && n < 4 {
            guard bytes[k] >= 0x30 && bytes[k] <= 0x39 else { break }
            n += 1
            k += 1
        }
        return n == 3
    }

    /// Han characters, CJK and full-width punctuation, curly quotes: text set without spaces.
    @inline(__always)
    static func isWide(_ s: UInt32) -> Bool {
        Chars.isHan(s) || (s >= 0x3001 && s <= 0x303F) || (s >= 0xFF01 && s <= 0xFF60) || (s >= 0x2018 && s <= 0x201F)
            || s == 0x28 || s == 0x29 || s == 0x2014 || s == 0x2026
    }

    /// Appends the kept parts of `r` to `builder`.
    static func append(_ builder: inout CleanTextBuilder, _ bytes: [UInt8], _ r: Range<Int>, _ spacing: Spacing = .extracted) {
        guard spacing == .extracted || mayHoldSpace(bytes, r) else {
            builder.append(r.lowerBound, r.upperBound)
            return
        }
        for part in kept(bytes, r, spacing) { builder.append(part.lowerBound, part.upperBound) }
    }

    /// Whether `r` holds a byte of a space (ASCII, TAB, no-break, ideographic): most typed lines
    /// hold none and are appended whole.
    static func mayHoldSpace(_ bytes: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0xC2 { return true }
            if b == 0xE3 && i + 2 < r.upperBound && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { return true }
            if b == 0xE2 && i + 1 < r.upperBound && (bytes[i + 1] == 0x80 || bytes[i + 1] == 0x81) { return true }
            i += 1
        }
        return false
    }
}

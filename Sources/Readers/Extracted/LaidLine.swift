import Model

/// One line of text extracted from a PDF, as the extractor laid it out: where its content
/// starts and ends in display columns (a CJK character takes two, as on the page), which
/// page it is on, and the fields that runs of two or more spaces separate (the cells of a
/// table row flattened onto one line).
struct LaidLine {
    /// The source line (0-based).
    let line: Int
    /// The page (0-based): form feeds between lines count pages.
    let page: Int
    /// The content's bytes, without form feeds and surrounding whitespace (empty: a blank line).
    let content: Range<Int>
    /// Display columns of whitespace before the content.
    let indent: Int
    /// Display column just past the content (the line's right edge).
    let width: Int
    /// Characters of the content, and where its right edge falls counted in characters
    /// (indent included): text wrapped at a character count rather than a width.
    let characters: Int
    let fields: [LaidField]

    /// A TAB inside the line (exported chart data; an extractor writes none).
    let hasTab: Bool

    var isBlank: Bool { content.isEmpty }
    var rightEdgeInCharacters: Int { indent + characters }
    var hasValue: Bool { fields.contains { $0.isValue } }
    var hasHan: Bool { fields.contains { $0.han > 0 } }
}

/// A run of a line between gaps of two or more spaces.
struct LaidField {
    let bytes: Range<Int>
    /// Display columns [start, end).
    let start: Int
    let end: Int
    let han: Int
    let digits: Int
    /// A figure or a placeholder for one ("2,940.05", "90.09%", "0", "—"): a value cell.
    let isValue: Bool
}

enum LaidLines {
    /// Lays out every line of `source`.
    static func read(_ source: SourceText) -> [LaidLine] {
        var out: [LaidLine] = []
        out.reserveCapacity(source.lineCount)
        var page = 0
        let bytes = source.bytes
        for i in 0..<source.lineCount {
            let start = source.lineStarts[i]
            let end = source.lineEnd(i)
            // Form feeds open pages; pdftotext writes them at the start of a page's first line.
            var k = start
            while k < end && (bytes[k] == 0x0C || bytes[k] == 0x20) {
                if bytes[k] == 0x0C { page += 1 }
                k += 1
            }
            let line = lay(bytes, start, end, page: page, index: i)
            out.append(line)
            // A form feed inside or at the end of a line opens a page after it.
            var j = k
            while j < end {
                if bytes[j] == 0x0C { page += 1 }
                j += 1
            }
        }
        return out
    }

    @inline(__always)
    static func isSpaceScalar(_ s: UInt32) -> Bool { s == 0x20 || s == 0x09 || s == 0x0C || s == 0x3000 || s == 0xA0 }

    static func lay(_ bytes: [UInt8], _ start: Int, _ end: Int, page: Int, index: Int) -> LaidLine {
        var column = 0
        var i = start
        var first = -1
        var last = start
        var indent = 0
        var characters = 0
        var fields: [LaidField] = []
        // The field being read, and the gap before the next one.
        var fieldStart = -1
        var fieldColumn = 0
        var fieldEnd = 0
        var fieldEndColumn = 0
        var han = 0
        var digits = 0
        var valueLike = true
        var gapSpaces = 0
        var tab = false
        func closeField() {
            guard fieldStart >= 0 else { return }
            fields.append(
                LaidField(
                    bytes: fieldStart..<fieldEnd, start: fieldColumn, end: fieldEndColumn, han: han, digits: digits,
                    isValue: valueLike && (digits > 0 || isPlaceholder(bytes, fieldStart..<fieldEnd))))
            fieldStart = -1
            han = 0
            digits = 0
            valueLike = true
        }
        while i < end {
            let (scalar, length) = UTF8Scan.decode(bytes, at: i, limit: end)
            let w = scalar == 0x09 ? 1 : Chars.displayWidth(scalar)
            if isSpaceScalar(scalar) {
                if scalar != 0x0C { column += scalar == 0x3000 ? 2 : 1 }
                // A TAB (which no PDF extractor writes) separates fields by itself, as wide a gap as any.
                gapSpaces += scalar == 0x3000 || scalar == 0x09 ? 2 : (scalar == 0x0C ? 0 : 1)
                if scalar == 0x09 { tab = true }
                i += length
                continue
            }
            if first < 0 {
                first = i
                indent = column
            }
            if fieldStart >= 0 && gapSpaces >= 2 { closeField() }
            if fieldStart < 0 {
                fieldStart = i
                fieldColumn = column
            }
            gapSpaces = 0
            characters += 1
            if Chars.isHan(scalar) { han += 1 }
            if Chars.isDigit(scalar) || (scalar >= 0xFF10 && scalar <= 0xFF19) {
                digits += 1
            } else if !isValueScalar(scalar) {
                valueLike = false
            }
            column += w
            i += length
            last = i
            fieldEnd = i
            fieldEndColumn = column
        }
        closeField()
        // Characters between fields count too (a gap of spaces is not content, but a single space is).
        if first < 0 {
            return LaidLine(line: index, page: page, content: start..<start, indent: 0, width: 0, characters: 0, fields: [], hasTab: false)
        }
        var chars = 0
        var j = first
        while j < last {
            let (_, length) = UTF8Scan.decode(bytes, at: j, limit: last)
            chars += 1
            j += length
        }
        let width = fields.last?.end ?? indent
        return LaidLine(
            line: index, page: page, content: first..<last, indent: indent, width: width, characters: chars, fields: fields,
            hasTab: tab)
    }

    /// Characters a printed figure may carry besides digits.
    @inline(__always)
    static func isValueScalar(_ s: UInt32) -> Bool {
        s == 0x2C || s == 0x2E || s == 0x25 || s == 0x2D || s == 0x2B || s == 0xFF05 || s == 0xFF0C || s == 0xFF0E
            || s == 0x20 || s == 0x2014 || s == 0x2013 || s == 0xFF0D
    }

    /// "—", "-", "－": an empty value as tables print it.
    static func isPlaceholder(_ bytes: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.lowerBound
        var n = 0
        while i < r.upperBound {
            let (s, l) = UTF8Scan.decode(bytes, at: i, limit: r.upperBound)
            guard s == 0x2D || s == 0x2014 || s == 0x2013 || s == 0xFF0D else { return false }
            n += 1
            i += l
        }
        return n > 0 && n <= 2
    }
}

/// Reads PDF tokens and objects from bytes (a file, a decoded object stream or a content
/// stream). Never traps: every index is checked, numbers that overflow become reals, and
/// nesting is bounded.
struct PDFLexer {
    enum Token {
        case object(PDFObject)
        /// A bare word: an operator in a content stream, `obj`, `stream`, `R`, `xref`…
        case keyword(Range<Int>)
        /// `]`, `>>`, `}` outside of the structure that opens them (or closing one).
        case close(UInt8)
        case end
    }

    let bytes: [UInt8]
    var pos: Int
    let end: Int
    let maxDepth: Int
    /// Whether "N G R" is read as a reference (files and object streams; not content streams).
    var references = true
    /// Content streams: a dictionary operand (marked-content properties) is skipped, read as
    /// null, since only the tag before it matters and building it costs an allocation.
    var skipsDictionaries = false

    init(_ bytes: [UInt8], at pos: Int = 0, end: Int? = nil, maxDepth: Int = 64) {
        self.bytes = bytes
        self.end = min(end ?? bytes.count, bytes.count)
        self.pos = max(0, min(pos, self.end))
        self.maxDepth = maxDepth
    }

    var atEnd: Bool { pos >= end }

    // MARK: white space and comments

    @inline(__always) mutating func skipWhite() {
        while pos < end {
            let b = bytes[pos]
            if ByteClass.isWhite(b) {
                pos += 1
                continue
            }
            if b == 0x25 { // % comment to end of line
                while pos < end && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
                continue
            }
            return
        }
    }

    /// Whether the bytes at `pos` spell `word` followed by a non-regular byte (or the end).
    func at(_ word: StaticString, _ p: Int? = nil) -> Bool {
        let p = p ?? pos
        let n = word.utf8CodeUnitCount
        guard p >= 0, p + n <= end else { return false }
        let w = word.utf8Start
        for k in 0..<n where bytes[p + k] != w[k] { return false }
        return p + n == end || !ByteClass.isRegular(bytes[p + n])
    }

    func keyword(_ r: Range<Int>, is word: StaticString) -> Bool {
        r.count == word.utf8CodeUnitCount && at(word, r.lowerBound)
    }

    // MARK: tokens

    mutating func next(depth: Int = 0) throws(PDFError) -> Token {
        skipWhite()
        guard pos < end else { return .end }
        let b = bytes[pos]
        switch b {
        case 0x2F: // /
            return .object(.name(readName()))
        case 0x28: // (
            return .object(.string(try readLiteralString()))
        case 0x3C: // <
            if pos + 1 < end && bytes[pos + 1] == 0x3C {
                pos += 2
                if skipsDictionaries {
                    try skipDict(depth: depth + 1)
                    return .object(.null)
                }
                return .object(.dict(try readDict(depth: depth + 1)))
            }
            return .object(.string(readHexString()))
        case 0x3E: // >
            pos += 1
            if pos < end && bytes[pos] == 0x3E { pos += 1 }
            return .close(0x3E)
        case 0x5B: // [
            pos += 1
            return .object(.array(try readArray(depth: depth + 1)))
        case 0x5D: // ]
            pos += 1
            return .close(0x5D)
        case 0x7B, 0x7D: // { } PostScript calculator braces: no text here.
            pos += 1
            return b == 0x7D ? .close(0x7D) : .keyword(pos - 1..<pos)
        case 0x29: // a stray )
            pos += 1
            return .keyword(pos - 1..<pos)
        default:
            break
        }
        let start = pos
        // The common number ("12", "-0.5", "841.92") read in the same pass that finds its end.
        if let number = simpleNumber() { return .object(number) }
        while pos < end && ByteClass.isRegular(bytes[pos]) { pos += 1 }
        if pos == start {
            pos += 1
            return .keyword(start..<pos)
        }
        let c = bytes[start]
        if ByteClass.isDigit(c) || c == 0x2B || c == 0x2D || c == 0x2E {
            let number = parseNumber(start, pos)
            if references, case .int(let n) = number, n >= 0, let r = referenceAfter(n) { return .object(.ref(r)) }
            return .object(number)
        }
        let r = start..<pos
        switch pos - start {
        case 4 where keyword(r, is: "true"): return .object(.bool(true))
        case 4 where keyword(r, is: "null"): return .object(.null)
        case 5 where keyword(r, is: "false"): return .object(.bool(false))
        default: return .keyword(r)
        }
    }

    /// An object; a keyword where an object is expected is an error.
    mutating func object(depth: Int = 0) throws(PDFError) -> PDFObject {
        switch try next(depth: depth) {
        case .object(let o): return o
        case .end: throw PDFError.malformed("对象不完整", "an object is incomplete")
        case .close, .keyword: throw PDFError.malformed("此处应为对象", "an object was expected")
        }
    }

    /// "G R" after an integer already read: a reference.
    private mutating func referenceAfter(_ n: Int) -> ObjectRef? {
        let save = pos
        skipWhite()
        let gStart = pos
        while pos < end && ByteClass.isDigit(bytes[pos]) { pos += 1 }
        if pos > gStart, pos - gStart <= 5, pos < end, !ByteClass.isRegular(bytes[pos]) || bytes[pos] == 0x52 {
            var g = 0
            for k in gStart..<pos { g = g * 10 + Int(bytes[k] - 0x30) }
            skipWhite()
            if pos < end, bytes[pos] == 0x52, pos + 1 == end || !ByteClass.isRegular(bytes[pos + 1]) {
                pos += 1
                return ObjectRef(number: n, generation: g)
            }
        }
        pos = save
        return nil
    }

    // MARK: numbers

    /// An optional minus, up to 15 digits, an optional fraction, ended by a non-regular byte;
    /// anything else (references, overflow, odd forms) is left to the general path.
    @inline(__always) private mutating func simpleNumber() -> PDFObject? {
        var i = pos
        var negative = false
        if i < end && bytes[i] == 0x2D {
            negative = true
            i += 1
        }
        var whole = 0
        var digits = 0
        while i < end, ByteClass.isDigit(bytes[i]), digits < 15 {
            whole = whole * 10 + Int(bytes[i] &- 0x30)
            digits += 1
            i += 1
        }
        if i < end && bytes[i] == 0x2E {
            i += 1
            var fraction = 0
            var scale = 1
            var places = 0
            while i < end, ByteClass.isDigit(bytes[i]), places < 9 {
                fraction = fraction * 10 + Int(bytes[i] &- 0x30)
                scale *= 10
                places += 1
                i += 1
            }
            guard digits + places > 0, i == end || !ByteClass.isRegular(bytes[i]) else { return nil }
            pos = i
            let v = Double(whole) + Double(fraction) / Double(scale)
            return .real(negative ? -v : v)
        }
        guard digits > 0, i == end || !ByteClass.isRegular(bytes[i]) else { return nil }
        // A whole number may begin "N G R": the general path looks for the reference.
        if references { return nil }
        pos = i
        return .int(negative ? -whole : whole)
    }

    /// A number from a run of regular bytes, leniently: "--5", "5.", ".5", "1.2.3" as poppler reads them.
    func parseNumber(_ s: Int, _ e: Int) -> PDFObject {
        var i = s
        var negative = false
        while i < e && (bytes[i] == 0x2D || bytes[i] == 0x2B) {
            if bytes[i] == 0x2D { negative = true }
            i += 1
        }
        var whole = 0
        var big: Double? = nil
        while i < e, ByteClass.isDigit(bytes[i]) {
            let d = Int(bytes[i] - 0x30)
            if let b = big {
                big = b * 10 + Double(d)
            } else {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(d)
                if o1 || o2 { big = Double(whole) * 10 + Double(d) } else { whole = a }
            }
            i += 1
        }
        if i < e && bytes[i] == 0x2E {
            i += 1
            var value = big ?? Double(whole)
            var scale = 0.1
            while i < e, ByteClass.isDigit(bytes[i]) {
                value += Double(bytes[i] - 0x30) * scale
                scale *= 0.1
                i += 1
            }
            return .real(negative ? -value : value)
        }
        if let b = big { return .real(negative ? -b : b) }
        return .int(negative ? -whole : whole)
    }

    // MARK: names and strings

    mutating func readName() -> String {
        pos += 1 // '/'
        let start = pos
        var escaped = false
        while pos < end && ByteClass.isRegular(bytes[pos]) {
            if bytes[pos] == 0x23 { escaped = true }
            pos += 1
        }
        if !escaped { return String(decoding: bytes[start..<pos], as: UTF8.self) }
        var out: [UInt8] = []
        var i = start
        while i < pos {
            if bytes[i] == 0x23, i + 2 < pos, let h = ByteClass.hexValue(bytes[i + 1]), let l = ByteClass.hexValue(bytes[i + 2]) {
                out.append(UInt8(h << 4 | l))
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func readLiteralString() throws(PDFError) -> [UInt8] {
        pos += 1 // '('
        var out: [UInt8] = []
        var depth = 1
        while pos < end {
            let b = bytes[pos]
            pos += 1
            switch b {
            case 0x28:
                depth += 1
                out.append(b)
            case 0x29:
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case 0x5C: // backslash
                guard pos < end else { return out }
                let e = bytes[pos]
                pos += 1
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x0D: if pos < end && bytes[pos] == 0x0A { pos += 1 } // line continuation
                case 0x0A: break
                case 0x30...0x37:
                    var v = Int(e - 0x30)
                    var n = 1
                    while n < 3, pos < end, bytes[pos] >= 0x30, bytes[pos] <= 0x37 {
                        v = v * 8 + Int(bytes[pos] - 0x30)
                        pos += 1
                        n += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: v))
                default: out.append(e)
                }
            case 0x0D:
                out.append(0x0A)
                if pos < end && bytes[pos] == 0x0A { pos += 1 }
            default:
                out.append(b)
            }
        }
        throw PDFError.malformed("字符串没有结束", "a string is not terminated")
    }

    mutating func readHexString() -> [UInt8] {
        pos += 1 // '<'
        var out: [UInt8] = []
        var high: Int? = nil
        while pos < end {
            let b = bytes[pos]
            pos += 1
            if b == 0x3E { break }
            guard let v = ByteClass.hexValue(b) else { continue }
            if let h = high {
                out.append(UInt8(h << 4 | v))
                high = nil
            } else {
                high = v
            }
        }
        if let h = high { out.append(UInt8(h << 4)) }
        return out
    }

    // MARK: containers

    mutating func readArray(depth: Int) throws(PDFError) -> [PDFObject] {
        guard depth <= maxDepth else { throw PDFError.limit("嵌套深度 / nesting depth", maxDepth) }
        var items: [PDFObject] = []
        while true {
            switch try next(depth: depth) {
            case .object(let o): items.append(o)
            case .close(0x5D): return items
            case .close: continue
            case .keyword(let r):
                // "N G R" split oddly, or junk: skip; a stray "endobj" ends the array.
                if keyword(r, is: "endobj") || keyword(r, is: "stream") {
                    pos = r.lowerBound
                    return items
                }
                continue
            case .end: throw PDFError.malformed("数组没有结束", "an array is not terminated")
            }
        }
    }

    /// Past a dictionary whose "<<" was read, strings and nested dictionaries included.
    mutating func skipDict(depth: Int) throws(PDFError) {
        guard depth <= maxDepth else { throw PDFError.limit("嵌套深度 / nesting depth", maxDepth) }
        while pos < end {
            switch bytes[pos] {
            case 0x28: _ = try readLiteralString()
            case 0x25: skipWhite()
            case 0x3C:
                if pos + 1 < end && bytes[pos + 1] == 0x3C {
                    pos += 2
                    try skipDict(depth: depth + 1)
                } else {
                    pos += 1
                    while pos < end && bytes[pos] != 0x3E { pos += 1 }
                    pos += 1
                }
            case 0x3E:
                pos += 1
                if pos < end && bytes[pos] == 0x3E {
                    pos += 1
                    return
                }
            default:
                pos += 1
            }
        }
        throw PDFError.malformed("字典没有结束", "a dictionary is not terminated")
    }

    mutating func readDict(depth: Int) throws(PDFError) -> PDFDict {
        guard depth <= maxDepth else { throw PDFError.limit("嵌套深度 / nesting depth", maxDepth) }
        var dict = PDFDict()
        var key: String? = nil
        while true {
            switch try next(depth: depth) {
            case .object(let o):
                if let k = key {
                    dict.entries[k] = o
                    key = nil
                } else if case .name(let n) = o {
                    key = n
                }
            case .close(0x3E): return dict
            case .close: continue
            case .keyword(let r):
                if keyword(r, is: "endobj") || keyword(r, is: "stream") {
                    pos = r.lowerBound
                    return dict
                }
                if key != nil { key = nil } // a value the lexer cannot read: drop the key
            case .end: throw PDFError.malformed("字典没有结束", "a dictionary is not terminated")
            }
        }
    }
}

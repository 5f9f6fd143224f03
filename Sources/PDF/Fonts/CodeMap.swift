/// Character codes to Unicode, as a ToUnicode CMap or an encoding defines them. Codes up to
/// 0xFFFF sit in a flat table (a lookup per glyph is an index); longer ones in a dictionary.
struct UnicodeMap {
    /// 0 = unmapped; a value with the top bit set is an index into `multi` (ligatures, surrogates).
    private var flat: [UInt32] = []
    private var multi: [[UInt32]] = []
    private var wide: [UInt32: [UInt32]] = [:]

    var isEmpty: Bool { flat.isEmpty && wide.isEmpty }

    init() {}

    /// Builds the map from (code, scalars) pairs; later pairs win. Codes sit in the flat table
    /// only when they fill a fair share of it: a few scattered high codes cost no 256 KB table.
    init(_ pairs: [(UInt32, [UInt32])]) {
        var top: UInt32 = 0
        var small = 0
        for (c, _) in pairs where c <= 0xFFFF {
            top = max(top, c)
            small += 1
        }
        let dense = small > 0 && (top < 1024 || small * 8 >= Int(top))
        if dense { flat = [UInt32](repeating: 0, count: Int(top) + 1) }
        for (c, s) in pairs {
            guard !s.isEmpty else { continue }
            if c > 0xFFFF || !dense {
                wide[c] = s
                continue
            }
            if s.count == 1 && s[0] < 0x8000_0000 {
                flat[Int(c)] = s[0]
            } else {
                flat[Int(c)] = 0x8000_0000 | UInt32(multi.count)
                multi.append(s)
            }
        }
    }

    /// Appends the scalars of `code` to `out`; false when the code is not mapped.
    @inline(__always) func append(_ code: UInt32, to out: inout [UInt32]) -> Bool {
        if code < UInt32(flat.count) {
            let v = flat[Int(code)]
            if v == 0 { return false }
            if v & 0x8000_0000 == 0 {
                out.append(v)
                return true
            }
            out.append(contentsOf: multi[Int(v & 0x7FFF_FFFF)])
            return true
        }
        if let s = wide[code] {
            out.append(contentsOf: s)
            return true
        }
        return false
    }
}

/// How the bytes of a string split into character codes: codespace ranges of 1–4 bytes.
struct Codespace: Sendable {
    struct Range: Sendable {
        var low: [UInt8]
        var high: [UInt8]
    }

    var ranges: [Range]

    static let oneByte = Codespace(ranges: [Range(low: [0x00], high: [0xFF])])
    static let twoBytes = Codespace(ranges: [Range(low: [0x00, 0x00], high: [0xFF, 0xFF])])

    /// The code at `i` and its length in bytes. A byte sequence in no range takes the length of
    /// the shortest range (the standard's rule for invalid codes), so text stays in step.
    @inline(__always) func code(_ s: [UInt8], at i: Int) -> (UInt32, Int) {
        if ranges.count == 1 {
            let n = ranges[0].low.count
            var c: UInt32 = 0
            for k in 0..<n { c = c << 8 | UInt32(i + k < s.count ? s[i + k] : 0) }
            return (c, n)
        }
        var shortest = 4
        for r in ranges {
            let n = r.low.count
            shortest = min(shortest, n)
            guard i + n <= s.count else { continue }
            var inside = true
            for k in 0..<n where s[i + k] < r.low[k] || s[i + k] > r.high[k] {
                inside = false
                break
            }
            if inside {
                var c: UInt32 = 0
                for k in 0..<n { c = c << 8 | UInt32(s[i + k]) }
                return (c, n)
            }
        }
        var c: UInt32 = 0
        for k in 0..<shortest { c = c << 8 | UInt32(i + k < s.count ? s[i + k] : 0) }
        return (c, shortest)
    }
}

/// A CMap file (ToUnicode, or an embedded encoding CMap): its codespace ranges, bfchar/bfrange
/// mappings to Unicode and cidchar/cidrange mappings to CIDs. Ranges are bounded, so a hostile
/// <00000000> <FFFFFFFF> range costs nothing.
struct CMapFile {
    var codespace: Codespace?
    var unicode: [(UInt32, [UInt32])] = []
    var cids: [(UInt32, UInt32)] = []
    var useCMap: String?

    static let maxEntries = 1 << 17

    static func parse(_ data: [UInt8]) throws(PDFError) -> CMapFile {
        var cmap = CMapFile()
        var lexer = PDFLexer(data)
        lexer.references = false
        var operands: [PDFObject] = []
        var spaces: [Codespace.Range] = []
        var section = ""
        var budget = maxEntries
        while true {
            let token = try lexer.next()
            switch token {
            case .end:
                if !spaces.isEmpty { cmap.codespace = Codespace(ranges: spaces) }
                return cmap
            case .object(let o):
                operands.append(o)
                if operands.count > 4096 { operands.removeFirst(2048) }
            case .close:
                continue
            case .keyword(let r):
                let word = String(decoding: data[r], as: UTF8.self)
                switch word {
                case "begincodespacerange", "beginbfchar", "beginbfrange", "begincidchar", "begincidrange", "beginnotdefrange":
                    section = word
                    operands.removeAll(keepingCapacity: true)
                case "endcodespacerange":
                    var k = 0
                    while k + 1 < operands.count {
                        // A few ranges describe any real encoding; each code is tested against them.
                        if spaces.count < 64, let lo = operands[k].string, let hi = operands[k + 1].string, lo.count == hi.count,
                            (1...4).contains(lo.count)
                        {
                            spaces.append(Codespace.Range(low: lo, high: hi))
                        }
                        k += 2
                    }
                    section = ""
                case "endbfchar":
                    var k = 0
                    while k + 1 < operands.count, budget > 0 {
                        if let src = operands[k].string, src.count <= 4 {
                            let dst = operands[k + 1]
                            if let s = dst.string {
                                cmap.unicode.append((code(src), utf16(s)))
                                budget -= 1
                            } else if let n = dst.name, let s = SimpleEncoding.scalars(forGlyph: n) {
                                cmap.unicode.append((code(src), s))
                                budget -= 1
                            }
                        }
                        k += 2
                    }
                    section = ""
                case "endbfrange":
                    var k = 0
                    while k + 2 < operands.count, budget > 0 {
                        defer { k += 3 }
                        guard let lo = operands[k].string, let hi = operands[k + 1].string, lo.count <= 4, hi.count <= 4 else { continue }
                        let a = code(lo)
                        let b = code(hi)
                        guard b >= a else { continue }
                        let n = Int(min(b - a, UInt32(budget)))
                        if let base = operands[k + 2].string {
                            var units = utf16Units(base)
                            guard !units.isEmpty else { continue }
                            let last = units.count - 1
                            let start = units[last]
                            for j in 0...n {
                                units[last] = start &+ UInt16(truncatingIfNeeded: j)
                                cmap.unicode.append((a + UInt32(j), scalars(units)))
                            }
                            budget -= n + 1
                        } else if let list = operands[k + 2].array {
                            for (j, item) in list.prefix(n + 1).enumerated() {
                                if let s = item.string { cmap.unicode.append((a + UInt32(j), utf16(s))) }
                            }
                            budget -= min(n + 1, list.count)
                        }
                    }
                    section = ""
                case "endcidchar":
                    var k = 0
                    while k + 1 < operands.count, budget > 0 {
                        if let src = operands[k].string, src.count <= 4, let cid = operands[k + 1].int, cid >= 0 {
                            cmap.cids.append((code(src), UInt32(truncatingIfNeeded: cid)))
                            budget -= 1
                        }
                        k += 2
                    }
                    section = ""
                case "endcidrange":
                    var k = 0
                    while k + 2 < operands.count, budget > 0 {
                        defer { k += 3 }
                        guard let lo = operands[k].string, let hi = operands[k + 1].string, lo.count <= 4, hi.count <= 4,
                            let cid = operands[k + 2].int, cid >= 0, cid <= 0xFFFF_FFFF
                        else { continue }
                        let a = code(lo)
                        let b = code(hi)
                        guard b >= a else { continue }
                        let n = Int(min(b - a, UInt32(budget)))
                        for j in 0...n { cmap.cids.append((a + UInt32(j), UInt32(truncatingIfNeeded: cid + j))) }
                        budget -= n + 1
                    }
                    section = ""
                case "endnotdefrange":
                    section = ""
                case "usecmap":
                    if let n = operands.last?.name { cmap.useCMap = n }
                default:
                    if section.isEmpty { operands.removeAll(keepingCapacity: true) }
                }
            }
        }
    }

    static func code(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0
        for b in bytes.prefix(4) { c = c << 8 | UInt32(b) }
        return c
    }

    static func utf16Units(_ bytes: [UInt8]) -> [UInt16] {
        if bytes.count == 1 { return [UInt16(bytes[0])] }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 0
        while i + 1 < bytes.count {
            units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            i += 2
        }
        return units
    }

    static func utf16(_ bytes: [UInt8]) -> [UInt32] { scalars(utf16Units(bytes)) }

    /// UTF-16 code units to scalars (a lone surrogate is dropped).
    static func scalars(_ units: [UInt16]) -> [UInt32] {
        var out: [UInt32] = []
        var i = 0
        while i < units.count {
            let u = units[i]
            if u >= 0xD800 && u < 0xDC00, i + 1 < units.count, units[i + 1] >= 0xDC00, units[i + 1] < 0xE000 {
                out.append(0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[i + 1] - 0xDC00))
                i += 2
                continue
            }
            if u < 0xD800 || u >= 0xE000, u != 0 { out.append(UInt32(u)) }
            i += 1
        }
        return out
    }
}

/// Character classes and folding used by the reader and the extractors.
/// Everything works on Unicode scalar values, never on `Character`, which is
/// slow to iterate on Linux.
public enum Chars {
    public static let space: UInt32 = 0x20
    public static let newline: UInt32 = 0x0A

    /// Folds look-alike scalars to one form (see `CleanText`).
    @inline(__always)
    public static func fold(_ s: UInt32) -> UInt32 {
        switch s {
        case 0xFF10...0xFF19: return s - 0xFF10 + 0x30 // full-width digits
        case 0x3000, 0x00A0, 0x09, 0x2002...0x200A, 0x202F: return 0x20
        case 0xFF05: return 0x25 // ％
        case 0xFF0E: return 0x2E // ．
        case 0xFF08: return 0x28 // （
        case 0xFF09: return 0x29 // ）
        case 0xFF1D: return 0x3D // ＝
        case 0xFF1E: return 0x3E // ＞
        case 0xFF1C: return 0x3C // ＜
        case 0x2267: return 0x2265 // ≧ → ≥
        case 0x2266: return 0x2264 // ≦ → ≤
        case 0xFF0D, 0x2212: return 0x2D // －, − → -
        case 0xFF0B: return 0x2B // ＋
        case 0x200B, 0xFEFF: return 0x20 // zero-width space, stray BOM
        default: return s
        }
    }

    @inline(__always)
    public static func isDigit(_ s: UInt32) -> Bool { s >= 0x30 && s <= 0x39 }

    @inline(__always)
    public static func isSpace(_ s: UInt32) -> Bool { s == 0x20 || s == 0x09 || s == 0x0D }

    @inline(__always)
    public static func isASCIILetter(_ s: UInt32) -> Bool { (s | 0x20) >= 0x61 && (s | 0x20) <= 0x7A }

    /// CJK unified ideographs (the basic block and extension A).
    @inline(__always)
    public static func isHan(_ s: UInt32) -> Bool { (s >= 0x4E00 && s <= 0x9FFF) || (s >= 0x3400 && s <= 0x4DBF) }

    /// Sentence end: 。！？ and their ASCII forms (an ASCII `.` is not, it is a decimal point).
    @inline(__always)
    public static func isSentenceEnd(_ s: UInt32) -> Bool {
        s == 0x3002 || s == 0xFF01 || s == 0xFF1F || s == 0x21 || s == 0x3F || s == 0x0A
    }

    /// Clause separators inside a sentence: ，；：、 and ASCII , ; :
    @inline(__always)
    public static func isClauseSeparator(_ s: UInt32) -> Bool {
        s == 0xFF0C || s == 0xFF1B || s == 0xFF1A || s == 0x3001 || s == 0x2C || s == 0x3B || s == 0x3A
    }

    /// Terminal display width (CJK and full-width forms take two columns).
    public static func displayWidth(_ s: UInt32) -> Int {
        if s < 0x1100 { return 1 }
        if (s >= 0x1100 && s <= 0x115F) || (s >= 0x2E80 && s <= 0xA4CF) || (s >= 0xAC00 && s <= 0xD7A3)
            || (s >= 0xF900 && s <= 0xFAFF) || (s >= 0xFE30 && s <= 0xFE4F) || (s >= 0xFF00 && s <= 0xFF60)
            || (s >= 0xFFE0 && s <= 0xFFE6) || (s >= 0x20000 && s <= 0x3FFFD)
        {
            return 2
        }
        return 1
    }

    /// UTF-32 scalars of a string literal, for matching against `CleanText`.
    public static func of(_ s: String) -> [UInt32] { s.unicodeScalars.map { fold($0.value) } }

    /// The string of UTF-32 scalars (invalid ones dropped), written as UTF-8 in place:
    /// appending to a `String.UnicodeScalarView` cost thousands of instructions a call.
    public static func string<C: Collection>(_ scalars: C) -> String where C.Element == UInt32 {
        String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var n = 0
            for s in scalars {
                switch s {
                case 0..<0x80:
                    out[n] = UInt8(s)
                    n += 1
                case 0x80..<0x800:
                    out[n] = UInt8(0xC0 | s >> 6)
                    out[n + 1] = UInt8(0x80 | s & 0x3F)
                    n += 2
                case 0xD800..<0xE000:
                    continue
                case 0x800..<0x10000:
                    out[n] = UInt8(0xE0 | s >> 12)
                    out[n + 1] = UInt8(0x80 | s >> 6 & 0x3F)
                    out[n + 2] = UInt8(0x80 | s & 0x3F)
                    n += 3
                case 0x10000..<0x110000:
                    out[n] = UInt8(0xF0 | s >> 18)
                    out[n + 1] = UInt8(0x80 | s >> 12 & 0x3F)
                    out[n + 2] = UInt8(0x80 | s >> 6 & 0x3F)
                    out[n + 3] = UInt8(0x80 | s & 0x3F)
                    n += 4
                default:
                    continue
                }
            }
            return n
        }
    }
}

extension String {
    /// Whether `word` occurs in the string, compared byte by byte (UTF-8 is self-synchronising,
    /// so a byte match is a scalar match). Foundation's `contains` goes through NSString and
    /// cost about ten thousand instructions a call.
    public func includes(_ word: String) -> Bool {
        var haystack = self
        var needle = word
        return haystack.withUTF8 { h in needle.withUTF8 { Search.first($0, in: h) != nil } }
    }
}

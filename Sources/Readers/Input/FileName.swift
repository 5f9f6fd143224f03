/// File names are bytes; Swift strings are Unicode. A name that is not UTF-8 (a GBK name
/// made on a Chinese desktop) is carried losslessly in a `String` by mapping each byte that
/// is not part of valid UTF-8 to a private-use scalar (U+10FC80 + byte − 0x80), and mapped
/// back when the file is opened. Shown to people, those bytes (and control characters,
/// which could forge lines in CI logs) are escaped as `\xNN`.
public enum FileName {
    static let base: UInt32 = 0x10FC00

    /// The bytes of a name (or path) as a string, invalid bytes kept as private-use scalars.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < array.count {
            let length = sequenceLength(array, at: i)
            if length > 0, let s = String(validating: array[i..<i + length], as: UTF8.self) {
                scalars.append(contentsOf: s.unicodeScalars)
                i += length
            } else {
                scalars.append(Unicode.Scalar(base + UInt32(array[i]))!)
                i += 1
            }
        }
        return String(scalars)
    }

    /// The bytes to give the system for a name or path made by `decode`.
    public static func bytes(_ path: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for s in path.unicodeScalars {
            if s.value >= base + 0x80 && s.value <= base + 0xFF {
                out.append(UInt8(s.value - base))
            } else {
                out.append(contentsOf: String(s).utf8)
            }
        }
        return out
    }

    /// Runs `body` with the system's form of `path` (NUL-terminated).
    public static func withSystemPath<T>(_ path: String, _ body: (UnsafePointer<CChar>) -> T) -> T {
        var raw = bytes(path).map { CChar(bitPattern: $0) }
        raw.append(0)
        return raw.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// A name or path as shown in reports: bytes that are not UTF-8 and control characters
    /// as `\xNN` (a backslash itself stays as it is). Unchanged for ordinary names.
    public static func shown(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: needsEscape) else { return path }
        var out = ""
        for s in path.unicodeScalars {
            if s.value >= base + 0x80 && s.value <= base + 0xFF {
                out += "\\x" + hex(UInt8(s.value - base))
            } else if needsEscape(s) {
                out += "\\x" + hex(UInt8(truncatingIfNeeded: s.value))
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0) || (s.value >= base + 0x80 && s.value <= base + 0xFF)
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// The length of the UTF-8 sequence a lead byte announces (0: not a lead byte, or cut short).
    static func sequenceLength(_ a: [UInt8], at i: Int) -> Int {
        let b = a[i]
        let n = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
        return i + n <= a.count ? n : 0
    }
}

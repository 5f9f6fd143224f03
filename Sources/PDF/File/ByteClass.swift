/// PDF character classes (ISO 32000-1 §7.2.2): white space, delimiters, regular characters.
enum ByteClass {
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 256)
        for b: UInt8 in [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20] { t[Int(b)] = 1 }
        for b in "()<>[]{}/%".utf8 { t[Int(b)] = 2 }
        return t
    }()

    @inline(__always) static func isWhite(_ b: UInt8) -> Bool { table[Int(b)] == 1 }
    @inline(__always) static func isDelimiter(_ b: UInt8) -> Bool { table[Int(b)] == 2 }
    @inline(__always) static func isRegular(_ b: UInt8) -> Bool { table[Int(b)] == 0 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always) static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 0x30...0x39: return Int(b - 0x30)
        case 0x41...0x46: return Int(b - 0x41 + 10)
        case 0x61...0x66: return Int(b - 0x61 + 10)
        default: return nil
        }
    }
}

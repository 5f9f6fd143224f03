/// PDF character classes (ISO 32000-1 §7.2.2): white space, delimiters, regular characters.
/// Bit masks in code, not a table in a global, so the lexer's inner loops need no lazy
/// initialisation check per byte.
enum ByteClass {
    /// NUL, TAB, LF, FF, CR, space.
    @inline(__always) static var whiteMask: UInt64 { 0x0000_0001_0000_3601 }
    /// ( ) < > / % (the delimiters below 0x40; [ ] { } are tested directly).
    @inline(__always) static var delimiterMask: UInt64 { 0x5000_8320_0000_0000 }

    @inline(__always) static func isWhite(_ b: UInt8) -> Bool { b < 64 && (whiteMask >> UInt64(b)) & 1 != 0 }

    @inline(__always) static func isDelimiter(_ b: UInt8) -> Bool {
        b < 64 ? (delimiterMask >> UInt64(b)) & 1 != 0 : (b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D)
    }

    @inline(__always) static func isRegular(_ b: UInt8) -> Bool {
        b < 64 ? ((whiteMask | delimiterMask) >> UInt64(b)) & 1 == 0 : !(b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D)
    }

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

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The predefined CMaps a composite font may name instead of embedding one: Identity, the
/// Unicode ones (UCS-2, UTF-16) and the legacy Chinese multi-byte ones (GB, GBK, Big5), whose
/// codes are decoded through glibc's iconv. Other predefined CMaps read as two-byte codes
/// without Unicode (a ToUnicode map then has to supply the text).
enum PredefinedCMap: Sendable, Equatable {
    case identity
    case ucs2
    case utf16
    /// Codes in a legacy multi-byte encoding; `iconv` names it.
    case multiByte(iconv: String)
    case unknown

    init(name: String) {
        let n = name.hasSuffix("-H") || name.hasSuffix("-V") ? String(name.dropLast(2)) : name
        switch n {
        case "Identity": self = .identity
        case "UniGB-UCS2", "UniCNS-UCS2", "UniJIS-UCS2", "UniKS-UCS2", "UniJIS-UCS2-HW": self = .ucs2
        case "UniGB-UTF16", "UniCNS-UTF16", "UniJIS-UTF16", "UniKS-UTF16": self = .utf16
        case "GB-EUC", "GBpc-EUC", "GBK-EUC", "GBKp-EUC", "GBT-EUC", "GBTpc-EUC", "GBK2K": self = .multiByte(iconv: "GBK")
        case "B5pc", "ETen-B5", "HKscs-B5", "ETenms-B5", "CNS-EUC": self = .multiByte(iconv: "BIG5")
        default: self = .unknown
        }
    }

    var codespace: Codespace {
        switch self {
        case .identity, .ucs2, .unknown: return .twoBytes
        case .utf16:
            return Codespace(ranges: [
                .init(low: [0x00, 0x00], high: [0xD7, 0xFF]), .init(low: [0xE0, 0x00], high: [0xFF, 0xFF]),
                .init(low: [0xD8, 0x00, 0xDC, 0x00], high: [0xDB, 0xFF, 0xDF, 0xFF])
            ])
        case .multiByte:
            // One byte for ASCII, two for the rest (lead bytes 0x81–0xFE).
            return Codespace(ranges: [.init(low: [0x00], high: [0x80]), .init(low: [0x81, 0x40], high: [0xFE, 0xFE])])
        }
    }
}

/// Converts legacy multi-byte codes one at a time through iconv, remembering each answer.
final class LegacyCodeDecoder {
    private let descriptor: iconv_t?
    private var cache: [UInt32: UInt32] = [:]

    init(encoding: String) {
        let cd = iconv_open("UTF-32LE", encoding)
        descriptor = cd == iconv_t(bitPattern: -1) ? nil : cd
    }

    deinit { if let d = descriptor { iconv_close(d) } }

    /// The scalar of a one- or two-byte code (0 when the code is not a character).
    func scalar(_ code: UInt32, length: Int) -> UInt32 {
        if length == 1 { return code >= 0x20 && code < 0x7F ? code : 0 }
        if let s = cache[code] { return s }
        guard let cd = descriptor else { return 0 }
        var input: [UInt8] = [UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code)]
        var output = [UInt8](repeating: 0, count: 8)
        var result: UInt32 = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = 2
                var outLeft = 8
                _ = iconv(cd, nil, nil, nil, nil) // reset the shift state
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1, outLeft == 4 {
                    result = UInt32(outBuf[0]) | UInt32(outBuf[1]) << 8 | UInt32(outBuf[2]) << 16 | UInt32(outBuf[3]) << 24
                }
            }
        }
        if !SimpleEncoding.isScalar(result) { result = 0 }
        cache[code] = result
        return result
    }
}

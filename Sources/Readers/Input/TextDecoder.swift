import Model

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns raw bytes into UTF-8 text: UTF-8 (BOM dropped), UTF-16 with a BOM,
/// or — as Chinese offices still save text — GB18030. Anything else is an input error.
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var bytes: [UInt8]
        public var encoding: String
    }

    public static func decode(_ raw: [UInt8]) throws(InputError) -> Decoded {
        if raw.isEmpty || raw.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(.empty, LocalizedText(zh: "文件为空", en: "the file is empty"))
        }
        // UTF-8 with BOM
        if raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF {
            let body = Array(raw[3...])
            guard UTF8Validation.isValid(body) else {
                throw InputError(
                    .encoding,
                    LocalizedText(zh: "文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8", en: "the file starts with a UTF-8 BOM but is not valid UTF-8"))
            }
            return try checkedText(Decoded(bytes: body, encoding: "UTF-8"))
        }
        // UTF-16 with BOM (Windows "Unicode" text)
        if raw.count >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)) {
            let little = raw[0] == 0xFF
            guard let utf8 = Iconv.convert(Array(raw[2...]), from: little ? "UTF-16LE" : "UTF-16BE") else {
                throw InputError(
                    .encoding, LocalizedText(zh: "文件以 UTF-16 BOM 开头，但内容无法解码", en: "the file starts with a UTF-16 BOM but cannot be decoded")
                )
            }
            return try checkedText(Decoded(bytes: utf8, encoding: little ? "UTF-16LE" : "UTF-16BE"))
        }
        if let format = BinarySniffer.knownBinaryFormat(raw) {
            throw InputError(.unsupportedFormat, format)
        }
        if raw.contains(0) {
            throw InputError(.binary, LocalizedText(zh: "这是二进制文件，不是文本报告", en: "this is a binary file, not a text report"))
        }
        if UTF8Validation.isValid(raw) {
            return try checkedText(Decoded(bytes: raw, encoding: "UTF-8"))
        }
        if let converted = Iconv.convert(raw, from: "GB18030") {
            return try checkedText(Decoded(bytes: converted, encoding: "GB18030"))
        }
        throw InputError(.encoding, LocalizedText(zh: "文件既不是 UTF-8 也不是 GB18030 编码的文本", en: "the file is neither UTF-8 nor GB18030 text"))
    }

    /// Text that is mostly control characters is binary whatever it decoded as.
    static func checkedText(_ d: Decoded) throws(InputError) -> Decoded {
        var controls = 0
        for b in d.bytes where b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C {
            controls += 1
        }
        if controls > 0 && controls * 100 > d.bytes.count {
            throw InputError(.binary, LocalizedText(zh: "这是二进制文件，不是文本报告", en: "this is a binary file, not a text report"))
        }
        return d
    }
}

/// Recognises binary containers by their first bytes, to name them in the error.
public enum BinarySniffer {
    public static func isZip(_ raw: [UInt8]) -> Bool {
        raw.count >= 4 && raw[0] == 0x50 && raw[1] == 0x4B && (raw[2] == 0x03 || raw[2] == 0x05 || raw[2] == 0x07)
    }

    public static func isOLE2(_ raw: [UInt8]) -> Bool {
        raw.count >= 8 && raw[0] == 0xD0 && raw[1] == 0xCF && raw[2] == 0x11 && raw[3] == 0xE0
    }

    /// An OLE2 compound file is either an encrypted Office document (Office wraps the
    /// encrypted .docx in one, with an "EncryptedPackage" stream) or a legacy binary format.
    public static func describeOLE2(_ raw: [UInt8]) -> InputError {
        if containsUTF16(raw, "EncryptedPackage") {
            return InputError(
                .encrypted,
                LocalizedText(
                    zh: "这是设有密码的 Office 文档，无法读取；请去除密码后再审核",
                    en: "this is a password-protected Office document and cannot be read; remove the password and audit it again"))
        }
        if containsUTF16(raw, "Workbook") || containsUTF16(raw, "Book") {
            return InputError(
                .unsupportedFormat,
                LocalizedText(
                    zh: "这是旧版 Excel（.xls）文件，不受支持；请在 Excel 或 WPS 中另存为 .xlsx",
                    en: "this is a legacy Excel (.xls) file, which is not supported; save it as .xlsx in Excel or WPS"))
        }
        if containsUTF16(raw, "WordDocument") {
            return InputError(
                .unsupportedFormat,
                LocalizedText(
                    zh: "这是旧版 Word（.doc）文件，不受支持；请另存为 .docx 或导出为文本",
                    en: "this is a legacy Word (.doc) file, which is not supported; save it as .docx or export it as text"))
        }
        return InputError(
            .unsupportedFormat,
            LocalizedText(
                zh: "这是旧版 Office 二进制文件（OLE2），不受支持；请提供 .docx 或导出的文本",
                en: "this is a legacy Office binary (OLE2) file, which is not supported; provide the .docx or exported text"))
    }

    /// Whether a stream name occurs in the compound file's directory (names are UTF-16LE).
    static func containsUTF16(_ raw: [UInt8], _ name: String) -> Bool {
        Search.contains(Array(name.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), in: raw)
    }

    static func knownBinaryFormat(_ raw: [UInt8]) -> LocalizedText? {
        if isOLE2(raw) {
            return LocalizedText(
                zh: "这是旧版 Word（.doc）或加密的 Office 文件，不受支持；请另存为 .docx 或导出为文本",
                en: "this is a legacy Word (.doc) or encrypted Office file, which is not supported; save it as .docx or export it as text")
        }
        return nil
    }
}

public enum UTF8Validation {
    /// Strict UTF-8 validation (no overlongs, no surrogates, ≤ U+10FFFF).
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf -> Bool in
            let n = buf.count
            var i = 0
            while i < n {
                // Fast path for runs of ASCII.
                if buf[i] < 0x80 {
                    i += 1
                    continue
                }
                let b0 = buf[i]
                if b0 >= 0xC2 && b0 <= 0xDF {
                    guard i + 1 < n, buf[i + 1] & 0xC0 == 0x80 else { return false }
                    i += 2
                } else if b0 >= 0xE0 && b0 <= 0xEF {
                    guard i + 2 < n else { return false }
                    let b1 = buf[i + 1]
                    let b2 = buf[i + 2]
                    guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
                    if b0 == 0xE0 && b1 < 0xA0 { return false }
                    if b0 == 0xED && b1 > 0x9F { return false }
                    i += 3
                } else if b0 >= 0xF0 && b0 <= 0xF4 {
                    guard i + 3 < n else { return false }
                    let b1 = buf[i + 1]
                    guard b1 & 0xC0 == 0x80, buf[i + 2] & 0xC0 == 0x80, buf[i + 3] & 0xC0 == 0x80 else { return false }
                    if b0 == 0xF0 && b1 < 0x90 { return false }
                    if b0 == 0xF4 && b1 > 0x8F { return false }
                    i += 4
                } else {
                    return false
                }
            }
            return true
        }
    }
}

/// glibc's iconv, converting to UTF-8. Returns nil on any invalid or incomplete input.
public enum Iconv {
    public static func convert(_ input: [UInt8], from encoding: String) -> [UInt8]? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = 0
        let ok: Bool = source.withUnsafeMutableBufferPointer { inBuf -> Bool in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while inLeft > 0 {
                if output.count - produced < 64 { output.append(contentsOf: [UInt8](repeating: 0, count: output.count)) }
                let done: Int = output.withUnsafeMutableBufferPointer { outBuf -> Int in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress! + produced).assumingMemoryBound(
                        to: CChar.self)
                    var outLeft = outBuf.count - produced
                    let before = outLeft
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    produced += before - outLeft
                    if r == -1 {
                        return errno == E2BIG ? 1 : -1
                    }
                    return 0
                }
                if done == -1 { return false }
                if done == 0 && inLeft > 0 { return false }
            }
            return true
        }
        guard ok else { return nil }
        output.removeSubrange(produced...)
        return output
    }
}

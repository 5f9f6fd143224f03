/// Why a PDF could not be read: one kind a caller can act on, and a message in Chinese and English.
public struct PDFError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Password-protected (an /Encrypt dictionary): nothing can be read without the key.
        case encrypted
        /// Pages without any text: a scan, which needs OCR before it can be audited.
        case noTextLayer = "no-text-layer"
        /// A stream compressed with a filter other than FlateDecode.
        case unsupportedFilter = "unsupported-filter"
        /// A bound on work or memory was reached: hostile or absurd input.
        case limitExceeded = "limit-exceeded"
        /// The file ends before its structure does.
        case truncated
        /// Not a PDF, or a PDF whose structure cannot be made sense of.
        case malformed
    }

    public var kind: Kind
    public var zh: String
    public var en: String

    public init(_ kind: Kind, zh: String, en: String) {
        self.kind = kind
        self.zh = zh
        self.en = en
    }

    public var description: String { en }

    static func malformed(_ zh: String, _ en: String) -> PDFError { PDFError(.malformed, zh: zh, en: en) }

    static func limit(_ limit: String, _ value: Int) -> PDFError {
        PDFError(
            .limitExceeded, zh: "超出限制：\(limit)（上限 \(value)），拒绝读取", en: "limit exceeded: \(limit) (at most \(value)); the file is refused")
    }

    static let encrypted = PDFError(
        .encrypted, zh: "这是加密（设有密码或权限保护）的 PDF，无法读取；请去除加密后再审核",
        en: "this PDF is encrypted (password or permissions protection) and cannot be read; remove the encryption and audit it again")

    static let noTextLayer = PDFError(
        .noTextLayer, zh: "PDF 没有文字层（扫描件）：请先做 OCR 文字识别",
        en: "no text layer: run OCR first (the PDF holds scanned pages only)")

    static let noText = PDFError(.noTextLayer, zh: "PDF 中没有文字", en: "no text layer: the PDF contains no text")

    static func unsupportedFilter(_ name: String) -> PDFError {
        PDFError(
            .unsupportedFilter, zh: "PDF 使用了不支持的压缩方式 \(name)（仅支持 FlateDecode）",
            en: "the PDF uses the unsupported filter \(name) (only FlateDecode is read)")
    }

    static func truncated(_ zh: String, _ en: String) -> PDFError {
        PDFError(.truncated, zh: "PDF 文件被截断：\(zh)", en: "the PDF is truncated: \(en)")
    }
}

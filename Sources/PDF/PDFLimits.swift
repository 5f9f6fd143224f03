/// Bounds on the work and memory one PDF may cost, so that hostile input is one error in
/// milliseconds rather than a hang or an exhausted machine. A published report needs a small
/// fraction of each.
public struct PDFLimits: Sendable {
    /// Objects in the cross-reference table(s).
    public var maxObjects = 2_000_000
    /// Nesting of arrays and dictionaries, of page-tree levels and of Form XObjects.
    public var maxDepth = 64
    /// Form XObjects nested in one another.
    public var maxFormDepth = 12
    /// Bytes one decoded stream may produce.
    public var maxStreamBytes = 64 << 20
    /// Bytes all decoded streams together may produce.
    public var maxTotalDecoded = 256 << 20
    /// Expansion ratio accepted once a stream has produced `ratioGrace` bytes (content compresses
    /// 3–20×; a run of zeros, 1000×).
    public var maxRatio = 200
    public var ratioGrace = 1 << 20
    /// Content-stream operators executed, over all pages.
    public var maxOperators = 10_000_000
    /// Glyphs shown, over all pages.
    public var maxGlyphs = 3_000_000
    /// Pages.
    public var maxPages = 10_000
    /// Path segments kept as candidate ruling lines, over all pages.
    public var maxRules = 2_000_000
    /// Character mappings and widths held by all the fonts together (a report's dozen fonts
    /// hold tens of thousands).
    public var maxFontEntries = 2_000_000

    public init() {}

    public static let standard = PDFLimits()
}

/// What has been spent of the limits while reading one file.
final class WorkBudget {
    let limits: PDFLimits
    var decoded = 0
    var operators = 0
    var glyphs = 0
    var rules = 0

    init(_ limits: PDFLimits) { self.limits = limits }

    func spendDecoded(_ n: Int) throws(PDFError) {
        decoded += n
        if decoded > limits.maxTotalDecoded { throw .limit("解压后的流总字节数 / total decoded stream bytes", limits.maxTotalDecoded) }
    }

    @inline(__always) func spendOperator() throws(PDFError) {
        operators &+= 1
        if operators > limits.maxOperators { throw .limit("内容流操作符数 / content-stream operators", limits.maxOperators) }
    }

    @inline(__always) func spendGlyph() throws(PDFError) {
        glyphs &+= 1
        if glyphs > limits.maxGlyphs { throw .limit("字形数 / glyphs", limits.maxGlyphs) }
    }

    var fontEntries = 0

    func spendFontEntries(_ n: Int) throws(PDFError) {
        fontEntries += n
        if fontEntries > limits.maxFontEntries { throw .limit("字体映射条目数 / font mapping entries", limits.maxFontEntries) }
    }

    @inline(__always) func spendRule() throws(PDFError) {
        rules &+= 1
        if rules > limits.maxRules { throw .limit("路径线段数 / path segments", limits.maxRules) }
    }
}

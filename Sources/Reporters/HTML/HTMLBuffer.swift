/// A page being written, as UTF-8 bytes. Untrusted text (report text, file names, messages that
/// quote the report) goes in only through `text`, which escapes it for both element content and
/// quoted attribute values; `raw` is for the page's own markup.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// The page's own markup, written as is.
    mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Untrusted text, escaped.
    mutating func text(_ s: String) {
        var copy = s
        copy.withUTF8 { buffer in append(escaping: buffer) }
    }

    /// Untrusted bytes of a decoded source (valid UTF-8), escaped.
    mutating func text(source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        source.withUnsafeBufferPointer { b in
            append(escaping: UnsafeBufferPointer(rebasing: b[range]))
        }
    }

    /// `name="value"` with the value escaped, preceded by a space.
    mutating func attribute(_ name: String, _ value: String) {
        raw(" " + name + "=\"")
        text(value)
        raw("\"")
    }

    /// Escapes `& < > " '` (so the same text is safe in content and in quoted attributes), shows
    /// C0 controls as their Control Pictures (U+2400…), and replaces C1 controls, bidirectional
    /// overrides and noncharacters with U+FFFD: text that could not be seen, or could reorder
    /// what is seen, is never passed through. A CR before LF is dropped (a CRLF line end).
    private mutating func append(escaping b: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = b.count
        var runStart = 0
        @inline(__always) func flush(_ upTo: Int, _ out: inout [UInt8]) {
            if upTo > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<upTo])) }
        }
        while i < n {
            let c = b[i]
            var replacement: [UInt8]? = nil
            var width = 1
            switch c {
            case UInt8(ascii: "&"): replacement = Array("&amp;".utf8)
            case UInt8(ascii: "<"): replacement = Array("&lt;".utf8)
            case UInt8(ascii: ">"): replacement = Array("&gt;".utf8)
            case UInt8(ascii: "\""): replacement = Array("&quot;".utf8)
            case UInt8(ascii: "'"): replacement = Array("&#39;".utf8)
            case 0x09, 0x0A: break
            case 0x0D: replacement = (i + 1 < n && b[i + 1] == 0x0A) ? [] : Self.controlPicture(0x0D)
            case 0x00..<0x20: replacement = Self.controlPicture(c)
            case 0x7F: replacement = [0xE2, 0x90, 0xA1] // ␡
            case 0xC2 where i + 1 < n && (0x80...0x9F).contains(b[i + 1]): // C1 controls
                replacement = Self.replacementCharacter
                width = 2
            case 0xD8 where i + 1 < n && b[i + 1] == 0x9C: // U+061C arabic letter mark
                replacement = Self.replacementCharacter
                width = 2
            case 0xE2 where i + 2 < n && Self.isBidiControl(b[i + 1], b[i + 2]):
                replacement = Self.replacementCharacter
                width = 3
            case 0xEF where i + 2 < n && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF):
                replacement = Self.replacementCharacter
                width = 3 // U+FFFE, U+FFFF
            default: break
            }
            if let r = replacement {
                flush(i, &bytes)
                bytes.append(contentsOf: r)
                i += width
                runStart = i
            } else {
                i += 1
            }
        }
        flush(n, &bytes)
    }

    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// U+2400 + c: ␀ ␁ … ␟, visible stand-ins for C0 control characters.
    static func controlPicture(_ c: UInt8) -> [UInt8] { [0xE2, 0x90, 0x80 + c] }

    /// U+200E, U+200F, U+202A…U+202E, U+2066…U+2069 (the second and third UTF-8 bytes).
    static func isBidiControl(_ b1: UInt8, _ b2: UInt8) -> Bool {
        (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xAA...0xAE).contains(b2))) || (b1 == 0x81 && (0xA6...0xA9).contains(b2))
    }
}

/// Escaping for one string, where no buffer is at hand.
enum HTMLEscape {
    static func text(_ s: String) -> String {
        var b = HTMLBuffer()
        b.text(s)
        return String(decoding: b.bytes, as: UTF8.self)
    }
}

/// The decoded text of one input, with a line index for turning byte offsets
/// into line and column numbers.
///
/// Offsets are UTF-8 byte offsets into `bytes` (the text after decoding: a
/// GB18030 file is converted to UTF-8 first, and a BOM is dropped).
public final class SourceText: Sendable {
    /// The path as given by the user (or `<stdin>`).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; line `i` (0-based) spans
    /// `lineStarts[i] ..< lineEnd(i)`.
    public let lineStarts: [Int]
    /// The encoding the input was read from ("UTF-8", "GB18030").
    public let encoding: String

    public init(path: String, bytes: [UInt8], encoding: String = "UTF-8") {
        self.path = path
        self.bytes = bytes
        self.encoding = encoding
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 1)
        bytes.withUnsafeBufferPointer { buf in
            for i in 0..<buf.count where buf[i] == 0x0A {
                starts.append(i + 1)
            }
        }
        // A trailing newline does not open a new, empty line.
        if starts.count > 1 && starts.last == bytes.count { starts.removeLast() }
        self.lineStarts = starts
    }

    public var lineCount: Int { bytes.isEmpty ? 0 : lineStarts.count }

    /// End of line `i` (0-based), excluding its terminator (LF or CRLF).
    public func lineEnd(_ i: Int) -> Int {
        var end = i + 1 < lineStarts.count ? lineStarts[i + 1] - 1 : bytes.count
        if i + 1 == lineStarts.count && end > lineStarts[i] && bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[i] && bytes[end - 1] == 0x0D { end -= 1 }
        return max(end, lineStarts[i])
    }

    /// The 0-based line containing a byte offset.
    public func lineIndex(of offset: Int) -> Int {
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Text of the line `i` (0-based) without its terminator.
    public func lineText(_ i: Int) -> String {
        String(decoding: bytes[lineStarts[i]..<lineEnd(i)], as: UTF8.self)
    }

    public func text(_ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, bytes.count))
        let hi = max(lo, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// 1-based line and column of a byte offset. Columns count Unicode scalars
    /// (`.scalars`) or UTF-16 code units (`.utf16`, the SARIF default).
    public func position(of offset: Int, columns: ColumnUnit = .scalars) -> Position {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(of: clamped)
        var column = 1
        var i = lineStarts[line]
        while i < clamped {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0..<0x80: length = 1
            case 0xC0..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF8: length = 4
            default: length = 1
            }
            column += (columns == .utf16 && length == 4) ? 2 : 1
            i += length
        }
        return Position(line: line + 1, column: column)
    }
}

public enum ColumnUnit: Sendable {
    case scalars
    case utf16
}

public struct Position: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: Position, b: Position) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A byte range in a `SourceText`. Stored in 32 bits (inputs are limited to 512 MB):
/// every quantity, cell and finding carries spans, and a large report carries millions.
public struct Span: Hashable, Sendable, Comparable {
    private var lower: Int32
    private var upper: Int32

    public init(_ start: Int, _ end: Int) {
        lower = Int32(clamping: start)
        upper = Int32(clamping: max(start, end))
    }

    public var start: Int { Int(lower) }
    public var end: Int { Int(upper) }

    public var length: Int { end - start }
    public var range: Range<Int> { start..<end }

    public func union(_ other: Span) -> Span { Span(min(start, other.start), max(end, other.end)) }

    public static func < (a: Span, b: Span) -> Bool { (a.lower, a.upper) < (b.lower, b.upper) }
}

/// Text prepared for extraction: noise markers removed, look-alike characters
/// folded to one form, and every scalar mapped back to its byte offset in the
/// source, so that anything found in it has an exact source span.
///
/// Folding: full-width digits → ASCII; `％．（）＝＞＜－` → ASCII; `≧≦` → `≥≤`;
/// U+3000, NBSP and TAB → space. CJK clause punctuation (`，；：。、`) is kept.
/// `[bookmark: …]` and `[image: …]` markers are dropped.
public struct CleanText: Sendable, Hashable {
    public private(set) var scalars: [UInt32] = []
    /// Source byte offset of each scalar.
    public private(set) var offsets: [Int32] = []
    /// Source bytes each scalar stands for (a folded character, a joined line break): the end of
    /// scalar i is offsets[i] + lengths[i]. One byte instead of an end offset keeps a large
    /// document's text at 9 bytes a character.
    public private(set) var lengths: [UInt8] = []

    public init() {}

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }

    public subscript(i: Int) -> UInt32 { scalars[i] }

    /// The source span of scalars `range` (empty ranges map to a point).
    public func span(_ range: Range<Int>) -> Span {
        guard !scalars.isEmpty else { return Span(0, 0) }
        if range.isEmpty {
            let i = min(range.lowerBound, scalars.count - 1)
            let at = range.lowerBound >= scalars.count ? end(i) : Int(offsets[i])
            return Span(at, at)
        }
        return Span(Int(offsets[range.lowerBound]), end(range.upperBound - 1))
    }

    @inline(__always)
    func end(_ i: Int) -> Int { Int(offsets[i]) + Int(lengths[i])
    }

    public var fullSpan: Span { span(0..<scalars.count) }

    public func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        for i in range where i >= 0 && i < scalars.count {
            if let u = Unicode.Scalar(scalars[i]) { s.append(u) }
        }
        return String(s)
    }

    public var string: String { string(0..<scalars.count) }

    mutating func reserve(_ n: Int) {
        scalars.reserveCapacity(n)
        offsets.reserveCapacity(n)
        lengths.reserveCapacity(n)
    }

    mutating func append(_ scalar: UInt32, from start: Int, to end: Int) {
        scalars.append(scalar)
        offsets.append(Int32(truncatingIfNeeded: start))
        lengths.append(UInt8(clamping: end - start))
    }

    /// Removes trailing scalars that are whitespace.
    mutating func trimTrailingWhitespace() {
        while let last = scalars.last, Chars.isSpace(last) || last == 0x0A {
            scalars.removeLast()
            offsets.removeLast()
            lengths.removeLast()
        }
    }

    /// A copy without leading and trailing whitespace (including newlines).
    public func trimmed() -> CleanText {
        var lo = 0, hi = scalars.count
        while lo < hi && (Chars.isSpace(scalars[lo]) || scalars[lo] == 0x0A) { lo += 1 }
        while hi > lo && (Chars.isSpace(scalars[hi - 1]) || scalars[hi - 1] == 0x0A) { hi -= 1 }
        return slice(lo..<hi)
    }

    public func slice(_ range: Range<Int>) -> CleanText {
        var t = CleanText()
        t.scalars = Array(scalars[range])
        t.offsets = Array(offsets[range])
        t.lengths = Array(lengths[range])
        return t
    }

    /// True when the scalars at `i` spell `word` (already folded).
    @inline(__always)
    public func matches(_ word: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= scalars.count else { return false }
        var k = 0
        while k < word.count {
            if scalars[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// First index ≥ `from` where `word` occurs, if any.
    public func find(_ word: [UInt32], from: Int = 0, to: Int? = nil) -> Int? {
        let limit = min(to ?? scalars.count, scalars.count) - word.count
        guard !word.isEmpty, limit >= from else { return nil }
        let first = word[0]
        var i = max(0, from)
        while i <= limit {
            if scalars[i] == first && matches(word, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Last index < `before` where `word` starts, if any.
    public func findLast(_ word: [UInt32], before: Int, from: Int = 0) -> Int? {
        var i = min(before, scalars.count) - word.count
        while i >= from {
            if matches(word, at: i) { return i }
            i -= 1
        }
        return nil
    }

    public func contains(_ word: [UInt32]) -> Bool { find(word) != nil }
}

/// Builds `CleanText` from source bytes, one line or fragment at a time.
public struct CleanTextBuilder {
    let bytes: [UInt8]
    public private(set) var text = CleanText()

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Appends source bytes `start..<end` (one line's content), folding and
    /// dropping noise markers.
    public mutating func append(_ start: Int, _ end: Int) {
        // One scalar per lead byte at most (fewer when markers are dropped): reserve exactly,
        // since a document's text is most of its memory.
        var leads = 0
        for k in start..<end where bytes[k] & 0xC0 != 0x80 { leads += 1 }
        let room = text.scalars.count + leads
        if text.scalars.capacity < room {
            text.reserve(Swift.max(room, text.scalars.count * 5 / 4))
        }
        var i = start
        while i < end {
            let b = bytes[i]
            if b == 0x5B, let skip = Noise.markerLength(bytes, at: i, limit: end) {
                i += skip
                continue
            }
            let (scalar, length) = UTF8Scan.decode(bytes, at: i, limit: end)
            text.append(Chars.fold(scalar), from: i, to: i + length)
            i += length
        }
    }

    /// Appends a line break that joins two lines of one cell.
    public mutating func appendNewline(at offset: Int) {
        text.append(0x0A, from: offset, to: offset + 1)
    }

    public mutating func finish() -> CleanText {
        defer { text = CleanText() }
        return text
    }
}

/// Noise that Word-export text carries: `[bookmark: …]` and `[image: …]`.
public enum Noise {
    static let bookmark = Array("[bookmark:".utf8)
    static let image = Array("[image:".utf8)

    /// Byte length of a marker starting at `i`, or nil.
    public static func markerLength(_ bytes: [UInt8], at i: Int, limit: Int) -> Int? {
        let prefix: [UInt8]
        if startsWith(bytes, bookmark, at: i, limit: limit) {
            prefix = bookmark
        } else if startsWith(bytes, image, at: i, limit: limit) {
            prefix = image
        } else {
            return nil
        }
        var j = i + prefix.count
        // Markers are short; a missing bracket within 256 bytes means it is not one.
        let stop = min(limit, j + 256)
        while j < stop {
            if bytes[j] == 0x5D { return j + 1 - i }
            if bytes[j] == 0x0A { return nil }
            j += 1
        }
        return nil
    }

    static func startsWith(_ bytes: [UInt8], _ word: [UInt8], at i: Int, limit: Int) -> Bool {
        guard i + word.count <= limit else { return false }
        for k in 0..<word.count where bytes[i + k] != word[k] { return false }
        return true
    }
}

/// Minimal UTF-8 decoding over bytes already known to be valid.
public enum UTF8Scan {
    @inline(__always)
    public static func decode(_ bytes: [UInt8], at i: Int, limit: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < limit {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0, i + 2 < limit {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        if i + 3 < limit {
            return (((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
                    | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }
}

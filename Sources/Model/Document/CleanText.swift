/// Text prepared for extraction: noise markers removed, look-alike characters
/// folded to one form, and every scalar mapped back to its byte offset in the
/// source, so that anything found in it has an exact source span.
///
/// Folding: full-width digits → ASCII; `％．（）＝＞＜－` → ASCII; `≧≦` → `≥≤`;
/// U+3000, NBSP and TAB → space. CJK clause punctuation (`，；：。、`) is kept.
/// `[bookmark: …]` and `[image: …]` markers are dropped.
///
/// A `CleanText` is a range of its document's `TextStorage`: a cell or a paragraph costs
/// sixteen bytes and no allocation, and slicing or trimming copies nothing.
public struct CleanText: Sendable, Hashable {
    let storage: TextStorage
    private let storedStart: Int32
    private var storedCount: Int32

    var start: Int { Int(storedStart) }
    public var count: Int { Int(storedCount) }

    init(storage: TextStorage, start: Int, count: Int) {
        self.storage = storage
        self.storedStart = Int32(start)
        self.storedCount = Int32(count)
    }

    public init() {
        self.init(storage: TextStorage.empty, start: 0, count: 0)
    }

    public var isEmpty: Bool { count == 0 }

    @inline(__always)
    public subscript(i: Int) -> UInt32 {
        precondition(i >= 0 && i < count, "CleanText index out of range")
        return storage.scalars[start + i]
    }

    /// The scalars, indexed from 0.
    public var scalars: Scalars { Scalars(text: self) }

    public struct Scalars: RandomAccessCollection, Sendable {
        let text: CleanText
        public var startIndex: Int { 0 }
        public var endIndex: Int { text.count }
        public subscript(i: Int) -> UInt32 { text[i] }
    }

    /// Runs `body` over the scalars without copying them.
    @inline(__always)
    public func withScalars<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        body(UnsafeBufferPointer(start: storage.scalars + start, count: count))
    }

    /// The source span of scalars `range` (empty ranges map to a point).
    public func span(_ range: Range<Int>) -> Span {
        guard count > 0 else { return Span(0, 0) }
        if range.isEmpty {
            let i = min(range.lowerBound, count - 1)
            let at = range.lowerBound >= count ? end(i) : Int(storage.offsets[start + i])
            return Span(at, at)
        }
        return Span(Int(storage.offsets[start + range.lowerBound]), end(range.upperBound - 1))
    }

    @inline(__always)
    func end(_ i: Int) -> Int { storage.end(start + i) }

    public var fullSpan: Span { span(0..<count) }

    /// "第12行" / "line 12": the source line of a byte offset, for an input error (counted on demand).
    func sourcePlace(_ offset: Int) -> LocalizedText {
        let line = storage.source.prefix(max(0, offset)).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        return LocalizedText(zh: "第\(line)行", en: "line \(line)")
    }

    /// The text of scalars `range`, allocated at its exact size.
    public func string(_ range: Range<Int>) -> String {
        let lo = max(0, range.lowerBound)
        let hi = min(count, range.upperBound)
        guard lo < hi else { return "" }
        return Chars.string((lo..<hi).lazy.map { self[$0] })
    }

    public var string: String { string(0..<count) }

    /// Drops trailing whitespace (a range shrinks; the storage keeps its scalars).
    mutating func trimTrailingWhitespace() {
        while count > 0, Chars.isSpace(self[count - 1]) || self[count - 1] == 0x0A { storedCount -= 1 }
    }

    /// A view without leading and trailing whitespace (including newlines).
    public func trimmed() -> CleanText {
        var lo = 0
        var hi = count
        while lo < hi && (Chars.isSpace(self[lo]) || self[lo] == 0x0A) { lo += 1 }
        while hi > lo && (Chars.isSpace(self[hi - 1]) || self[hi - 1] == 0x0A) { hi -= 1 }
        return slice(lo..<hi)
    }

    public func slice(_ range: Range<Int>) -> CleanText {
        let lo = max(0, min(range.lowerBound, count))
        let hi = max(lo, min(range.upperBound, count))
        return CleanText(storage: storage, start: start + lo, count: hi - lo)
    }

    /// True when the scalars at `i` spell `word` (already folded).
    @inline(__always)
    public func matches(_ word: [UInt32], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= count else { return false }
        var k = 0
        while k < word.count {
            if self[i + k] != word[k] { return false }
            k += 1
        }
        return true
    }

    /// First index ≥ `from` where `word` occurs, if any.
    public func find(_ word: [UInt32], from: Int = 0, to: Int? = nil) -> Int? {
        let limit = min(to ?? count, count) - word.count
        guard !word.isEmpty, limit >= from else { return nil }
        return withScalars { s in word.withUnsafeBufferPointer { Search.first($0, in: s, from: from, limit: limit) } }
    }

    /// Last index < `before` where `word` starts, if any.
    public func findLast(_ word: [UInt32], before: Int, from: Int = 0) -> Int? {
        var i = min(before, count) - word.count
        while i >= from {
            if matches(word, at: i) { return i }
            i -= 1
        }
        return nil
    }

    public func contains(_ word: [UInt32]) -> Bool { find(word) != nil }

    // Equal texts have equal scalars, wherever they are stored.
    public static func == (a: CleanText, b: CleanText) -> Bool {
        a.count == b.count && (0..<a.count).allSatisfy { a[$0] == b[$0] }
    }

    public func hash(into h: inout Hasher) {
        h.combine(count)
        for i in 0..<count { h.combine(self[i]) }
    }
}

/// The clean text of one document, in one place: scalars and the source offset of each.
/// A scalar stands for the UTF-8 sequence at its offset (a folded full-width character, a
/// line break joining two lines of a cell), so its end follows from the source byte there:
/// eight bytes a character, no allocation per cell.
///
/// The buffers are allocated once, at a capacity the reader computes from the source (one
/// scalar per UTF-8 lead byte at most), and written only by `CleanTextBuilder` while the
/// document is read; afterwards nothing changes them, which is what makes sharing them
/// between the values that point into them safe. They are raw memory rather than arrays so
/// that reading a scalar is a load, without the exclusivity check every access to a class's
/// array property costs.
public final class TextStorage: @unchecked Sendable {
    let scalars: UnsafeMutablePointer<UInt32>
    let offsets: UnsafeMutablePointer<Int32>
    let capacity: Int
    /// The bytes the offsets are into (the document's source: shared, not copied).
    let source: [UInt8]
    /// How much is written; moved by builders only, once per finished text.
    var filled = 0

    public init(source: [UInt8], capacity: Int) {
        self.source = source
        self.capacity = max(1, capacity)
        scalars = .allocate(capacity: self.capacity)
        offsets = .allocate(capacity: self.capacity)
    }

    deinit {
        scalars.deallocate()
        offsets.deallocate()
    }

    static let empty = TextStorage(source: [], capacity: 1)

    /// The source offset just past scalar `i`.
    @inline(__always)
    func end(_ i: Int) -> Int {
        let o = Int(offsets[i])
        guard o < source.count else { return o }
        let b = source[o]
        return o + (b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4)
    }
}

/// The storage a document's builders write into, handed from one builder to the next;
/// a fresh one is started if the estimate was ever short.
public final class TextArena {
    var storage: TextStorage

    public init(source: [UInt8], capacity: Int) {
        storage = TextStorage(source: source, capacity: capacity)
    }
}

import Model

/// Where a piece of text sits in the document.
public enum Location: Hashable, Sendable {
    case paragraph(block: Int)
    case cell(table: Int, row: Int, column: Int)
    case chart(block: Int, line: Int)

    public var isParagraph: Bool { if case .paragraph = self { return true } else { return false } }
}

/// One paragraph or table cell, scanned once: its text, its numbers and its sentences.
/// A reference type: units are built once and read from many places without copying.
public final class TextUnit: Sendable {
    public let text: CleanText
    public let scanned: ScannedText
    public let sentences: SentenceRanges
    // Small integers in 32 bits: a large report has a unit for every cell.
    private let storedIndex: Int32
    private let storedSection: Int32
    private let place: (kind: UInt8, a: Int32, b: Int32, c: Int32)

    public var index: Int { Int(storedIndex) }
    public var section: Int? { storedSection < 0 ? nil : Int(storedSection) }

    public var location: Location {
        switch place.kind {
        case 0: return .paragraph(block: Int(place.a))
        case 1: return .cell(table: Int(place.a), row: Int(place.b), column: Int(place.c))
        default: return .chart(block: Int(place.a), line: Int(place.b))
        }
    }

    init(index: Int, location: Location, text: CleanText, section: Int?, budget: WorkBudget? = nil) {
        self.storedIndex = Int32(index)
        switch location {
        case .paragraph(let block): place = (0, Int32(block), 0, 0)
        case .cell(let t, let r, let c): place = (1, Int32(t), Int32(r), Int32(c))
        case .chart(let block, let line): place = (2, Int32(block), Int32(line), 0)
        }
        self.text = text
        self.storedSection = Int32(section ?? -1)
        self.scanned = NumberScanner.scan(text, budget: budget)
        self.sentences = Sentences.split(text)
    }

    /// What a unit costs beyond its text, for the memory budget: the object, its numbers,
    /// years and dates, and a sentence range or two.
    static func estimatedBytes(_ scanned: ScannedText) -> Int {
        96 + scanned.quantities.count * MemoryLayout<Quantity>.stride + scanned.years.count * MemoryLayout<YearMention>.stride
            + scanned.dates.count * MemoryLayout<DateMention>.stride
    }

    public var isParagraph: Bool { place.kind == 0 }

    /// The sentence containing scalar index `i`.
    public func sentence(containing i: Int) -> Int? {
        var lo = 0
        var hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= i { lo = mid + 1 } else if sentences[mid].lowerBound > i { hi = mid - 1 } else { return mid }
        }
        return nil
    }
}

/// Splits text into sentences at 。！？ and line breaks, ignoring those inside brackets and quotes.
public enum Sentences {
    public static func split(_ t: CleanText) -> SentenceRanges {
        var out = SentenceRanges()
        var start = 0
        var depth = 0
        for i in 0..<t.count {
            let s = t[i]
            switch s {
            case 0x28, 0x201C, 0x300A, 0x3010, 0x3014: depth += 1 // ( “ 《 【 〔
            case 0x29, 0x201D, 0x300B, 0x3011, 0x3015: depth = max(0, depth - 1)
            default: break
            }
            if Chars.isSentenceEnd(s) && (depth == 0 || s == 0x0A) {
                if s == 0x0A { depth = 0 }
                if i + 1 > start { out.append(start..<(i + 1)) }
                start = i + 1
            }
        }
        if start < t.count { out.append(start..<t.count) }
        return out
    }
}

/// A text's sentences: the first range held inline (most cells, and many paragraphs, are
/// one sentence), any others in an array.
public struct SentenceRanges: RandomAccessCollection, Sendable {
    private var first = Bounds32(0..<0)
    private var rest: [Bounds32] = []
    public private(set) var endIndex = 0

    public var startIndex: Int { 0 }

    public subscript(i: Int) -> Range<Int> { i == 0 ? first.range : rest[i - 1].range }

    mutating func append(_ r: Range<Int>) {
        if endIndex == 0 { first = Bounds32(r) } else { rest.append(Bounds32(r)) }
        endIndex += 1
    }
}

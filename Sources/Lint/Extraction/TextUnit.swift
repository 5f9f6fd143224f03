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
    public let index: Int
    public let location: Location
    public let text: CleanText
    public let scanned: ScannedText
    public let section: Int?
    public let sentences: [Range<Int>]

    init(index: Int, location: Location, text: CleanText, section: Int?) {
        self.index = index
        self.location = location
        self.text = text
        self.section = section
        self.scanned = NumberScanner.scan(text)
        self.sentences = Sentences.split(text)
    }

    /// The sentence containing scalar index `i`.
    public func sentence(containing i: Int) -> Int? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= i { lo = mid + 1 } else if sentences[mid].lowerBound > i { hi = mid - 1 } else { return mid }
        }
        return nil
    }
}

/// Splits text into sentences at 。！？ and line breaks, ignoring those inside brackets and quotes.
public enum Sentences {
    public static func split(_ t: CleanText) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var depth = 0
        for i in 0..<t.count {
            let s = t[i]
            switch s {
            case 0x28, 0x201C, 0x300A, 0x3010, 0x3014: depth += 1        // ( “ 《 【 〔
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

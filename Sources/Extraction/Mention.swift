import Model

/// What a number says in its sentence.
public enum Role: String, Sendable, Hashable {
    /// "本年支出合计1281.97万元"
    case amount
    /// "占43.92%", "占本年支出合计的90.09%"
    case share
    /// "减少96.36万元"
    case changeAmount = "change-amount"
    /// "下降6.99%"
    case changeRate = "change-rate"
    /// "完成预算100%"
    case completionRate = "completion-rate"
    /// "预算执行率达100%", "执行总体进度为100%"
    case executionRate = "execution-rate"
    /// Any other percentage.
    case percent
}

public enum Direction: String, Sendable, Hashable {
    case up, down, flat
}

/// A number bound to the words in front of it, within one clause of one sentence.
/// A reference type: claims, facts and findings share one mention instead of copying it;
/// its quantity and label are read from its text unit rather than stored again.
public final class Mention: Sendable {
    /// The text unit it was read from.
    public let textUnit: TextUnit
    public let concept: Concept?
    /// For shares: the quantity named after 占 ("占本年支出合计的").
    public let baseConcept: Concept?
    // Indices and small numbers in 32 bits or less: a large report has a mention per number.
    private let storedID: Int32
    private let quantityIndex: Int32
    private let labelBounds: Bounds32
    private let trimmedBounds: Bounds32
    /// Where the base of a share is named, within the unit's text (empty: not named).
    private let baseBounds: Bounds32
    private let storedSentence: Int32
    private let storedYear: Int16
    public let role: Role
    public let direction: Direction?

    public var id: Int { Int(storedID) }
    /// The `TextUnit` index.
    public var unit: Int { textUnit.index }
    public var quantity: Quantity { textUnit.scanned.quantities[Int(quantityIndex)] }
    public var span: Span { quantity.span }
    /// The words between the previous clause boundary (or number) and this number.
    public var labelRange: Range<Int> { labelBounds.range }
    public var label: String { textUnit.text.string(labelRange) }
    public var labelScalars: [UInt32] { Array(textUnit.text.scalars[labelRange]) }
    /// The label without its year and filler words (found once, when the mention is read).
    public var trimmed: String { textUnit.text.string(trimmedBounds.range) }
    /// A year written in the label ("2024年度本年收入合计").
    public var year: Int? { storedYear == 0 ? nil : Int(storedYear) }
    public var sentence: Int { Int(storedSentence) }
    /// For shares: the base's words between 占 and 的 ("本年支出合计").
    public var baseLabel: String? { baseBounds.range.isEmpty ? nil : textUnit.text.string(baseBounds.range) }

    init(
        id: Int, textUnit: TextUnit, quantityIndex: Int, labelRange: Range<Int>, concept: Concept?, role: Role,
        direction: Direction?, year: Int?, baseRange: Range<Int>?, baseConcept: Concept?, sentence: Int
    ) {
        self.storedID = Int32(id)
        self.textUnit = textUnit
        self.quantityIndex = Int32(quantityIndex)
        self.labelBounds = Bounds32(labelRange)
        let text = textUnit.text
        let inLabel = Mention.trimmedRange(labelRange.count) { text[labelRange.lowerBound + $0] }
        self.trimmedBounds = Bounds32((labelRange.lowerBound + inLabel.lowerBound)..<(labelRange.lowerBound + inLabel.upperBound))
        self.concept = concept
        self.role = role
        self.direction = direction
        self.storedYear = Int16(clamping: year ?? 0)
        self.baseBounds = Bounds32(baseRange ?? 0..<0)
        self.baseConcept = baseConcept
        self.storedSentence = Int32(sentence)
    }
}

/// Binds every number of a text unit to its label, role and concept.
enum MentionReader {
    static let share = Chars.of("占")
    static let de = Chars.of("的")
    static let completionWords = ["完成预算", "完成年初预算", "完成调整预算", "预算完成率", "完成全年预算"].map(Chars.of)
    static let executionWords = ["执行率", "执行进度", "执行总体进度", "支出进度"].map(Chars.of)
    static let upWords = ["增加", "增长", "上升", "提高", "增幅", "增支", "超支", "调增", "追加"].map(Chars.of)
    static let downWords = ["减少", "下降", "降低", "压减", "减幅", "降幅", "节约", "缩减", "减支", "调减"].map(Chars.of)
    static let flatWords = ["持平"].map(Chars.of)
    static let qizhong = Chars.of("其中")

    static func isBoundary(_ s: UInt32) -> Bool {
        s == 0xFF0C || s == 0xFF1B || s == 0xFF1A || s == 0x2C || s == 0x3B || s == 0x3A || Chars.isSentenceEnd(s)
    }

    static func read(_ unit: TextUnit, firstID: Int) -> [Mention] {
        var out: [Mention] = []
        let t = unit.text
        var previousEnd = 0
        var previousSentence = -1
        for (qi, q) in unit.scanned.quantities.enumerated() {
            let start = q.textRange.lowerBound
            guard let sentence = unit.sentence(containing: start) else { continue }
            if sentence != previousSentence {
                previousEnd = unit.sentences[sentence].lowerBound
                previousSentence = sentence
            }
            // The label: back to the previous number or clause boundary, whichever is nearer.
            var labelStart = max(previousEnd, unit.sentences[sentence].lowerBound)
            var k = start - 1
            while k >= labelStart {
                if isBoundary(t[k]) {
                    labelStart = k + 1
                    break
                }
                k -= 1
            }
            // "其中" starts a label afresh; list punctuation and spaces do not belong to it.
            if let qz = t.findLast(qizhong, before: start, from: labelStart) { labelStart = qz + qizhong.count }
            while labelStart < start && (Chars.isSpace(t[labelStart]) || t[labelStart] == 0x3001 || t[labelStart] == 0x28) {
                labelStart += 1
            }
            let labelRange = labelStart..<start
            let labelScalars = Array(t.scalars[labelRange])
            let year = unit.scanned.years.last(where: { labelRange.contains($0.textRange.lowerBound) })?.year
            let direction = direction(in: labelScalars)
            var role = Role.amount
            var baseRange: Range<Int>?
            var baseConcept: Concept?
            var concept: Concept?
            if q.unit == .percent {
                if let s = lastIndex(of: share, in: labelScalars) {
                    role = .share
                    // "占本年支出合计的90.09%": the base is named between 占 and 的.
                    let after = Array(labelScalars[(s + share.count)...])
                    if let d = lastIndex(of: de, in: after), d > 0 {
                        let base = Array(after[..<d])
                        let from = labelRange.lowerBound + s + share.count
                        baseRange = from..<(from + d)
                        baseConcept = Catalogue.match(base)?.concept
                    }
                } else if completionWords.contains(where: { contains($0, in: labelScalars) }) {
                    role = .completionRate
                } else if executionWords.contains(where: { contains($0, in: labelScalars) }) {
                    role = .executionRate
                } else if direction != nil {
                    role = .changeRate
                } else {
                    role = .percent
                }
            } else if direction != nil && (q.unit.isMoney || q.unit.isCount || q.unit == .tenThousand) {
                role = .changeAmount
            }
            if role == .amount || role == .changeAmount, let match = Catalogue.match(labelScalars),
                (match.concept.kind == .money) == (q.unit.isMoney || q.unit == .tenThousand)
            {
                concept = match.concept
            }
            let m = Mention(
                id: firstID + out.count, textUnit: unit, quantityIndex: qi, labelRange: labelRange, concept: concept,
                role: role, direction: direction, year: year, baseRange: baseRange, baseConcept: baseConcept,
                sentence: sentence)
            out.append(m)
            previousEnd = q.textRange.upperBound
        }
        return out
    }

    static func direction(in label: [UInt32]) -> Direction? {
        // The change word nearest the number decides ("增加…下降" cannot both apply).
        var best: (Int, Direction)?
        for (words, d) in [(upWords, Direction.up), (downWords, .down), (flatWords, .flat)] {
            for w in words {
                if let i = lastIndex(of: w, in: label), best == nil || i > best!.0 { best = (i, d) }
            }
        }
        return best?.1
    }

    static func contains(_ word: [UInt32], in s: [UInt32]) -> Bool { lastIndex(of: word, in: s) != nil }

    /// Last position of `word` in `s`, compared in place (this runs for every label and header cell).
    static func lastIndex(of word: [UInt32], in s: [UInt32]) -> Int? {
        s.withUnsafeBufferPointer { hay in word.withUnsafeBufferPointer { Search.last($0, in: hay) } }
    }
}

import Model

/// "支出决算为381.96万元，完成预算100%，决算数等于预算数": an outturn, its completion rate,
/// and what the text says about outturn against budget.
public struct CompletionClaim: Sendable {
    public enum Comparison: String, Sendable {
        case equal = "等于"
        case greater = "大于"
        case less = "小于"
    }

    public var unit: Int
    public var amount: Mention?
    public var rate: Mention
    /// A budget figure stated alongside ("预算数为X万元").
    public var budget: Mention?
    public var comparison: Comparison?
    public var comparisonSpan: Span?
}

/// "年初预算为450.52万元，支出决算为449.52万元。决算数小于预算数": the words comparing an outturn with
/// its budget, and the two figures stated before them, where no completion rate carries the comparison.
public struct OutturnComparison: Sendable {
    public var unit: Int
    public var outturn: Mention
    public var budget: Mention
    public var comparison: CompletionClaim.Comparison
    public var span: Span
}

enum CompletionClaimReader {
    static let comparisons: [([UInt32], CompletionClaim.Comparison)] = [
        (Chars.of("决算数等于预算数"), .equal), (Chars.of("决算数与预算数持平"), .equal), (Chars.of("决算数与预算数相等"), .equal),
        (Chars.of("决算数大于预算数"), .greater), (Chars.of("决算数小于预算数"), .less)
    ]

    static func read(units: [TextUnit], byUnit: MentionsByUnit) -> [CompletionClaim] {
        var out: [CompletionClaim] = []
        for unit in units where unit.location.isParagraph {
            let mentions = byUnit[unit.index]
            for rate in mentions where rate.role == .completionRate {
                // A rate speaks of the figures of its own item: those after the previous rate of the
                // sentence and after any 其中 before it ("…完成预算的0%，其中：因公出国（境）费决算为0万元，
                // 完成预算的0%" is not against the total's budget).
                let from = itemStart(unit, mentions, rate)
                let before = mentions.filter { $0.sentence == rate.sentence && $0.id < rate.id && BreakdownReader.isAmount($0) }
                let amount = before.last { FactIndex.basis(of: $0) == .actual && $0.quantity.textRange.lowerBound >= from }
                let budget = mentions.first {
                    $0.sentence == rate.sentence && BreakdownReader.isAmount($0) && FactIndex.basis(of: $0) == .budget
                        && $0.quantity.textRange.lowerBound >= from
                }
                var claim = CompletionClaim(
                    unit: unit.index, amount: amount, rate: rate, budget: budget, comparison: nil, comparisonSpan: nil)
                // The comparison words follow in the same or the next sentence.
                let range =
                    unit.sentences[rate.sentence]
                    .lowerBound..<(rate.sentence + 1 < unit.sentences.count
                    ? unit.sentences[rate.sentence + 1].upperBound : unit.sentences[rate.sentence].upperBound)
                for (word, kind) in comparisons {
                    if let at = unit.text.find(word, from: range.lowerBound, to: range.upperBound) {
                        claim.comparison = kind
                        claim.comparisonSpan = unit.text.span(at..<(at + word.count))
                        break
                    }
                }
                out.append(claim)
            }
        }
        return out
    }

    static let qizhong = Chars.of("其中")

    /// The comparisons no completion claim checks against a stated budget: each takes the last outturn
    /// and the last budget of its item (in its sentence or the one before, after the previous comparison).
    static func outturnComparisons(units: [TextUnit], byUnit: MentionsByUnit, claims: [CompletionClaim]) -> [OutturnComparison] {
        let covered = Set(claims.filter { $0.budget != nil && $0.amount != nil }.compactMap(\.comparisonSpan))
        var out: [OutturnComparison] = []
        for unit in units where unit.location.isParagraph {
            let mentions = byUnit[unit.index]
            guard !mentions.isEmpty else { continue }
            var searchFrom = 0
            var itemFrom = 0
            while searchFrom < unit.text.count {
                var found: (Int, [UInt32], CompletionClaim.Comparison)?
                for (word, kind) in comparisons {
                    if let at = unit.text.find(word, from: searchFrom), found.map({ at < $0.0 }) ?? true { found = (at, word, kind) }
                }
                guard let (at, word, kind) = found else { break }
                searchFrom = at + word.count
                let span = unit.text.span(at..<(at + word.count))
                defer { itemFrom = at + word.count }
                guard !covered.contains(span), let sentence = unit.sentence(containing: at) else { continue }
                let lower = max(itemFrom, sentence > 0 ? unit.sentences[sentence - 1].lowerBound : 0)
                let candidates = mentions.filter {
                    BreakdownReader.isAmount($0) && $0.quantity.textRange.lowerBound >= lower && $0.quantity.textRange.lowerBound < at
                }
                guard let outturn = candidates.last(where: { FactIndex.basis(of: $0) == .actual && hasOutturnWord($0) }),
                    let budget = candidates.last(where: { FactIndex.basis(of: $0) == .budget })
                else { continue }
                out.append(OutturnComparison(unit: unit.index, outturn: outturn, budget: budget, comparison: kind, span: span))
            }
        }
        return out
    }

    static let outturnWords = ["决算", "执行数", "实际支出", "支出数"].map(Chars.of)

    /// An outturn says so ("支出决算为"); a bare amount of the sentence is not one.
    static func hasOutturnWord(_ m: Mention) -> Bool {
        let label = m.labelScalars
        return outturnWords.contains { MentionReader.contains($0, in: label) }
    }

    /// Where the item a completion rate belongs to begins, in its unit's text: after the
    /// previous completion rate of the sentence, and after the last 其中 before the rate.
    static func itemStart(_ unit: TextUnit, _ mentions: ArraySlice<Mention>, _ rate: Mention) -> Int {
        let sentence = unit.sentences[rate.sentence]
        var from = sentence.lowerBound
        if let previous = mentions.last(where: { $0.sentence == rate.sentence && $0.id < rate.id && $0.role == .completionRate }) {
            from = previous.quantity.textRange.upperBound
        }
        if let q = unit.text.findLast(qizhong, before: rate.quantity.textRange.lowerBound, from: from) { from = q }
        return from
    }
}

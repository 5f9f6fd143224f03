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

enum CompletionClaimReader {
    static let comparisons: [([UInt32], CompletionClaim.Comparison)] = [
        (Chars.of("决算数等于预算数"), .equal), (Chars.of("决算数与预算数持平"), .equal), (Chars.of("决算数与预算数相等"), .equal),
        (Chars.of("决算数大于预算数"), .greater), (Chars.of("决算数小于预算数"), .less),
    ]

    static func read(units: [TextUnit], byUnit: MentionsByUnit) -> [CompletionClaim] {
        var out: [CompletionClaim] = []
        for unit in units where unit.location.isParagraph {
            let mentions = byUnit[unit.index]
            for rate in mentions where rate.role == .completionRate {
                let before = mentions.filter { $0.sentence == rate.sentence && $0.id < rate.id && BreakdownReader.isAmount($0) }
                let amount = before.last { FactIndex.basis(of: $0) == .actual }
                let budget = mentions.first { $0.sentence == rate.sentence && BreakdownReader.isAmount($0) && FactIndex.basis(of: $0) == .budget }
                var claim = CompletionClaim(unit: unit.index, amount: amount, rate: rate, budget: budget, comparison: nil, comparisonSpan: nil)
                // The comparison words follow in the same or the next sentence.
                let range = unit.sentences[rate.sentence].lowerBound..<(rate.sentence + 1 < unit.sentences.count ? unit.sentences[rate.sentence + 1].upperBound : unit.sentences[rate.sentence].upperBound)
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
}

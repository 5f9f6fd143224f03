import Engine
import Extraction
import Model

/// The shares of one breakdown (or one percentage chart) sum to 100.
public struct PercentSum: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "percent-sum",
        title: LocalizedText(zh: "各项占比之和不为100%", en: "Shares of a breakdown do not sum to 100%"),
        rationale: LocalizedText(
            zh: """
                同一分项列表中的各项占比合计应为100%。允许的偏差只来自舍入：n 个两位小数的占比最多差 n×0.005；若占比由舍入后的金额算出，\
                再加上金额舍入带来的偏差。列表可能不完整（“主要用于”“等”）时，只要求合计不超过100%。\
                导出的图表数据（“占比（%）”）同样检查。
                """,
            en: """
                The shares listed under one total must sum to 100%. The only allowed deviation is rounding: n shares with 2 decimals may \
                be off by n×0.005, plus what rounded amounts add when shares were computed from them. A list that may be partial \
                (主要用于, …等) only needs to stay at or below 100%. Exported chart data (占比（%）) is checked the same way.
                """),
        severity: .error,
        tags: ["arithmetic", "prose", "chart", "rounding"],
        triggering: [
            Example(
                """
                2024年度本年支出合计900.00万元，其中：基本支出600.00万元，占↓66.67%；项目支出300.00万元，占35.33%。
                """),
            Example(
                """
                占比（%）\t
                基本支出\t项目支出\t↓43.92\t57.08\t
                """)
        ],
        nonTriggering: [
            Example(
                """
                2024年度一般公共预算财政拨款支出1154.91万元，主要用于以下方面：一般公共服务支出1027.22万元，占88.94%；\
                社会保障和就业支出61.80万元，占5.35%；卫生健康支出28.12万元，占2.43%；住房保障支出37.77万元，占3.27%。
                """),
            Example(
                """
                占比（%）\t
                一般公共服务支出\t社会保障和就业支出\t卫生健康支出\t住房保障支出\t88.94\t5.35\t2.43\t3.27\t
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for b in model.breakdowns {
            let shares = b.parts.compactMap(\.share)
            guard shares.count >= 2, shares.count == b.parts.count else { continue }
            var slack = Dec.zero
            if let head = b.head {
                slack = Relations.percentSlack(parts: b.parts.map { $0.amount.quantity.comparable }, total: head.quantity.comparable)
                if !slack.isValid { continue }
            }
            let label = model.document.sectionPath(model.units[b.unit].section).last ?? ""
            evaluate(
                shares.map { ($0.quantity, $0.span) }, slack: slack, partial: b.partial,
                names: b.parts.map { $0.amount.name }, key: "\(label)|\(b.parts.first?.amount.name ?? "")", &report)
        }
        for series in model.chartSeries where series.isPercent && series.points.count >= 2 {
            evaluate(
                series.points.map { ($0.value, $0.value.span) }, slack: .zero, partial: false, names: series.points.map(\.label),
                key: "chart\(series.chart)|\(series.caption)|\(series.points[0].label)", &report)
        }
    }

    /// `key` is an autoclosure: most lists add up, and their key is built only when asked for.
    func evaluate(
        _ shares: [(Quantity, Span)], slack: Dec, partial: Bool, names: [String], key: @autoclosure () -> String,
        _ report: inout CheckReport
    ) {
        let figures = shares.map { $0.0.figure }
        let verdict = Relations.percentSum(figures, slack: slack, partial: partial)
        report.judge(
            verdict, numbers: shares.map(\.0), key: key(),
            message: message(verdict, shares.map(\.0), slack: slack, partial: partial).text, at: shares[0].1,
            related: zip(shares, names).dropFirst().map { share, name in
                RelatedLocation(role: "share", span: share.1, message: LocalizedText("\(name) \(share.0.printed)"))
            },
            expected: "100%")
    }

    func message(_ verdict: Verdict, _ shares: [Quantity], slack: Dec, partial: Bool) -> Message {
        var sum = Dec.zero
        var bound = slack
        for q in shares {
            let f = q.figure
            sum = sum + f.value
            bound = bound + f.halfWidth
        }
        let decimals = shares.map { $0.figure.decimals }.max() ?? 0
        let terms = Say.terms(shares.map { $0.value.formatted(minDecimals: $0.decimals) + "%" }, separator: " + ")
        let total = sum.formatted(minDecimals: decimals) + "%"
        let tolerance = bound.rounded(decimals: decimals + 2).formatted() + "%"
        if verdict == .holdsIfTruncated { return .truncated(terms: terms, sum: total) }
        return partial
            ? .exceeds(terms: terms, sum: total, tolerance: tolerance)
            : .notHundred(terms: terms, sum: total, tolerance: tolerance)
    }
}

extension PercentSum {
    enum Message {
        case truncated(terms: String, sum: String)
        /// A list that may be partial, above 100%.
        case exceeds(terms: String, sum: String, tolerance: String)
        case notHundred(terms: String, sum: String, tolerance: String)

        var text: LocalizedText {
            switch self {
            case .truncated(let terms, let sum):
                LocalizedText(
                    zh: "各项占比之和 \(terms) = \(sum)，只有在截断（而非四舍五入）时才能合计为100%。",
                    en: "the shares \(terms) = \(sum) reach 100% only if they were truncated, not rounded.")
            case .exceeds(let terms, let sum, let tolerance):
                LocalizedText(
                    zh: "各项占比之和 \(terms) = \(sum)，超过100%（舍入允许误差 ±\(tolerance)）。",
                    en: "the shares \(terms) = \(sum) exceed 100% (rounding allows ±\(tolerance)).")
            case .notHundred(let terms, let sum, let tolerance):
                LocalizedText(
                    zh: "各项占比之和 \(terms) = \(sum)，应为100%（舍入允许误差 ±\(tolerance)）。",
                    en: "the shares \(terms) = \(sum), not 100% (rounding allows ±\(tolerance)).")
            }
        }
    }
}

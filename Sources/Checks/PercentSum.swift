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
            zh: "同一分项列表中的各项占比合计应为100%。允许的偏差只来自舍入：n 个两位小数的占比最多差 n×0.005；若占比由舍入后的金额算出，再加上金额舍入带来的偏差。列表可能不完整（“主要用于”“等”）时，只要求合计不超过100%。导出的图表数据（“占比（%）”）同样检查。",
            en: "The shares listed under one total must sum to 100%. The only allowed deviation is rounding: n shares with 2 decimals may be off by n×0.005, plus what rounded amounts add when shares were computed from them. A list that may be partial (主要用于, …等) only needs to stay at or below 100%. Exported chart data (占比（%）) is checked the same way."),
        severity: .error,
        tags: ["arithmetic", "prose", "chart", "rounding"],
        triggering: [
            Example("""
            2024年度本年支出合计900.00万元，其中：基本支出600.00万元，占↓66.67%；项目支出300.00万元，占35.33%。
            """),
            Example("""
            占比（%）\t
            基本支出\t项目支出\t↓43.92\t57.08\t
            """),
        ],
        nonTriggering: [
            Example("""
            2024年度一般公共预算财政拨款支出1154.91万元，主要用于以下方面：一般公共服务支出1027.22万元，占88.94%；社会保障和就业支出61.80万元，占5.35%；卫生健康支出28.12万元，占2.43%；住房保障支出37.77万元，占3.27%。
            """),
            Example("""
            占比（%）\t
            一般公共服务支出\t社会保障和就业支出\t卫生健康支出\t住房保障支出\t88.94\t5.35\t2.43\t3.27\t
            """),
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
            evaluate(shares.map { ($0.quantity, $0.span, $0.name) }, slack: slack, partial: b.partial,
                     names: b.parts.map { $0.amount.name }, key: "\(label)|\(b.parts.first?.amount.name ?? "")", &report)
        }
        for series in model.chartSeries where series.isPercent && series.points.count >= 2 {
            evaluate(series.points.map { ($0.value, $0.value.span, $0.label) }, slack: .zero, partial: false,
                     names: series.points.map(\.label), key: "chart\(series.chart)|\(series.caption)|\(series.points[0].label)", &report)
        }
    }

    func evaluate(_ items: [(Quantity, Span, String)], slack: Dec, partial: Bool, names: [String], key: String,
                  _ report: inout CheckReport) {
        let figures = items.map { $0.0.figure }
        let verdict = Relations.percentSum(figures, slack: slack, partial: partial)
        report.judge(verdict, numbers: items.map(\.0), key: key,
                     message: message(verdict, items, figures, slack: slack, partial: partial), at: items[0].1,
                     related: zip(items, names).dropFirst().map {
                         RelatedLocation(role: "share", span: $0.0.1, message: LocalizedText(zh: "\($0.1) \($0.0.0.printed)", en: "\($0.1) \($0.0.0.printed)"))
                     },
                     expected: "100%")
    }

    func message(_ verdict: Verdict, _ items: [(Quantity, Span, String)], _ figures: [Figure], slack: Dec, partial: Bool) -> LocalizedText {
        var sum = Dec.zero
        var bound = slack
        for f in figures {
            sum = sum + f.value
            bound = bound + f.halfWidth
        }
        let decimals = figures.map(\.decimals).max() ?? 0
        let terms = items.map { $0.0.value.formatted(minDecimals: $0.0.decimals) + "%" }.joined(separator: " + ")
        let total = sum.formatted(minDecimals: decimals) + "%"
        let tolerance = bound.rounded(decimals: decimals + 2).formatted() + "%"
        if verdict == .holdsIfTruncated {
            return LocalizedText(zh: "各项占比之和 \(terms) = \(total)，只有在截断（而非四舍五入）时才能合计为100%。",
                                 en: "the shares \(terms) = \(total) reach 100% only if they were truncated, not rounded.")
        } else if partial {
            return LocalizedText(zh: "各项占比之和 \(terms) = \(total)，超过100%（舍入允许误差 ±\(tolerance)）。",
                                 en: "the shares \(terms) = \(total) exceed 100% (rounding allows ±\(tolerance)).")
        } else {
            return LocalizedText(zh: "各项占比之和 \(terms) = \(total)，应为100%（舍入允许误差 ±\(tolerance)）。",
                                 en: "the shares \(terms) = \(total), not 100% (rounding allows ±\(tolerance)).")
        }
    }
}

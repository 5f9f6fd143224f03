import Engine
import Extraction
import Model

/// "本年支出合计X万元，其中：A万元…；B万元…": the parts add up to the total.
public struct BreakdownSum: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "breakdown-sum",
        title: LocalizedText(zh: "分项之和与合计不符", en: "Parts do not add up to their total"),
        rationale: LocalizedText(
            zh: """
                “合计X，其中：A、B……”列出的分项（金额或数量）之和应等于合计；“其中：”结尾的段落，其后逐段列出的分项同样计入。n \
                个两位小数的金额之和与合计最多可差 0.005×(n+1)，这是舍入，不报；超出才报。\
                可能不完整的列表（“主要用于”“包括…等”）只要求分项之和不超过合计。人数、车辆等计数是精确的。\
                恰好列出一条决算恒等式的（基本支出其中人员经费、公用经费等）由 identity 报告，关掉本检查也不会漏掉。
                """,
            en: """
                The parts listed under a total (“合计X，其中：A、B…”, amounts or counts; a paragraph ending in “其中：” lists them in the \
                paragraphs that follow) must add up to it. n amounts with two decimals may differ from their total by 0.005×(n+1) through \
                rounding alone, which is never reported. A list that may be partial (主要用于, 包括…等) only needs to stay at or below the \
                total. Counts of people and vehicles are exact. A list that is exactly an accounting identity (基本支出 with its \
                人员经费 and 公用经费 …) is reported by identity, so that turning this check off never loses it.
                """),
        severity: .error,
        tags: ["arithmetic", "prose", "rounding"],
        triggering: [
            Example(
                """
                二、收入决算情况说明
                2024年度本年收入合计↓1562.40万元，其中：
                财政拨款收入1418.62万元，主要是一般公共预算财政拨款。
                其他收入153.78万元，主要是利息收入。
                """),
            Example(
                """
                截至2024年12月31日，本单位共有车辆↓3辆，其中：主要负责人用车0辆、应急保障用车1辆、其他用车1辆。
                """)
        ],
        nonTriggering: [
            Example(
                """
                2024年度本年支出合计1281.97万元，其中：基本支出563.04万元，占43.92%；项目支出718.94万元，占56.08%。
                """),
            Example(
                """
                国内公务接待支出3万元，具体内容包括：接待考察学习0.09万元、经验交流会0.43万元、推介活动1.47万元等。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for b in model.breakdowns {
            let single100 = b.parts.count == 1 && b.parts[0].share.map { $0.quantity.value == Dec.hundred } == true
            guard b.parts.count >= 2 || single100 else { continue }
            // 基本支出 = 人员经费 + 公用经费 listed under 其中 is the identity check's.
            if Identities.listed(by: b) != nil { continue }
            let first = b.parts[0].amount
            let stated = b.headConcept.flatMap { model.facts.nearest($0.id, to: first, year: model.reportYear)?.mention }
            guard let total = b.head ?? stated else { continue }
            if b.parts.contains(where: { $0.amount.quantity.approximate }) { continue }
            let parts = b.parts.map(\.amount)
            let names = b.parts.map(\.name)
            let figures = parts.map { $0.quantity.comparable }
            let totalFigure = total.quantity.comparable
            lazy var key = "\(Say.section(model, total))|\(total.name)|\(names.joined(separator: "+"))"
            let verdict = Relations.sum(parts: figures, total: totalFigure, partial: b.partial)
            lazy var sum = Say.exactSum(figures)
            lazy var d = max(Say.decimals(figures), totalFigure.decimals)
            lazy var sumText = Say.amount(sum, like: total.quantity, decimals: d)
            lazy var message = Message.Arithmetic(
                total: Say.named(total),
                parts: LocalizedText(
                    zh: Say.list(zip(parts, names).map { $1 + $0.quantity.printed }, separator: " + "),
                    en: Say.listEnglish(zip(parts, names).map { "\($1) \($0.quantity.printed)" }, separator: " + ")),
                sum: sumText, gap: Say.amount((sum - totalFigure.value).magnitude, like: total.quantity, decimals: d))
            lazy var kind = verdict == .holdsIfTruncated ? Message.truncated(message) : b.partial ? .exceeds(message) : .mismatch(message)
            report.judge(
                verdict, numbers: parts.map(\.quantity) + [total.quantity], key: key, message: kind.text,
                at: total.span,
                related: zip(parts, names).map { m, name in
                    let part = LocalizedText(zh: "分项 " + name + m.quantity.printed, en: "part " + name + " " + m.quantity.printed)
                    return RelatedLocation(role: "part", span: m.span, message: part)
                },
                expected: b.partial ? nil : sumText)
        }
    }
}

extension BreakdownSum {
    enum Message {
        /// The total, the parts as listed, their exact sum and its distance from the total.
        struct Arithmetic {
            var total: LocalizedText, parts: LocalizedText
            var sum: String, gap: String
        }

        case truncated(Arithmetic)
        /// A list that may be partial, above its total.
        case exceeds(Arithmetic)
        case mismatch(Arithmetic)

        var text: LocalizedText {
            switch self {
            case .truncated(let a):
                LocalizedText(
                    zh: "\(a.total.zh) 与 \(a.parts.zh) = \(a.sum) 只有在截断（而非四舍五入）时才一致。",
                    en: "\(a.total.en) and \(a.parts.en) = \(a.sum) agree only if truncated, not rounded.")
            case .exceeds(let a):
                LocalizedText(
                    zh: "分项之和超过合计：\(a.parts.zh) = \(a.sum) > \(a.total.zh)（超出\(a.gap)）。",
                    en: "the parts exceed their total: \(a.parts.en) = \(a.sum) > \(a.total.en) (by \(a.gap)).")
            case .mismatch(let a):
                LocalizedText(
                    zh: "分项之和与合计不符：\(a.total.zh) ≠ \(a.parts.zh) = \(a.sum)（差\(a.gap)）。",
                    en: "the parts do not add up: \(a.total.en) ≠ \(a.parts.en) = \(a.sum) (off by \(a.gap)).")
            }
        }
    }
}

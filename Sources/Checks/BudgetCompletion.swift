import Engine
import Extraction
import Model

/// "支出决算为X万元，完成预算R%，决算数等于预算数": R = 决算 ÷ 预算, and the words agree.
public struct BudgetCompletion: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "budget-completion",
        title: LocalizedText(zh: "预算完成率与数字不符", en: "Budget completion rate does not match"),
        rationale: LocalizedText(
            zh: """
                “完成预算R%”应等于决算数 ÷ 预算数；“决算数等于/大于/小于预算数”须与R（以及给出的预算数）一致，没有写完成率时与前面给出的\
                预算数、决算数一致。决算为0却写完成预算100%时，\
                预算也只能为0，完成率没有定义，报提示。
                """,
            en: """
                “完成预算R%” must equal outturn ÷ budget, and “决算数等于/大于/小于预算数” must agree with R (and with the budget when it \
                is stated), or, with no rate, with the budget and outturn stated before it. An outturn of 0 said to complete 100% of \
                its budget implies a budget of 0, for which no rate exists: a note.
                """),
        severity: .error,
        tags: ["arithmetic", "prose", "budget"],
        triggering: [
            Example(
                """
                1.因公出国（境）经费支出0万元，完成预算↓100%。
                """, severity: .note),
            Example(
                """
                2.文化和旅游（款）群众文化（项）：预算数为520.00万元，支出决算为516.88万元，完成预算↓100%，决算数等于预算数。
                """),
            Example(
                """
                3.卫生健康（类）行政单位医疗（项）：支出决算为12.60万元，完成预算↓98%，决算数等于预算数。
                """),
            Example(
                """
                4.一般公共服务（类）财政事务（款）信息化建设（项）。年初预算为82.00万元，支出决算为80.50万元。↓决算数大于预算数的主要原因：项目调整。
                """)
        ],
        nonTriggering: [
            Example(
                """
                2.一般公共服务（类）组织事务（款）行政运行（项）：支出决算为381.96万元，完成预算100%，决算数等于预算数。
                """),
            Example(
                """
                群众文化项目预算数为520.00万元，支出决算为516.88万元，完成预算99.40%，决算数小于预算数。
                """),
            Example(
                """
                5.住房保障支出（类）住房改革支出（款）购房补贴（项）。年初预算为36.20万元，支出决算为36.20万元。决算数等于预算数。
                6.教育支出（类）进修及培训（款）干部教育（项）。年初预算为 8.00 万元，支出决算为7.55万元。决算数小于预算数的主要原因：培训压减。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for claim in model.completionClaims {
            let r = claim.rate.quantity
            let rFig = r.figure
            lazy var key = "\(Say.section(model, claim.rate))|\(claim.amount?.name ?? "")"
            var related: [RelatedLocation] = []
            if let f = claim.amount { related.append(Say.related("outturn", f, zh: "决算数", en: "outturn")) }
            if let b = claim.budget { related.append(Say.related("budget", b, zh: "预算数", en: "budget")) }

            if let f = claim.amount, f.quantity.value.isZero, !r.value.isZero {
                report.add(
                    .note, Message.zeroOutturn(outturn: f.quantity.printed, rate: r.printed).text,
                    at: claim.rate.span, related: related, key: key + "|zero")
                continue
            }
            // The rate against a stated budget.
            if let f = claim.amount, let b = claim.budget {
                let fFig = f.quantity.comparable
                let bFig = b.quantity.comparable
                if bFig.value.isZero {
                    report.add(.note, Message.zeroBudget(rate: r.printed).text, at: claim.rate.span, related: related, key: key + "|zero")
                    continue
                }
                let verdict = Relations.ratio(fFig, of: bFig, percent: rFig)
                lazy var expected = Say.percent(fFig.value, of: bFig.value, decimals: r.decimals)
                let reported = report.judge(
                    verdict, numbers: [f.quantity, b.quantity, r], key: key,
                    message: Message.rateMismatch(
                        outturn: Say.named(f), budget: Say.named(b),
                        computed: Say.precisePercent(fFig.value, of: bFig.value, decimals: r.decimals),
                        stated: r.printed, expected: expected
                    ).text,
                    at: claim.rate.span, related: related, expected: expected)
                if reported { continue }
                if let cmp = claim.comparison, let span = claim.comparisonSpan {
                    if !Self.agrees(cmp, outturn: fFig, budget: bFig) {
                        report.add(
                            Message.wordsAgainstAmounts(
                                cmp, outturn: Say.named(f), budget: Say.named(b),
                                gap: Say.amount((fFig.value - bFig.value).magnitude, like: f.quantity)
                            ).text,
                            at: span, related: related, key: key + "|words")
                    }
                }
                continue
            }
            // Without a budget: the words must agree with the rate.
            if let cmp = claim.comparison, let span = claim.comparisonSpan {
                let ri = rFig.interval()
                let agrees: Bool
                switch cmp {
                case .equal: agrees = ri.contains(.hundred)
                case .greater: agrees = Dec.hundred < ri.hi
                case .less: agrees = ri.lo < Dec.hundred
                }
                report.judge(
                    .exact(agrees), numbers: [r], key: key + "|words",
                    message: Message.wordsAgainstRate(cmp, rate: r.printed).text, at: claim.rate.span,
                    related: related + [
                        RelatedLocation(
                            role: "words", span: span,
                            message: LocalizedText(
                                zh: "决算数\(cmp.rawValue)预算数", en: "outturn \(cmp.rawValue) budget"))
                    ])
            }
        }
        // The same words where no rate is stated: against the two figures before them.
        for c in model.outturnComparisons {
            let fFig = c.outturn.quantity.comparable
            let bFig = c.budget.quantity.comparable
            let key = "\(Say.section(model, c.outturn))|\(c.outturn.name)|words"
            let related = [
                Say.related("outturn", c.outturn, zh: "决算数", en: "outturn"),
                Say.related("budget", c.budget, zh: "预算数", en: "budget")
            ]
            let gap = Say.amount((fFig.value - bFig.value).magnitude, like: c.outturn.quantity)
            report.judge(
                .exact(Self.agrees(c.comparison, outturn: fFig, budget: bFig)),
                numbers: [c.outturn.quantity, c.budget.quantity], key: key,
                message: Message.wordsAgainstAmounts(
                    c.comparison, outturn: Say.named(c.outturn), budget: Say.named(c.budget),
                    gap: gap
                ).text,
                at: c.span, related: related)
        }
    }

    /// Whether the words can describe the two figures, within their rounding.
    static func agrees(_ cmp: CompletionClaim.Comparison, outturn: Figure, budget: Figure) -> Bool {
        let diff = outturn.interval() - budget.interval()
        switch cmp {
        case .equal: return diff.contains(.zero)
        case .greater: return Dec.zero < diff.hi
        case .less: return diff.lo < Dec.zero
        }
    }
}

extension BudgetCompletion {
    enum Message {
        case zeroOutturn(outturn: String, rate: String)
        case zeroBudget(rate: String)
        case rateMismatch(outturn: LocalizedText, budget: LocalizedText, computed: String, stated: String, expected: String)
        /// “决算数等于/大于/小于预算数” against the amounts.
        case wordsAgainstAmounts(CompletionClaim.Comparison, outturn: LocalizedText, budget: LocalizedText, gap: String)
        /// The same words against the rate, when no budget is stated.
        case wordsAgainstRate(CompletionClaim.Comparison, rate: String)

        var text: LocalizedText {
            switch self {
            case .zeroOutturn(let outturn, let rate):
                LocalizedText(
                    zh: "决算为\(outturn)却写完成预算\(rate)：这意味着预算也为0，完成率无从计算。",
                    en: "an outturn of \(outturn) said to complete \(rate) of its budget implies a budget of 0, for which no rate exists.")
            case .zeroBudget(let rate):
                LocalizedText(zh: "预算数为0，完成率\(rate)无从计算。", en: "the budget is 0, so the rate \(rate) is undefined.")
            case .rateMismatch(let outturn, let budget, let computed, let stated, let expected):
                LocalizedText(
                    zh: "完成率不符：\(outturn.zh) ÷ \(budget.zh) = \(computed)，文中为\(stated)，应为\(expected)。",
                    en: "the completion rate does not match: \(outturn.en) ÷ \(budget.en) = \(computed), "
                        + "but the text says \(stated); expected \(expected).")
            case .wordsAgainstAmounts(let cmp, let outturn, let budget, let gap):
                LocalizedText(
                    zh: "文中称“决算数\(cmp.rawValue)预算数”，但\(outturn.zh)与\(budget.zh)相差\(gap)。",
                    en: "the text says the outturn is \(cmp.english) the budget, but \(outturn.en) and \(budget.en) differ by \(gap).")
            case .wordsAgainstRate(let cmp, let rate):
                LocalizedText(
                    zh: "完成预算\(rate)与“决算数\(cmp.rawValue)预算数”矛盾。",
                    en: "completing \(rate) of the budget contradicts “the outturn is \(cmp.english) the budget”.")
            }
        }
    }
}

extension CompletionClaim.Comparison {
    /// "equal to", "above", "below": how the words compare the outturn with the budget.
    var english: String {
        switch self {
        case .equal: "equal to"
        case .greater: "above"
        case .less: "below"
        }
    }
}

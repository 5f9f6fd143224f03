import Engine
import Extraction
import Model

/// "较上年度增加3万元，增长100%" where the year before was 0: no rate can be stated.
public struct GrowthFromZero: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "growth-from-zero",
        title: LocalizedText(zh: "上年为零却写了增长率", en: "Growth rate stated against a zero prior year"),
        rationale: LocalizedText(
            zh: """
                上年数为零时，变动率没有定义；“增长100%”是常见写法，但读者会误以为上年有一半的规模。上年数为零可由文中给出，也可由 本年数 \
                − 增加额 = 0 推出。报提示：建议写“上年无此项支出”。
                """,
            en: """
                When the prior year is zero a rate of change is undefined; “增长100%” is a common convention, but a reader takes it to \
                mean the amount doubled. The zero prior year is either stated or follows from current − increase = 0. Reported as a note; \
                write “上年无此项支出” instead.
                """),
        severity: .note,
        tags: ["prose", "year-on-year"],
        triggering: [
            Example(
                """
                2024年度“三公”经费财政拨款支出决算为3万元，较上年度增加3万元，增长↓100%。
                """),
            Example(
                """
                9.“教育支出（类）其他教育支出（款）其他教育支出（项）”18.00万元。2025年当年预算执行数为0.00万元，2026年预算安排18.00万元，            比2025年预算执行数增加↓100.00%。
                """)
        ],
        nonTriggering: [
            Example(
                """
                2024年度“三公”经费财政拨款支出决算为4.60万元，较上年度减少0.60万元，下降11.54%。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for claim in model.changeClaims {
            guard let a = claim.current, let r = claim.rate, r.quantity.unit == .percent else { continue }
            let why: Message.ZeroPrior
            if let p = claim.prior, p.quantity.value.isZero {
                why = .stated(p.quantity.printed, source: p.source)
            } else if claim.prior == nil, let c = claim.change, claim.direction == .up,
                c.quantity.comparable.value == a.quantity.comparable.value
            {
                why = .derived(current: a.quantity.printed, change: c.quantity.printed)
            } else {
                continue
            }
            report.add(
                Message.noRate(why, down: r.direction == .down, stated: r.quantity.printed).text,
                at: r.span, related: [Say.related("current", a, zh: "本年数", en: "current")],
                key: "\(Say.section(model, a))|\(claim.subjectName)")
        }
    }
}

extension GrowthFromZero {
    enum Message {
        /// How the prior year is known to be zero.
        enum ZeroPrior {
            case stated(String, source: LocalizedText)
            /// current − increase = 0
            case derived(current: String, change: String)

            var text: LocalizedText {
                switch self {
                case .stated(let printed, let source):
                    LocalizedText(zh: "上年数为\(printed)（\(source.zh)）", en: "the prior year is \(printed) (\(source.en))")
                case .derived(let current, let change):
                    LocalizedText(zh: "上年数 = \(current) − \(change) = 0", en: "the prior year = \(current) − \(change) = 0")
                }
            }
        }

        case noRate(ZeroPrior, down: Bool, stated: String)

        var text: LocalizedText {
            switch self {
            case .noRate(let why, let down, let stated):
                LocalizedText(
                    zh: "\(why.text.zh)，变动率无从计算，文中却写\(down ? "下降" : "增长")\(stated)。",
                    en: "\(why.text.en), so no rate of change exists, yet the text says \(stated).")
            }
        }
    }
}

import Engine
import Extraction
import Model

/// "X万元，占Y%": Y must be X ÷ total, within the rounding of all three figures.
public struct ShareOfTotal: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "share-of-total",
        title: LocalizedText(zh: "占比与金额、总额不符", en: "Share does not match its amount and total"),
        rationale: LocalizedText(
            zh: """
                “X万元，占Y%”中的Y应等于X除以总额。按区间算术判断：每个数都代表其打印精度内的区间（1281.97 即 [1281.965, 1281.975]），\
                三者区间能相容即为成立，舍入差异不报；只有截断才成立时报提示；否则报错误。总额可以是同句“其中”之前的合计、\
                “占…的”点名的量，或句首点名、在别处给出的量（如“三公”经费）。
                """,
            en: """
                In “X万元，占Y%”, Y must equal X divided by the total. Every printed number stands for the interval its digits allow \
                (1281.97 means [1281.965, 1281.975]); the claim holds when the intervals can agree, so rounding is never reported. \
                Consistent only under truncation gives a note; otherwise an error. The total is the amount before 其中 in the same \
                sentence, the quantity named in “占…的”, or the topic named at the start of the sentence and stated elsewhere (such as \
                “三公”经费).
                """),
        severity: .error,
        tags: ["arithmetic", "prose", "rounding"],
        triggering: [
            Example(
                """
                二、收入决算情况说明
                2024年度本年收入合计860.00万元，其中：一般公共预算财政拨款收入774.00万元，占↓91.00%；政府性基金预算财政拨款收入86.00万元，占10.00%。
                """),
            Example(
                """
                （一）一般公共预算财政拨款支出决算总体情况
                2024年度本年支出合计2940.05万元。一般公共预算财政拨款支出2106.66万元，占本年支出合计的↓71.73%。
                """),
            Example(
                """
                （二）政府采购支出情况
                2024年度政府采购支出总额0万元。授予中小企业合同金额0万元，占政府采购支出总额的↓100%。
                """, severity: .note)
        ],
        nonTriggering: [
            Example(
                """
                2024年度本年收入合计1281.97万元，其中：一般公共预算财政拨款收入1,154.91万元，占90.09%；政府性基金预算财政拨款收入127.06万元，占9.91%。
                """),
            Example(
                """
                2024年度“三公”经费财政拨款支出决算为3万元。
                2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务接待费支出决算3万元，占100%。
                """),
            Example(
                """
                2023年度政府采购支出总额0万元，授予中小企业合同金额0万元，占政府采购支出总额的0%。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for claim in model.shareClaims {
            guard let base = claim.base else { continue }
            let partQ = claim.part.quantity
            let baseQ = base.quantity
            let shareQ = claim.share.quantity
            let part = partQ.comparable
            let whole = baseQ.comparable
            let percent = shareQ.figure
            lazy var key = "\(Say.section(model, claim.share))|\(claim.part.name)|\(base.name)"
            lazy var related = [
                Say.related("part", claim.part, zh: "分项", en: "part"),
                Say.related("total", base, zh: "总额", en: "total")
            ]
            if whole.value.isZero {
                // A share of nothing: 0 of 0 printed as 0% is the convention; anything else is undefined.
                if part.value.isZero && percent.value.isZero { continue }
                report.add(
                    .note, Message.zeroTotal(part: Say.named(claim.part), total: Say.named(base), stated: shareQ.printed).text,
                    at: claim.share.span, related: related, key: key)
                continue
            }
            let verdict = Relations.ratio(part, of: whole, percent: percent)
            lazy var rounded = Relations.percent(part.value, of: whole.value, decimals: shareQ.decimals)
            lazy var expected = rounded.formatted(minDecimals: shareQ.decimals) + "%"
            lazy var forced = forcedToHundred(claim, model, expectedValue: rounded)
            lazy var message = Message.Arithmetic(
                part: Say.named(claim.part), total: Say.named(base),
                computed: Say.precisePercent(part.value, of: whole.value, decimals: shareQ.decimals),
                stated: shareQ.printed, expected: expected)
            report.judge(
                verdict, severity: forced ? .note : nil, numbers: [partQ, baseQ, shareQ], key: key,
                message: (verdict == .holdsIfTruncated ? Message.truncated(message) : .mismatch(message, forced: forced)).text,
                at: claim.share.span, related: related, expected: expected)
        }
    }

    /// The shares of this claim's list add up to exactly 100 and this one is off by one unit in the last place.
    func forcedToHundred(_ claim: ShareClaim, _ model: AuditModel, expectedValue: Dec) -> Bool {
        guard let b = claim.breakdown else { return false }
        let shares = model.breakdowns[b].parts.compactMap(\.share)
        guard shares.count >= 2 else { return false }
        var sum = Dec.zero
        for s in shares { sum = sum + s.quantity.value }
        guard sum == Dec.hundred else { return false }
        let q = claim.share.quantity
        return (q.value - expectedValue).magnitude <= Dec.unit(decimals: q.decimals)
    }
}

extension ShareOfTotal {
    enum Message {
        /// The figures of a share and what they give.
        struct Arithmetic {
            var part: LocalizedText, total: LocalizedText
            var computed: String, stated: String, expected: String
        }

        case zeroTotal(part: LocalizedText, total: LocalizedText, stated: String)
        case truncated(Arithmetic)
        /// `forced`: the list was made to sum to 100% by moving this share one unit.
        case mismatch(Arithmetic, forced: Bool)

        var text: LocalizedText {
            switch self {
            case .zeroTotal(let part, let total, let stated):
                LocalizedText(
                    zh: "总额为零，占比无从计算：\(part.zh) ÷ \(total.zh)，文中却写占\(stated)。",
                    en: "the total is zero, so no share can be stated: \(part.en) ÷ \(total.en), yet the text says \(stated).")
            case .truncated(let a):
                LocalizedText(
                    zh: "占比\(a.stated)只有在截断（而非四舍五入）时才成立：\(a.part.zh) ÷ \(a.total.zh) = \(a.computed)，四舍五入应为\(a.expected)。",
                    en: "the share \(a.stated) holds only if truncated, not rounded: \(a.part.en) ÷ \(a.total.en) = \(a.computed), "
                        + "which rounds to \(a.expected).")
            case .mismatch(let a, let forced):
                LocalizedText(
                    zh: "占比不符：\(a.part.zh) ÷ \(a.total.zh) = \(a.computed)，文中为\(a.stated)，应为\(a.expected)。"
                        + (forced ? "（各项占比被凑整为100%，差一个末位单位，报提示）" : ""),
                    en: "share does not match: \(a.part.en) ÷ \(a.total.en) = \(a.computed), but the text says \(a.stated); "
                        + "expected \(a.expected)."
                        + (forced ? " (the list was forced to sum to 100%, one unit in the last place; a note)" : ""))
            }
        }
    }
}

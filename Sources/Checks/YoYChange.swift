import Engine
import Extraction
import Model

/// "与2023年度相比，收、支总计各减少96.36万元，下降6.99%": change = current − prior,
/// rate = change ÷ prior, and the direction words agree with the numbers.
public struct YoYChange: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "yoy-change",
        title: LocalizedText(zh: "同比变动与数字不符", en: "Year-on-year change does not match the figures"),
        rationale: LocalizedText(
            zh: """
                同比句给出本年数A、变动额C和变动率Y：上年数P由文中（同一句、其他章节、图表数据）给出时，C须等于A与P之差；未给出时，\
                P = A − C（增加）或 A + C（减少）。预算说明的“2025年当年预算执行数为P万元，2026年预算安排A万元，比2025年预算执行数\
                增加Y%”在同一句里给出P。Y须等于 C ÷ P（区间算术，舍入不报）。“增加/增长”与“减少/下降”须与差额的正负一致，\
                “持平”要求差额可为零；同一处既说增又说减（“下降（增长）”），或写了变动额又说持平，是自相矛盾。上年为零时增长率无定义，\
                由 growth-from-zero 提示。
                """,
            en: """
                A year-on-year sentence states the current amount A, a change C and a rate Y. When the document states the prior-year \
                value P (the same sentence, another section, chart data), C must equal the difference of A and P; otherwise P = A − C \
                (增加) or A + C (减少). A budget's “2025年当年预算执行数为P万元，2026年预算安排A万元，比2025年预算执行数增加Y%” states P \
                in the sentence. \
                Y must equal C ÷ P, with interval arithmetic so that rounding is never reported. 增加/增长 and 减少/下降 must agree with \
                the sign, and 持平 needs a difference that can be zero; words saying both up and down in one place (“下降（增长）”), or \
                a stated change called 持平, contradict themselves. A rate over a zero prior year is undefined and left to growth-from-zero.
                """),
        severity: .error,
        tags: ["arithmetic", "prose", "year-on-year"],
        triggering: [
            Example(
                """
                2024年度“三公”经费财政拨款支出决算为4.60万元，较上年度减少0.60万元，下降↓12.54%。
                """),
            Example(
                """
                2024年度收、支总计均为1562.40万元。与2023年度相比，收、支总计各增加↓121.15万元，增长9.16%。
                2023年\t
                收入\t支出\t1431.25\t1431.25\t2024年\t
                收入\t支出\t1562.40\t1562.40\t
                """),
            Example(
                """
                2024年度，本单位机关运行经费支出80.15万元，比2023年度增加4.25万元，下降↓5.04%。
                """),
            Example(
                """
                2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，↓下降（增长）27.78%。
                """),
            Example(
                """
                5.“社会保障和就业支出（类）行政事业单位养老支出（款）职业年金缴费支出（项）”64.50万元。2025年当年预算执行数为52.40万元，            2026年预算安排64.50万元，比2025年预算执行数增加↓21.05%。
                """),
            Example(
                """
                2.“公共安全支出（类）司法（款）普法宣传（项）”98.00万元。2025年当年预算执行数为105.00万元，2026年预算安排98.00万元，            比2025年预算执行数增加↓6.67%。
                """)
        ],
        nonTriggering: [
            Example(
                """
                2024年度收、支总计均为1281.97万元整。与2023年度相比，收、支总计各减少96.36万元，下降6.99%。
                """),
            Example(
                """
                截止2023年末，资产总值515.46万元，比2022年增长51.09万元，增幅11%。
                """),
            Example(
                """
                5.“社会保障和就业支出（类）行政事业单位养老支出（款）职业年金缴费支出（项）”64.50万元。2025年当年预算执行数为52.40万元，            2026年预算安排64.50万元，比2025年预算执行数增加23.09%。
                6.“教育支出（类）进修及培训（款）干部教育（项）”12.00万元。2025年当年预算执行数为12.00万元，2026年预算安排12.00万元，            与2025年预算执行数持平。
                """),
            Example(
                """
                2024年度“三公”经费财政拨款支出决算数比2023年度减少0.15万元，下降27.78%。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for claim in model.changeClaims {
            // Words that contradict each other need no figure to be wrong.
            if let conflict = claim.conflict, let anchor = claim.change ?? claim.rate {
                report.add(
                    Message.contradictoryWords(quoted: model.quote(conflict)).text, at: conflict,
                    key: "\(Say.section(model, anchor))|\(claim.subjectName)|words")
                continue
            }
            guard let a = claim.current else { continue }
            let aFig = a.quantity.comparable
            // The prior year as the document states it, when it is counted like the current amount.
            let stated = claim.prior.flatMap { p -> (value: PriorValue, figure: Figure)? in
                BreakdownReaderAccess.sameFamily(p.quantity.unit, a.quantity.unit) ? (p, p.quantity.comparable) : nil
            }
            let years = yearsText(model, claim)
            lazy var key = "\(Say.section(model, a))|\(claim.subjectName)|\(claim.referenceYear.map(String.init) ?? "")"
            var related = [Say.related("current", a, zh: "本年数", en: "current")]
            if let p = claim.prior {
                related.append(
                    RelatedLocation(
                        role: "prior", span: p.quantity.span,
                        message: LocalizedText(
                            zh: "上年数 \(p.quantity.printed)（\(p.source.zh)）",
                            en: "prior \(p.quantity.printed) (\(p.source.en))")))
            }

            // 持平: the difference must be able to be zero.
            if let flat = claim.flat, claim.change == nil, claim.rate == nil {
                guard let (p, pf) = stated else { continue }
                if (aFig.interval() - pf.interval()).contains(.zero) {
                    report.verified([a.quantity, p.quantity], key: key)
                    continue
                }
                report.add(
                    Message.notFlat(
                        years: years, current: Say.named(a), prior: p.quantity.printed,
                        gap: Say.amount((aFig.value - pf.value).magnitude, like: a.quantity)
                    ).text,
                    at: flat, related: related, key: key + "|flat")
                continue
            }

            let change = claim.change
            let cFig = change.flatMap { BreakdownReaderAccess.sameFamily($0.quantity.unit, a.quantity.unit) ? $0.quantity.comparable : nil }
            if change != nil && cFig == nil { continue }
            let up = claim.direction == .up

            // Direction words of the amount and of the rate must agree.
            if let c = change, let r = claim.rate, let dc = c.direction, let dr = r.direction, dc != dr, dc != .flat, dr != .flat {
                let message = Message.wordsDisagree(
                    amountUp: dc == .up, change: c.quantity.printed, rateUp: dr == .up,
                    rate: r.quantity.printed)
                report.add(
                    message.text,
                    at: r.span, related: related + [Say.related("change", c, zh: "变动额", en: "change")], key: key + "|direction")
                continue
            }

            // With a stated prior year: the change, and its direction.
            if let (p, pf) = stated {
                let diff = aFig.interval() - pf.interval()
                let contradicts = up ? diff.hi < .zero : Dec.zero < diff.lo
                if let d = claim.direction, d != .flat, contradicts, let at = change?.span ?? claim.rate?.span {
                    report.add(
                        Message.wrongDirection(
                            up: up, years: years, current: Say.named(a), prior: p.quantity.printed,
                            gap: Say.amount((aFig.value - pf.value).magnitude, like: a.quantity)
                        ).text,
                        at: at, related: related, key: key + "|direction")
                    continue
                }
                if let c = change, let cf = cFig {
                    let verdict = up ? Relations.difference(aFig, pf, equals: cf) : Relations.difference(pf, aFig, equals: cf)
                    lazy var expected = Say.amount((aFig.value - pf.value).magnitude, like: c.quantity, decimals: cf.decimals)
                    let reported = report.judge(
                        verdict, numbers: [a.quantity, p.quantity, c.quantity], key: key + "|amount",
                        message: Message.changeMismatch(
                            up: up, current: Say.named(a), prior: p.quantity.printed, source: p.source,
                            computed: expected, stated: c.quantity.printed
                        ).text,
                        at: c.span, related: related, expected: expected)
                    if reported { continue }
                }
            }

            // The rate against the prior year (stated, or derived from A and C).
            guard let r = claim.rate, r.quantity.unit == .percent, !r.quantity.value.isNegative else { continue }
            let base: (Reading) -> Interval
            let baseValue: Dec
            let prior: () -> Message.Prior
            if let (p, pf) = stated {
                base = { pf.interval($0) }
                baseValue = pf.value
                prior = { .stated(p.quantity.printed, source: p.source) }
            } else if let c = change, let cf = cFig {
                base = up ? { aFig.interval($0) - cf.interval($0) } : { aFig.interval($0) + cf.interval($0) }
                let value = up ? aFig.value - cf.value : aFig.value + cf.value
                baseValue = value
                prior = {
                    .derived(
                        Say.amount(value, like: a.quantity, decimals: max(aFig.decimals, cf.decimals)),
                        current: a.quantity.printed, up: up, change: c.quantity.printed)
                }
            } else {
                continue
            }
            guard !baseValue.isZero, !baseValue.isNegative else { continue } // growth from zero: its own check
            let part: (Reading) -> Interval
            let partValue: Dec
            if let cf = cFig {
                part = { cf.interval($0) }
                partValue = cf.value
            } else if let (_, pf) = stated {
                part = { reading in
                    let d = aFig.interval(reading) - pf.interval(reading)
                    return up ? d : -d
                }
                partValue = up ? aFig.value - pf.value : pf.value - aFig.value
            } else {
                continue
            }
            let verdict = Relations.ratio(part: part, whole: base, percent: r.quantity.figure)
            let decimals = r.quantity.decimals
            lazy var expected = Say.percent(partValue, of: baseValue, decimals: decimals)
            report.judge(
                verdict,
                numbers: [a.quantity, r.quantity] + [change?.quantity, claim.prior?.quantity].compactMap { $0 },
                key: key + "|rate",
                message: Message.rateMismatch(
                    change: change?.quantity.printed ?? Say.amount(partValue, like: a.quantity), prior: prior(),
                    computed: Say.precisePercent(partValue, of: baseValue, decimals: decimals),
                    stated: r.quantity.printed, expected: expected
                ).text,
                at: r.span, related: related + (change.map { [Say.related("change", $0, zh: "变动额", en: "change")] } ?? []),
                expected: expected)
        }
    }

    func yearsText(_ model: AuditModel, _ claim: ChangeClaim) -> LocalizedText {
        let y = model.reportYear.map(String.init) ?? "本年"
        let p = claim.referenceYear.map(String.init) ?? "上年"
        return LocalizedText(zh: "\(y)年与\(p)年相比", en: "\(y) against \(p)")
    }
}

/// Unit families, shared with extraction.
enum BreakdownReaderAccess {
    static func sameFamily(_ a: Unit, _ b: Unit) -> Bool {
        switch (a, b) {
        case (.money, .money), (.money, .tenThousand), (.tenThousand, .money), (.tenThousand, .tenThousand): return true
        case (.count(let x), .count(let y)): return x == y
        case (.none, _), (_, .none): return true
        default: return false
        }
    }
}

extension YoYChange {
    enum Message {
        /// The prior year a rate is computed on: stated in the document, or derived as current ∓ change.
        enum Prior {
            case stated(String, source: LocalizedText)
            case derived(String, current: String, up: Bool, change: String)

            var text: LocalizedText {
                switch self {
                case .stated(let printed, let source):
                    LocalizedText(zh: "上年\(printed)（\(source.zh)）", en: "the prior \(printed) (\(source.en))")
                case .derived(let shown, let current, let up, let change):
                    LocalizedText(
                        zh: "上年\(shown)（= \(current) \(up ? "−" : "+") \(change)）",
                        en: "the prior \(shown) (= \(current) \(up ? "−" : "+") \(change))")
                }
            }
        }

        case notFlat(years: LocalizedText, current: LocalizedText, prior: String, gap: String)
        /// Both ways in one clause ("下降（增长）27.78%"), or a change of a stated size called 持平.
        case contradictoryWords(quoted: String)
        case wordsDisagree(amountUp: Bool, change: String, rateUp: Bool, rate: String)
        case wrongDirection(up: Bool, years: LocalizedText, current: LocalizedText, prior: String, gap: String)
        case changeMismatch(up: Bool, current: LocalizedText, prior: String, source: LocalizedText, computed: String, stated: String)
        case rateMismatch(change: String, prior: Prior, computed: String, stated: String, expected: String)

        var text: LocalizedText {
            switch self {
            case .contradictoryWords(let quoted):
                LocalizedText(
                    zh: "方向词自相矛盾：“\(quoted)”同时说了增与减（或既有变动又说持平）。",
                    en: "the direction words contradict each other: “\(quoted)” says both up and down (or changed and unchanged).")
            case .notFlat(let years, let current, let prior, let gap):
                LocalizedText(
                    zh: "文中称与上年持平，但\(years.zh)：\(current.zh)，上年\(prior)，差\(gap)。",
                    en: "the text says unchanged, but \(years.en): \(current.en) against \(prior) the year before "
                        + "(a difference of \(gap)).")
            case .wordsDisagree(let amountUp, let change, let rateUp, let rate):
                LocalizedText(
                    zh: "方向词自相矛盾：变动额说“\(amountUp ? "增加" : "减少")”\(change)，变动率却说“\(rateUp ? "增长" : "下降")”\(rate)。",
                    en: "the direction words contradict each other: the amount says \(amountUp ? "up" : "down") \(change), "
                        + "the rate says \(rateUp ? "up" : "down") \(rate).")
            case .wrongDirection(let up, let years, let current, let prior, let gap):
                LocalizedText(
                    zh: "方向词与数字不符：文中说\(up ? "增加" : "减少")，但\(years.zh)：\(current.zh)比上年\(prior)\(up ? "少" : "多")\(gap)。",
                    en: "the direction word says \(up ? "up" : "down"), but \(years.en): \(current.en) is \(up ? "below" : "above") the "
                        + "prior \(prior) by \(gap).")
            case .changeMismatch(let up, let current, let prior, let source, let computed, let stated):
                LocalizedText(
                    zh: "变动额不符：\(current.zh) − 上年\(prior)（\(source.zh)）= \(up ? "" : "−")\(computed)，文中为\(up ? "增加" : "减少")\(stated)。",
                    en: "the change does not match: \(current.en) − the prior \(prior) (\(source.en)) = \(up ? "" : "−")\(computed), "
                        + "but the text says \(up ? "up" : "down") \(stated).")
            case .rateMismatch(let change, let prior, let computed, let stated, let expected):
                LocalizedText(
                    zh: "同比变动率不符：变动额\(change) ÷ \(prior.text.zh) = \(computed)，文中为\(stated)，应为\(expected)。",
                    en: "the year-on-year rate does not match: a change of \(change) ÷ \(prior.text.en) = \(computed), "
                        + "but the text says \(stated); expected \(expected).")
            }
        }
    }
}

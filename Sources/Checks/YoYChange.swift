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
            zh: "同比句给出本年数A、变动额C和变动率Y：上年数P由文中（其他章节、图表数据）给出时，C须等于A与P之差；未给出时，P = A − C（增加）或 A + C（减少）。Y须等于 C ÷ P（区间算术，舍入不报）。“增加/增长”与“减少/下降”须与差额的正负一致，“持平”要求差额可为零。上年为零时增长率无定义，由 growth-from-zero 提示。",
            en: "A year-on-year sentence states the current amount A, a change C and a rate Y. When the document states the prior-year value P (another section, chart data), C must equal the difference of A and P; otherwise P = A − C (增加) or A + C (减少). Y must equal C ÷ P, with interval arithmetic so that rounding is never reported. 增加/增长 and 减少/下降 must agree with the sign, and 持平 needs a difference that can be zero. A rate over a zero prior year is undefined and left to growth-from-zero."),
        severity: .error,
        tags: ["arithmetic", "prose", "year-on-year"],
        triggering: [
            Example("""
            2024年度“三公”经费财政拨款支出决算为4.60万元，较上年度减少0.60万元，下降↓12.54%。
            """),
            Example("""
            2024年度收、支总计均为1562.40万元。与2023年度相比，收、支总计各增加↓121.15万元，增长9.16%。
            2023年\t
            收入\t支出\t1431.25\t1431.25\t2024年\t
            收入\t支出\t1562.40\t1562.40\t
            """),
            Example("""
            2024年度，本单位机关运行经费支出80.15万元，比2023年度增加4.25万元，下降↓5.04%。
            """),
        ],
        nonTriggering: [
            Example("""
            2024年度收、支总计均为1281.97万元整。与2023年度相比，收、支总计各减少96.36万元，下降6.99%。
            """),
            Example("""
            截止2023年末，资产总值515.46万元，比2022年增长51.09万元，增幅11%。
            """),
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for claim in model.changeClaims {
            guard let a = claim.current else { continue }
            let aFig = a.quantity.comparable
            let priorFig = claim.prior.flatMap { p -> Figure? in
                BreakdownReaderAccess.sameFamily(p.quantity.unit, a.quantity.unit) ? p.quantity.comparable : nil
            }
            let years = yearsText(model, claim)
            lazy var key = "\(Say.section(model, a))|\(claim.subjectName)|\(claim.referenceYear.map(String.init) ?? "")"
            var related = [Say.related("current", a, zh: "本年数", en: "current")]
            if let p = claim.prior {
                related.append(RelatedLocation(role: "prior", span: p.quantity.span,
                                               message: LocalizedText(zh: "上年数 \(p.quantity.printed)（\(p.source.zh)）", en: "prior \(p.quantity.printed) (\(p.source.en))")))
            }

            // 持平: the difference must be able to be zero.
            if let flat = claim.flat, claim.change == nil, claim.rate == nil {
                guard let p = priorFig else { continue }
                let diff = aFig.interval() - p.interval()
                if diff.contains(.zero) { report.verified([a.quantity, claim.prior!.quantity], key: key); continue }
                report.add(Self.description.finding(nil, LocalizedText(
                    zh: "文中称与上年持平，但\(years.zh)：\(a.named)，上年\(claim.prior!.quantity.printed)，差\(Say.amount((aFig.value - p.value).magnitude, like: a.quantity))。",
                    en: "the text says unchanged, but \(years.en): \(a.namedEnglish) against \(claim.prior!.quantity.printed) the year before (a difference of \(Say.amount((aFig.value - p.value).magnitude, like: a.quantity))).") ,
                    at: flat, related: related, key: key + "|flat"))
                continue
            }

            let change = claim.change
            let cFig = change.flatMap { BreakdownReaderAccess.sameFamily($0.quantity.unit, a.quantity.unit) ? $0.quantity.comparable : nil }
            if change != nil && cFig == nil { continue }
            let up = claim.direction == .up

            // Direction words of the amount and of the rate must agree.
            if let c = change, let r = claim.rate, let dc = c.direction, let dr = r.direction, dc != dr, dc != .flat, dr != .flat {
                report.add(Self.description.finding(nil, LocalizedText(
                    zh: "方向词自相矛盾：变动额说“\(dc == .up ? "增加" : "减少")”\(c.quantity.printed)，变动率却说“\(dr == .up ? "增长" : "下降")”\(r.quantity.printed)。",
                    en: "the direction words contradict each other: the amount says \(dc == .up ? "up" : "down") \(c.quantity.printed), the rate says \(dr == .up ? "up" : "down") \(r.quantity.printed)."),
                    at: r.span, related: related + [Say.related("change", c, zh: "变动额", en: "change")], key: key + "|direction"))
                continue
            }

            // With a stated prior year: the change, and its direction.
            if let p = priorFig {
                let diff = aFig.interval() - p.interval()
                let contradicts = up ? diff.hi < .zero : Dec.zero < diff.lo
                if let d = claim.direction, d != .flat, contradicts {
                    let at = change?.span ?? claim.rate!.span
                    report.add(Self.description.finding(nil, LocalizedText(
                        zh: "方向词与数字不符：文中说\(up ? "增加" : "减少")，但\(years.zh)：\(a.named)比上年\(claim.prior!.quantity.printed)\(up ? "少" : "多")\(Say.amount((aFig.value - p.value).magnitude, like: a.quantity))。",
                        en: "the direction word says \(up ? "up" : "down"), but \(years.en): \(a.namedEnglish) is \(up ? "below" : "above") the prior \(claim.prior!.quantity.printed) by \(Say.amount((aFig.value - p.value).magnitude, like: a.quantity))."),
                        at: at, related: related, key: key + "|direction"))
                    continue
                }
                if let c = change, let cf = cFig {
                    let verdict = up ? Relations.difference(aFig, p, equals: cf) : Relations.difference(p, aFig, equals: cf)
                    let expected = Say.amount((aFig.value - p.value).magnitude, like: c.quantity, decimals: cf.decimals)
                    switch verdict {
                    case .holds: report.verified([a.quantity, claim.prior!.quantity, c.quantity], key: key + "|amount")
                    case .fails, .holdsIfTruncated:
                        report.add(Self.description.finding(verdict == .fails ? nil : .note, LocalizedText(
                            zh: "变动额不符：\(a.named) − 上年\(claim.prior!.quantity.printed)（\(claim.prior!.source.zh)）= \(up ? "" : "−")\(expected)，文中为\(up ? "增加" : "减少")\(c.quantity.printed)。",
                            en: "the change does not match: \(a.namedEnglish) − the prior \(claim.prior!.quantity.printed) (\(claim.prior!.source.en)) = \(up ? "" : "−")\(expected), but the text says \(up ? "up" : "down") \(c.quantity.printed)."),
                            at: c.span, related: related, expected: expected, key: key + "|amount"))
                        continue
                    case .undefined: break
                    }
                }
            }

            // The rate against the prior year (stated, or derived from A and C).
            guard let r = claim.rate, r.quantity.unit == .percent, !r.quantity.value.isNegative else { continue }
            let base: (Reading) -> Interval
            let baseValue: Dec
            let baseText: (zh: String, en: String)
            if let p = priorFig {
                base = { p.interval($0) }
                baseValue = p.value
                baseText = ("上年\(claim.prior!.quantity.printed)（\(claim.prior!.source.zh)）", "the prior \(claim.prior!.quantity.printed) (\(claim.prior!.source.en))")
            } else if let cf = cFig {
                base = up ? { aFig.interval($0) - cf.interval($0) } : { aFig.interval($0) + cf.interval($0) }
                baseValue = up ? aFig.value - cf.value : aFig.value + cf.value
                let shown = Say.amount(baseValue, like: a.quantity, decimals: max(aFig.decimals, cf.decimals))
                baseText = ("上年\(shown)（= \(a.quantity.printed) \(up ? "−" : "+") \(change!.quantity.printed)）",
                            "the prior \(shown) (= \(a.quantity.printed) \(up ? "−" : "+") \(change!.quantity.printed))")
            } else {
                continue
            }
            guard !baseValue.isZero, !baseValue.isNegative else { continue } // growth from zero: its own check
            let part: (Reading) -> Interval
            let partValue: Dec
            if let cf = cFig {
                part = { cf.interval($0) }
                partValue = cf.value
            } else if let p = priorFig {
                part = { reading in
                    let d = aFig.interval(reading) - p.interval(reading)
                    return up ? d : -d
                }
                partValue = up ? aFig.value - p.value : p.value - aFig.value
            } else {
                continue
            }
            let verdict = Relations.ratio(part: part, whole: base, percent: r.quantity.figure)
            let expected = Relations.percent(partValue, of: baseValue, decimals: r.quantity.decimals).formatted(minDecimals: r.quantity.decimals) + "%"
            let precise = Relations.percent(partValue, of: baseValue, decimals: max(2, r.quantity.decimals)).formatted(minDecimals: 2) + "%"
            let changeText = change.map { "\($0.quantity.printed)" } ?? Say.amount(partValue, like: a.quantity)
            switch verdict {
            case .holds:
                report.verified([a.quantity, r.quantity] + (change.map { [$0.quantity] } ?? []) + (claim.prior.map { [$0.quantity] } ?? []), key: key + "|rate")
            case .undefined:
                continue
            case .fails, .holdsIfTruncated:
                report.add(Self.description.finding(verdict == .fails ? nil : .note, LocalizedText(
                    zh: "同比变动率不符：变动额\(changeText) ÷ \(baseText.zh) = \(precise)，文中为\(r.quantity.printed)，应为\(expected)。",
                    en: "the year-on-year rate does not match: a change of \(changeText) ÷ \(baseText.en) = \(precise), but the text says \(r.quantity.printed); expected \(expected)."),
                    at: r.span, related: related + (change.map { [Say.related("change", $0, zh: "变动额", en: "change")] } ?? []),
                    expected: expected, key: key + "|rate"))
            }
        }
    }

    func yearsText(_ model: AuditModel, _ claim: ChangeClaim) -> (zh: String, en: String) {
        let y = model.reportYear.map(String.init) ?? "本年"
        let p = claim.referenceYear.map(String.init) ?? "上年"
        return ("\(y)年与\(p)年相比", "\(y) against \(p)")
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

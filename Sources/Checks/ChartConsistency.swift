import Engine
import Extraction
import Model

/// Chart data exported with the document agrees with the text.
public struct ChartConsistency: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "chart-consistency",
        title: LocalizedText(zh: "图表数据与正文不符", en: "Chart data contradicts the text"),
        rationale: LocalizedText(
            zh: """
                随文档导出的图表数据（图1–图7）重述正文的金额和占比。金额按年份与正文同一数字比较；占比与正文所写占比比较，\
                两者舍入区间相接即可；图表软件常按舍入后的数重新归一（84.69/99.99 = 84.70%），\
                所以只有占比同时与正文占比和按金额算出的比例都不符时才报。
                """,
            en: """
                Chart data exported with the document (图1–图7) restates the text's amounts and shares. Amounts are compared with the \
                text's statement of the same quantity for the same year; shares with the share the text states, where touching intervals \
                agree. Chart software often renormalises rounded shares (84.69/99.99 = 84.70%), so a share is reported only when it \
                matches neither the stated share nor the ratio of the amounts.
                """),
        severity: .error,
        tags: ["cross-reference", "chart"],
        triggering: [
            Example(
                """
                2024年度本年支出合计1281.97万元，其中：基本支出563.04万元，占43.92%；项目支出718.94万元，占56.08%。
                占比（%）\t
                基本支出\t项目支出\t↓45.92\t56.08\t
                """)
        ],
        nonTriggering: [
            Example(
                """
                2024年度一般公共预算财政拨款支出889.16万元，主要用于以下方面：一般公共服务支出753.07万元，占84.69%；公共安全支出136.09万元，占15.31%。
                占比（%）\t
                一般公共服务支出\t公共安全支出\t84.70\t15.31\t
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        guard !model.chartSeries.isEmpty else { return }
        let shares = ShareLookup(model.shareClaims)
        for series in model.chartSeries {
            for point in series.points {
                lazy var key = "chart\(series.chart)|\(series.caption)|\(point.label)"
                if series.isPercent {
                    share(point, model, shares, key, &report)
                } else if let year = series.year ?? model.reportYear {
                    amount(point, year, model, key, &report)
                }
            }
        }
    }

    /// `key` is an autoclosure: most points agree, and their key is built only for a finding or a verified relation.
    func amount(
        _ point: ChartSeries.Point, _ year: Int, _ model: AuditModel, _ key: @autoclosure () -> String,
        _ report: inout CheckReport
    ) {
        let concepts = point.concepts
        guard let fact = concepts.sorted().lazy.compactMap({ model.facts.first($0, year: year, exactYear: true) }).first else { return }
        var q = point.value
        if q.unit == .none { q.unit = fact.mention.quantity.unit }
        let chart = q.comparable
        let text = fact.mention.quantity.comparable
        report.judge(
            .exact(chart.interval().intersects(text.interval())), numbers: [point.value, fact.mention.quantity], key: key(),
            message: Message.amount(
                label: point.label, year: year, chart: point.value.printed,
                text: Say.named(fact.mention)
            ).text,
            at: point.value.span, related: [Say.related("text", fact.mention, zh: "正文", en: "text")],
            expected: fact.mention.quantity.value.formatted(minDecimals: fact.mention.quantity.decimals))
    }

    /// The first share claim naming a concept, or a part by name: one lookup per chart point.
    struct ShareLookup {
        var byConcept: [String: Int] = [:]
        var byName: [String: Int] = [:]

        init(_ claims: [ShareClaim]) {
            for (i, c) in claims.enumerated() {
                if let id = c.part.concept?.id, byConcept[id] == nil { byConcept[id] = i }
                let name = ExpenditureClasses.normalize(Header.plain(c.part.name))
                if byName[name] == nil { byName[name] = i }
            }
        }

        func first(_ point: ChartSeries.Point) -> Int? {
            let label = ExpenditureClasses.normalize(Header.plain(point.label))
            return (point.concepts.compactMap { byConcept[$0] } + [byName[label]].compactMap { $0 }).min()
        }
    }

    func share(
        _ point: ChartSeries.Point, _ model: AuditModel, _ shares: ShareLookup, _ key: @autoclosure () -> String,
        _ report: inout CheckReport
    ) {
        guard let index = shares.first(point) else { return }
        let claim = model.shareClaims[index]
        let chart = Figure(value: point.value.value, decimals: point.value.decimals)
        if chart.interval().intersects(claim.share.quantity.figure.interval()) {
            report.verified([point.value, claim.share.quantity], key: key())
            return
        }
        if let base = claim.base, Relations.ratio(claim.part.quantity.comparable, of: base.quantity.comparable, percent: chart) == .holds {
            return
        }
        report.add(
            Message.share(
                label: point.label, chart: point.value.value.formatted(minDecimals: point.value.decimals) + "%",
                text: claim.share.quantity.printed
            ).text,
            at: point.value.span, related: [Say.related("text", claim.share, zh: "正文", en: "text")],
            expected: claim.share.quantity.value.formatted(minDecimals: claim.share.quantity.decimals), key: key())
    }
}

extension ChartConsistency {
    enum Message {
        case amount(label: String, year: Int, chart: String, text: LocalizedText)
        case share(label: String, chart: String, text: String)

        var text: LocalizedText {
            switch self {
            case .amount(let label, let year, let chart, let text):
                LocalizedText(
                    zh: "图表数据中“\(label)”\(year)年为\(chart)，正文为\(text.zh)。",
                    en: "the chart data gives “\(label)” for \(year) as \(chart), the text as \(text.en).")
            case .share(let label, let chart, let text):
                LocalizedText(
                    zh: "图表数据中“\(label)”占比为\(chart)，正文为\(text)。",
                    en: "the chart data gives “\(label)” a share of \(chart), the text \(text).")
            }
        }
    }
}

enum Header {
    /// Folded and without spaces, for comparing labels.
    static func plain(_ s: String) -> String {
        Chars.string(Chars.of(s).filter { !Chars.isSpace($0) })
    }
}

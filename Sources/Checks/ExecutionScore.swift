import Engine
import Extraction
import Model

/// The 预算执行 block's score = weight × min(1, 执行率).
public struct ExecutionScore: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "execution-score",
        title: LocalizedText(zh: "预算执行得分与执行率不符", en: "Budget execution score does not follow the rate"),
        rationale: LocalizedText(
            zh: """
                预算执行情况的得分 = 权重（分值）× min(1, 执行率)，执行率取表中所填（未填时按执行数 ÷ 调整后预算数计算）。\
                给了权重却没填得分，报警告：总分里这一块就没有依据。
                """,
            en: """
                The budget block's score is its weight × min(1, execution rate), using the rate the table states (or executed ÷ adjusted \
                budget when it states none). A weight with no score is a warning: that part of the total has no basis.
                """),
        severity: .error,
        tags: ["arithmetic", "performance-table", "score"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.fundBlock,
                    """
                    | | ↓年度资金总额 | 50 | 50 | 50 | 10 | 100% | |
                    """), severity: .warning),
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 20.00 | 20.00 | 10.00 | 50.00% | 10 | ↓10 | |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 20.00 | 20.00 | 0.00 | 0.00% | 10 | 0 | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let budget = p.budget, let row = budget.total, let weightCell = row.weight, let weight = TableSay.figure(weightCell),
                !weight.value.isZero
            else { continue }
            lazy var key = TableSay.key(p, "execution-score")
            guard let scoreCell = row.score, let score = TableSay.figure(scoreCell) else {
                report.add(
                    .warning, Message.noScore(project: TableSay.project(p), weight: weightCell.text).text,
                    at: row.labelCell?.span ?? Span(row.span.start, row.span.start),
                    related: [TableSay.related("weight", weightCell, zh: "分值", en: "weight")], key: key)
                continue
            }
            // The rate as stated, else as computed.
            var rate: Figure?
            if let r = row.rate?.quantity, r.unit == .percent { rate = r.figure }
            if rate == nil, let e = TableSay.amount(row.executed), let a = TableSay.amount(row.adjusted), !a.value.isZero {
                rate = Figure(value: Relations.percent(e.value, of: a.value, decimals: 4), decimals: 4)
            }
            guard let r = rate, let weightQ = weightCell.quantity, let scoreQ = scoreCell.quantity else { continue }
            // score = weight × min(1, rate/100): compare score·100 with weight·min(100, rate).
            let capped = Dec.hundred < r.value ? Figure.exact(.hundred) : r
            let verdict = Relations.ladder { reading in
                let s = score.interval(reading).scaled(by: .hundred)
                let w = weight.interval(reading)
                let c = capped.interval(reading)
                let product = Interval(w.lo * c.lo, w.hi * c.hi)
                guard s.isValid, product.isValid else { return nil }
                return s.intersects(product)
            }
            lazy var expected = Dec.divide(weight.value * capped.value, .hundred, decimals: 2).formatted()
            report.judge(
                verdict, numbers: [weightQ, scoreQ] + (row.rate?.quantity.map { [$0] } ?? []), key: key,
                message: Message.mismatch(
                    project: TableSay.project(p), weight: weightCell.text,
                    rate: r.value.formatted(minDecimals: min(2, r.decimals)) + "%",
                    computed: expected, stated: scoreCell.text
                ).text,
                at: scoreCell.span, related: [TableSay.related("weight", weightCell, zh: "分值", en: "weight")], expected: expected)
        }
    }
}

extension ExecutionScore {
    enum Message {
        case noScore(project: LocalizedText, weight: String)
        case mismatch(project: LocalizedText, weight: String, rate: String, computed: String, stated: String)

        var text: LocalizedText {
            switch self {
            case .noScore(let project, let weight):
                LocalizedText(
                    zh: "\(project.zh)预算执行情况给了分值\(weight)，得分却为空。",
                    en: "\(project.en): the budget block has a weight of \(weight) but no score.")
            case .mismatch(let project, let weight, let rate, let computed, let stated):
                LocalizedText(
                    zh: "\(project.zh)预算执行得分不符：分值\(weight) × 执行率\(rate) = \(computed)，表中得分为\(stated)。",
                    en: "\(project.en): the budget execution score does not follow: weight \(weight) × rate \(rate) = \(computed), "
                        + "but the score is \(stated).")
            }
        }
    }
}

import Engine
import Extraction
import Model

/// Cost indicators stated as exact amounts ("办公费 ＝ 3.5万") cannot add up to more than was spent.
public struct CostTargets: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "cost-targets",
        title: LocalizedText(zh: "成本指标之和超过实际执行数", en: "Cost targets add up to more than was spent"),
        rationale: LocalizedText(
            zh: """
                成本指标以“＝”给出具体金额并报告完成（得满分）时，就是在说这些钱都按计划花了；它们的合计不能超过项目的预算执行数。\
                超出部分相对执行数的比例决定级别（重要性阈值，不是舍入容差）：达50%报错误，达5%报警告，更小报提示。按“≤”给出的上限、\
                按人或按场的单价不参与相加。
                """,
            en: """
                Cost indicators stated as exact amounts (“＝”) and reported complete (full points) claim that this money was spent as \
                planned; together they cannot exceed the project's executed amount. The excess relative to what was executed sets the \
                severity (a materiality ladder, not a rounding tolerance): 50% or more an error, 5% or more a warning, less a note. Caps \
                (“≤”) and unit costs (per person, per event) are not added up.
                """),
        severity: .error,
        tags: ["performance-table", "budget", "cross-reference"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 20.00 | 9.61 | 9.61 | 100.00% | 10 | 10 | |
                    """, ExampleTables.splitTargetIndicators,
                    """
                    | | 成本指标 | 经济成本指标 | ↓办公费3.5万 | ＝ | 3.5 | 万 | 100.00% | 5 | 5 | |
                    | | | | 运维费11.35万 | ＝ | 11.35 | 万 | 100.00% | 5 | 5 | |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 4.00 | 4.00 | 4.00 | 100.00% | 10 | 10 | |
                    """, ExampleTables.splitTargetIndicators,
                    """
                    | | 成本指标 | 经济成本指标 | 慰问标准 | ＝ | 400 | 元/人 | 100% | 20 | 20 | |
                    """))
        ])

    /// Excess over what was executed, as a share of it, from which a finding is a warning and an error
    /// (a materiality ladder, not a rounding tolerance).
    static let warningShare = Dec(mantissa: 5, scale: 2)
    static let errorShare = Dec(mantissa: 5, scale: 1)

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let executedCell = p.budget?.total?.executed, let executedQ = executedCell.quantity,
                let executed = TableSay.amount(executedCell)
            else { continue }
            // Exact cost targets of rows that report them complete, with the cell that holds each.
            let costs = p.indicators.compactMap { i -> (indicator: Indicator, target: Quantity, cell: CellValue)? in
                guard i.kind == .cost, let t = i.target, let cell = i.targetCell, t.amountInWan != nil, t.perUnit == nil,
                    i.op == .equal || i.op == nil
                else { return nil }
                guard let w = TableSay.points(i.weight), let s = TableSay.points(i.score), s.value == w.value, !w.value.isZero else {
                    return nil
                }
                return (i, t, cell)
            }
            guard let first = costs.first else { continue }
            // A cost target is a planned allocation, exact as written; only what was executed is a rounded figure.
            let figures = costs.map { Figure.exact($0.target.comparable.value) }
            let sum = Say.exactSum(figures)
            // Σ targets ≤ executed, within rounding. (Figures that match only if truncated are not reported.)
            let excess = sum - executed.value
            report.judge(
                Relations.compare(parts: figures, total: executed, relation: .atLeast),
                severity: executed.value.isZero || !(excess < executed.value * Self.errorShare)
                    ? .error
                    : !(excess < executed.value * Self.warningShare) ? .warning : .note,
                ifTruncated: nil,
                numbers: costs.map(\.target) + [executedQ], key: TableSay.key(p, "cost-targets"),
                message: Message.exceedsExecuted(
                    project: TableSay.project(p),
                    terms: Say.terms(
                        costs.map { c in
                            let name = c.indicator.name
                            return name.contains(c.target.value.formatted()) ? name : name + c.target.printed
                        }, separator: " + "),
                    sum: sum.formatted(), executed: executedCell.text, excess: excess.formatted()
                ).text,
                at: (first.indicator.nameCell ?? first.cell).span,
                related: costs.dropFirst().map { TableSay.related("cost", $0.cell, zh: "成本指标", en: "cost") }
                    + [TableSay.related("executed", executedCell, zh: "预算执行数", en: "executed")])
        }
    }
}

extension CostTargets {
    enum Message {
        case exceedsExecuted(project: LocalizedText, terms: String, sum: String, executed: String, excess: String)

        var text: LocalizedText {
            switch self {
            case .exceedsExecuted(let project, let terms, let sum, let executed, let excess):
                LocalizedText(
                    zh: "\(project.zh)成本指标 \(terms) = \(sum)万元，均报完成，但预算执行数只有\(executed)万元（多出\(excess)万元）。",
                    en: "\(project.en): the cost indicators \(terms) = \(sum)万元 are all reported complete, "
                        + "but only \(executed)万元 was executed (\(excess)万元 more).")
            }
        }
    }
}

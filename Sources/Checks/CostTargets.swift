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
            zh: "成本指标以“＝”给出具体金额并报告完成（得满分）时，就是在说这些钱都按计划花了；它们的合计不能超过项目的预算执行数。超出部分相对执行数的比例决定级别（重要性阈值，不是舍入容差）：达50%报错误，达5%报警告，更小报提示。按“≤”给出的上限、按人或按场的单价不参与相加。",
            en: "Cost indicators stated as exact amounts (“＝”) and reported complete (full points) claim that this money was spent as planned; together they cannot exceed the project's executed amount. The excess relative to what was executed sets the severity (a materiality ladder, not a rounding tolerance): 50% or more an error, 5% or more a warning, less a note. Caps (“≤”) and unit costs (per person, per event) are not added up."),
        severity: .error,
        tags: ["performance-table", "budget", "cross-reference"],
        triggering: [
            Example(ExampleTables.budgetBlock + """
            \t
            \t总额
            \t20.00
            \t9.61
            \t9.61
            \t100.00%
            \t10
            \t10
            \t

            \t绩效指标（90分）
            \t一级指标
            \t二级指标
            \t三级指标
            \t指标性质
            \t指标值
            \t度量单位
            \t完成值
            \t权重
            \t得分
            \t未完成原因分析

            \t
            \t成本指标
            \t经济成本指标
            \t↓办公费3.5万
            \t＝
            \t3.5
            \t万
            \t100.00%
            \t5
            \t5
            \t

            \t
            \t
            \t
            \t运维费11.35万
            \t＝
            \t11.35
            \t万
            \t100.00%
            \t5
            \t5
            \t

            """),
        ],
        nonTriggering: [
            Example(ExampleTables.budgetBlock + """
            \t
            \t总额
            \t4.00
            \t4.00
            \t4.00
            \t100.00%
            \t10
            \t10
            \t

            \t绩效指标（90分）
            \t一级指标
            \t二级指标
            \t三级指标
            \t指标性质
            \t指标值
            \t度量单位
            \t完成值
            \t权重
            \t得分
            \t未完成原因分析

            \t
            \t成本指标
            \t经济成本指标
            \t慰问标准
            \t＝
            \t400
            \t元/人
            \t100%
            \t20
            \t20
            \t

            """),
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let executedCell = p.budget?.total?.executed, let executed = TableSay.amount(executedCell) else { continue }
            let costs = p.indicators.filter { i in
                guard i.kind == .cost, let t = i.target, t.amountInWan != nil, t.perUnit == nil, i.op == .equal || i.op == nil else { return false }
                guard let w = TableSay.points(i.weight), let s = TableSay.points(i.score) else { return false }
                return s.value == w.value && !w.value.isZero
            }
            guard !costs.isEmpty else { continue }
            // A cost target is a planned allocation, exact as written; only what was executed is a rounded figure.
            let figures = costs.map { Figure.exact($0.target!.comparable.value) }
            let sum = Say.exactSum(figures)
            lazy var key = TableSay.key(p, "cost-targets")
            // Σ targets ≤ executed, within rounding.
            let exceeds = Relations.compare(parts: figures, total: executed, relation: .atLeast)
            if exceeds == .holds { report.verified(costs.compactMap(\.target) + [executedCell.quantity!], key: key); continue }
            guard exceeds == .fails, !executed.value.isZero || !sum.isZero else { continue }
            let excess = sum - executed.value
            let severity: Severity = executed.value.isZero || !(excess < executed.value * Dec("0.5")!) ? .error
                : !(excess < executed.value * Dec("0.05")!) ? .warning : .note
            lazy var name = TableSay.project(p)
            let terms = costs.map { c -> String in
                let printed = c.target!.printed
                return c.name.contains(c.target!.value.formatted()) ? c.name : "\(c.name)\(printed)"
            }.joined(separator: " + ")
            let anchor = costs[0].nameCell ?? costs[0].targetCell!
            report.add(Self.description.finding(severity, LocalizedText(
                zh: "\(name.zh)成本指标 \(terms) = \(sum.formatted())万元，均报完成，但预算执行数只有\(executedCell.text)万元（多出\(excess.formatted())万元）。",
                en: "\(name.en): the cost indicators \(terms) = \(sum.formatted())万元 are all reported complete, but only \(executedCell.text)万元 was executed (\(excess.formatted())万元 more)."),
                at: anchor.span, related: costs.dropFirst().compactMap { $0.targetCell.map { TableSay.related("cost", $0, zh: "成本指标", en: "cost") } }
                    + [TableSay.related("executed", executedCell, zh: "预算执行数", en: "executed")],
                key: key))
        }
    }
}

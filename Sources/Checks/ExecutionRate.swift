import Engine
import Extraction
import Model

/// 预算执行率 = 预算执行数 ÷ 调整后（全年）预算数, row by row in the 预算执行情况 block.
public struct ExecutionRate: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "execution-rate",
        title: LocalizedText(zh: "预算执行率与执行数不符", en: "Execution rate does not match the amounts"),
        rationale: LocalizedText(
            zh: """
                预算执行率 = 预算执行数 ÷ 调整后预算数（全年预算数），不是除以年初预算。按区间算术核对每一资金行；\
                预算为0而执行率写0%是惯例，不报；预算为0却写了其他执行率，报提示。
                """,
            en: """
                The execution rate is the executed amount over the adjusted (full-year) budget, not the initial budget. Each fund row is \
                checked with interval arithmetic; 0% over a zero budget is the convention and stays silent, any other rate over a zero \
                budget is a note.
                """),
        severity: .error,
        tags: ["arithmetic", "performance-table"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 4.80 | 4.68 | 4.56 | ↓100% | 10 | 10 | |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 10.00 | 9.99 | 9.99 | 100.00% | 10 | 10 | |
                    | | 单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let budget = p.budget else { continue }
            for row in budget.rows {
                guard let rateCell = row.rate, let rate = rateCell.quantity, rate.unit == .percent,
                    let executedCell = row.executed, let executedQ = executedCell.quantity, let executed = TableSay.amount(executedCell),
                    let adjustedCell = row.adjusted, let adjustedQ = adjustedCell.quantity, let adjusted = TableSay.amount(adjustedCell)
                else { continue }
                lazy var key = TableSay.key(p, "rate|\(row.label)")
                lazy var related = [
                    TableSay.related("executed", executedCell, zh: "执行数", en: "executed"),
                    TableSay.related("budget", adjustedCell, zh: "调整后预算数", en: "adjusted budget")
                ]
                if adjusted.value.isZero {
                    if rate.value.isZero { continue }
                    let message = Message.zeroBudget(
                        project: TableSay.project(p), row: row.label, budget: adjustedCell.text,
                        rate: rate.printed)
                    report.add(.note, message.text, at: rateCell.span, related: related, key: key)
                    continue
                }
                let verdict = Relations.ratio(executed, of: adjusted, percent: rate.figure)
                lazy var expected = Say.percent(executed.value, of: adjusted.value, decimals: rate.decimals)
                report.judge(
                    verdict, numbers: [executedQ, adjustedQ, rate], key: key,
                    message: Message.mismatch(
                        project: TableSay.project(p), row: row.label, executed: executedCell.text, budget: adjustedCell.text,
                        computed: Say.precisePercent(executed.value, of: adjusted.value, decimals: rate.decimals),
                        stated: rate.printed, expected: expected
                    ).text,
                    at: rateCell.span, related: related, expected: expected)
            }
        }
    }
}

extension ExecutionRate {
    enum Message {
        case zeroBudget(project: LocalizedText, row: String, budget: String, rate: String)
        case mismatch(
            project: LocalizedText, row: String, executed: String, budget: String,
            computed: String, stated: String, expected: String)

        var text: LocalizedText {
            switch self {
            case .zeroBudget(let project, let row, let budget, let rate):
                LocalizedText(
                    zh: "\(project.zh)\(row)：调整后预算为\(budget)，执行率\(rate)无从计算。",
                    en: "\(project.en) \(row): the adjusted budget is \(budget), so the rate \(rate) is undefined.")
            case .mismatch(let project, let row, let executed, let budget, let computed, let stated, let expected):
                LocalizedText(
                    zh: "\(project.zh)\(row)执行率不符：执行数\(executed) ÷ 调整后预算数\(budget) = \(computed)，表中为\(stated)，应为\(expected)。",
                    en: "\(project.en) \(row): the execution rate does not match: executed \(executed) ÷ adjusted budget \(budget) = "
                        + "\(computed), but the table says \(stated); expected \(expected).")
            }
        }
    }
}

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
            zh: "预算执行率 = 预算执行数 ÷ 调整后预算数（全年预算数），不是除以年初预算。按区间算术核对每一资金行；预算为0而执行率写0%是惯例，不报；预算为0却写了其他执行率，报提示。",
            en: "The execution rate is the executed amount over the adjusted (full-year) budget, not the initial budget. Each fund row is checked with interval arithmetic; 0% over a zero budget is the convention and stays silent, any other rate over a zero budget is a note."),
        severity: .error,
        tags: ["arithmetic", "performance-table"],
        triggering: [
            Example(ExampleTables.budgetBlock + """
            \t
            \t总额
            \t4.80
            \t4.68
            \t4.56
            \t↓100%
            \t10
            \t10
            \t

            """),
        ],
        nonTriggering: [
            Example(ExampleTables.budgetBlock + """
            \t
            \t总额
            \t10.00
            \t9.99
            \t9.99
            \t100.00%
            \t10
            \t10
            \t

            \t
            \t单位资金
            \t0.00
            \t0.00
            \t0.00
            \t0.00%
            \t/
            \t/
            \t

            """),
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let budget = p.budget else { continue }
            for row in budget.rows {
                guard let rateCell = row.rate, let rate = rateCell.quantity, rate.unit == .percent,
                      let executed = TableSay.amount(row.executed), let adjusted = TableSay.amount(row.adjusted) else { continue }
                lazy var name = TableSay.project(p)
                lazy var key = TableSay.key(p, "rate|\(row.label)")
                lazy var related = [TableSay.related("executed", row.executed!, zh: "执行数", en: "executed"),
                               TableSay.related("budget", row.adjusted!, zh: "调整后预算数", en: "adjusted budget")]
                if adjusted.value.isZero {
                    if rate.value.isZero { continue }
                    report.add(Self.description.finding(.note, LocalizedText(
                        zh: "\(name.zh)\(row.label)：调整后预算为\(row.adjusted!.text)，执行率\(rate.printed)无从计算。",
                        en: "\(name.en) \(row.label): the adjusted budget is \(row.adjusted!.text), so the rate \(rate.printed) is undefined."),
                        at: rateCell.span, related: related, key: key))
                    continue
                }
                let verdict = Relations.ratio(executed, of: adjusted, percent: rate.figure)
                let expected = Relations.percent(executed.value, of: adjusted.value, decimals: max(2, rate.decimals))
                lazy var expectedText = Relations.percent(executed.value, of: adjusted.value, decimals: rate.decimals).formatted(minDecimals: rate.decimals) + "%"
                switch verdict {
                case .holds: report.verified([row.executed!.quantity!, row.adjusted!.quantity!, rate], key: key)
                case .undefined: continue
                case .fails, .holdsIfTruncated:
                    report.add(Self.description.finding(verdict == .fails ? nil : .note, LocalizedText(
                        zh: "\(name.zh)\(row.label)执行率不符：执行数\(row.executed!.text) ÷ 调整后预算数\(row.adjusted!.text) = \(expected.formatted(minDecimals: 2))%，表中为\(rate.printed)，应为\(expectedText)。",
                        en: "\(name.en) \(row.label): the execution rate does not match: executed \(row.executed!.text) ÷ adjusted budget \(row.adjusted!.text) = \(expected.formatted(minDecimals: 2))%, but the table says \(rate.printed); expected \(expectedText)."),
                        at: rateCell.span, related: related, expected: expectedText, key: key))
                }
            }
        }
    }
}

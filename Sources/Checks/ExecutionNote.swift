import Engine
import Extraction
import Model

/// A note that says the money was not paid (未支付, 尚未拨付) beside a table that shows it
/// spent, or says it was paid in full beside an execution of nothing.
public struct ExecutionNote: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "execution-note",
        title: LocalizedText(zh: "说明与执行数相矛盾", en: "Note contradicts the executed amount"),
        rationale: LocalizedText(
            zh: """
                资金行的原因栏、成本指标的完成值或原因栏说资金“尚未支付”“未拨付”，表中却显示已按全年预算执行完毕（执行数等于调整后预算数）；\
                或说“已全部拨付”，表中执行数却为零、或明显少于预算：二者必有一处不实。执行数与预算按区间比较；只说部分支付、\
                既说已付又说未付的说明不核对。
                """,
            en: """
                A fund row's reason, or a cost indicator's value or reason, says the money was not yet paid (未支付, 尚未拨付) while the \
                table shows the full-year budget executed (executed equal to the adjusted budget); or says it was paid in full \
                (已全部拨付) while the executed amount is zero or clearly below the budget: one of the two is untrue. Amounts are \
                compared as intervals; a note that speaks of part of the money, or says both, is not checked.
                """),
        severity: .warning,
        tags: ["performance-table"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 30.00 | 30.00 | 0.00 | 0.00% | 10 | 0 | ↓资金已全部拨付至各乡镇 |
                    """)),
            Example(
                Rows.table(
                    ExampleTables.unscoredFundBlock,
                    """
                    | 本级财政资金 | 80.00 | 80.00 | 100 |
                    """, ExampleTables.completionIndicators,
                    """
                    | 产出指标 | 成本指标 | 设备采购成本 | ≤30万元 | 30万元 | 100 | ↓设备尾款尚未支付 |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 30.00 | 30.00 | 21.00 | 70.00% | 10 | 7 | 部分合同款尚未支付，下年初结清 |
                    | | 其中：财政资金 | 30.00 | 30.00 | 21.00 | 70.00% | / | / | 已支付21万元，尾款9万元未支付 |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let budget = p.budget else { continue }
            for row in budget.rows {
                guard let note = row.paymentNote, let spent = Spending(row) else { continue }
                judge(note, spent, p, what: .fundRow(row.label), &report)
            }
            // A cost indicator's note speaks of the whole project's money: held against the total row,
            // or the fund rows together when the form has none.
            guard let spent = budget.rows.first(where: \.isTotal).flatMap(Spending.init) ?? Spending(all: budget.rows) else { continue }
            for i in p.indicators where i.kind == .cost {
                guard let note = i.paymentNote else { continue }
                judge(note, spent, p, what: .costIndicator(i.name), &report)
            }
        }
    }

    func judge(_ note: PaymentNote, _ spent: Spending, _ p: PerformanceTable, what: Message.Subject, _ report: inout CheckReport) {
        let e = spent.executed.interval()
        let b = spent.budget.interval()
        let contradicts: Bool
        switch note.says {
        case .notPaid:
            // Fully executed: the executed amount cannot be below the budget.
            contradicts = !spent.budget.value.isZero && !(e.hi < b.lo)
        case .paid:
            // Paid in full, yet executed nothing, or clearly less than the budget.
            contradicts = e.hi < b.lo
        }
        let key = TableSay.key(p, "payment|\(what.key)")
        guard contradicts else {
            report.verified(spent.numbers, key: key)
            return
        }
        report.add(
            Message.contradiction(
                project: TableSay.project(p), subject: what, note: note.words, says: note.says,
                executed: spent.executedText, budget: spent.budgetText
            ).text,
            at: note.cell.span, related: spent.related, key: key)
    }

    /// Executed amount and adjusted budget of a fund row, or of every fund row together.
    struct Spending {
        let executed: Figure, budget: Figure
        let executedText: String, budgetText: String
        let numbers: [Quantity]
        let related: [RelatedLocation]

        init?(_ row: FundRow) {
            self.init(all: [row])
        }

        init?(all rows: [FundRow]) {
            var executed: [Figure] = []
            var budget: [Figure] = []
            var numbers: [Quantity] = []
            var related: [RelatedLocation] = []
            for row in rows {
                guard let ec = row.executed, let eq = ec.quantity, let e = TableSay.amount(ec),
                    let bc = row.adjusted, let bq = bc.quantity, let b = TableSay.amount(bc)
                else { continue }
                executed.append(e)
                budget.append(b)
                numbers += [eq, bq]
                related += [
                    TableSay.related("executed", ec, zh: "\(row.label)执行数", en: "executed (\(row.label))"),
                    TableSay.related("budget", bc, zh: "\(row.label)调整后预算数", en: "adjusted budget (\(row.label))")
                ]
            }
            guard !executed.isEmpty else { return nil }
            self.executed = Figure(value: Say.exactSum(executed), ulp: executed.map(\.ulp).reduce(.zero, +))
            self.budget = Figure(value: Say.exactSum(budget), ulp: budget.map(\.ulp).reduce(.zero, +))
            executedText = Self.text(self.executed, executed)
            budgetText = Self.text(self.budget, budget)
            self.numbers = numbers
            self.related = related
        }

        static func text(_ total: Figure, _ parts: [Figure]) -> String {
            total.value.formatted(minDecimals: Say.decimals(parts)) + (parts.count > 1 ? "（合计）" : "")
        }
    }
}

extension ExecutionNote {
    enum Message {
        enum Subject {
            case fundRow(String)
            case costIndicator(String)

            var key: String {
                switch self {
                case .fundRow(let label): "row|\(label)"
                case .costIndicator(let name): "cost|\(name)"
                }
            }

            var text: LocalizedText {
                switch self {
                case .fundRow(let label): LocalizedText(zh: "\(label)的说明", en: "the note on \(label)")
                case .costIndicator(let name): LocalizedText(zh: "成本指标“\(name)”", en: "the cost indicator “\(name)”")
                }
            }
        }

        case contradiction(project: LocalizedText, subject: Subject, note: String, says: PaymentNote.Says, executed: String, budget: String)

        var text: LocalizedText {
            switch self {
            case .contradiction(let project, let subject, let note, let says, let executed, let budget):
                switch says {
                case .notPaid:
                    LocalizedText(
                        zh: "\(project.zh)\(subject.text.zh)称资金“\(note)”，表中执行数\(executed)却已达到调整后预算数\(budget)。",
                        en: "\(project.en): \(subject.text.en) says the money was not paid (“\(note)”), yet the table shows "
                            + "\(executed) executed of the adjusted budget \(budget).")
                case .paid:
                    LocalizedText(
                        zh: "\(project.zh)\(subject.text.zh)称资金“\(note)”，表中执行数却只有\(executed)（调整后预算数\(budget)）。",
                        en: "\(project.en): \(subject.text.en) says the money was paid in full (“\(note)”), yet the table "
                            + "shows only \(executed) executed of the adjusted budget \(budget).")
                }
            }
        }
    }
}

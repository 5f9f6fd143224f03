import Engine
import Extraction
import Model

/// The same figure printed in two tables of one report must be the same number: table 1's
/// 本年支出合计 and table 3's 合计, table 4's 一般公共预算 column and table 5's 合计, each 类 of
/// table 1 and its row in table 3, table 5's 基本支出 and table 6's 人员 + 公用经费 …
public struct CrossTable: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "cross-table",
        title: LocalizedText(zh: "两张表中的同一数字不一致", en: "The same figure differs between two tables"),
        rationale: LocalizedText(
            zh:
                "部门决算九张表互相勾稽：收入支出决算总表的本年收入合计 = 收入决算表合计，本年支出合计 = 支出决算表合计，各类支出 = 支出决算表各类；一般公共预算、政府性基金、国有资本经营预算财政拨款收入与财政拨款收入支出决算总表一致；财政拨款收入支出决算总表的一般公共预算财政拨款支出（合计及各类）= 一般公共预算财政拨款支出决算表；其基本支出 = 基本支出决算表的人员经费 + 公用经费，且不超过支出决算表的基本支出；政府性基金、国有资本经营预算的收支与各自的表一致。部门预算各表同理。两处的舍入区间不相交是错误；只差一个末位单位（区间相接，如326.71与326.72）是分别舍入造成的，报提示。",
            en:
                "The nine tables of a final account cross-check: table 1's income and expenditure of the year equal the totals of tables 2 and 3, and each class of table 1 its row in table 3; the three appropriations agree with table 4; table 4's general public budget column (total and classes) equals table 5, whose basic expenditure equals personnel + public costs in table 6 and does not exceed table 3's; the fund tables agree with table 4. Budget tables likewise. Intervals that cannot meet are an error; a difference of one unit in the last place (touching intervals, 326.71 vs 326.72) comes from rounding each table separately: a note."
        ),
        severity: .error,
        tags: ["cross-reference", "finance-table"],
        triggering: [
            Example(
                FinanceExamples.table(
                    "收入支出决算总表",
                    Rows.table(
                        """
                        | 项目 | 决算数 | 项目 | 决算数 |
                        | 一、一般公共预算财政拨款收入 | 1,260.00 | 一、一般公共服务支出 | 900.00 |
                        | | | 八、社会保障和就业支出 | 360.00 |
                        | 本年收入合计 | 1,260.00 | 本年支出合计 | 1,260.00 |
                        | 总计 | 1,260.00 | 总计 | 1,260.00 |
                        """))
                    + FinanceExamples.table(
                        "支出决算表",
                        Rows.table(
                            """
                            | 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
                            | | 合计 | ↓1,270.00 | 800.00 | 470.00 |
                            | 201 | 一般公共服务支出 | ↓910.00 | 500.00 | 410.00 |
                            | 208 | 社会保障和就业支出 | 360.00 | 300.00 | 60.00 |
                            """))),
            Example(
                FinanceExamples.table(
                    "收入支出决算总表",
                    Rows.table(
                        """
                        | 项目 | 决算数 | 项目 | 决算数 |
                        | 一、一般公共预算财政拨款收入 | 326.71 | 八、社会保障和就业支出 | 326.71 |
                        | 本年收入合计 | 326.71 | 本年支出合计 | 326.71 |
                        """))
                    + FinanceExamples.table(
                        "支出决算表",
                        Rows.table(
                            """
                            | 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
                            | | 合计 | ↓326.72 | 326.72 | |
                            | 208 | 社会保障和就业支出 | ↓326.72 | 326.72 | |
                            """)), severity: .note)
        ],
        nonTriggering: [
            Example(
                FinanceExamples.table(
                    "收入支出决算总表",
                    Rows.table(
                        """
                        | 项目 | 决算数 | 项目 | 决算数 |
                        | 一、一般公共预算财政拨款收入 | 1,260.00 | 一、一般公共服务支出 | 900.00 |
                        | | | 八、社会保障和就业支出 | 360.00 |
                        | 本年收入合计 | 1,260.00 | 本年支出合计 | 1,260.00 |
                        """))
                    + FinanceExamples.table(
                        "支出决算表",
                        Rows.table(
                            """
                            | 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
                            | | 合计 | 1,260.00 | 800.00 | 460.00 |
                            | 201 | 一般公共服务支出 | 900.00 | 500.00 | 400.00 |
                            | 208 | 社会保障和就业支出 | 360.00 | 300.00 | 60.00 |
                            """)))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        let tables = model.financeTables
        let reliable = FinanceReliability.reliable(tables)
        for link in TableRules.links {
            guard let a = tables.resolve(link.a), let b = tables.resolve(link.b),
                reliable.contains(a.table.table), reliable.contains(b.table.table)
            else { continue }
            compare(a, b, id: link.id, atMost: link.atMost, &report)
        }
        for link in TableRules.classLinks {
            guard let summary = tables.first(link.summary), let table = tables.first(link.table),
                reliable.contains(summary.table), reliable.contains(table.table),
                let side = summary.panel(.expenditure), let column = side.column(link.column), side.trusts(column),
                let main = table.main, let tableColumn = main.column(link.tableColumn), main.trusts(tableColumn)
            else { continue }
            for item in side.rows where item.role == .item && item.parent == nil {
                guard let code = item.classCode, let f = item.values[column.index],
                    let row = main.rows.first(where: { $0.code?.digits == code }), let g = row.values[tableColumn.index]
                else { continue }
                compare(
                    TableCells(table: summary, rows: [item], figures: [f], column: column),
                    TableCells(table: table, rows: [row], figures: [g], column: tableColumn), id: "\(link.id) \(code)", atMost: false,
                    &report)
            }
        }
    }

    func compare(_ a: TableCells, _ b: TableCells, id: String, atMost: Bool, _ report: inout CheckReport) {
        if a.figures.contains(where: \.guessed) || b.figures.contains(where: \.guessed) { return }
        // The finding lands on the later of the two (the table a reader meets second).
        let later = a.figures[0].cellSpan.start > b.figures[0].cellSpan.start ? a : b
        let other = later.figures[0].cellSpan.start == a.figures[0].cellSpan.start ? b : a
        let numbers = a.figures.map(\.quantity) + b.figures.map(\.quantity)
        let related = [
            RelatedLocation(
                role: "stated-elsewhere", span: other.figures[0].cellSpan,
                message: LocalizedText(zh: other.named.zh + " " + Message.figures(other), en: other.named.en + " " + Message.figures(other))
            )
        ]
        if atMost {
            let verdict = Relations.compare(parts: a.inWan, total: Self.sum(b.inWan), relation: .atLeast)
            report.judge(
                verdict, numbers: numbers, key: verdict == .holds ? "\(a.named.zh) ≤ \(b.named.zh)" : id,
                message: Message.exceeds(part: a.named, partFigures: Message.figures(a), whole: b.named, wholeFigures: Message.figures(b))
                    .text,
                at: a.figures[0].cellSpan, related: related)
            return
        }
        let agreement: FinanceSay.Agreement
        if a.figures.count == 1 && b.figures.count == 1 {
            agreement = FinanceSay.agreement(a.figures[0].figure, b.figures[0].figure)
        } else {
            switch Relations.compare(parts: b.inWan, total: Self.sum(a.inWan), relation: .equal) {
            case .holds, .undefined: agreement = .holds
            case .holdsIfTruncated: agreement = .truncated
            case .fails: agreement = .differs
            }
        }
        report.judge(
            agreement.verdict, severity: agreement == .differs ? nil : .note, numbers: numbers,
            key: agreement == .holds ? "\(a.named.zh) = \(b.named.zh)" : id,
            message: Message.differs(
                later: later.named, laterFigures: Message.figures(later), other: other.named,
                otherFigures: Message.figures(other), drift: agreement != .differs
            ).text,
            at: later.figures[0].cellSpan, related: related, expected: Message.figures(other))
    }

    /// Several cells as one figure: the exact sum, the precision of the coarsest.
    static func sum(_ figures: [Figure]) -> Figure {
        var value = Dec.zero
        var ulp = Dec.zero
        for f in figures {
            value = value + f.value
            ulp = ulp + f.ulp
        }
        return Figure(value: value, ulp: ulp)
    }
}

extension CrossTable {
    enum Message {
        case differs(later: LocalizedText, laterFigures: String, other: LocalizedText, otherFigures: String, drift: Bool)
        case exceeds(part: LocalizedText, partFigures: String, whole: LocalizedText, wholeFigures: String)

        /// "1260.00万元", or "680.00万元 + 120.00万元 = 800.00万元" for a sum of cells.
        static func figures(_ c: TableCells) -> String {
            guard c.figures.count > 1 else { return c.figures[0].wan }
            var s = Dec.zero
            var d = 0
            for f in c.figures {
                s = s + f.figure.value
                d = max(d, f.figure.decimals)
            }
            return Say.list(c.figures.map(\.wan), separator: " + ") + " = " + s.formatted(minDecimals: d) + "万元"
        }

        var text: LocalizedText {
            switch self {
            case .differs(let later, let laterFigures, let other, let otherFigures, let drift):
                drift
                    ? LocalizedText(
                        zh: "\(later.zh)\(laterFigures)与\(other.zh)\(otherFigures)差一个末位单位：两表分别舍入时可能出现，但同一个数应印成一样。",
                        en:
                            "\(later.en) \(laterFigures) and \(other.en) \(otherFigures) differ by one unit in the last place: separate rounding can cause it, but one figure should be printed one way."
                    )
                    : LocalizedText(
                        zh: "\(later.zh)\(laterFigures) ≠ \(other.zh)\(otherFigures)：同一个数两表不一致。",
                        en: "\(later.en) \(laterFigures) ≠ \(other.en) \(otherFigures): one figure, two values.")
            case .exceeds(let part, let partFigures, let whole, let wholeFigures):
                LocalizedText(
                    zh: "\(part.zh)\(partFigures)超过了\(whole.zh)\(wholeFigures)：一般公共预算财政拨款部分不能大于全部。",
                    en:
                        "\(part.en) \(partFigures) exceeds \(whole.en) \(wholeFigures); the general public budget part cannot exceed the whole."
                )
            }
        }
    }
}

import Engine
import Extraction
import Model

/// A figure of the 情况说明 that restates a table cell must be that cell's figure: 收支总计
/// (table 1), 财政拨款收支总计 (table 4), 本年收入/支出合计, 基本/项目支出, 一般公共预算财政拨款
/// 支出 and each of its 类, 人员/公用经费, the “三公” parts, fund expenditure … One quantity,
/// one value, whether the text or a table states it.
public struct TableText: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "table-text",
        title: LocalizedText(zh: "说明中的数字与表中不符", en: "The narrative restates a table figure differently"),
        rationale: LocalizedText(
            zh:
                "情况说明逐项复述决算表：收入支出总计是收入支出决算总表的总计，财政拨款收入支出总计是财政拨款收入支出决算总表的总计，本年收入、支出合计及其中的财政拨款收入、基本支出、项目支出，一般公共预算财政拨款支出及各类（“一般公共服务支出（类）X万元”），人员经费与公用经费，“三公”经费及各部分（预算数与决算数分别对应），政府性基金、国有资本经营预算支出，都印在某张表的某一格里。说明中的数与表中的数舍入区间不相交是错误；只差一个末位单位是提示。说明写了、表中是空格的，不比较。",
            en:
                "The narrative restates the tables item by item: total income and expenditure is table 1's 总计, the appropriation total table 4's, the year's income and expenditure and their appropriation, basic and project parts, general public budget expenditure and each of its classes (“一般公共服务支出（类）X万元”), personnel and public costs, the three public costs and their parts (budget and outturn each to its column), fund expenditure: each is printed in a cell of some table. A narrative figure whose interval cannot meet the cell's is an error; one unit in the last place apart is a note. A figure the narrative states for a blank cell is not compared."
        ),
        severity: .error,
        tags: ["cross-reference", "finance-table", "prose"],
        triggering: [
            Example(
                FinanceExamples.table(
                    "财政拨款收入支出决算总表",
                    Rows.table(
                        """
                        | 项目 | 决算数 | 项目 | 合计 | 一般公共预算财政拨款 |
                        | 一、一般公共预算财政拨款 | 2,940.05 | 一、一般公共服务支出 | 2,940.05 | 2,940.05 |
                        | 本年收入合计 | 2,940.05 | 本年支出合计 | 2,940.05 | 2,940.05 |
                        | 年初财政拨款结转和结余 | 21.63 | 年末财政拨款结转和结余 | 21.63 | 21.63 |
                        | 总计 | 2,961.68 | 总计 | 2,961.68 | 2,961.68 |
                        """)) + """
                        四、财政拨款收入支出决算总体情况说明
                        2024年度财政拨款收入支出总计↓0.3万元。

                        """),
            Example(
                FinanceExamples.table(
                    "一般公共预算财政拨款支出决算表",
                    Rows.table(
                        """
                        | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
                        | 201 | 一般公共服务支出 | 880.00 | 500.00 | 380.00 |
                        | 208 | 社会保障和就业支出 | 150.00 | 150.00 | |
                        | | 合计 | 1,030.00 | 650.00 | 380.00 |
                        """)) + """
                        五、一般公共预算财政拨款支出决算情况说明
                        一般公共预算财政拨款支出1030.00万元，主要用于：一般公共服务支出（类）880.00万元，占85.44%；社会保障和就业支出（类）↓160.00万元，占15.53%。

                        """)
        ],
        nonTriggering: [
            Example(
                FinanceExamples.table(
                    "财政拨款收入支出决算总表",
                    Rows.table(
                        """
                        | 项目 | 决算数 | 项目 | 合计 | 一般公共预算财政拨款 |
                        | 一、一般公共预算财政拨款 | 2,940.05 | 一、一般公共服务支出 | 2,940.05 | 2,940.05 |
                        | 本年收入合计 | 2,940.05 | 本年支出合计 | 2,940.05 | 2,940.05 |
                        | 年初财政拨款结转和结余 | 21.63 | 年末财政拨款结转和结余 | 21.63 | 21.63 |
                        | 总计 | 2,961.68 | 总计 | 2,961.68 | 2,961.68 |
                        """)) + """
                        四、财政拨款收入支出决算总体情况说明
                        2024年度财政拨款收入支出总计2961.68万元。

                        """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        let tables = model.financeTables
        guard !tables.tables.isEmpty else { return }
        let reliable = FinanceReliability.reliable(tables)
        for fact in model.facts.facts {
            guard fact.year == nil || fact.year == model.reportYear,
                let cells = model.facts.table(fact.concept.id, basis: fact.basis), reliable.contains(cells.table.table)
            else { continue }
            compare(
                fact.mention, cells, key: "\(fact.concept.id)|\(fact.basis.rawValue)|\(Say.section(model, fact.mention))", model, &report)
        }
        classes(model, reliable: reliable, &report)
    }

    /// "一般公共服务支出（类）2106.66万元": the 类 row of the general public budget table (or of the
    /// expenditure table when the sentence is not about the general public budget).
    func classes(_ model: AuditModel, reliable: Set<Int>, _ report: inout CheckReport) {
        let tables = model.financeTables
        let gpb = tables.first(.gpbExpenditure) ?? tables.first(.budgetGPBExpenditure)
        let all = tables.first(.expenditure) ?? tables.first(.budgetExpenditure)
        guard gpb != nil || all != nil else { return }
        for m in model.mentions where m.role == .amount && m.quantity.unit.isMoney && m.concept == nil && model.unit(of: m).isParagraph {
            guard m.year == nil || m.year == model.reportYear, let code = Self.classCode(m.labelScalars) else { continue }
            let unit = model.unit(of: m)
            let sentence = unit.text.string(unit.sentences[m.sentence])
            let path = model.sectionPath(of: m).joined()
            let aboutGPB = sentence.contains("一般公共预算") || path.contains("一般公共预算")
            guard let table = aboutGPB ? (gpb ?? all) : (all ?? gpb), reliable.contains(table.table), let main = table.main,
                let column = main.column(.total) ?? main.column(.currentExpenditure), main.trusts(column),
                let row = main.rows.first(where: { $0.code?.digits == code }), let f = row.values[column.index]
            else { continue }
            compare(
                m, TableCells(table: table, rows: [row], figures: [f], column: column), key: "class|\(code)|\(Say.section(model, m))",
                model, &report)
        }
    }

    /// The 类 a label names: "一般公共服务支出（类）", "住房保障支出" at the end of the label.
    static func classCode(_ label: [UInt32]) -> String? {
        var s = Chars.string(label).filter { !$0.isWhitespace }
        for suffix in ["(类)", "（类）"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        guard s.hasSuffix("支出") else { return nil }
        // The label ends with the class name; find the longest class name it ends with.
        var best: String?
        var bestLength = 0
        for (code, name) in ExpenditureClasses.names where s.hasSuffix(name + "支出") && name.count > bestLength {
            // "其他支出" would end many labels: only when it is the whole label.
            if name == "其他" && s != "其他支出" { continue }
            best = code
            bestLength = name.count
        }
        return best
    }

    func compare(_ m: Mention, _ cells: TableCells, key: @autoclosure () -> String, _ model: AuditModel, _ report: inout CheckReport) {
        if cells.figures.contains(where: \.guessed) { return }
        let agreement = FinanceSay.agreement(m.quantity.comparable, CrossTable.sum(cells.inWan))
        let printed = cells.figures.map(\.wan).joined(separator: " + ")
        report.judge(
            agreement.verdict, severity: agreement == .differs ? nil : .note, numbers: [m.quantity] + cells.figures.map(\.quantity),
            key: agreement == .holds ? "\(m.name) = \(cells.named.zh)" : key(),
            message: Message.differs(
                stated: LocalizedText(zh: m.named, en: m.namedEnglish), cell: cells.named, figures: printed,
                drift: agreement != .differs
            ).text, at: m.span,
            related: cells.figures.map { f in
                RelatedLocation(
                    role: "table", span: f.cellSpan,
                    message: LocalizedText(zh: "\(cells.named.zh) \(f.printed)", en: "\(cells.named.en) \(f.printed)"))
            },
            expected: printed)
    }
}

extension TableText {
    enum Message {
        case differs(stated: LocalizedText, cell: LocalizedText, figures: String, drift: Bool)

        var text: LocalizedText {
            switch self {
            case .differs(let stated, let cell, let figures, let drift):
                drift
                    ? LocalizedText(
                        zh: "\(stated.zh)与\(cell.zh)\(figures)差一个末位单位：同一个数应写成一样。",
                        en:
                            "\(stated.en) and \(cell.en) \(figures) differ by one unit in the last place; one figure should be written one way."
                    )
                    : LocalizedText(
                        zh: "\(stated.zh)与\(cell.zh)\(figures)不符：说明复述的是表中这一格。",
                        en: "\(stated.en) does not match \(cell.en) \(figures), the cell the narrative restates.")
            }
        }
    }
}

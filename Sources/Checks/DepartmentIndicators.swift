import Engine
import Extraction
import Model

/// Whole-department indicators (预算执行率, 结转结余率, “三公”经费控制率, 政府采购执行率) against
/// the figures the table and the accounts state.
public struct DepartmentIndicators: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "department-indicators",
        title: LocalizedText(zh: "部门整体指标与账面数不符", en: "Whole-department indicator does not match the accounts"),
        rationale: LocalizedText(
            zh: """
                部门整体支出绩效自评表的共性指标是账面数的比值：预算执行率 = 全年执行数 ÷ 全年预算数（本表年度资金总额）；结转结余率 = \
                年末结转和结余 ÷ 全年预算数；“三公”经费控制率 = “三公”经费决算数 ÷ 预算数；政府采购执行率 = 政府采购支出 ÷ 政府采购预算。\
                报告（本表或决算说明）给出了这些数时，指标的实际完成值应等于其比值，按区间算术核对。项目表中的“预算执行率”指标同样对照\
                本表的资金行。
                """,
            en: """
                The common indicators of a 部门整体 table are ratios of figures in the accounts: 预算执行率 = executed ÷ full-year budget \
                (the table's 年度资金总额), 结转结余率 = year-end carry-over ÷ full-year budget, “三公”经费控制率 = the “three public” \
                costs spent ÷ budgeted, 政府采购执行率 = procurement spent ÷ budgeted. Where the report (the table or the accounts) \
                states those figures, the indicator's actual value must equal the ratio, tested with interval arithmetic. A project \
                table's 预算执行率 indicator is held against its own fund row the same way.
                """),
        severity: .warning,
        tags: ["arithmetic", "performance-table"],
        triggering: [
            Example(
                "2024年度“三公”经费财政拨款支出预算为12.00万元。2024年度“三公”经费财政拨款支出决算为10.80万元。\n\n"
                    + Rows.table(
                        "| 部门整体支出绩效自评表 |", ExampleTables.departmentFundBlock,
                        """
                        | 年度资金总额 | 1200.00 | 1250.00 | 1187.50 | 10 | 95.00% | 9.5 |
                        """, ExampleTables.freeTextIndicators,
                        """
                        | | 部门管理 | 预算管理 | 预算执行率 | ≥95% | ↓98.00% | 5 | 5 | |
                        | | | | “三公”经费控制率 | ≤100% | ↓95.00% | 5 | 5 | |
                        """))
        ],
        nonTriggering: [
            Example(
                "2024年度“三公”经费财政拨款支出预算为12.00万元。2024年度“三公”经费财政拨款支出决算为10.80万元。\n\n"
                    + Rows.table(
                        "| 部门整体支出绩效自评表 |", ExampleTables.departmentFundBlock,
                        """
                        | 年度资金总额 | 1200.00 | 1250.00 | 1187.50 | 10 | 95.00% | 9.5 |
                        """, ExampleTables.freeTextIndicators,
                        """
                        | | 部门管理 | 预算管理 | 预算执行率 | ≥95% | 95.00% | 5 | 5 | |
                        | | | | “三公”经费控制率 | ≤100% | 90.00% | 5 | 5 | |
                        | | | | 政府采购执行率 | ≥90% | 96.00% | 5 | 5 | |
                        """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            for i in p.indicators {
                guard let which = i.wholeDepartment, which != .none, let cell = i.actual, let stated = cell.quantity,
                    stated.unit == .percent, stated.comparator == nil, cell.quantities.count == 1,
                    let inputs = Self.inputs(which, p, model)
                else { continue }
                let part = inputs.part.quantity.comparable
                let whole = inputs.whole.quantity.comparable
                let verdict = Relations.ratio(part, of: whole, percent: stated.figure)
                let expected = whole.value.isZero ? "—" : Say.percent(part.value, of: whole.value, decimals: stated.decimals)
                report.judge(
                    verdict, numbers: [inputs.part.quantity, inputs.whole.quantity, stated],
                    key: TableSay.key(p, "whole-department|\(which.rawValue)"),
                    message: Message.mismatch(
                        project: TableSay.project(p), indicator: i.name, stated: stated.printed,
                        part: inputs.part.text, whole: inputs.whole.text, expected: expected
                    ).text,
                    at: cell.span,
                    related: [
                        RelatedLocation(role: "part", span: inputs.part.quantity.span, message: inputs.part.text),
                        RelatedLocation(role: "whole", span: inputs.whole.quantity.span, message: inputs.whole.text)
                    ],
                    expected: expected)
            }
        }
    }

    /// A figure the ratio rests on, named for messages.
    struct Input {
        let quantity: Quantity
        let text: LocalizedText
    }

    /// Numerator and denominator of an indicator, where the table or the accounts state them.
    static func inputs(_ which: WholeDepartmentIndicator, _ p: PerformanceTable, _ model: AuditModel) -> (part: Input, whole: Input)? {
        let funds = p.budget?.total
        func cell(_ c: CellValue?, zh: String, en: String) -> Input? {
            guard let c, !c.isPlaceholder, let q = c.quantity else { return nil }
            return Input(quantity: q, text: LocalizedText(zh: "\(zh)\(c.text)", en: "\(en) \(c.text)"))
        }
        func fact(_ concept: String, _ basis: Basis, zh: String, en: String) -> Input? {
            guard let f = model.facts.first(concept, year: model.reportYear, basis: basis) else { return nil }
            return Input(
                quantity: f.mention.quantity,
                text: LocalizedText(
                    zh: "\(zh)\(f.mention.quantity.printed)",
                    en: "\(en) \(f.mention.quantity.printed)"))
        }
        let budget = cell(funds?.adjusted, zh: "全年预算数", en: "full-year budget")
        switch which {
        case .budgetExecution:
            guard let e = cell(funds?.executed, zh: "全年执行数", en: "executed"), let b = budget else { return nil }
            return (e, b)
        case .carryForward:
            guard p.scope == .department, let c = fact("carry-forward-end", .actual, zh: "年末结转和结余", en: "year-end carry-over"),
                let b = budget
            else { return nil }
            return (c, b)
        case .sangongControl:
            guard p.scope == .department, let a = fact("sangong", .actual, zh: "“三公”经费决算数", en: "“three public” costs spent"),
                let b = fact("sangong", .budget, zh: "预算数", en: "budgeted")
            else { return nil }
            return (a, b)
        case .procurementExecution:
            guard p.scope == .department, let a = fact("procurement", .actual, zh: "政府采购支出", en: "procurement spent"),
                let b = fact("procurement", .budget, zh: "政府采购预算", en: "procurement budget")
            else { return nil }
            return (a, b)
        case .none:
            return nil
        }
    }
}

extension DepartmentIndicators {
    enum Message {
        case mismatch(
            project: LocalizedText, indicator: String, stated: String, part: LocalizedText, whole: LocalizedText, expected: String)

        var text: LocalizedText {
            switch self {
            case .mismatch(let project, let indicator, let stated, let part, let whole, let expected):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”实际完成值为\(stated)，而\(part.zh) ÷ \(whole.zh) = \(expected)。",
                    en: "\(project.en) “\(indicator)”: the actual value is \(stated), but \(part.en) ÷ \(whole.en) = \(expected).")
            }
        }
    }
}

import Engine
import Extraction
import Model

/// A 部门决算 publishes nine tables: each is present (or a note says it has no data), a
/// table left blank says why, and the table of contents lists what the body has.
public struct TableSet: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "table-set",
        title: LocalizedText(zh: "决算表不全或空表未说明", en: "A table of the set is missing or blank without a note"),
        rationale: LocalizedText(
            zh:
                "部门决算公开九张表（收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、一般公共预算财政拨款支出决算表、一般公共预算财政拨款基本支出决算表、财政拨款“三公”经费支出决算表、政府性基金预算财政拨款收入支出决算表、国有资本经营预算财政拨款收入支出决算表）。没有相关收支的，保留空表并注明“本表无数据”。报告刊出了决算表时：缺少其中一张、或一张表全是空格却没有说明，都要指出；目录列出而正文没有的表，或正文有而目录未列的表，也要指出（提示）。表格全部未填数的空白样张不在此列。",
            en:
                "A final account publishes nine tables (income and expenditure summary, income, expenditure, appropriation summary, general public budget expenditure, its basic expenditure, the three public costs, government fund, state capital). A unit without such income or spending keeps the table and notes “本表无数据”. When a report prints its tables, a missing one, or one left blank without a note, is reported; so is a table the contents list but the body lacks, or one the body has but the contents omit (a note). A blank template whose tables are all unfilled is left alone."
        ),
        severity: .warning,
        tags: ["finance-table", "completeness"],
        triggering: [
            Example(
                FinanceExamples.table(
                    "↓收入支出决算总表",
                    Rows.table(
                        """
                        | 项目 | 决算数 | 项目 | 决算数 |
                        | 本年收入合计 | 100.00 | 本年支出合计 | 100.00 |
                        """))
                    + FinanceExamples.table(
                        "收入决算表",
                        Rows.table(
                            """
                            | 科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 |
                            | | 合计 | 100.00 | 100.00 |
                            """))
                    + FinanceExamples.table(
                        "↓政府性基金预算财政拨款收入支出决算表",
                        Rows.table(
                            """
                            | 科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余 |
                            | | 合计 | | | | |
                            """)))
        ],
        nonTriggering: [
            Example(FinanceExamples.compactSet(blankNote: "注：本单位2024年度无政府性基金预算财政拨款收入支出，故本表无数据。"))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        let set = model.financeTables
        let tables = set.tables
        // No tables, or none filled in (a blank template): nothing to say about the set.
        guard !tables.isEmpty, !tables.allSatisfy(\.isBlank), !model.isBlankTemplate else { return }
        let present = Set(tables.map(\.kind))
        let noted = Set(set.noDataNotes.map(\.kind))
        for t in tables where t.isBlank && t.noDataNote == nil && !noted.contains(t.kind) {
            report.add(nil, Message.blank(table: t.named).text, at: t.titleSpan ?? t.span, key: "blank|\(t.kind.rawValue)")
        }
        // The nine tables of a final account, once the report prints at least two of them.
        if present.filter(\.isFinalAccounts).count >= 2 {
            // A missing table has no place of its own: the first table of the set stands for it.
            let anchor = tables[0].titleSpan ?? tables[0].span
            for kind in FinanceTableKind.finalAccountsSet where !present.contains(kind) && !noted.contains(kind) {
                let listing = set.listings.first { $0.kind == kind }
                report.add(
                    nil, Message.missing(kind.name, form: kind.formNumber ?? 0, listed: listing != nil).text, at: listing?.span ?? anchor,
                    key: "missing|\(kind.rawValue)")
            }
        }
        // Tables the contents do not list, when there are contents listing tables.
        let listed = Set(set.listings.map(\.kind))
        guard listed.count >= 3 else { return }
        for t in tables where !listed.contains(t.kind) {
            report.add(.note, Message.unlisted(table: t.named).text, at: t.titleSpan ?? t.span, key: "unlisted|\(t.kind.rawValue)")
        }
    }
}

extension TableSet {
    enum Message {
        case blank(table: LocalizedText)
        case missing(LocalizedText, form: Int, listed: Bool)
        case unlisted(table: LocalizedText)

        var text: LocalizedText {
            switch self {
            case .blank(let table):
                LocalizedText(
                    zh: "\(table.zh)没有填任何数，也没有说明（如“本表无数据”）。",
                    en: "\(table.en) has no figure at all and no note saying why (such as “本表无数据”).")
            case .missing(let name, let form, let listed):
                listed
                    ? LocalizedText(
                        zh: "目录列出了《\(name.zh)》，正文中却没有这张表。", en: "the contents list the \(name.en), but the body has no such table.")
                    : LocalizedText(
                        zh: "决算表缺少《\(name.zh)》（公开\(form < 10 ? "0" : "")\(form)表）：没有相关收支时也应保留空表并注明。",
                        en:
                            "the final account lacks its \(name.en) (form \(form)); without such figures the table is still printed, with a note."
                    )
            case .unlisted(let table):
                LocalizedText(zh: "目录中没有列出\(table.zh)。", en: "the contents do not list \(table.en).")
            }
        }
    }
}

import Engine
import Extraction
import Model

/// `each-row`: a condition on every row of the self-evaluation tables, read by column role
/// (分值, 得分, 偏差原因 …) whatever the table's own header words. A row whose numbers the
/// condition needs are not stated is not judged; a blank text cell ("", "/", "—", "无") is ''.
struct RowRule {
    let rule: LocalRule
    let condition: RuleCondition
    let tables: LocalRule.TableScope
    let rows: LocalRule.RowScope

    /// One row as the rule sees it: a cell (or text) per column.
    struct RowView {
        var cells: [RowField: CellValue] = [:]
        var texts: [RowField: String] = [:]
        var name: String
        var table: LocalizedText
        var key: String
        var span: Span
    }

    func check(_ model: AuditModel, _ report: inout CheckReport) {
        for row in views(model) { check(row, &report) }
    }

    func views(_ model: AuditModel) -> [RowView] {
        var out: [RowView] = []
        for p in model.projectTables where tables == .all || (tables == .project) == (p.scope == .project) {
            let table = p.scope == .department && p.projectName == nil ? RowRule.departmentTable : TableSay.project(p)
            if rows != .indicators, let budget = p.budget {
                for f in budget.rows { out.append(view(f, table, key: TableSay.key(p, "fund|\(f.label)"))) }
            }
            if rows != .funds {
                for i in p.indicators { out.append(view(i, table, key: TableSay.key(p, "row|\(i.level2)|\(i.name)"))) }
            }
        }
        if tables != .project && rows != .funds {
            for (n, d) in model.departmentTables.enumerated() {
                for r in d.rows {
                    var v = RowView(name: r.name, table: RowRule.departmentTable, key: "department\(n + 1)|row|\(r.name)", span: r.span)
                    v.cells[.weight] = r.weight
                    v.cells[.score] = r.score
                    v.texts[.name] = r.name
                    out.append(v)
                }
            }
        }
        return out.sorted { $0.span.start < $1.span.start }
    }

    func view(_ f: FundRow, _ table: LocalizedText, key: String) -> RowView {
        var v = RowView(name: f.label, table: table, key: key, span: f.span)
        v.cells[.initialBudget] = f.initial
        v.cells[.adjustedBudget] = f.adjusted
        v.cells[.executed] = f.executed
        v.cells[.executionRate] = f.rate
        v.cells[.weight] = f.weight
        v.cells[.score] = f.score
        v.cells[.reason] = f.reason
        v.texts[.name] = f.label
        return v
    }

    func view(_ i: Indicator, _ table: LocalizedText, key: String) -> RowView {
        var v = RowView(name: i.name, table: table, key: key, span: i.span)
        v.cells[.weight] = i.weight
        v.cells[.score] = i.score
        v.cells[.reason] = i.reason
        v.cells[.target] = i.targetCell
        v.cells[.actual] = i.actual
        v.cells[.completionRate] = i.completionRate
        v.cells[.name] = i.nameCell
        v.cells[.targetOperator] = i.opCell
        v.texts[.name] = i.name
        v.texts[.level1] = i.level1
        v.texts[.level2] = i.level2
        v.texts[.unit] = i.unitText ?? ""
        v.texts[.targetOperator] = i.op?.rawValue ?? ""
        return v
    }

    static let departmentTable = LocalizedText(zh: "部门整体支出绩效自评表", en: "the department self-evaluation table")

    func term(_ field: RowField, _ row: RowView) -> RuleTerm? {
        let cell = row.cells[field]
        let text = cell.map(\.text) ?? row.texts[field] ?? ""
        let empty = LocalizedText(zh: "（空）", en: "(empty)")
        let shown = RuleEvaluator.normalizedText(text).isEmpty ? empty : LocalizedText(text)
        if field.isExact, let c = cell, let f = TableSay.points(c) {
            return RuleTerm(
                range: { RationalInterval(f.interval($0)) }, central: Rational(f.value), decimals: f.decimals,
                dimension: .points, text: text, printed: LocalizedText(c.text), span: c.span, quantities: c.quantity.map { [$0] } ?? [])
        }
        if field.dimension != .text, let c = cell, !c.isPlaceholder, let q = c.quantity {
            var t = RuleTerm.figure(q, span: c.span)
            t.text = text
            t.printed = LocalizedText(c.text)
            return t
        }
        // No number: a text only (comparisons with numbers are then undefined).
        return RuleTerm(
            range: { _ in nil }, central: nil, decimals: 0, dimension: field.dimension, text: text, printed: shown,
            span: cell.flatMap { $0.isEmpty ? nil : $0.span })
    }

    func check(_ row: RowView, _ report: inout CheckReport) {
        var terms: [RowField: RuleTerm] = [:]
        let relations = [condition.premise, condition.conclusion].compactMap { $0 }
        let fields = relations.flatMap { $0.left.fields + $0.right.fields }
        for f in fields where terms[f] == nil { terms[f] = term(f, row) }
        let evaluator = RuleEvaluator { node in
            if case .field(let f) = node.kind { return terms[f] }
            return nil
        }
        let verdict = evaluator.verdict(condition)
        let key = row.key
        if verdict == .holds { report.verified(terms.values.flatMap(\.quantities), key: key) }
        guard verdict == .fails || verdict == .holdsIfTruncated else { return }
        // Land on the first cell the premise reads (the score that is below its weight), else
        // the conclusion's, else the row.
        var ordered: [RowField] = []
        for f in fields where !ordered.contains(f) { ordered.append(f) }
        let landing = ordered.lazy.compactMap { terms[$0]?.span }.first ?? row.span
        let related = ordered.compactMap { f -> RelatedLocation? in
            guard let t = terms[f], let s = t.span, s != landing else { return nil }
            return RelatedLocation(
                role: "cell", span: s, message: LocalizedText(zh: "\(f.zh) \(t.printed.zh)", en: "\(f.zh) \(t.printed.en)"))
        }
        var values: [String: LocalizedText] = ["row": LocalizedText(row.name), "table": row.table]
        for f in ordered {
            let printed = terms[f]?.printed ?? LocalizedText("")
            for n in f.names + [f.rawValue] { values[n] = printed }
        }
        let listing = ordered.map { f in (zh: "\(f.zh) \(terms[f]?.printed.zh ?? "")", en: "\(f.zh) \(terms[f]?.printed.en ?? "")") }
        let fallback = LocalizedText(
            zh: "\(row.table.zh)“\(row.name)”一行不符合规则“\(condition.text)”（\(listing.map(\.zh).joined(separator: "，"))）。",
            en: "Row “\(row.name)” of \(row.table.en) breaks the rule “\(condition.text)” (\(listing.map(\.en).joined(separator: ", "))).")
        report.judge(
            verdict, numbers: [], key: key, message: RuleCheck.message(rule, values, fallback: fallback), at: landing, related: related)
    }
}

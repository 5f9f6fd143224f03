import Engine
import Extraction
import Model

/// Helpers for the checks on 绩效自评 tables.
enum TableSay {
    /// "「城乡基层治理工作经费」" for messages; the table number when the project has no name.
    static func project(_ p: PerformanceTable) -> LocalizedText {
        if let n = p.projectName, !n.isEmpty { return LocalizedText(zh: "「\(n)」", en: "“\(n)”") }
        return LocalizedText(zh: "表\(p.table + 1)", en: "table \(p.table + 1)")
    }

    /// A stable key for fingerprints: the project (or table number) and what is checked.
    static func key(_ p: PerformanceTable, _ what: String) -> String {
        "\(p.projectName ?? "table\(p.table + 1)")|\(what)"
    }

    static func figure(_ c: CellValue?) -> Figure? {
        guard let c, let q = c.quantity, !c.isPlaceholder else { return nil }
        return q.unit == .percent || q.unit == .none || q.unit == .points ? q.figure : q.comparable
    }

    static func amount(_ c: CellValue?) -> Figure? {
        guard let c, let q = c.quantity, !c.isPlaceholder else { return nil }
        return q.comparable
    }

    static func related(_ role: String, _ c: CellValue, zh: String, en: String) -> RelatedLocation {
        RelatedLocation(role: role, span: c.span, message: LocalizedText(zh: "\(zh) \(c.text)", en: "\(en) \(c.text)"))
    }

    static func text(_ f: Figure) -> String { f.value.formatted(minDecimals: f.decimals) }
}

extension TableSay {
    /// Points (分值, 得分): a whole number is an assigned score, exact; a decimal score may be a
    /// rounded product (10 × 97.44% = 9.74), so it keeps its precision.
    static func points(_ c: CellValue?) -> Figure? {
        guard let c, let q = c.quantity, !c.isPlaceholder, q.unit == .none || q.unit == .points else { return nil }
        var f = Figure(value: q.value, decimals: q.decimals, exact: q.decimals == 0)
        f.nonNegative = !q.value.isNegative
        return f
    }

    static func joined(_ cells: [CellValue]) -> String { Say.terms(cells.map(\.text), separator: " + ") }
}

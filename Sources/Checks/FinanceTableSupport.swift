import Engine
import Extraction
import Model

/// Helpers the checks on the 部门决算 / 部门预算 tables share: comparing printed figures as
/// intervals, naming cells and rows in messages, related places.
enum FinanceSay {
    /// How two statements of one figure agree.
    enum Agreement {
        case holds
        /// The intervals only touch (326.71 vs 326.72): rounded separately, a note.
        case touching
        /// They meet only if a figure was truncated: a note.
        case truncated
        case differs

        /// The ladder's verdict: a drift or a truncation is a note (`judge(severity: .note)`), a difference fails.
        var verdict: Verdict {
            switch self {
            case .holds: return .holds
            case .touching, .truncated, .differs: return .fails
            }
        }
    }

    static func agreement(_ a: Figure, _ b: Figure) -> Agreement {
        let ia = a.interval(.rounded)
        let ib = b.interval(.rounded)
        guard ia.isValid, ib.isValid else { return .holds }
        if ia.intersects(ib) {
            let touching = (ia.hi == ib.lo || ib.hi == ia.lo) && a.value != b.value && (ia.width > .zero || ib.width > .zero)
            return touching ? .touching : .holds
        }
        return a.interval(.truncated).intersects(b.interval(.truncated)) ? .truncated : .differs
    }

    /// `a ≤ b` within rounding.
    static func atMost(_ a: Figure, _ b: Figure) -> Verdict {
        Relations.compare(parts: [a], total: b, relation: .atLeast)
    }

    /// The sum of cells in the table's own unit, printed with their decimals ("910.00").
    static func sum(_ figures: [TableFigure]) -> String {
        var s = Dec.zero
        var d = 0
        for f in figures {
            s = s + f.quantity.value
            d = max(d, f.quantity.decimals)
        }
        return s.formatted(minDecimals: d)
    }

    /// |a − b| in the table's own unit.
    static func gap(_ total: TableFigure, _ parts: [TableFigure]) -> String {
        var s = Dec.zero
        var d = total.quantity.decimals
        for f in parts {
            s = s + f.quantity.value
            d = max(d, f.quantity.decimals)
        }
        return (s - total.quantity.value).magnitude.formatted(minDecimals: d)
    }

    static func related(_ role: String, _ f: TableFigure, zh: String, en: String) -> RelatedLocation {
        RelatedLocation(role: role, span: f.cellSpan, message: LocalizedText(zh: "\(zh) \(f.printed)", en: "\(en) \(f.printed)"))
    }

    /// "表3（支出决算表）「201 一般公共服务支出」"
    static func row(_ t: FinanceTable, _ r: FinanceRow) -> LocalizedText {
        LocalizedText(zh: "\(t.named.zh)「\(r.title)」", en: "\(t.named.en), row “\(r.title)”")
    }

    /// A column's name for messages, its basis when the table has several ("合计（预算数）").
    static func column(_ t: FinanceTable, _ c: TableColumn, _ panel: TablePanel) -> (zh: String, en: String) {
        let several = Set(panel.valueColumns.map(\.basis)).count > 1
        let zh = c.role == .amount ? c.basis.zh : c.name.zh + (several ? "（\(c.basis.zh)）" : "")
        let en = c.role == .amount ? c.basis.en : c.name.en + (several ? " (\(c.basis.en))" : "")
        return (zh, en)
    }

    /// A stable key part for a row: its code, else its name.
    static func key(_ t: FinanceTable, _ r: FinanceRow) -> String {
        "\(t.kind.rawValue)|\(r.code?.digits ?? r.name)"
    }
}

/// Whether a table was read well enough to be judged. A table whose columns were placed by
/// where figures stand on their lines (text extracted from a PDF) can have been misread: when
/// many of its own footings fail (three or more, over a quarter of those tested), the reading
/// is at fault far more likely than the report, and no finding is made on its figures.
enum FinanceReliability {
    static func isReliable(_ table: FinanceTable) -> Bool {
        guard table.positional else { return true }
        var scratch = CheckReport(check: TableFooting.description.id, severity: .error, recordsVerified: true)
        Footing(table: table).run(&scratch)
        let failed = scratch.findings.filter { $0.severity >= .warning }.count
        let tested = failed + scratch.verified.count
        return failed < 3 || failed * 4 <= tested
    }

    /// The tables that can be judged, by document table index.
    static func reliable(_ tables: FinanceTables) -> Set<Int> {
        Set(tables.tables.filter(isReliable).map(\.table))
    }
}

import Model

/// Lays a row's cells under a block's header columns by content, not by count. Some exports
/// repeat an empty cell for each vertically merged row, others drop it, and a Word grid may
/// carry cells where another document merges them; so a row is aligned from the right (the
/// trailing columns are always present), then from the left, and an alignment is kept only if
/// every cell fits the role of its column: a number (or nothing) under 分值, 得分, amounts and
/// rates; an operator under 指标性质; a short word under 度量单位; a target or a short text under
/// 指标值. Missing columns may only be labels (merged from the row above) or trailing notes.
/// When no contiguous alignment fits (text flattened from a PDF drops empty cells anywhere), the
/// cells are placed one by one where what they hold fits best (`ContentPlacement`).
enum RowAligner {
    static func align(_ g: Grid, row r: Int, to columns: BlockColumns) -> RowAlignment? {
        let n = g.width(r)
        let h = columns.columns.count
        if n == h {
            return fits(g, row: r, columns, offset: 0, method: .asHeader) ? RowAlignment(row: r, offset: 0, method: .asHeader) : nil
        }
        // Flattened text lost its empty cells anywhere: placing by content comes first there.
        if g.flattened, n < h, let placed = byContent(g, row: r, columns) { return placed }
        for (offset, method) in [(n - h, RowAlignment.Method.fromRight), (0, .fromLeft)]
        where fits(g, row: r, columns, offset: offset, method: method) {
            return RowAlignment(row: r, offset: offset, method: method)
        }
        return n < h && !g.flattened ? byContent(g, row: r, columns) : nil
    }

    static func byContent(_ g: Grid, row r: Int, _ columns: BlockColumns) -> RowAlignment? {
        let n = g.width(r)
        let cells = (0..<n).map { g.cell(r, $0)! }
        guard let placement = ContentPlacement.place(cells, under: kinds(columns)) else { return nil }
        // Verified like any alignment: every cell fits the role of the column it was placed under,
        // and something lands under a figure, a target or a note; else only a group's name (产出指标
        // (50分) on a line of its own) may stand alone. Text that merely fits label columns (the goal
        // rows after a budget block) is no row of the block.
        var substance = false
        var groupOnly = true
        for (c, column) in placement.enumerated() {
            let role = columns.columns[column].role
            if let role, !fits(g, r, c, role) { return nil }
            guard !g.isEmpty(r, c) else { continue }
            if !(role?.isLabel ?? true) { substance = true }
            if role != .level1 && role != .level2 { groupOnly = false }
        }
        guard substance || (groupOnly && columns.kind == .indicators) else { return nil }
        return RowAlignment(row: r, offset: 0, method: .byContent, placement: placement)
    }

    /// What each header column takes, for placing cells by content.
    static func kinds(_ columns: BlockColumns) -> [ContentPlacement.ColumnKind] {
        let firstFigure = columns.columns.first { $0.role.map { !$0.isLabel } ?? false }?.column ?? 0
        return columns.columns.map { col -> ContentPlacement.ColumnKind in
            switch col.role {
            case .level1?: return .label(1)
            case .level2?: return .label(2)
            case .level3?: return .label(3)
            case .blockLabel?, .fundLabel?: return .label(0)
            case .executionRate?, .completionRate?: return .rate
            case .initialBudget?, .adjustedBudget?, .executed?, .weight?, .score?: return .number
            case .targetOperator?: return .op
            case .unit?: return .unit
            case .target?: return .target
            case .actual?: return .value
            case .reason?, .explanation?, .scoringRule?, .remark?: return .text
            case nil: return col.column < firstFigure ? .label(0) : .text
            }
        }
    }

    static func fits(_ g: Grid, row r: Int, _ columns: BlockColumns, offset: Int, method: RowAlignment.Method) -> Bool {
        let n = g.width(r)
        // Cells left of the first header column are extra labels: they must not hold figures.
        if offset > 0 {
            for c in 0..<offset where !g.isEmpty(r, c) && isNumeric(g, r, c) { return false }
        }
        for col in columns.columns {
            let c = col.column + offset
            guard let role = col.role else { continue }
            if c < 0 || c >= n {
                // A missing column: merged labels at the front, notes at the end; never a figure.
                if role.holdsNumber || role == .target || role == .targetOperator { return false }
                if c >= n && role.isLabel { return false }
                continue
            }
            if !fits(g, r, c, role) { return false }
        }
        return true
    }

    /// Whether cell (r, c) can be a cell of a column with `role`.
    static func fits(_ g: Grid, _ r: Int, _ c: Int, _ role: PerformanceRole) -> Bool {
        guard let cell = g.cell(r, c), !cell.isBlank else { return true }
        if role.holdsNumber {
            if g.keyContainsAny(r, c, notApplicable) { return true }
            guard isNumeric(g, r, c), let q = cell.quantity else { return false }
            // A figure of the column's kind: "520人次" is no score, "95%" no amount.
            switch role {
            case .weight, .score: return (q.unit == .none || q.unit == .points) && q.comparator == nil
            case .initialBudget, .adjustedBudget, .executed:
                return (q.unit == .none || q.unit.isMoney || q.unit == .tenThousand) && q.comparator == nil
            case .executionRate, .completionRate: return q.unit == .none || q.unit == .percent
            default: return true
            }
        }
        switch role {
        case .targetOperator:
            let key = g.key(r, c)
            return TargetParsing.op(key) != nil || key == "定量"
        case .unit:
            return g.keyLength(r, c) <= 6 && cell.quantity == nil
        case .target:
            return cell.quantity != nil || g.keyLength(r, c) <= 40
        default:
            return true
        }
    }

    static let notApplicable = PerformanceVocabulary.notApplicable.map(Chars.of)

    /// A cell that is a figure: a number near its start, and little else ("10", "97.44%", "≥95%",
    /// "10分"), not a sentence that happens to contain one.
    static func isNumeric(_ g: Grid, _ r: Int, _ c: Int) -> Bool {
        guard let range = g.keyRange(r, c), !range.isEmpty, range.count <= 20 else { return false }
        let key = g.keyScalars[range]
        guard let first = key.firstIndex(where: Chars.isDigit) else { return false }
        return first - key.startIndex <= 3
    }
}

import Model

/// Places a row that has fewer cells than its header under the header's columns, by what the
/// cells hold — `RowAligner`'s last resort, when no contiguous alignment fits (domain.md §5: rows of merged cells come without their leading cells, and text
/// flattened from a PDF drops every empty cell, trailing ones too).
///
/// Each header column has a kind (a label, an operator, a figure, a target or completion value,
/// a unit, free text); each cell has one too. The cells keep their order and take the columns
/// where they fit best (a score is a number, "≥" an operator, "篇" a unit, "≥12个" a value);
/// among equally good placements the one furthest right wins, since it is the leading cells
/// that merging removes. A row some cell of which fits nowhere is not aligned.
enum ContentPlacement {
    enum ColumnKind: Equatable {
        /// An indicator level (1–3), or 0 for a label column of no known level.
        case label(Int)
        /// A rate column (执行率): percentages belong here before any other figure column.
        case op, number, rate, value, target, unit, text
    }

    enum CellKind {
        /// A label that carries the group's points ("产出指标(50分)"): a first- or second-level name.
        /// "数量指标", "产出指标": the name of an indicator group (first or second level).
        case empty, placeholder, number, percent, value, op, unit, group, levelName, text
    }

    /// The header column of each cell (nil when the row cannot be placed).
    static func place(_ cells: [CellValue], under kinds: [ColumnKind]) -> [Int]? {
        let m = cells.count
        let n = kinds.count
        guard m > 0, m <= n else { return nil }
        let cellKinds = cells.map(kind)
        let impossible = Int.min / 4
        // best[i][j]: cells 0..<i placed, cell i-1 in column j-1.
        var best = [[Int]](repeating: [Int](repeating: impossible, count: n + 1), count: m + 1)
        var from = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: m + 1)
        for j in 1...n { best[1][j] = fit(cellKinds[0], kinds[j - 1]) }
        if m > 1 {
            for i in 2...m {
                var runBest = impossible
                var runArg = 0
                for j in 1...n {
                    // `>=`: among equal predecessors the one furthest right.
                    if j - 1 >= 1 && best[i - 1][j - 1] >= runBest && best[i - 1][j - 1] > impossible {
                        runBest = best[i - 1][j - 1]
                        runArg = j - 1
                    }
                    let f = fit(cellKinds[i - 1], kinds[j - 1])
                    if runBest > impossible && f > impossible {
                        best[i][j] = runBest + f
                        from[i][j] = runArg
                    }
                }
            }
        }
        // The best total; among equals, the last cell furthest right (`>=`), then each earlier one.
        var j = 0
        var top = impossible
        for k in 1...n where best[m][k] >= top && best[m][k] > impossible {
            top = best[m][k]
            j = k
        }
        guard j > 0 else { return nil }
        var out = [Int](repeating: 0, count: m)
        var i = m
        while i >= 1 {
            out[i - 1] = j - 1
            j = from[i][j]
            i -= 1
        }
        return out
    }

    /// How well a cell fits a column, in points; `Int.min / 4` never. A target column takes what a
    /// completion-value column takes, a little more readily: a form always states its targets, and
    /// it is the completion value that is left empty.
    static func fit(_ cell: CellKind, _ column: ColumnKind) -> Int {
        if column == .target {
            let f = fit(cell, .value)
            return f > Int.min / 4 && cell != .empty && cell != .placeholder ? f + 1 : f
        }
        let never = Int.min / 4
        switch (cell, column) {
        case (_, .target): return never // answered above
        case (.empty, _): return 0
        case (.placeholder, .number), (.placeholder, .rate), (.placeholder, .value), (.placeholder, .text): return 2
        case (.placeholder, _): return 0
        case (.percent, .rate): return 5
        case (.percent, .value): return 4
        case (.percent, .number): return 1
        case (.percent, .label), (.percent, .text): return 0
        case (.percent, _): return never
        case (.number, .rate): return 2
        case (.number, .number): return 4
        case (.number, .value): return 3
        case (.number, .label), (.number, .text): return 0
        case (.number, _): return never
        case (.value, .value): return 4
        case (.value, .number), (.value, .rate): return 1
        case (.value, .text), (.value, .label): return 0
        case (.value, _): return never
        case (.op, .op): return 5
        case (.op, .value): return 1
        case (.op, _): return never
        case (.unit, .unit): return 5
        case (.unit, .value), (.unit, .text), (.unit, .label): return 1
        case (.unit, _): return never
        case (.group, .label(1)): return 5
        case (.group, .label(2)): return 4
        case (.group, .label), (.group, .text): return 1
        case (.group, .value): return 0
        case (.group, _): return never
        case (.levelName, .label(1)), (.levelName, .label(2)): return 4
        case (.levelName, .label), (.levelName, .text), (.levelName, .value): return 1
        case (.levelName, _): return never
        // An indicator's own name is the last label; a qualitative target ("达成", "前三名") is text too.
        case (.text, .label(3)): return 3
        case (.text, .label(2)): return 2
        case (.text, .label): return 1
        case (.text, .text): return 2
        case (.text, .value): return 2
        case (.text, .unit), (.text, .op): return 0
        case (.text, .number), (.text, .rate): return never
        }
    }

    static let operators: Set<String> = ["≥", "≤", ">", "<", "=", "＝", "≧", "≦", ">=", "<=", "定性"]

    static func kind(_ c: CellValue) -> CellKind {
        if c.isEmpty { return .empty }
        if c.isPlaceholder { return .placeholder }
        let key = Header.squeeze(c.text)
        if operators.contains(key) { return .op }
        if c.quantities.contains(where: { $0.unit == .points }) && c.clean.scalars.contains(where: Chars.isHan) { return .group }
        if let q = c.quantity, c.quantities.count == 1 {
            // The whole cell is the figure: "95", "100.00%", "10"; with a sign or a unit word it is a target or an actual.
            let whole = q.textRange.count >= c.clean.trimmed().count
            if whole && q.comparator == nil && q.unit == .none { return .number }
            if whole && q.comparator == nil && q.unit == .percent { return .percent }
            return .value
        }
        if !c.quantities.isEmpty { return .value }
        // A measure word alone ("篇", "%", "万元", "人次"): the whole of "1" + it reads as one quantity with that unit.
        // ("元/人·次": a unit per unit.)
        if key.unicodeScalars.count <= 8, !key.unicodeScalars.contains(where: { Chars.isDigit($0.value) }), let q = TargetParsing.unit(key),
            q.unit != .none,
            q.textRange.count == key.unicodeScalars.count + 1 || q.perUnit != nil
        {
            return .unit
        }
        if key.unicodeScalars.count <= 10 && key.hasSuffix("指标") { return .levelName }
        // A deadline or a period is a target or a result ("2024年12月31日前完成", "5-10年").
        if c.clean.scalars.contains(where: Chars.isDigit) && (key.contains("月") || key.hasSuffix("年") || key.hasSuffix("完成")) {
            return .value
        }
        return .text
    }
}

import Model

/// Reads a finance table from text extracted from a PDF (pdftotext -layout), whose rows were
/// rebuilt from lines of fields: which column a figure is in is known only from where it
/// stands on its line, and a line may be set a few characters left or right of the others
/// (and figures drift onto the line above their row). So columns are placed by position:
///
/// - the header's fragments ("本年收入合", "计") that overlap on the page are one column
///   heading; its words name the column (`TableVocabulary`), in the template's order when the
///   kind has one; its centre is where the column is;
/// - a figure is right-aligned in its column: each row's figures are matched to the columns,
///   in order, at the shift of the whole line that fits best (`assign`), and a row whose
///   figures fit no column within a few characters keeps none;
/// - a row's label is its text and code cells, read by content; a line of text alone continues
///   the label above it (a wrapped label), a line of figures alone belongs to the row below it
///   (figures drawn above their row);
/// - a two-sided table is split where its second side's header begins.
struct PositionalReading {
    let kind: FinanceTableKind
    let rows: [SourceRow]
    let headerCount: Int
    let document: Document
    let reading: TableReading
    let unitPower: Int

    /// A column heading: its words and where it stands.
    struct Heading {
        var text: [UInt32]
        var lo: Int
        var hi: Int
        var center: Int { (lo + hi) / 2 }
    }

    /// A value column placed on the page.
    struct PlacedColumn {
        var column: TableColumn
        var x: Int
    }

    /// The 三公 table's basis row (预算数 | 决算数 …) placed every column.
    var placedByBasisRow: Bool {
        guard let canonical = TableVocabulary.canonicalColumns[kind] else { return false }
        return (0..<headerCount).contains { r in
            let cells = rows[r].row.cells.filter { !$0.isEmpty }
            return cells.count == canonical.count
                && cells.allSatisfy { TableVocabulary.exact(TableVocabulary.fold($0.text.scalars), TableVocabulary.foldedBases) != nil }
        }
    }

    func read() -> [TablePanel] {
        let headings = self.headings()
        let sides: [(PanelSide, ClosedRange<Int>)]
        if kind.isSummary || kind == .gpbBasic, let split = split(headings) {
            sides = [(kind.isSummary ? .income : .left, Int.min...split), (kind.isSummary ? .expenditure : .right, (split + 1)...Int.max)]
        } else {
            sides = [(.whole, Int.min...Int.max)]
        }
        let valueHeadings = headings.filter { !isLabel($0.text) }
        var panels: [TablePanel] = []
        var nextIndex = 0
        for (side, range) in sides {
            let placed = columns(valueHeadings.filter { range.contains($0.center) }, side: side, firstIndex: &nextIndex)
            let anchored = calibrate(placed, range: range)
            var panel = rowsOf(side: side, range: range, columns: anchored)
            // Which columns a figure was placed in with confidence: the total (a row's first
            // figure), a side's only column, or every column the header's basis row placed.
            let values = panel.valueColumns
            if values.count > 1 && !placedByBasisRow {
                panel.trusted = firstIsTotal(anchored) ? [values[0].index] : []
            }
            panels.append(panel)
        }
        return panels
    }

    /// Where a two-sided table's second side begins: in the widest gap between the places where
    /// row labels start (numbered lines and 合计/总计 rows of a summary table, 类 codes of a
    /// 基本支出 table), else at the second side's header.
    func split(_ headings: [Heading]) -> Int? {
        var starts = Set<Int>()
        for r in headerCount..<rows.count {
            for cell in rows[r].row.cells where !cell.isEmpty {
                let isStart: Bool
                if kind.isEconomic {
                    isStart = TableGrid.isCode(cell.text) && cell.text.count == 3
                } else {
                    isStart =
                        !TableGrid.isAmount(cell.text)
                        && (Numbering.parse(cell.text) != nil
                            || TableVocabulary.exact(TableVocabulary.fold(cell.text.scalars), TableVocabulary.foldedRows) != nil)
                }
                if isStart { starts.insert(place(cell.text.fullSpan).1) }
            }
        }
        let sorted = starts.sorted()
        var best: (gap: Int, at: Int)?
        for k in sorted.indices.dropFirst() where best == nil || sorted[k] - sorted[k - 1] > best!.gap {
            best = (sorted[k] - sorted[k - 1], sorted[k] - 1)
        }
        if let best, best.gap >= 8 { return best.at }
        guard kind.isSummary else { return nil }
        let labels = headings.filter { isLabel($0.text) }
        guard labels.count >= 2 else { return nil }
        return labels[1].lo - 1
    }

    /// Column places from the figures themselves: each column moved to the median right edge of
    /// the figures a first, looser matching gave it.
    func calibrate(_ columns: [PlacedColumn], range: ClosedRange<Int>) -> [PlacedColumn] {
        guard !columns.isEmpty else { return columns }
        var edges = [[Int]](repeating: [], count: columns.count)
        for r in headerCount..<rows.count {
            var xs: [Int] = []
            for cell in rows[r].row.cells where !cell.isEmpty && TableGrid.isAmount(cell.text) && !TableGrid.isCode(cell.text) {
                let (_, lo, hi) = place(cell.text.fullSpan)
                if range.contains(lo) { xs.append(hi) }
            }
            let (assignment, shift) = Self.assignWithShift(xs, to: columns.map(\.x), slack: 8, firstIsTotal: firstIsTotal(columns))
            // Places in the header's frame: each line moved by its own shift (lines of text
            // extracted from a PDF are set a few characters apart).
            for (i, c) in assignment.enumerated() { if let c { edges[c].append(xs[i] + shift) } }
        }
        var out = columns
        for k in out.indices where edges[k].count >= 2 { out[k].x = edges[k].sorted()[edges[k].count / 2] }
        // Keep the order: a column moved past its neighbour keeps its header place.
        for k in out.indices.dropFirst() where out[k].x <= out[k - 1].x { out[k].x = max(columns[k].x, out[k - 1].x + 1) }
        return out
    }

    // MARK: header

    /// Header fragments that overlap on the page, joined top to bottom.
    func headings() -> [Heading] {
        var fragments: [(line: Int, lo: Int, hi: Int, text: [UInt32])] = []
        for r in 0..<headerCount {
            for cell in rows[r].row.cells where !cell.isEmpty {
                let (line, lo, hi) = place(cell.text.fullSpan)
                fragments.append((line, lo, hi, TableVocabulary.fold(cell.text.scalars)))
            }
        }
        fragments.sort { $0.line != $1.line ? $0.line < $1.line : $0.lo < $1.lo }
        var groups: [[Int]] = []
        for (k, f) in fragments.enumerated() {
            // Into the group it overlaps most.
            var best: Int?
            var bestOverlap = 0
            for (g, members) in groups.enumerated() {
                let lo = members.map { fragments[$0].lo }.min()!
                let hi = members.map { fragments[$0].hi }.max()!
                let overlap = min(hi, f.hi) - max(lo, f.lo)
                if overlap > bestOverlap {
                    best = g
                    bestOverlap = overlap
                }
            }
            if let best { groups[best].append(k) } else { groups.append([k]) }
        }
        return groups.map { members in
            let sorted = members.sorted {
                fragments[$0].line != fragments[$1].line ? fragments[$0].line < fragments[$1].line : fragments[$0].lo < fragments[$1].lo
            }
            return Heading(
                text: sorted.flatMap { fragments[$0].text }, lo: members.map { fragments[$0].lo }.min()!,
                hi: members.map { fragments[$0].hi }.max()!)
        }.sorted { $0.lo < $1.lo }
    }

    func isLabel(_ text: [UInt32]) -> Bool {
        if TableVocabulary.exact(text, TableVocabulary.foldedLabelColumns) != nil { return true }
        // "项目支出" names an amount column, "项目科目名称" the labels.
        if let role = TableVocabulary.longest(in: text, TableVocabulary.foldedColumns), role != .amount { return false }
        return ["项目", "科目编码", "科目名称", "经济分类", "功能分类", "编码"].map({ Chars.of($0) }).contains { text.starts(with: $0) }
    }

    /// The amount columns of one side, in order, each with its place: named by the headings'
    /// words (several words in one heading share its width), in the template's order when the
    /// words found follow it; the basis row of the 三公 table (预算数 | 决算数 …) places its twelve.
    func columns(_ headings: [Heading], side: PanelSide, firstIndex: inout Int) -> [PlacedColumn] {
        var found: [(role: ColumnRole, basis: ColumnBasis?, x: Int)] = []
        var bases: [(ColumnBasis, Int)] = []
        for h in headings {
            var text = h.text
            // A summary side's word over its columns ("支出" over "合计"): not the column's name.
            if kind.isSummary {
                let sides = TableVocabulary.foldedIncomeSides.union(TableVocabulary.foldedExpenditureSides)
                if sides.contains(text) { continue }
                for side in sides where text.count > side.count && text.starts(with: side) {
                    text.removeFirst(side.count)
                    break
                }
            }
            let words = roleWords(text)
            if words.isEmpty {
                if let b = TableVocabulary.longest(in: text, TableVocabulary.foldedBases) {
                    bases.append((b, h.hi))
                } else if TableVocabulary.longest(in: text, TableVocabulary.foldedColumns) == .amount {
                    bases.append((kind.basis, h.hi))
                }
                continue
            }
            let width = max(1, h.hi - h.lo)
            for (k, w) in words.enumerated() {
                let x = words.count == 1 ? h.hi : h.lo + width * (k + 1) / words.count
                found.append((w.role, w.basis, x))
            }
        }
        // A header row of basis words only (预算数 | 决算数 | …) places the columns it heads.
        for r in 0..<headerCount {
            let cells = rows[r].row.cells.filter { !$0.isEmpty }
            let words = cells.compactMap { TableVocabulary.exact(TableVocabulary.fold($0.text.scalars), TableVocabulary.foldedBases) }
            if words.count == cells.count && words.count >= 2 && words.count > bases.count {
                bases = zip(words, cells).map { ($0, place($1.text.fullSpan).2) }
            }
        }
        var out: [PlacedColumn] = []
        func add(_ role: ColumnRole, _ basis: ColumnBasis?, _ x: Int, byPosition: Bool) {
            out.append(
                PlacedColumn(
                    column: TableColumn(
                        index: firstIndex, role: role, basis: basis ?? kind.basis, header: role.zh,
                        byPosition: byPosition, side: side == .whole ? nil : side, leaf: ""), x: x))
            firstIndex += 1
        }
        if kind.isSummary || (found.isEmpty && bases.count == 1) {
            // One amount per side, or 合计 and the three appropriations on table 4's right.
            if found.isEmpty, let b = bases.first ?? headings.last.map({ (kind.basis, $0.hi) }) {
                add(.amount, b.0, b.1, byPosition: bases.isEmpty)
            }
            for f in found { add(f.role, f.basis, f.x, byPosition: false) }
            return out
        }
        if let canonical = TableVocabulary.canonicalColumns[kind] {
            if bases.count == canonical.count {
                for (k, c) in canonical.enumerated() { add(c.0, c.1, bases[k].1, byPosition: true) }
                return out
            }
            // The words found, in the template's order: place the rest between their neighbours.
            var positions = [Int?](repeating: nil, count: canonical.count)
            var k = 0
            for f in found {
                guard let i = canonical[k...].firstIndex(where: { $0.0 == f.role }) else { continue }
                positions[i] = f.x
                k = i + 1
            }
            if positions.compactMap({ $0 }).count * 2 >= canonical.count {
                let known = positions.enumerated().compactMap { i, x in x.map { (i, $0) } }
                let step = known.count >= 2 ? max(4, (known.last!.1 - known.first!.1) / max(1, known.last!.0 - known.first!.0)) : 10
                for i in canonical.indices where positions[i] == nil {
                    if let left = known.last(where: { $0.0 < i }) {
                        positions[i] = left.1 + step * (i - left.0)
                    } else if let right = known.first(where: { $0.0 > i }) {
                        positions[i] = right.1 - step * (right.0 - i)
                    }
                }
                for (i, c) in canonical.enumerated() { add(c.0, c.1, positions[i]!, byPosition: found.first { $0.role == c.0 } == nil) }
                return out
            }
        }
        for f in found where !out.contains(where: { $0.column.role == f.role && $0.column.basis == (f.basis ?? kind.basis) }) {
            add(f.role, f.basis, f.x, byPosition: false)
        }
        return out
    }

    /// The column words of a heading, in order, longest first where they overlap.
    func roleWords(_ text: [UInt32]) -> [(role: ColumnRole, basis: ColumnBasis?)] {
        var out: [(Int, ColumnRole)] = []
        var taken = [Bool](repeating: false, count: text.count)
        for (word, role) in TableVocabulary.foldedColumns where role != .amount && word.count <= text.count {
            var i = 0
            while i + word.count <= text.count {
                if !taken[i], Array(text[i..<(i + word.count)]) == word, !(i..<(i + word.count)).contains(where: { taken[$0] }) {
                    for k in i..<(i + word.count) { taken[k] = true }
                    out.append((i, role))
                    i += word.count
                } else {
                    i += 1
                }
            }
        }
        let basis = TableVocabulary.longest(in: text, TableVocabulary.foldedBases)
        // A generic 合计/小计 under a group word names the group (本年支出 › 小计).
        var words = out.sorted { $0.0 < $1.0 }.map { (role: $0.1, basis: basis) }
        if words.count == 2, words[1].role == .total, TableVocabulary.totalledGroups.contains(words[0].role) { words = [words[0]] }
        return words
    }

    // MARK: rows

    /// Line, first and last character column of a span in the source.
    func place(_ span: Span) -> (Int, Int, Int) {
        let a = document.source.position(of: span.start)
        let b = document.source.position(of: span.end)
        return (a.line, a.column, b.line == a.line ? b.column : a.column + 4)
    }

    func rowsOf(side: PanelSide, range: ClosedRange<Int>, columns: [PlacedColumn]) -> TablePanel {
        var builder = RowBuilder(kind: kind, panel: TablePanel(side: side, columns: columns.map(\.column), rows: []))
        var heldValues: [(Int, TableFigure)] = []
        var heldUnplaced: [TableFigure] = []
        var pendingCode: ClassificationCode?
        var lastClass: String?
        for r in headerCount..<rows.count {
            let source = rows[r]
            var nameParts: [CleanText] = []
            var codeGroups: [String] = []
            var values: [(x: Int, figure: TableFigure)] = []
            var labelSpan: Span?
            for (k, cell) in source.row.cells.enumerated() where !cell.isEmpty {
                let (_, lo, hi) = place(cell.text.fullSpan)
                guard range.contains(lo) else { continue }
                // A code group, or a 款/项 segment printed without its leading zero ("2" after "301").
                let segment = cell.text.count == 1 && Chars.isDigit(cell.text[0]) && !codeGroups.isEmpty
                if (TableGrid.isCode(cell.text) || segment) && values.isEmpty && nameParts.isEmpty {
                    codeGroups.append(cell.text.string)
                    labelSpan = labelSpan ?? cell.text.fullSpan
                } else if TableGrid.isAmount(cell.text) && !TableGrid.isCode(cell.text)
                    || (TableGrid.isAmount(cell.text) && !nameParts.isEmpty)
                {
                    let found = reading.figures(cell, source: source, cellIndex: k, unitPower: unitPower)
                    for f in found { values.append((found.count == 1 ? hi : place(f.cellSpan).2, f)) }
                } else {
                    nameParts.append(cell.text)
                    labelSpan = labelSpan ?? cell.text.fullSpan
                }
            }
            // Figures with no label on their line are parts drawn above their row: not its total.
            let labelled = !nameParts.isEmpty || !codeGroups.isEmpty
            let assigned = Self.assign(values.map(\.x), to: columns.map(\.x), firstIsTotal: labelled && firstIsTotal(columns))
            var placed: [Int: TableFigure] = [:]
            var unplaced: [TableFigure] = []
            for (i, v) in values.enumerated() {
                if let c = assigned[i], placed[columns[c].column.index] == nil {
                    placed[columns[c].column.index] = v.figure
                } else {
                    unplaced.append(v.figure)
                }
            }
            // A code of 款 or 项 alone continues its 类 ("06 01" under "201").
            if let first = codeGroups.first, first.count == 2, let c = lastClass { codeGroups.insert(c, at: 0) }
            let code = codeGroups.isEmpty ? nil : ClassificationCode(groups: codeGroups.count == 1 ? codeGroups : codeGroups)
            if let c = code ?? pendingCode, c.level == 1 { lastClass = c.digits }
            // A code alone: the row below carries its name and figures.
            if code != nil && nameParts.isEmpty && placed.isEmpty && unplaced.isEmpty && heldValues.isEmpty && heldUnplaced.isEmpty {
                pendingCode = code
                continue
            }
            // Figures alone: they belong to the row below (drawn above it), unless the table has
            // no labels at all (the 三公 table's one row).
            let unlabelled = kind == .sangong || kind == .budgetSangong
            if code == nil && nameParts.isEmpty && !unlabelled {
                heldValues += placed.map { ($0.key, $0.value) }
                heldUnplaced += unplaced
                continue
            }
            // Text alone right under a row: its label wrapped.
            if code == nil && pendingCode == nil && placed.isEmpty && unplaced.isEmpty && heldValues.isEmpty && heldUnplaced.isEmpty,
                let last = builder.panel.rows.last, !nameParts.isEmpty,
                last.role == .item, Numbering.parse(nameParts[0]) == nil,
                TableVocabulary.longest(in: TableVocabulary.fold(nameParts[0].scalars), TableVocabulary.foldedRows) == nil,
                source.index - last.row <= 3
            {
                builder.continueName(nameParts.map { TableReading.oneLine($0.string) }.joined())
                continue
            }
            for (c, held) in heldValues {
                var f = held
                f.guessed = true
                if placed[c] == nil { placed[c] = f } else { unplaced.append(f) }
            }
            unplaced += heldUnplaced.map {
                var f = $0
                f.guessed = true
                return f
            }
            heldValues = []
            heldUnplaced = []
            if builder.add(
                source: source, code: code ?? pendingCode, nameParts: nameParts, values: placed, lineNumber: nil, labelSpan: labelSpan),
                !unplaced.isEmpty
            {
                builder.addUnplaced(unplaced)
            }
            pendingCode = nil
        }
        return builder.panel
    }

    /// The first amount column is a total, filled on every row that has a figure (合计, 本年支出合计,
    /// the 三公 table's 合计): a row's first figure is in it.
    func firstIsTotal(_ columns: [PlacedColumn]) -> Bool {
        guard let first = columns.first?.column.role else { return false }
        return [.total, .currentIncome, .currentExpenditure, .amount].contains(first)
    }

    /// Matches figures (their right edges, in order) to columns (their places, in order): every
    /// figure to a distinct column, in order, at the one shift of the line that costs least;
    /// a figure further than `slack` from its column is left unassigned.
    static func assign(_ xs: [Int], to columns: [Int], firstIsTotal: Bool = false) -> [Int?] {
        // One column: nothing to tell apart.
        if columns.count == 1 && xs.count == 1 { return [0] }
        // A figure may stray a third of the way to the next column, never further.
        var gap = Int.max
        for k in columns.indices.dropFirst() { gap = min(gap, columns[k] - columns[k - 1]) }
        let slack = gap == Int.max ? 3 : max(3, gap / 3)
        return assignWithShift(xs, to: columns, slack: slack, firstIsTotal: firstIsTotal).0
    }

    static func assignWithShift(_ xs: [Int], to columns: [Int], slack: Int, firstIsTotal: Bool = false) -> ([Int?], Int) {
        let n = xs.count
        let m = columns.count
        guard n > 0, m > 0, n <= m else { return (xs.map { _ in nil }, 0) }
        var shifts = Set([0])
        for c in columns { for x in xs where abs(c - x) <= 12 { shifts.insert(c - x) } }
        // A row's first figure in the total column fixes the line's shift.
        if firstIsTotal { shifts = [columns[0] - xs[0]] }
        var best: (cost: Int, shift: Int, assignment: [Int])?
        let inf = Int.max / 4
        for shift in shifts.sorted(by: { abs($0) != abs($1) ? abs($0) < abs($1) : $0 < $1 }) {
            func d(_ i: Int, _ j: Int) -> Int { abs(xs[i] + shift - columns[j]) }
            // dp[i][j]: least cost with figure i in column j, figures before it in columns before j.
            var dp = [[Int]](repeating: [Int](repeating: inf, count: m), count: n)
            var parent = [[Int]](repeating: [Int](repeating: -1, count: m), count: n)
            for j in 0..<m where !firstIsTotal || j == 0 { dp[0][j] = d(0, j) }
            if n > 1 {
                for i in 1..<n {
                    for j in i..<m {
                        for p in (i - 1)..<j where dp[i - 1][p] < inf && dp[i - 1][p] + d(i, j) < dp[i][j] {
                            dp[i][j] = dp[i - 1][p] + d(i, j)
                            parent[i][j] = p
                        }
                    }
                }
            }
            var end = -1
            var total = inf
            for j in 0..<m where dp[n - 1][j] < total {
                total = dp[n - 1][j]
                end = j
            }
            guard end >= 0 else { continue }
            var assignment = [Int](repeating: 0, count: n)
            var j = end
            for i in stride(from: n - 1, through: 0, by: -1) {
                assignment[i] = j
                j = parent[i][j]
            }
            // A shift costs what it moves, so the unshifted reading wins ties.
            let penalised = total + abs(shift)
            if best == nil || penalised < best!.cost { best = (penalised, shift, assignment) }
        }
        guard let best else { return (xs.map { _ in nil }, 0) }
        return (zip(xs, best.assignment).map { abs($0.0 + best.shift - columns[$0.1]) <= slack ? $0.1 : nil }, best.shift)
    }
}

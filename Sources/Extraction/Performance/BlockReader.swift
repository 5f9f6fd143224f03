import Model

/// One block of a self-evaluation table as read: its header columns by role, the rows laid
/// under them, and the total row that ends it.
struct BlockRead {
    var columns: BlockColumns
    /// Rows aligned under the header, in order.
    var rows: [RowAlignment]
    /// Rows inside the block whose cells are all empty.
    var emptyRows: [Int]
    var totalRow: Int?
    /// The first row after the block (its total row, another header, or what does not align).
    var end: Int

    /// Cell of `row` under header column `column`, with the header's unit; an empty cell where the
    /// row has none (a merged label, a cell a flattening dropped).
    func cell(_ g: Grid, _ row: RowAlignment, _ column: Int?) -> CellValue? {
        guard let column else { return nil }
        if let c = row.cell(under: column, width: g.width(row.row)), let value = g.cell(row.row, c, unit: columns.columns[column].unit) {
            return value
        }
        let at = g.table.rows[row.row].span.start
        return CellValue(clean: CleanText(), quantities: [], span: Span(at, at), row: row.row, column: column, unit: nil)
    }

    func cell(_ g: Grid, _ row: RowAlignment, _ role: PerformanceRole) -> CellValue? {
        cell(g, row, columns.column(role))
    }
}

enum BlockReader {
    static let totals = PerformanceVocabulary.totals.map(Chars.of)
    static let departmentTotals = PerformanceVocabulary.departmentTotals.map(Chars.of)
    static let scoreTotals = PerformanceVocabulary.scoreTotals.map(Chars.of)

    /// Reads the block whose header is row `h`. `headers` are every header row of the table: the
    /// block ends at the next one of another block (a repeated header of its own, after a page
    /// break, is skipped).
    static func read(
        _ g: Grid, header h: Int, kind: PerformanceBlockKind, roles: [PerformanceRole?],
        headers: [Int: (kind: PerformanceBlockKind, roles: [PerformanceRole?])]
    ) -> BlockRead {
        let columns = self.columns(g, header: h, kind: kind, roles: roles)
        var read = BlockRead(columns: columns, rows: [], emptyRows: [], totalRow: nil, end: g.rowCount)
        var pending: [Int] = []
        var r = h + 1
        scan: while r < g.rowCount {
            if let other = headers[r] {
                guard other.kind == kind && other.roles == roles && pending.isEmpty else { break scan }
            } else if isTotal(g, r, in: kind) {
                read.totalRow = r
                break scan
            } else if (0..<g.width(r)).allSatisfy({ g.isEmpty(r, $0) }) {
                if pending.isEmpty { read.emptyRows.append(r) }
            } else if let a = RowAligner.align(g, row: r, to: read.columns) {
                // Rows that did not align between rows that did are the block's, unread: reported.
                read.columns.unalignedRows += pending
                pending = []
                read.rows.append(a)
                read.columns.alignments.append(a)
            } else {
                pending.append(r)
            }
            r += 1
        }
        read.end = read.totalRow ?? pending.first ?? r
        return read
    }

    /// The header's columns with their roles and units. A header cell left empty takes the words of
    /// the header row above it (a two-row header: 绩效指标 | 指标解释 | 评分说明 | 自评得分 over
    /// 一级指标 | 二级指标 | 三级指标 | 指标分值 | | | ), aligned from the right.
    static func columns(_ g: Grid, header h: Int, kind: PerformanceBlockKind, roles: [PerformanceRole?]) -> BlockColumns {
        var columns = roles.enumerated().map { c, role in
            PerformanceColumn(column: c, header: g.cell(h, c), role: role, unit: HeaderMatcher.unit(g, h, c))
        }
        var above: Int?
        if h > 0 {
            let a = h - 1
            let aboveRoles = HeaderMatcher.roles(g, row: a, in: kind)
            if aboveRoles.compactMap({ $0 }).count >= 2 && HeaderMatcher.header(g, row: a) == nil {
                var used = Set<Int>()
                let offset = g.width(a) - columns.count
                for i in columns.indices where i > 0 && (columns[i].header?.isEmpty ?? true) {
                    let ac = i + offset
                    guard ac >= 0, ac < aboveRoles.count, let role = aboveRoles[ac], !role.isLabel else { continue }
                    columns[i] = PerformanceColumn(
                        column: i, header: g.cell(a, ac), role: role, unit: HeaderMatcher.unit(g, a, ac),
                        fromRowAbove: true)
                    used.insert(ac)
                    above = a
                }
                // Text flattened from a PDF keeps no empty header cell to fill: the upper row's columns
                // that the lower one lacks follow it, in order.
                if g.flattened {
                    let present = Set(columns.compactMap(\.role))
                    for ac in aboveRoles.indices where !used.contains(ac) {
                        guard let role = aboveRoles[ac], !role.isLabel, !present.contains(role) else { continue }
                        columns.append(
                            PerformanceColumn(
                                column: columns.count, header: g.cell(a, ac), role: role,
                                unit: HeaderMatcher.unit(g, a, ac), fromRowAbove: true))
                        above = a
                    }
                }
            }
        }
        // A money unit named in a label column (项目资金（万元）, 年度预算数（万元）) counts the amounts.
        if let money = columns.first(where: { ($0.role?.isLabel ?? true) && ($0.unit?.isMoney ?? false) })?.unit {
            for i in columns.indices where columns[i].role?.isAmount == true && columns[i].unit == nil { columns[i].unit = money }
        }
        for i in columns.indices where !(columns[i].role?.holdsNumber ?? false) && columns[i].role != .target && columns[i].role != .actual
        {
            columns[i].unit = nil
        }
        let label: Int?
        switch kind {
        case .budget:
            let firstAmount = columns.first { $0.role?.holdsNumber ?? false }?.column ?? 1
            label = max(0, firstAmount - 1)
            // An empty header cell over the fund names (项目资金（万元） spanning two columns) is their column.
            if let l = label, columns[l].role == nil, columns[l].headerText.isEmpty { columns[l].role = .fundLabel }
        case .indicators:
            label = columns.first { $0.role == .level3 }?.column
        }
        return BlockColumns(kind: kind, headerRow: h, headerRowAbove: above, columns: columns, labelColumn: label)
    }

    /// A 合计 / 总分 row (the 部门整体 layout's 分值 row too: its label and one or two figures). In a
    /// budget block 合计 and 总计 are fund rows; only a 总分 ends it.
    static func isTotal(_ g: Grid, _ r: Int, in kind: PerformanceBlockKind) -> Bool {
        guard let first = g.firstFilled(r), let range = g.keyRange(r, first) else { return false }
        let bare = HeaderMatcher.withoutBrackets(g.keyScalars[range])
        if kind == .budget { return scoreTotals.contains(where: { bare.elementsEqual($0) }) }
        if totals.contains(where: { bare.elementsEqual($0) }) { return true }
        guard departmentTotals.contains(where: { bare.elementsEqual($0) }) else { return false }
        let rest = ((first + 1)..<g.width(r)).filter { !g.isEmpty(r, $0) }
        return !rest.isEmpty && rest.count <= 2 && rest.allSatisfy { RowAligner.isNumeric(g, r, $0) }
    }

    /// The total row's label, weight, score and note: its figures in order (one: the score; two:
    /// weight and score), else those in the columns they align with.
    static func total(_ g: Grid, row r: Int, _ block: BlockRead) -> TotalRow? {
        guard let first = g.firstFilled(r), let label = g.cell(r, first) else { return nil }
        let offset = g.width(r) - block.columns.columns.count
        func aligned(_ role: PerformanceRole) -> CellValue? {
            guard let c = block.columns.column(role), c + offset > first else { return nil }
            return g.cell(r, c + offset)
        }
        var weight: CellValue?
        var score: CellValue?
        let figures = ((first + 1)..<g.width(r)).filter { RowAligner.isNumeric(g, r, $0) }
        switch figures.count {
        case 1:
            if block.columns.has(.score) { score = g.cell(r, figures[0]) } else { weight = g.cell(r, figures[0]) }
        case 2:
            weight = g.cell(r, figures[0])
            score = g.cell(r, figures[1])
        default:
            weight = aligned(.weight)
            score = aligned(.score)
        }
        let reason = aligned(.reason).flatMap { $0.column != weight?.column && $0.column != score?.column ? $0 : nil }
        return TotalRow(label: label, weight: weight, score: score, reason: reason, span: g.table.rows[r].span)
    }
}

import Model

/// A 项目支出绩效自评表 (or a 部门整体 table with the same blocks) from its blocks read by role.
enum ProjectTableReader {
    static let nameWords = PerformanceVocabulary.projectName.map(Chars.of)
    static let departmentNameWords = PerformanceVocabulary.departmentName.map(Chars.of)
    static let departmentWords = PerformanceVocabulary.departmentTitles.map(Chars.of)
    static let conclusionWords = PerformanceVocabulary.conclusion.map(Chars.of)
    static let goalWords = PerformanceVocabulary.goal.map(Chars.of)
    static let goalDoneWords = PerformanceVocabulary.goalCompletion.map(Chars.of)

    static func read(_ g: Grid, title: String?, budget: BlockRead?, indicators: BlockRead?) -> PerformanceTable {
        var p = PerformanceTable(
            table: g.index, layout: .freeText, title: title, projectName: nil, projectCode: nil, nameSpan: nil,
            budget: nil, indicatorPoints: nil, indicatorHeader: nil, headerCells: [:], sections: [], indicators: [],
            emptyIndicatorRows: [], total: nil, goal: nil, goalCompletion: nil, conclusion: nil, span: g.table.span)
        readIdentity(g, &p)
        if isDepartment(g, title: title) { p.scope = .department }
        if let b = budget {
            p.budget = readBudget(g, b)
            p.budgetColumns = b.columns
            p.fundShares = FundShareReader.read(g, after: b)
        }
        if let i = indicators {
            readIndicators(g, i, &p)
            p.indicatorColumns = i.columns
        }
        p.total = total(g, budget: budget, indicators: indicators)
        for r in 0..<g.rowCount where conclusionWords.contains(where: { g.keyIs(r, 0, $0) }) {
            if let c = g.cell(r, 1) { p.conclusion = c }
        }
        return p
    }

    /// The total row ending the indicator block (else the budget block), aligned with its columns.
    static func total(_ g: Grid, budget: BlockRead?, indicators: BlockRead?) -> TotalRow? {
        for block in [indicators, budget].compactMap({ $0 }) {
            if let t = block.totalRow { return BlockReader.total(g, row: t, block) }
        }
        let last = [indicators, budget].compactMap { $0 }.first
        guard let block = last else { return nil }
        for r in block.end..<g.rowCount where BlockReader.isTotal(g, r, in: .indicators) { return BlockReader.total(g, row: r, block) }
        return nil
    }

    static func isDepartment(_ g: Grid, title: String?) -> Bool {
        if let title {
            let scalars = Chars.of(Header.squeeze(title))
            if departmentWords.contains(where: { HeaderMatcher.contains(scalars[...], $0) }) { return true }
        }
        return (0..<min(g.rowCount, 4)).contains { r in g.width(r) > 0 && departmentNameWords.contains { g.keyIs(r, 0, $0) } }
    }

    /// 项目名称 (or 项目支出名称) with its code, and the goal rows.
    static func readIdentity(_ g: Grid, _ p: inout PerformanceTable) {
        for r in 0..<g.rowCount {
            if nameWords.contains(where: { g.keyIs(r, 0, $0) }) || departmentNameWords.contains(where: { g.keyIs(r, 0, $0) }),
                p.projectName == nil, let name = g.cell(r, 1)
            {
                p.nameSpan = name.span
                var text = name.text.trimmingCharacters()
                // "51090422T000000401050-城乡基层治理工作经费": a code of ASCII letters and digits.
                let utf8 = text.utf8
                if let dash = utf8.firstIndex(of: UInt8(ascii: "-")), utf8.distance(from: utf8.startIndex, to: dash) >= 10,
                    utf8[..<dash].allSatisfy({ Chars.isDigit(UInt32($0)) || Chars.isASCIILetter(UInt32($0)) })
                {
                    p.projectCode = String(text[..<dash])
                    text = String(text[utf8.index(after: dash)...])
                }
                p.projectName = text
            }
            // 项目年度目标 | 年度目标完成情况, or 预期目标 | 实际完成情况: the texts are in the next row, same columns.
            if let goalColumn = column(g, r, goalWords), let doneColumn = column(g, r, goalDoneWords, excluding: goalColumn),
                r + 1 < g.rowCount
            {
                let next = r + 1
                let shift = g.width(next) - g.width(r)
                p.goal = g.cell(next, goalColumn + shift)
                p.goalCompletion = g.cell(next, doneColumn + shift)
            }
        }
    }

    /// The cell that is exactly one of the words, else the first containing one ("项目年度目标"
    /// must not find "1.项目年度目标完成情况").
    static func column(_ g: Grid, _ r: Int, _ words: [[UInt32]], excluding: Int? = nil) -> Int? {
        var firstContaining: Int?
        for c in 0..<g.width(r) where c != excluding {
            for w in words {
                if g.keyIs(r, c, w) { return c }
                if firstContaining == nil && g.keyContains(r, c, w) { firstContaining = c }
            }
        }
        return firstContaining
    }

    static func readBudget(_ g: Grid, _ b: BlockRead) -> BudgetBlock {
        var rows: [FundRow] = []
        for a in b.rows {
            let labelCell = self.labelCell(g, a, b)
            let label = labelCell.map { Header.squeeze($0.text) } ?? ""
            let initial = b.cell(g, a, .initialBudget)
            let adjusted = b.cell(g, a, .adjustedBudget)
            let executed = b.cell(g, a, .executed)
            let rate = b.cell(g, a, .executionRate)
            let weight = b.cell(g, a, .weight)
            let score = b.cell(g, a, .score)
            let reason = b.cell(g, a, .reason)
            if label.isEmpty && [initial, adjusted, executed, rate, weight, score, reason].allSatisfy({ $0?.isEmpty ?? true }) { continue }
            rows.append(
                FundRow(
                    row: a.row, label: label, labelCell: labelCell, initial: initial, adjusted: adjusted, executed: executed,
                    rate: rate, weight: weight, score: score, reason: reason, span: g.table.rows[a.row].span,
                    paymentNote: NoteReader.payment(reason)))
        }
        let h = b.columns.headerRow
        return BudgetBlock(points: Header.points(g.cell(h, 0)), header: g.table.rows[h].span, rows: rows)
    }

    /// A fund row's label: its cell under the label column, else the nearest text to its left.
    static func labelCell(_ g: Grid, _ a: RowAlignment, _ b: BlockRead) -> CellValue? {
        guard let lc = b.columns.labelColumn else { return nil }
        var c = min(a.cell(under: lc, width: g.width(a.row)) ?? (lc + a.offset), g.width(a.row) - 1)
        while c >= 0 {
            if !g.isEmpty(a.row, c) && !RowAligner.isNumeric(g, a.row, c) { return g.cell(a.row, c) }
            c -= 1
        }
        return nil
    }

    static func readIndicators(_ g: Grid, _ block: BlockRead, _ p: inout PerformanceTable) {
        let cols = block.columns
        for col in cols.columns {
            if let role = col.role, let header = col.header, p.headerCells[role.rawValue] == nil { p.headerCells[role.rawValue] = header }
        }
        let hasOperator = cols.has(.targetOperator)
        p.layout = hasOperator ? .separateColumns : .freeText
        p.indicatorPoints = Header.points(g.cell(cols.headerRow, 0))
        p.indicatorHeader = g.table.rows[cols.headerRow].span
        p.emptyIndicatorRows = block.emptyRows
        var level1 = ""
        var level2 = ""
        // A table repeats a handful of 度量单位 texts on every row; each is parsed once.
        var units: [String: Quantity?] = [:]
        func parsedUnit(_ u: String) -> Quantity? {
            if let known = units[u] { return known }
            let parsed = TargetParsing.unit(u)
            units[u] = .some(parsed)
            return parsed
        }
        for a in block.rows {
            let r = a.row
            func cell(_ role: PerformanceRole) -> CellValue? { block.cell(g, a, role) }
            if let c = cell(.level1), !c.isEmpty {
                let groupName = Header.name(c.text)
                let points = Header.points(c)
                // A vertically merged 一级 cell that an export repeats on every row of its group
                // ("产出指标（50分）" again and again) continues the group: two groups of one
                // table never share a name.
                let repeated =
                    groupName == level1
                    && p.sections.last.map { $0.name == groupName && $0.points?.value == points?.value } == true
                level1 = groupName
                if !repeated && (p.sections.last?.name != level1 || points != nil) {
                    p.sections.append(IndicatorSection(name: level1, points: points, span: points?.span ?? c.span))
                }
                level2 = ""
            }
            if let c = cell(.level2), !c.isEmpty { level2 = Header.squeeze(c.text) }
            let nameCell = cell(.level3)
            let name = nameCell.map { Header.squeeze($0.text) } ?? ""
            // A row placed by content that only names a group (its label cell on a line of its own)
            // opens the group; it is not an indicator.
            if a.method != .asHeader, name.isEmpty,
                cols.columns.allSatisfy({ col in
                    [.level1, .level2, .blockLabel].contains(col.role) || (block.cell(g, a, col.column)?.isEmpty ?? true)
                })
            {
                continue
            }
            let unitCell = cell(.unit)
            var ind = Indicator(
                row: r, level1: level1, level2: level2, name: name, nameCell: nameCell, kind: kind(level1, level2, name),
                section: p.sections.isEmpty ? nil : p.sections.count - 1, op: nil, opCell: nil, target: nil,
                targetCell: cell(.target), unitText: unitCell.map { Header.squeeze($0.text) },
                actual: cell(.actual), actualQuantity: cell(.actual)?.quantity,
                weight: cell(.weight), score: cell(.score), completionRate: cell(.completionRate), reason: cell(.reason),
                span: g.table.rows[r].span, wholeDepartment: NoteReader.wholeDepartment(name),
                paymentNote: NoteReader.payment(cell(.reason)) ?? NoteReader.payment(cell(.actual)))
            if let opCell = cell(.targetOperator) {
                ind.opCell = opCell
                ind.op = TargetParsing.op(Header.squeeze(opCell.text))
                if var q = ind.targetCell?.quantities.first {
                    if let u = ind.unitText, !u.isEmpty, q.unit == .none, let parsed = parsedUnit(u) {
                        q.unit = parsed.unit
                        q.multiplier = parsed.multiplier
                        q.perUnit = parsed.perUnit
                    }
                    ind.target = q
                }
                if ind.op == nil, let t = ind.target, let c = t.comparator { ind.op = TargetParsing.op(c) }
            } else if let t = ind.targetCell {
                ind.target = t.quantity
                ind.op =
                    t.quantity.flatMap { TargetParsing.op($0.comparator) }
                    ?? (t.quantity == nil && !t.isEmpty ? .qualitative : nil)
            }
            p.indicators.append(ind)
        }
    }

    /// The names are header keys, already folded, so plain substring tests suffice.
    static func kind(_ l1: String, _ l2: String, _ n: String) -> IndicatorKind {
        if n.includes("满意") || l2.includes("满意度") || l1.includes("满意度") { return .satisfaction }
        if l2.includes("数量") { return .quantity }
        if l2.includes("质量") { return .quality }
        if l2.includes("时效") { return .timeliness }
        if l2.includes("成本") || l1.includes("成本") { return .cost }
        if l2.includes("效益") || l2.includes("可持续") || l1.includes("效益") { return .benefit }
        return .other
    }
}

/// The 部门整体 table's funds by income nature and by expenditure nature: a row naming the two
/// sides (按收入性质分 | 按支出性质分), then rows of "label：amount" cells (or a label cell and an
/// amount cell), each under its side.
enum FundShareReader {
    static let incomeWords = PerformanceVocabulary.incomeSide.map(Chars.of)
    static let expenditureWords = PerformanceVocabulary.expenditureSide.map(Chars.of)
    static let prefixes = PerformanceVocabulary.labelPrefixes.map(Chars.of)

    static func read(_ g: Grid, after b: BlockRead) -> [FundShare] {
        guard let money = b.columns.columns.first(where: { $0.role?.isAmount ?? false })?.unit ?? nil else {
            return read(g, after: b, unit: nil)
        }
        return read(g, after: b, unit: money)
    }

    static func read(_ g: Grid, after b: BlockRead, unit: Unit?) -> [FundShare] {
        var out: [FundShare] = []
        var r = b.end
        // The sides' header: within a few rows of the block's last fund row.
        var sides: [(column: Int, side: FundShare.Side)] = []
        var sideRow = -1
        while r < min(g.rowCount, b.end + 3) {
            for c in 0..<g.width(r) {
                if g.keyContainsAny(r, c, incomeWords) { sides.append((c, .income)) }
                if g.keyContainsAny(r, c, expenditureWords) { sides.append((c, .expenditure)) }
            }
            if !sides.isEmpty {
                sideRow = r
                break
            }
            r += 1
        }
        guard sideRow >= 0 else { return [] }
        let sideWidth = max(1, g.width(sideRow))
        // A side's cell in another row lies at the same share of the row's width.
        func side(_ r: Int, _ c: Int) -> FundShare.Side {
            let at = c * sideWidth / max(1, g.width(r))
            return (sides.last { $0.column <= at } ?? sides[0]).side
        }
        // The amounts may also be in the side header row itself, after the side's name.
        r = sideRow
        while r < g.rowCount {
            var found = false
            var c = 0
            while c < g.width(r) {
                defer { c += 1 }
                guard let cell = g.cell(r, c, unit: unit), !cell.isEmpty else { continue }
                if g.keyContainsAny(r, c, incomeWords) || g.keyContainsAny(r, c, expenditureWords) {
                    if let q = cell.quantity, let label = label(cell, before: q) {
                        out.append(FundShare(side: side(r, c), label: label, cell: cell, amount: q))
                        found = true
                    }
                    continue
                }
                if let q = cell.quantity, let label = label(cell, before: q) {
                    out.append(FundShare(side: side(r, c), label: label, cell: cell, amount: q))
                    found = true
                } else if cell.quantity == nil, c + 1 < g.width(r), RowAligner.isNumeric(g, r, c + 1),
                    let amount = g.cell(r, c + 1, unit: unit), let q = amount.quantity
                {
                    out.append(FundShare(side: side(r, c), label: strip(Header.squeeze(cell.text)), cell: amount, amount: q))
                    found = true
                    c += 1
                } else if cell.quantity == nil {
                    found = found || r == sideRow
                }
            }
            if !found && r > sideRow { break }
            r += 1
        }
        return out
    }

    /// "其中：一般公共预算：1234.56" → "一般公共预算": the words before the amount, without 其中 and colons.
    static func label(_ cell: CellValue, before q: Quantity) -> String? {
        let start = q.textRange.lowerBound
        guard start > 0 else { return nil }
        let text = strip(Header.squeeze(cell.clean.string(0..<start)))
        return text.isEmpty ? nil : text
    }

    static func strip(_ s: String) -> String {
        var scalars = Chars.of(s)
        for p in prefixes where scalars.starts(with: p) {
            scalars.removeFirst(p.count)
            break
        }
        while let last = scalars.last, last == 0x3A || last == 0xFF1A || Chars.isSpace(last) { scalars.removeLast() }
        while let first = scalars.first, first == 0x3A || first == 0xFF1A { scalars.removeFirst() }
        return Chars.string(scalars)
    }
}

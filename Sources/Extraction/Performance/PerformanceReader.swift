import Model

/// Reads 绩效自评 tables into the typed model, by header words rather than by
/// absolute columns, so that both the 11-column layout (targets split into
/// 指标性质 / 指标值 / 度量单位) and the 9-column free-text layout parse.
enum PerformanceReader {
    struct Result {
        var projects: [PerformanceTable] = []
        var departments: [DepartmentTable] = []
        var unread: [UnreadTable] = []
    }

    static func read(_ document: Document, units: [TextUnit]) -> Result {
        var out = Result()
        let tables = document.tables
        let cellUnits = CellUnits(tables: tables, units: units)
        let titles = titles(document)
        for (ti, table) in tables.enumerated() {
            let grid = Grid(table: table, index: ti, units: units, unitAt: cellUnits.table(ti))
            if let d = DepartmentTableReader.read(grid) {
                out.departments.append(d)
            } else if let p = ProjectTableReader.read(grid, title: titles[ti]) {
                out.projects.append(p)
            } else if let t = titles[ti], looksLikeSelfEvaluation(t) || grid.mentionsIndicators {
                out.unread.append(UnreadTable(table: ti, title: t, span: table.span, reason: LocalizedText(
                    zh: "未找到“预算执行情况”或“绩效指标”表头", en: "neither a 预算执行情况 nor a 绩效指标 header was found")))
            }
        }
        return out
    }

    /// Each table's own title row, else the heading or paragraph right before it.
    static func titles(_ document: Document) -> [String?] {
        var out: [String?] = []
        var previous: CleanText?
        for block in document.blocks {
            switch block {
            case .table(let t):
                out.append(t.title ?? previous.map(\.string))
                previous = nil
            case .heading(let h): previous = h.title
            case .paragraph(let p): previous = p.text
            case .chart: previous = nil
            }
        }
        return out
    }

    static func looksLikeSelfEvaluation(_ title: String) -> Bool {
        title.includes("自评表") || title.includes("绩效评价表") || title.includes("绩效目标表")
    }
}

/// A table's cells with their numbers, addressed by row and column. Each cell's
/// header key (its folded text without white space) is computed once, into one flat
/// array per table.
struct Grid {
    let table: Table
    let index: Int
    let units: [TextUnit]
    let unitAt: CellUnits.Table
    /// Every cell's key, concatenated; cell i (cells numbered row by row) is keyScalars[keyStarts[i]..<keyStarts[i + 1]].
    let keyScalars: [UInt32]
    let keyStarts: [Int32]

    init(table: Table, index: Int, units: [TextUnit], unitAt: CellUnits.Table) {
        self.table = table
        self.index = index
        self.units = units
        self.unitAt = unitAt
        var scalars: [UInt32] = []
        var starts: [Int32] = [0]
        for row in table.rows {
            for cell in row.cells {
                cell.text.withScalars { for s in $0 where !Chars.isSpace(s) && s != 0x0A { scalars.append(s) } }
                starts.append(Int32(scalars.count))
            }
        }
        keyScalars = scalars
        keyStarts = starts
    }

    var rowCount: Int { table.rows.count }
    func width(_ r: Int) -> Int { table.rows[r].cells.count }

    func cell(_ r: Int, _ c: Int) -> CellValue? {
        guard r >= 0, r < table.rows.count, c >= 0, c < table.rows[r].cells.count else { return nil }
        let cell = table.rows[r].cells[c]
        let unitIndex = unitAt[r, c]
        return CellValue(clean: cell.text, quantities: unitIndex.map { units[$0].scanned.quantities } ?? [],
                         span: cell.text.isEmpty ? cell.span : cell.text.fullSpan, row: r, column: c, unit: unitIndex)
    }

    /// The key's bounds in `keyScalars`, if the cell exists.
    func keyRange(_ r: Int, _ c: Int) -> Range<Int>? {
        guard r >= 0, r < table.rows.count, c >= 0, c < table.rows[r].cells.count else { return nil }
        let i = Int(unitAt.rowStarts[r]) + c
        return Int(keyStarts[i])..<Int(keyStarts[i + 1])
    }

    /// A cell's text with every kind of white space and line break removed, for matching header words.
    func key(_ r: Int, _ c: Int) -> String {
        guard let range = keyRange(r, c) else { return "" }
        return Chars.string(keyScalars[range])
    }

    func keyIs(_ r: Int, _ c: Int, _ word: [UInt32]) -> Bool {
        guard let range = keyRange(r, c), range.count == word.count else { return false }
        return keyScalars[range].elementsEqual(word)
    }

    func keyContains(_ r: Int, _ c: Int, _ word: [UInt32]) -> Bool {
        guard let range = keyRange(r, c), range.count >= word.count, !word.isEmpty else { return false }
        return keyScalars.withUnsafeBufferPointer { all in
            word.withUnsafeBufferPointer { Search.first($0, in: all, from: range.lowerBound, limit: range.upperBound - word.count) != nil }
        }
    }

    static let indicatorsWord = Chars.of("绩效指标")

    var mentionsIndicators: Bool {
        table.rows.indices.contains { r in table.rows[r].cells.indices.contains { keyContains(r, $0, Grid.indicatorsWord) } }
    }

    func years(_ r: Int, _ c: Int) -> [YearMention] {
        unitAt[r, c].map { units[$0].scanned.years } ?? []
    }
}

/// The text unit of every table cell, as 32-bit indices in one flat array per table (cells
/// without text have none): a dictionary keyed by location cost 80 bytes a cell.
struct CellUnits {
    struct Table {
        let rowStarts: [Int32]
        let units: [Int32]

        subscript(r: Int, c: Int) -> Int? {
            guard r >= 0, r + 1 < rowStarts.count, c >= 0 else { return nil }
            let i = Int(rowStarts[r]) + c
            guard i < Int(rowStarts[r + 1]), units[i] >= 0 else { return nil }
            return Int(units[i])
        }
    }

    private var tables: [Table] = []

    init(tables docTables: [Model.Table], units: [TextUnit]) {
        var rowStarts: [[Int32]] = []
        var cells: [[Int32]] = []
        for t in docTables {
            var starts: [Int32] = [0]
            starts.reserveCapacity(t.rows.count + 1)
            for row in t.rows { starts.append(starts.last! + Int32(row.cells.count)) }
            rowStarts.append(starts)
            cells.append([Int32](repeating: -1, count: Int(starts.last!)))
        }
        for u in units {
            guard case .cell(let t, let r, let c) = u.location, t < cells.count else { continue }
            cells[t][Int(rowStarts[t][r]) + c] = Int32(u.index)
        }
        tables = zip(rowStarts, cells).map { Table(rowStarts: $0, units: $1) }
    }

    func table(_ i: Int) -> Table { tables[i] }
}

/// Header words, folded once.
struct Words: Sendable, ExpressibleByArrayLiteral {
    let scalars: [[UInt32]]
    init(arrayLiteral elements: String...) { scalars = elements.map(Chars.of) }

    static let initialBudget: Words = ["年初预算"]
    static let executed: Words = ["执行数"]
    static let rate: Words = ["执行率"]
    static let adjusted: Words = ["调整后预算", "全年预算", "调整预算"]
    static let weight: Words = ["权重", "分值"]
    static let score: Words = ["得分"]
    static let reason: Words = ["原因"]
    static let level1: Words = ["一级指标"]
    static let level2: Words = ["二级指标"]
    static let level3: Words = ["三级指标"]
    static let nature: Words = ["指标性质"]
    static let unit: Words = ["度量单位"]
    static let actual: Words = ["完成值"]
    static let target: Words = ["指标值"]
    static let targetOrNature: Words = ["指标值", "指标性质"]
    static let points: Words = ["分值"]
    static let goal: Words = ["项目年度目标", "预期目标"]
    static let goalDone: Words = ["年度目标完成情况", "实际完成情况"]
}

enum Header {
    static func squeeze(_ s: String) -> String {
        Chars.string(s.unicodeScalars.lazy.map(\.value).filter { (s: UInt32) -> Bool in !Chars.isSpace(s) && s != 0x0A && s != 0x3000 })
    }

    /// "(50分)" anywhere in a label cell → 50, with its span in the source.
    static func points(_ cell: CellValue?) -> Quantity? {
        cell?.quantities.first { $0.unit == .points }
    }

    /// "产出指标\n\n(50分)" → "产出指标".
    static func name(_ text: String) -> String {
        var s = squeeze(text)
        if let open = s.firstIndex(where: { $0 == "(" || $0 == "（" }) { s = String(s[..<open]) }
        return s
    }

    /// Column index of the header cell that is exactly one of the words, else the first containing one
    /// ("项目年度目标" must not find "1.项目年度目标完成情况").
    static func column(_ grid: Grid, row: Int, _ words: Words, excluding: Set<Int> = []) -> Int? {
        let n = grid.width(row)
        var firstContaining: Int?
        for c in 0..<n where excluding.isEmpty || !excluding.contains(c) {
            for w in words.scalars {
                if grid.keyIs(row, c, w) { return c }
                if firstContaining == nil && grid.keyContains(row, c, w) { firstContaining = c }
            }
        }
        return firstContaining
    }
}

enum ProjectTableReader {
    static let totalWords = ["合计", "总分", "总计"].map(Chars.of)
    static let conclusionWord = Chars.of("评价结论")
    static let nameWords = ["项目名称", "项目支出名称"].map(Chars.of)

    static func read(_ g: Grid, title: String?) -> PerformanceTable? {
        var budgetHeader: Int?
        var indicatorHeader: Int?
        for r in 0..<g.rowCount {
            if budgetHeader == nil, Header.column(g, row: r, .initialBudget) != nil, Header.column(g, row: r, .executed) != nil {
                budgetHeader = r
            }
            if indicatorHeader == nil, Header.column(g, row: r, .level1) != nil, Header.column(g, row: r, .level3) != nil,
               Header.column(g, row: r, .target) != nil {
                indicatorHeader = r
            }
        }
        guard budgetHeader != nil || indicatorHeader != nil else { return nil }
        var p = PerformanceTable(table: g.index, layout: .separateColumns, title: title, projectName: nil, projectCode: nil, nameSpan: nil,
                                 budget: nil, indicatorPoints: nil, indicatorHeader: nil, headerCells: [:], sections: [], indicators: [],
                                 emptyIndicatorRows: [], total: nil, goal: nil, goalCompletion: nil, conclusion: nil, span: g.table.span)
        readIdentity(g, &p)
        if let h = budgetHeader { p.budget = readBudget(g, header: h) }
        if let h = indicatorHeader { readIndicators(g, header: h, &p) }
        for r in 0..<g.rowCount {
            if p.total == nil, totalWords.contains(where: { g.keyIs(r, 0, $0) }) {
                p.total = TotalRow(label: g.cell(r, 0)!, weight: g.cell(r, 1), score: g.cell(r, 2), reason: g.cell(r, 3), span: g.table.rows[r].span)
            }
            if g.keyIs(r, 0, conclusionWord), let c = g.cell(r, 1) { p.conclusion = c }
        }
        return p
    }

    /// 项目名称 (or 项目支出名称) with its code, and the goal rows.
    static func readIdentity(_ g: Grid, _ p: inout PerformanceTable) {
        for r in 0..<g.rowCount {
            if nameWords.contains(where: { g.keyIs(r, 0, $0) }), let name = g.cell(r, 1) {
                p.nameSpan = name.span
                var text = name.text.trimmingCharacters()
                // "51090422T000000401050-城乡基层治理工作经费": a code of ASCII letters and digits.
                let utf8 = text.utf8
                if let dash = utf8.firstIndex(of: UInt8(ascii: "-")), utf8.distance(from: utf8.startIndex, to: dash) >= 10,
                   utf8[..<dash].allSatisfy({ Chars.isDigit(UInt32($0)) || Chars.isASCIILetter(UInt32($0)) }) {
                    p.projectCode = String(text[..<dash])
                    text = String(text[utf8.index(after: dash)...])
                }
                p.projectName = text
            }
            // 项目年度目标 | 年度目标完成情况, or 预期目标 | 实际完成情况: the texts are in the next row, same columns.
            if let goalColumn = Header.column(g, row: r, .goal),
               let doneColumn = Header.column(g, row: r, .goalDone), r + 1 < g.rowCount {
                let next = r + 1
                let shift = g.width(next) - g.width(r)
                p.goal = g.cell(next, goalColumn + shift)
                p.goalCompletion = g.cell(next, doneColumn + shift)
            }
        }
    }

    static func readBudget(_ g: Grid, header h: Int) -> BudgetBlock {
        var used = Set<Int>()
        func col(_ words: Words) -> Int? {
            let c = Header.column(g, row: h, words, excluding: used)
            if let c { used.insert(c) }
            return c
        }
        let rate = col(.rate)
        let initial = col(.initialBudget)
        let adjusted = col(.adjusted)
        let executed = col(.executed)
        let weight = col(.weight)
        let score = col(.score)
        let reason = col(.reason)
        let figures = [initial, adjusted, executed, rate, weight, score].compactMap { $0 }
        // The fund rows' labels stand in the second column, or the first when figures start in the second.
        let labelColumn = figures.contains(1) ? 0 : 1
        let kinds: [RowAlignment.ColumnKind] = (0..<g.width(h)).map { c in
            if c == rate { return .rate }
            if figures.contains(c) { return .number }
            if c == reason { return .text }
            return c < (figures.min() ?? 0) ? .label(0) : .text
        }
        var rows: [FundRow] = []
        var r = h + 1
        while r < g.rowCount, g.width(r) == g.width(h) || continuesBlock(g, r, h),
              let cells = RowAlignment.cells(g, row: r, header: h, kinds: kinds) {
            // A row placed by content has its label in the last label column before the figures.
            let placedLabel = g.width(r) == g.width(h) ? labelColumn : (kinds.lastIndex { if case .label = $0 { return true } else { return false } } ?? labelColumn)
            let label = Header.squeeze(cells[min(placedLabel, cells.count - 1)].text)
            if label.isEmpty && cells.allSatisfy(\.isEmpty) { r += 1; continue }
            rows.append(FundRow(row: r, label: label, initial: initial.map { cells[$0] }, adjusted: adjusted.map { cells[$0] },
                                executed: executed.map { cells[$0] }, rate: rate.map { cells[$0] },
                                weight: weight.map { cells[$0] }, score: score.map { cells[$0] },
                                reason: reason.map { cells[$0] }, span: g.table.rows[r].span))
            r += 1
        }
        return BudgetBlock(points: Header.points(g.cell(h, 0)), header: g.table.rows[h].span, rows: rows)
    }

    static func readIndicators(_ g: Grid, header h: Int, _ p: inout PerformanceTable) {
        var used = Set<Int>()
        func col(_ role: String, _ words: Words) -> Int? {
            let c = Header.column(g, row: h, words, excluding: used)
            if let c {
                used.insert(c)
                p.headerCells[role] = g.cell(h, c)
            }
            return c
        }
        let l1 = col("level1", .level1), l2 = col("level2", .level2), l3 = col("level3", .level3)
        let nature = col("nature", .nature)
        let unit = col("unit", .unit)
        let actual = col("actual", .actual)
        let target = col("target", .target)
        let weight = col("weight", .weight)
        let score = col("score", .score)
        let reason = col("reason", .reason)
        p.layout = nature != nil ? .separateColumns : .freeText
        p.indicatorPoints = Header.points(g.cell(h, 0))
        p.indicatorHeader = g.table.rows[h].span
        var level1 = "", level2 = ""
        // A table repeats a handful of 度量单位 texts on every row; each is parsed once.
        var units: [String: Quantity?] = [:]
        func parsedUnit(_ u: String) -> Quantity? {
            if let known = units[u] { return known }
            let parsed = TargetParsing.unit(u)
            units[u] = .some(parsed)
            return parsed
        }
        var roles: [Int: RowAlignment.ColumnKind] = [:]
        for (column, kind) in [(nature, RowAlignment.ColumnKind.op), (unit, .unit), (target, .target), (actual, .value), (weight, .number),
                               (score, .number), (reason, .text)] {
            if let column { roles[column] = kind }
        }
        for (level, column) in [l1, l2, l3].enumerated() { if let column { roles[column] = .label(level + 1) } }
        let kinds: [RowAlignment.ColumnKind] = (0..<g.width(h)).map { roles[$0] ?? ($0 < (l1 ?? 0) ? .label(0) : .text) }
        var r = h + 1
        while r < g.rowCount, g.width(r) == g.width(h) || continuesBlock(g, r, h),
              let cells = RowAlignment.cells(g, row: r, header: h, kinds: kinds) {
            defer { r += 1 }
            if cells.allSatisfy(\.isEmpty) { p.emptyIndicatorRows.append(r); continue }
            if let c = l1, !cells[c].isEmpty {
                level1 = Header.name(Header.squeeze(cells[c].text))
                let points = Header.points(cells[c])
                if p.sections.last?.name != level1 || points != nil {
                    p.sections.append(IndicatorSection(name: level1, points: points, span: points?.span ?? cells[c].span))
                }
                level2 = ""
            }
            if let c = l2, !cells[c].isEmpty { level2 = Header.squeeze(cells[c].text) }
            let name = l3.map { Header.squeeze(cells[$0].text) } ?? ""
            // A row placed by content that only names a group (its label cell on a line of its own)
            // opens the group; it is not an indicator.
            if g.width(r) != g.width(h), name.isEmpty,
               cells.indices.allSatisfy({ c in cells[c].isEmpty || c == l1 || c == l2 || c < (l1 ?? 0) }) {
                continue
            }
            var ind = Indicator(row: r, level1: level1, level2: level2, name: name, nameCell: l3.map { cells[$0] }, kind: kind(level1, level2, name),
                                section: p.sections.isEmpty ? nil : p.sections.count - 1, op: nil, opCell: nil, target: nil,
                                targetCell: target.map { cells[$0] }, unitText: unit.map { Header.squeeze(cells[$0].text) },
                                actual: actual.map { cells[$0] }, actualQuantity: actual.flatMap { cells[$0].quantity },
                                weight: weight.map { cells[$0] }, score: score.map { cells[$0] }, reason: reason.map { cells[$0] },
                                span: g.table.rows[r].span)
            if let c = nature {
                ind.opCell = cells[c]
                ind.op = TargetParsing.op(Header.squeeze(cells[c].text))
                if var q = ind.targetCell?.quantities.first {
                    if let u = ind.unitText, !u.isEmpty, q.unit == .none, let parsed = parsedUnit(u) {
                        q.unit = parsed.unit
                        q.multiplier = parsed.multiplier
                        q.perUnit = parsed.perUnit
                    }
                    ind.target = q
                }
            } else if let t = ind.targetCell {
                ind.target = t.quantity
                ind.op = t.quantity.flatMap { TargetParsing.op($0.comparator) }
                    ?? (t.quantity == nil && !t.isEmpty ? .qualitative : nil)
            }
            p.indicators.append(ind)
        }
    }

    static let blockEndWords = ["合计", "总分", "总计", "评价结论", "存在问题", "改进措施", "项目负责人"].map(Chars.of)

    /// A row narrower than its header that may still belong to the block: not a total or closing
    /// row, and (placed by content) not wider than the header.
    static func continuesBlock(_ g: Grid, _ r: Int, _ h: Int) -> Bool {
        guard g.width(r) < g.width(h), g.width(r) >= 1 else { return false }
        return !blockEndWords.contains { w in (0..<g.width(r)).contains { g.keyContains(r, $0, w) && g.key(r, $0).unicodeScalars.count <= w.count + 8 } }
            && Header.column(g, row: r, .level1) == nil && Header.column(g, row: r, .initialBudget) == nil
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

enum TargetParsing {
    static func op(_ s: String) -> TargetOperator? {
        switch s {
        case "≥", "≧", ">=": return .atLeast
        case "≤", "≦", "<=": return .atMost
        case ">", "＞": return .greater
        case "<", "＜": return .less
        case "=", "＝", "==": return .equal
        case "定性": return .qualitative
        default: return nil
        }
    }

    static func op(_ c: Comparator?) -> TargetOperator? {
        switch c {
        case .ge: return .atLeast
        case .le: return .atMost
        case .gt: return .greater
        case .lt: return .less
        case .eq: return .equal
        case nil: return nil
        }
    }

    /// The unit of a separate 度量单位 cell ("%", "次", "万元", "万", "元/人", "万字").
    static func unit(_ s: String) -> Quantity? {
        NumberScanner.scan(CleanTextBuilder.make("1" + s)).quantities.first
    }
}

enum DepartmentTableReader {
    static let totalWords = ["分值", "合计", "总分", "总计"].map(Chars.of)

    static func read(_ g: Grid) -> DepartmentTable? {
        // The header row: 一级指标 | 二级指标 | 三级指标 | 指标分值, without 指标值 columns.
        guard let h = (0..<g.rowCount).first(where: { r in
            Header.column(g, row: r, .level1) != nil && Header.column(g, row: r, .level3) != nil
                && Header.column(g, row: r, .points) != nil && Header.column(g, row: r, .targetOrNature) == nil
        }) else { return nil }
        var d = DepartmentTable(table: g.index, groups: [], rows: [], total: nil, span: g.table.span)
        var level1: Int?, level2: Int?
        var r = h + 1
        while r < g.rowCount {
            defer { r += 1 }
            let n = g.width(r)
            if totalWords.contains(where: { g.keyIs(r, 0, $0) }) {
                // "分值 | | | | 97": the score is the last non-empty cell.
                let score = (0..<n).reversed().compactMap { g.cell(r, $0) }.first { !$0.isEmpty && $0.column > 0 }
                d.total = TotalRow(label: g.cell(r, 0)!, weight: nil, score: score, reason: nil, span: g.table.rows[r].span)
                continue
            }
            guard n >= 7 else { continue }
            // Aligned from the right: … | 分值 | 解释 | 评分说明 | 得分 | 备注.
            let weight = g.cell(r, n - 5), score = g.cell(r, n - 2)
            let names = (0..<(n - 5)).map { g.cell(r, $0)! }
            if let c = names.first, !c.isEmpty {
                let name = Header.name(c.text), points = Header.points(c)
                // A label repeated after a page break is the same group.
                if let i = level1, d.groups[i].name == name && d.groups[i].points?.value == points?.value {
                } else {
                    d.groups.append(.init(name: name, points: points, span: points?.span ?? c.span, parent: nil, level: 1))
                    level1 = d.groups.count - 1
                }
                level2 = nil
            }
            if names.count >= 3, !names[1].isEmpty {
                let name = Header.name(names[1].text), points = Header.points(names[1])
                if let i = level2, d.groups[i].name == name && d.groups[i].points?.value == points?.value {
                } else if let i = d.groups.lastIndex(where: { $0.level == 2 && $0.name == name && $0.parent == level1 && $0.points?.value == points?.value }) {
                    level2 = i
                } else {
                    d.groups.append(.init(name: name, points: points, span: points?.span ?? names[1].span, parent: level1, level: 2))
                    level2 = d.groups.count - 1
                }
            }
            let name = Header.squeeze(names.last!.text)
            guard !name.isEmpty || !(weight?.isEmpty ?? true) || !(score?.isEmpty ?? true) else { continue }
            d.rows.append(.init(row: r, name: name, group: level2 ?? level1, weight: weight, score: score, span: g.table.rows[r].span))
        }
        return d.rows.isEmpty ? nil : d
    }
}

extension String {
    /// Trims spaces (ASCII and U+3000) and line breaks at both ends.
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}

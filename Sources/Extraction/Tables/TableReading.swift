import Model

/// A row of a finance table with where it came from (a joined table has rows of several).
struct SourceRow {
    var table: Int
    var index: Int
    var row: Row
}

/// Reads one recognised finance table: header rows, column roles, sides, rows.
struct TableReading {
    let kind: FinanceTableKind
    let rows: [SourceRow]
    let document: Document
    let units: [TextUnit]
    let cellUnits: CellUnits
    let captions: Caption
    let tableIndex: Int
    let joined: [Int]

    init(
        kind: FinanceTableKind, rows: [SourceRow], tableIndex: Int, joined: [Int], document: Document, units: [TextUnit],
        cellUnits: CellUnits, captions: Caption
    ) {
        self.kind = kind
        self.rows = rows
        self.document = document
        self.units = units
        self.cellUnits = cellUnits
        self.captions = captions
        self.tableIndex = tableIndex
        self.joined = joined
    }

    mutating func read() -> FinanceTable {
        let table = document.tables[tableIndex]
        let start = min(captions.rows, rows.count)
        var headerEnd = start
        while headerEnd < rows.count, headerEnd - start < 7, !isBody(rows[headerEnd].row) { headerEnd += 1 }
        let body = Array(rows[start...])
        let headerCount = headerEnd - start
        if document.origin == .pdfText {
            // Text extracted from a PDF: columns by where figures stand on their lines.
            var finance = FinanceTable(
                kind: kind, table: tableIndex, continuations: joined, number: table.number,
                title: captions.title, titleSpan: captions.titleSpan,
                unitPower: captions.unitPower ?? 4, unitStated: captions.unitPower != nil,
                panels: [], unreadColumns: [], noDataNote: nil, span: table.span)
            finance.positional = true
            finance.panels = PositionalReading(
                kind: kind, rows: body, headerCount: headerCount, document: document, reading: self,
                unitPower: finance.unitPower
            ).read()
            if let last = joined.last { finance.span = table.span.union(document.tables[last].span) }
            return finance
        }
        let grid = TableGrid(rows: body.map(\.row), headerRows: headerCount)
        var columns = roles(grid: grid, body: body, headerCount: headerCount)
        var unread: [String] = []
        let panels = split(&columns, grid: grid, body: body, headerCount: headerCount, unread: &unread)
        var finance = FinanceTable(
            kind: kind, table: tableIndex, continuations: joined, number: table.number,
            title: captions.title, titleSpan: captions.titleSpan,
            unitPower: captions.unitPower ?? 4, unitStated: captions.unitPower != nil,
            panels: [], unreadColumns: unread, noDataNote: nil, span: table.span)
        finance.panels = panels.map { readRows($0, grid: grid, body: body, headerCount: headerCount, unitPower: finance.unitPower) }
        if let last = joined.last { finance.span = table.span.union(document.tables[last].span) }
        return finance
    }

    // MARK: header and body

    /// A row of amounts, codes or row labels, not of column words.
    func isBody(_ row: Row) -> Bool {
        let cells = row.cells.filter { !$0.isEmpty }
        guard let first = cells.first else { return false }
        let firstFolded = TableVocabulary.fold(first.text.scalars)
        if TableVocabulary.exact(firstFolded, TableVocabulary.foldedRows) == .columnNumbers { return false }
        if cells.dropFirst().contains(where: { TableGrid.isAmount($0.text) && !TableGrid.isCode($0.text) }) { return true }
        if TableGrid.isCode(first.text) || Self.leadingCode(first.text) != nil { return true }
        if Numbering.parse(first.text) != nil { return true }
        if TableVocabulary.exact(firstFolded, TableVocabulary.foldedRows) != nil {
            return !cells.dropFirst().contains { c in
                let f = TableVocabulary.fold(c.text.scalars)
                return TableVocabulary.longest(in: f, TableVocabulary.foldedColumns) != nil
                    || TableVocabulary.exact(f, TableVocabulary.foldedLabelColumns) != nil
            }
        }
        return false
    }

    /// Each grid column's role and basis from its header words, top to bottom.
    func roles(grid: TableGrid, body: [SourceRow], headerCount: Int) -> [TableColumn?] {
        var out: [TableColumn?] = []
        for c in 0..<grid.width {
            var path: [[UInt32]] = []
            var words: [String] = []
            for r in 0..<headerCount {
                guard let k = grid.covering(r, c) else { continue }
                let text = body[r].row.cells[k].text
                let f = TableVocabulary.fold(text.scalars)
                guard !f.isEmpty, path.last != f else { continue }
                path.append(f)
                words.append(Chars.string(f))
            }
            var side: PanelSide?
            if kind.isSummary, let top = path.first, path.count >= 2 {
                if TableVocabulary.foldedIncomeSides.contains(top) {
                    side = .income
                    path.removeFirst()
                } else if TableVocabulary.foldedExpenditureSides.contains(top) {
                    side = .expenditure
                    path.removeFirst()
                }
            }
            guard var column = Self.role(path, kind: kind) else {
                out.append(
                    path.isEmpty
                        ? nil
                        : TableColumn(index: c, role: .amount, basis: kind.basis, header: words.joined(separator: " › "), byPosition: true))
                continue
            }
            column.index = c
            column.header = words.joined(separator: " › ")
            column.leaf = words.last ?? ""
            if let side { column.side = side }
            out.append(column)
        }
        return out
    }

    /// The role a column's header words name: the leaf decides, a generic amount or total word
    /// defers to the group above it.
    static func role(_ path: [[UInt32]], kind: FinanceTableKind) -> TableColumn? {
        var basis: ColumnBasis?
        for element in path.reversed() where basis == nil {
            basis = TableVocabulary.longest(in: element, TableVocabulary.foldedBases)
        }
        if basis == nil,
            path.contains(where: {
                $0.count >= 2 && $0.suffix(2) == [0x9884, 0x7B97] && TableVocabulary.longest(in: $0, TableVocabulary.foldedColumns) == nil
            })
        {
            basis = .budget // "收入预算": a group of budget figures
        }
        var found: ColumnRole?
        var k = path.count - 1
        while k >= 0 {
            let element = path[k]
            if let label = TableVocabulary.exact(element, TableVocabulary.foldedLabelColumns) {
                return TableColumn(index: 0, role: label, basis: basis ?? kind.basis, header: "")
            }
            if let r = TableVocabulary.longest(in: element, TableVocabulary.foldedColumns) {
                if r == .amount {
                    if found == nil { found = .amount }
                    k -= 1
                    continue
                }
                if r == .total {
                    // 合计/小计 under 本年支出, 公务用车购置及运行维护费: that group's total.
                    var g = k - 1
                    while g >= 0 {
                        if let group = TableVocabulary.longest(in: path[g], TableVocabulary.foldedColumns),
                            TableVocabulary.totalledGroups.contains(group)
                        {
                            return TableColumn(index: 0, role: group, basis: basis ?? kind.basis, header: "")
                        }
                        g -= 1
                    }
                    return TableColumn(index: 0, role: .total, basis: basis ?? kind.basis, header: "")
                }
                return TableColumn(index: 0, role: r, basis: basis ?? kind.basis, header: "")
            }
            k -= 1
        }
        return found.map { TableColumn(index: 0, role: $0, basis: basis ?? kind.basis, header: "") }
    }

    /// Sides: a new side starts at a label column after an amount column. A kind with a standard
    /// column order takes it when the header could not be aligned (columns without a role, or one
    /// role twice) and the number of amount columns matches.
    func split(
        _ columns: inout [TableColumn?], grid: TableGrid, body: [SourceRow], headerCount: Int,
        unread: inout [String]
    ) -> [TablePanel] {
        var panels: [TablePanel] = []
        var current: [TableColumn] = []
        var sawValue = false
        for column in columns {
            guard let column else { continue }
            if column.role.isLabel && sawValue {
                panels.append(TablePanel(side: .whole, columns: current, rows: []))
                current = []
                sawValue = false
            }
            if !column.role.isLabel { sawValue = true }
            current.append(column)
        }
        if !current.isEmpty { panels.append(TablePanel(side: .whole, columns: current, rows: [])) }
        if panels.isEmpty {
            // No header at all: label columns are those holding text, amounts those holding numbers.
            panels = [TablePanel(side: .whole, columns: inferred(grid: grid, body: body, headerCount: headerCount), rows: [])]
        }
        // Sides: a summary table has its income on the left, its expenditure on the right.
        if panels.count == 2 {
            panels[0].side = kind.isSummary ? .income : .left
            panels[1].side = kind.isSummary ? .expenditure : .right
        } else if panels.count > 2 {
            for k in panels.indices { panels[k].side = k == 0 ? .left : .right }
        }
        // The standard order, when the header words could not be trusted.
        if panels.count == 1, let canonical = TableVocabulary.canonicalColumns[kind] {
            let values = panels[0].columns.filter { !$0.role.isLabel }
            var pairs = Set<String>()
            let duplicated = values.contains { !pairs.insert("\($0.role)|\($0.basis)").inserted }
            let unknown = values.contains { $0.byPosition }
            let guessed = (0..<headerCount).contains { grid.guessed[$0] }
            let matchesCanonical = Set(values.map { "\($0.role)|\($0.basis)" }) == Set(canonical.map { "\($0.0)|\($0.1 ?? kind.basis)" })
            if values.count == canonical.count && (duplicated || unknown || (guessed && !matchesCanonical)) {
                var k = 0
                for i in panels[0].columns.indices where !panels[0].columns[i].role.isLabel {
                    panels[0].columns[i].role = canonical[k].0
                    panels[0].columns[i].basis = canonical[k].1 ?? kind.basis
                    panels[0].columns[i].byPosition = true
                    k += 1
                }
            }
        }
        for panel in panels {
            for column in panel.columns
            where column.byPosition && column.role == .amount && !column.header.isEmpty
                && !(panel.columns.filter { !$0.role.isLabel }.count == 1)
            {
                unread.append(column.header)
            }
        }
        return panels
    }

    /// Columns read from the body when there is no header: text on the left, amounts on the right.
    func inferred(grid: TableGrid, body: [SourceRow], headerCount: Int) -> [TableColumn] {
        var out: [TableColumn] = []
        for c in 0..<grid.width {
            var amounts = 0
            var texts = 0
            for r in headerCount..<body.count {
                guard let k = grid.cell(r, c) else { continue }
                let t = body[r].row.cells[k].text
                if t.isEmpty { continue }
                if TableGrid.isAmount(t) && !TableGrid.isCode(t) { amounts += 1 } else { texts += 1 }
            }
            if amounts == 0 && texts == 0 { continue }
            out.append(TableColumn(index: c, role: amounts > texts ? .amount : .item, basis: kind.basis, header: "", byPosition: true))
        }
        return out
    }

    // MARK: rows

    func readRows(_ panel: TablePanel, grid: TableGrid, body: [SourceRow], headerCount: Int, unitPower: Int) -> TablePanel {
        var builder = RowBuilder(kind: kind, panel: panel)
        var lastClass: String?
        for r in headerCount..<body.count {
            let source = body[r]
            let cells = source.row.cells
            var nameParts: [CleanText] = []
            var codeGroups: [String] = []
            var codeText: CleanText?
            var splitCode = false
            var lineNumber: Int?
            var labelSpan: Span?
            var values: [Int: TableFigure] = [:]
            for column in panel.columns {
                guard let k = grid.cell(r, column.index), k < cells.count else { continue }
                let cell = cells[k]
                switch column.role {
                case .item, .name:
                    if !cell.isEmpty {
                        nameParts.append(cell.text)
                        labelSpan = labelSpan ?? cell.text.fullSpan
                    }
                case .code:
                    if !cell.isEmpty {
                        codeText = cell.text
                        labelSpan = labelSpan ?? cell.text.fullSpan
                    }
                case .codeClass, .codeSegment, .codeItem:
                    splitCode = true
                    let digits = cell.text.string.filter { $0.isASCII && $0.isNumber }
                    if column.role == .codeClass && digits.isEmpty, let c = lastClass {
                        codeGroups.append(c)
                    } else {
                        codeGroups.append(digits)
                    }
                    // A label merged over the code columns ("合计").
                    if !cell.isEmpty && digits.isEmpty { nameParts.append(cell.text) }
                    if !cell.isEmpty { labelSpan = labelSpan ?? cell.text.fullSpan }
                case .lineNumber:
                    lineNumber = Int(cell.text.string.filter { $0.isNumber }.prefix(4))
                default:
                    if let f = figure(cell, source: source, cellIndex: k, unitPower: unitPower) { values[column.index] = f }
                }
            }
            var code: ClassificationCode?
            if splitCode {
                while let last = codeGroups.last, last.isEmpty { codeGroups.removeLast() }
                code = ClassificationCode(groups: codeGroups)
            } else if let ct = codeText {
                if let (c, rest) = Self.leadingCode(ct) {
                    code = c
                    if !rest.isEmpty { builder.pendingName = rest }
                } else {
                    nameParts.insert(ct, at: 0)
                }
            }
            if let c = code, c.level == 1 { lastClass = c.digits }
            builder.add(source: source, code: code, nameParts: nameParts, values: values, lineNumber: lineNumber, labelSpan: labelSpan)
        }
        return builder.panel
    }

    /// An amount cell as a figure in the table's unit; nil for blanks, dashes and text.
    func figure(_ cell: Cell, source: SourceRow, cellIndex: Int, unitPower: Int) -> TableFigure? {
        guard TableGrid.isAmount(cell.text), let u = cellUnits.table(source.table)[source.index, cellIndex],
            var q = units[u].scanned.quantities.first, q.unit == .none || q.unit.isMoney
        else { return nil }
        // "(3.00)": a bracketed negative, as accounting formats print it.
        if cell.text[0] == 0x28, !q.value.isNegative { q.value = -q.value }
        return TableFigure(quantity: q, cellSpan: cell.text.fullSpan, row: source.index, column: cellIndex, unitPower: unitPower)
    }

    /// Every figure of an amount cell: a cell of text extracted from a PDF may hold several
    /// figures run together ("2.85 0.39 0.00"), each its own.
    func figures(_ cell: Cell, source: SourceRow, cellIndex: Int, unitPower: Int) -> [TableFigure] {
        guard TableGrid.isAmount(cell.text), let u = cellUnits.table(source.table)[source.index, cellIndex] else { return [] }
        let quantities = units[u].scanned.quantities.filter { $0.unit == .none || $0.unit.isMoney }
        guard quantities.count > 1 else {
            return figure(cell, source: source, cellIndex: cellIndex, unitPower: unitPower).map { [$0] } ?? []
        }
        return quantities.map { TableFigure(quantity: $0, cellSpan: $0.span, row: source.index, column: cellIndex, unitPower: unitPower) }
    }

    /// A code at the start of a label: "2013101 行政运行", "201 06 01 行政运行", "30101".
    static func leadingCode(_ t: CleanText) -> (ClassificationCode, String)? {
        var groups: [String] = []
        var i = 0
        while i < t.count {
            while i < t.count && Chars.isSpace(t[i]) { i += 1 }
            var j = i
            while j < t.count && Chars.isDigit(t[j]) { j += 1 }
            guard j > i else { break }
            if j < t.count && !Chars.isSpace(t[j]) && !Chars.isHan(t[j]) { return nil }
            groups.append(t.string(i..<j))
            i = j
        }
        guard !groups.isEmpty, let code = ClassificationCode(groups: groups) else { return nil }
        return (code, oneLine(t.string(i..<t.count)))
    }

    /// "一般公共服务支出" → "201", from the 类 names of the classification.
    static func classCode(_ name: String) -> String? {
        let normal = ExpenditureClasses.normalize(name.filter { !$0.isWhitespace })
        return ExpenditureClasses.codeByName[normal]
    }

    static func oneLine(_ s: String) -> String { s.filter { $0 != "\n" && $0 != " " && $0 != "\u{3000}" } }
}

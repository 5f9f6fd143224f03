import Model

/// Turns the parts read off a table row (its label cells, code, amounts) into a `FinanceRow`
/// of one side of a table: the row's role from its label (合计, 总计, 年初结转和结余 …), the code
/// at the start of a label ("2013101 行政运行"), the income source or 类 a summary line names,
/// and the nesting of a summary's lines ("1." under "一、", the funds under 年初结转和结余).
struct RowBuilder {
    let kind: FinanceTableKind
    private(set) var panel: TablePanel
    /// Text a code cell carried after its code ("201 一般公共服务支出"), for the row being added.
    var pendingName: String?
    private var lastTop: Int?
    private var carryIn: Int?

    init(kind: FinanceTableKind, panel: TablePanel) {
        self.kind = kind
        self.panel = panel
    }

    /// Adds a row; false when it is no row (栏次, a note written into the table, nothing at all).
    @discardableResult
    mutating func add(
        source: SourceRow, code givenCode: ClassificationCode?, nameParts: [CleanText], values: [Int: TableFigure],
        lineNumber: Int?, labelSpan: Span?
    ) -> Bool {
        var code = givenCode
        var name = (pendingName ?? "") + nameParts.map { TableReading.oneLine($0.string) }.joined()
        pendingName = nil
        if code == nil, let first = nameParts.first, let (c, rest) = TableReading.leadingCode(first) {
            code = c
            name = rest + nameParts.dropFirst().map { TableReading.oneLine($0.string) }.joined()
        }
        let labelText = code == nil ? nameParts.first : nil
        var bare = name
        if let lt = labelText, let (_, end) = Numbering.parse(lt) {
            bare = TableReading.oneLine(lt.string(end..<lt.count)) + nameParts.dropFirst().map { TableReading.oneLine($0.string) }.joined()
        }
        let folded = TableVocabulary.fold(Chars.of(bare))
        var role = RowRole.item
        if code == nil, let r = TableVocabulary.longest(in: folded, TableVocabulary.foldedRows),
            let word = TableVocabulary.foldedRows.first(where: { $0.value == r && TableVocabulary.contains(folded, $0.words) })?.words,
            folded.count <= word.count + 8
        {
            role = r
        }
        if role == .columnNumbers { return false }
        if name.isEmpty && code == nil && values.isEmpty { return false }
        // Notes written into the table ("注：本表反映…").
        if code == nil && values.isEmpty && (bare.hasPrefix("注") || bare.hasPrefix("说明")) && bare.count > 6 { return false }
        var row = FinanceRow(
            row: source.index, role: role, label: name, name: bare, code: code, source: nil, classCode: nil,
            parent: nil, lineNumber: lineNumber, values: values,
            labelSpan: labelSpan ?? source.row.span, span: source.row.span)
        if kind.isSummary && role == .item && code == nil {
            row.source = TableVocabulary.foldedIncomeSources.first { TableVocabulary.contains(folded, $0.words) }?.value
            row.classCode = TableReading.classCode(bare)
            let style = labelText.flatMap { Numbering.parse($0)?.0.style }
            if let c = carryIn {
                row.parent = c
            } else if style != nil && style != .chineseComma, let top = lastTop {
                row.parent = top
            } else {
                lastTop = panel.rows.count
            }
        }
        if role == .carryIn { carryIn = panel.rows.count }
        if role == .grandTotal || role == .currentTotal || role == .carryOut { lastTop = nil }
        if role == .grandTotal || role == .currentTotal { carryIn = nil }
        panel.rows.append(row)
        return true
    }

    /// Appends wrapped label text to the last row ("机关事业单位基本养老保险缴" / "费支出").
    mutating func continueName(_ text: String) {
        guard let last = panel.rows.indices.last else { return }
        panel.rows[last].name += text
        panel.rows[last].label += text
    }

    /// Figures of the last row whose columns could not be told.
    mutating func addUnplaced(_ figures: [TableFigure]) {
        guard let last = panel.rows.indices.last else { return }
        panel.rows[last].unplaced += figures
    }

    /// Adds amounts to the last row (figures printed on a line of their own).
    mutating func addValues(_ values: [Int: TableFigure], toRow k: Int) {
        guard panel.rows.indices.contains(k) else { return }
        for (c, f) in values where panel.rows[k].values[c] == nil { panel.rows[k].values[c] = f }
    }
}

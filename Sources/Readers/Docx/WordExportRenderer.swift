import Model

/// Renders a WordprocessingML body as the text form Word exports (the form `TextReader`
/// reads), so that a .docx and its export give the same model and the same findings, and so
/// that `reportlint dump --text` shows what was audited.
///
/// - a paragraph is a line (a w:br starts a new one); leading TABs are dropped, since a line
///   that starts with a TAB is a table cell;
/// - a table row is its cells, each on a line starting with a TAB (an empty cell is a lone
///   TAB), further paragraphs of a cell on the following lines, rows separated by a blank
///   line and the table closed by two; a table that touches the previous one starts with an
///   indented cell line, as Word's export does;
/// - a cell's own TABs become spaces and its empty paragraphs are dropped (a blank line
///   there would split the row);
/// - text boxes follow the paragraph that anchors them; charts' cached data comes last,
///   a series name line, then the category names and values on one line.
struct WordExportRenderer {
    let styles: WordStyles
    var numbering: WordNumbering
    let charts: [String: WordChart]
    /// Charged for every byte written and every list number generated; rendering stops
    /// writing once it is exhausted (the reader throws its failure).
    let budget: WorkBudget?

    private(set) var writer = StructuredTextWriter()
    private var paragraphNumber = 0
    private var tableNumber = 0
    private var chartOrder: [String] = []
    /// The last thing rendered was a table (only empty paragraphs since).
    private var afterTable = false

    init(styles: WordStyles, numbering: WordNumbering, charts: [String: WordChart], budget: WorkBudget? = nil) {
        self.styles = styles
        self.numbering = numbering
        self.charts = charts
        self.budget = budget
    }

    mutating func render(_ body: [WordBlock]) {
        for block in body {
            if budget?.isExhausted == true { return }
            switch block {
            case .paragraph(let p): paragraph(p)
            case .table(let t): table(t)
            }
        }
        if afterTable { writer.endTable() }
        renderCharts()
    }

    // MARK: paragraphs

    private mutating func paragraph(_ p: WordParagraph) {
        paragraphNumber += 1
        let lines = Self.lines(label(p) + p.text, asField: false)
        guard !lines.isEmpty else {
            collectCharts(p)
            return
        }
        afterTable = false
        guard charge(lines) else { return }
        writer.paragraph(lines, headingLevel: styles.headingLevel(of: p), location: LogicalLocation(.paragraph(paragraphNumber)))
        for box in p.textBoxes {
            if case .paragraph(let inner) = box { boxParagraph(inner) }
        }
        collectCharts(p)
    }

    /// A text box's paragraph reads as body text where it is anchored.
    private mutating func boxParagraph(_ p: WordParagraph) {
        let lines = Self.lines(label(p) + p.text, asField: false)
        guard charge(lines) else { return }
        writer.paragraph(lines, headingLevel: nil, location: LogicalLocation(.paragraph(paragraphNumber)))
    }

    /// Charges what is about to be written (each line and its line break); false once the
    /// rendered-text budget is exhausted.
    private func charge(_ lines: [[UInt8]]) -> Bool {
        guard let budget else { return true }
        return budget.charge(.renderedText, lines.reduce(lines.count) { $0 + $1.count })
    }

    /// The list number Word prints before the paragraph ("一、", "（二）"), if any.
    private mutating func label(_ p: WordParagraph) -> String {
        let numID = p.numberingID ?? styles.numbering(of: p)?.id
        let level = p.numberingID != nil ? p.numberingLevel : (styles.numbering(of: p)?.level ?? 0)
        guard let id = numID else { return "" }
        let next: String?
        do {
            next = try numbering.nextLabel(numID: id, level: level, budget: budget)
        } catch {
            budget?.fail(error)
            return ""
        }
        guard let text = next else { return "" }
        // Word separates the number from the text with a TAB by default; the export shows none
        // after Chinese list punctuation and a space otherwise.
        if let last = text.unicodeScalars.last, "、.．)）:：".unicodeScalars.contains(last) { return text }
        return text + " "
    }

    private mutating func collectCharts(_ p: WordParagraph) {
        for id in p.charts where charts[id] != nil { chartOrder.append(id) }
    }

    // MARK: tables

    private mutating func table(_ t: WordTable) {
        // A table right after another (only empty paragraphs between) starts indented, as in
        // Word's export.
        let touching = afterTable
        writer.beginTable(touching: touching)
        tableNumber += 1
        for (r, row) in t.rows.enumerated() {
            writer.beginRow()
            for (c, cell) in row.enumerated() {
                let lines = cellLines(cell)
                guard charge(lines) else { return }
                writer.cell(
                    lines, location: LogicalLocation(.cell(table: tableNumber, row: r + 1, column: c + 1)),
                    indentFirst: touching && r == 0 && c == 0, columnSpan: cell.span)
            }
        }
        afterTable = true
    }

    /// A cell's lines: its paragraphs (with their numbers) and nested tables' cells, one per line.
    private mutating func cellLines(_ cell: WordCell) -> [[UInt8]] {
        if cell.continuesMerge { return [] }
        var lines: [[UInt8]] = []
        func add(_ text: String) { lines.append(contentsOf: Self.lines(text, asField: true)) }
        func walk(_ blocks: [WordBlock]) {
            for b in blocks {
                switch b {
                case .paragraph(let p):
                    add(label(p) + p.text)
                    for box in p.textBoxes { walk([box]) }
                    collectCharts(p)
                case .table(let nested):
                    for row in nested.rows { for c in row { walk(c.continuesMerge ? [] : c.blocks) } }
                }
            }
        }
        walk(cell.blocks)
        return lines
    }

    // MARK: charts

    private mutating func renderCharts() {
        // Once per chart part, however many relationships point to it.
        var seen = Set<String>()
        for id in chartOrder {
            guard let chart = charts[id], seen.insert(chart.part).inserted else { continue }
            if budget?.isExhausted == true { return }
            var lines: [[UInt8]] = []
            for (k, series) in chart.series.enumerated() {
                if k == 0 && !series.name.isEmpty { lines.append(Self.field(series.name) + [0x09]) }
                var fields = series.categories.map(Self.field) + series.values.map(Self.field)
                if k + 1 < chart.series.count, !chart.series[k + 1].name.isEmpty { fields.append(Self.field(chart.series[k + 1].name)) }
                if !fields.isEmpty { lines.append(Array(fields.joined(separator: [0x09])) + [0x09]) }
            }
            guard charge(lines) else { return }
            writer.chart(lines, location: LogicalLocation(.chart(seen.count)))
        }
    }

    /// One chart field: on one line, without TABs, trimmed.
    static func field(_ s: String) -> [UInt8] { lines(s, asField: true).joined(separator: [0x20]).map { $0 } }

    /// The non-blank lines of a paragraph's text, as UTF-8. Body lines lose their leading
    /// white space (a leading TAB would make a cell); cell lines and fields have their
    /// TABs turned into spaces (a TAB there would start a cell or a chart row) and are trimmed.
    static func lines(_ text: String, asField: Bool) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var utf8 = Array(text.utf8)
        if asField { for k in utf8.indices where utf8[k] == 0x09 { utf8[k] = 0x20 } }
        var start = 0
        for k in 0...utf8.count where k == utf8.count || utf8[k] == 0x0A {
            var lo = start
            var hi = k
            start = k + 1
            lo = skipSpace(utf8, lo, hi)
            if asField { while hi > lo, let w = spaceWidth(utf8, before: hi) { hi -= w } }
            guard lo < hi, !onlySpace(utf8, lo, hi) else { continue }
            out.append(Array(utf8[lo..<hi]))
        }
        return out
    }

    /// Past TABs, spaces, CRs, NBSPs and ideographic spaces from `i`.
    static func skipSpace(_ b: [UInt8], _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end {
            if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D {
                i += 1
            } else if b[i] == 0xC2, i + 1 < end, b[i + 1] == 0xA0 {
                i += 2
            } else if b[i] == 0xE3, i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x80 {
                i += 3
            } else {
                break
            }
        }
        return i
    }

    static func onlySpace(_ b: [UInt8], _ lo: Int, _ hi: Int) -> Bool { skipSpace(b, lo, hi) >= hi }

    static func spaceWidth(_ b: [UInt8], before end: Int) -> Int? {
        if b[end - 1] == 0x20 || b[end - 1] == 0x09 || b[end - 1] == 0x0D { return 1 }
        if end >= 2, b[end - 2] == 0xC2, b[end - 1] == 0xA0 { return 2 }
        if end >= 3, b[end - 3] == 0xE3, b[end - 2] == 0x80, b[end - 1] == 0x80 { return 3 }
        return nil
    }
}

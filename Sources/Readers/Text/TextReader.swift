import Model

/// Parses the text Word exports into a `Document`.
///
/// The form: headings and paragraphs are lines; a table row is a run of cell
/// lines, each starting with a TAB, rows separated by a blank line; a line
/// without a TAB inside a row continues the previous cell; chart data comes
/// last as lines of TAB-separated names and values. The rules for the quirks
/// (blank lines inside cells, split rows, tables that touch) are documented on
/// each helper below.
public struct TextReader {
    let source: SourceText
    let bytes: [UInt8]
    /// Every clean text of the document, in one place.
    let arena: TextArena
    /// Charged for the text and each cell; reading stops once it is exhausted.
    let budget: WorkBudget?
    /// The last run of chart label lines `startsChart` walked, and its answer.
    let labelRun = LabelRun()
    var blocks: [Block] = []
    var tableCount = 0
    var chartCount = 0

    init(source: SourceText, budget: WorkBudget? = nil) {
        self.source = source
        self.bytes = source.bytes
        self.budget = budget
        // One scalar per UTF-8 lead byte at most: reserved once, exactly, since a large
        // document's text is most of its memory.
        var leads = 0
        source.bytes.withUnsafeBufferPointer { b in for x in b where x & 0xC0 != 0x80 { leads += 1 } }
        let capacity = leads + leads / 64 + 256
        // The source, its line index and the clean text's scalars and offsets.
        budget?.charge(.memory, source.bytes.count + source.lineStarts.count * 8 + capacity * 8)
        self.arena = TextArena(source: source.bytes, capacity: budget?.isExhausted == true ? 1 : capacity)
    }

    /// Reads text in the Word-export form (a text file, a paste). With a `budget`, reading
    /// stops once it is exhausted (the caller throws its failure).
    public static func read(_ source: SourceText, budget: WorkBudget? = nil) -> Document {
        var reader = TextReader(source: source, budget: budget)
        reader.parse(lines: 0..<source.lineCount)
        return reader.finish(origin: .text)
    }

    /// Reads text that a structured reader wrote (`StructuredTextWriter`), part by part as the
    /// reader knew it: a paragraph's lines with its heading level, a table's cells as drawn,
    /// chart data. Nothing is re-guessed that the reader knew; only a paragraph's own lines
    /// are classified (a line of TAB-separated fields is chart data, as in Word's export).
    static func read(_ source: SourceText, parts: [StructuredPart], origin: Document.Origin, budget: WorkBudget? = nil) -> Document {
        var reader = TextReader(source: source, budget: budget)
        var k = 0
        while k < parts.count && budget?.isExhausted != true {
            switch parts[k] {
            case .paragraph(let first, _):
                // Consecutive paragraphs are read as one run, as Word's export reads: chart
                // data written as paragraphs is one chart, not one per line.
                var levels: [Int: Int] = [:]
                var end = first.upperBound
                while k < parts.count, case .paragraph(let lines, let level) = parts[k] {
                    if let level { for line in lines { levels[line] = level } }
                    end = lines.upperBound
                    k += 1
                }
                reader.parse(lines: first.lowerBound..<end) { levels[$0] }
                continue
            case .table(let rows): reader.tables(rows)
            case .chart(let lines): _ = reader.parseChart(from: lines.lowerBound, until: lines.upperBound)
            }
            k += 1
        }
        return reader.finish(origin: origin)
    }

    mutating func finish(origin: Document.Origin) -> Document {
        let (blocks, sections) = SectionBuilder.build(blocks)
        return Document(source: source, blocks: blocks, sections: sections, origin: origin)
    }

    // MARK: line classification

    enum LineKind: Equatable {
        case blank // empty
        case spacesOnly // only spaces (U+3000 included)
        case cell // first non-space byte is a TAB
        case sheetRow // a cell line holding TAB-separated spreadsheet fields ("\t\t")
        case chartData // no leading TAB, ≥ 2 TAB-separated fields, one of them numeric
        case chartLabel // no leading TAB, one field followed by a TAB
        case text
    }

    func content(_ i: Int) -> Range<Int> { source.lineStarts[i]..<source.lineEnd(i) }

    func kind(_ i: Int) -> LineKind {
        let r = content(i)
        if r.isEmpty { return .blank }
        var j = r.lowerBound
        var sawNonSpace = false
        while j < r.upperBound {
            let b = bytes[j]
            if b == 0x20 {
                j += 1
                continue
            }
            if b == 0xE3 && j + 2 < r.upperBound && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x80 {
                j += 3
                continue
            } // U+3000
            sawNonSpace = true
            break
        }
        if !sawNonSpace { return .spacesOnly }
        if bytes[j] == 0x09 {
            if j + 1 < r.upperBound && bytes[j + 1] == 0x09 { return .sheetRow }
            return .cell
        }
        // A TAB inside the line: chart data, a chart label, or a stray trailing TAB.
        var tabs = 0
        var fields = 0
        var numericFields = 0
        var fieldStart = j
        var k = j
        while k <= r.upperBound {
            if k == r.upperBound || bytes[k] == 0x09 {
                if k < r.upperBound { tabs += 1 }
                if k > fieldStart {
                    fields += 1
                    if isNumericField(fieldStart..<k) { numericFields += 1 }
                }
                fieldStart = k + 1
            }
            k += 1
        }
        if tabs == 0 { return .text }
        if fields >= 2 && numericFields >= 1 { return .chartData }
        if fields == 1 { return .chartLabel }
        return .text
    }

    /// A field that is a number, possibly with a percent sign ("1378.33", "90.09", "100%").
    func isNumericField(_ r: Range<Int>) -> Bool {
        var digits = 0
        for k in r {
            let b = bytes[k]
            if b >= 0x30 && b <= 0x39 {
                digits += 1
                continue
            }
            if b == 0x2E || b == 0x25 || b == 0x2D || b == 0x20 || b == 0x2C { continue }
            return false
        }
        return digits > 0
    }

    /// Whether line `i` begins chart data: a data line, or a label line followed (across
    /// blank lines) by more labels and then chart data.
    ///
    /// Every label of a run has the same answer, so a run is walked once (iteratively: a
    /// run may be a hundred thousand lines) and remembered for the labels after the first.
    func startsChart(_ i: Int) -> Bool {
        switch kind(i) {
        case .chartData: return true
        case .chartLabel:
            if labelRun.lines.contains(i) { return labelRun.startsChart }
            var j = i
            var answer = false
            while true {
                var next = j + 1
                while next < source.lineCount && kind(next) == .blank { next += 1 }
                guard next < source.lineCount else { break }
                let k = kind(next)
                if k == .chartData { answer = true }
                if k != .chartLabel { break }
                j = next
            }
            labelRun.lines = i..<(j + 1)
            labelRun.startsChart = answer
            return answer
        default: return false
        }
    }

    // MARK: parsing

    /// Reads the lines of `range`; `headingLevel` gives the level a structured reader gave a line.
    mutating func parse(lines range: Range<Int>, headingLevel: (Int) -> Int? = { _ in nil }) {
        var i = range.lowerBound
        let n = range.upperBound
        while i < n && budget?.isExhausted != true {
            switch kind(i) {
            case .blank, .spacesOnly:
                i += 1
            case .cell:
                i = parseTables(from: i)
            case .sheetRow, .chartData, .chartLabel:
                if kind(i) == .chartLabel && !startsChart(i) {
                    appendText(line: i, headingLevel: headingLevel(i))
                    i += 1
                } else {
                    i = parseChart(from: i, until: n)
                }
            case .text:
                appendText(line: i, headingLevel: headingLevel(i))
                i += 1
            }
        }
    }

    // MARK: tables

    struct CellDraft {
        /// The cell's first line; most cells have only this one, so it costs no array.
        var first: Range<Int>
        var more: [Range<Int>] = []
        var start: Int // offset of the cell's TAB
        var end: Int
        /// Grid columns covered, when a structured reader knows (the text form cannot say).
        var columnSpan = 1
    }

    struct RowDraft {
        var cells: [CellDraft] = []
        var endedByBlank = true
    }

    /// Reads one run of cell lines, which may hold several tables, and returns the next line index.
    ///
    /// - a TAB line starts a cell; a following line without a TAB continues it;
    /// - a blank line followed by a TAB line separates rows;
    /// - a single blank line followed by text continues the cell (cells hold empty paragraphs);
    /// - two blank lines, or chart data, end the table;
    /// - a cell line indented before its TAB starts a new table (Word puts a paragraph between tables).
    mutating func parseTables(from first: Int) -> Int {
        // Rows are made as soon as they end: a table of many thousand rows keeps no drafts.
        var rows: [Row] = []
        var row = RowDraft()
        var i = first
        let n = source.lineCount

        func startCell(_ line: Int) -> CellDraft {
            let r = content(line)
            var j = r.lowerBound
            while j < r.upperBound && bytes[j] != 0x09 { j += 1 }
            return CellDraft(first: (j + 1)..<r.upperBound, start: j, end: r.upperBound)
        }

        func indented(_ line: Int) -> Bool {
            let r = content(line)
            return !r.isEmpty && bytes[r.lowerBound] != 0x09
        }

        while i < n {
            let k = kind(i)
            if k == .cell {
                if i != first && indented(i) && !row.cells.isEmpty {
                    // A new table touching the previous one.
                    rows.append(makeRow(row))
                    row = RowDraft()
                    flushTables(&rows, repairRows: true)
                }
                if let budget {
                    // The draft and the cell it becomes.
                    guard budget.charge(.cells, 1),
                        budget.charge(.memory, MemoryLayout<CellDraft>.stride + MemoryLayout<Cell>.stride)
                    else { break }
                }
                row.cells.append(startCell(i))
                i += 1
                continue
            }
            if k == .blank {
                var j = i
                while j < n && kind(j) == .blank { j += 1 }
                let blanks = j - i
                if j < n && kind(j) == .cell {
                    if !row.cells.isEmpty { rows.append(makeRow(row)) }
                    row = RowDraft()
                    i = j
                    continue
                }
                if blanks >= 2 || j >= n || startsChart(j) || kind(j) == .sheetRow {
                    break
                }
                // One blank line, then text that runs into the next cell: the cell holds an
                // empty paragraph ("产出指标", "", "(50分)"). Text followed by more text is prose.
                var k = j
                while k < n && (kind(k) == .text || kind(k) == .spacesOnly) { k += 1 }
                guard k < n && kind(k) == .cell else { break }
                if var cell = row.cells.popLast() {
                    cell.more.append(content(i))
                    for line in j..<k { cell.more.append(content(line)) }
                    cell.end = content(k - 1).upperBound
                    row.cells.append(cell)
                }
                i = k
                continue
            }
            if k == .chartData || k == .sheetRow || (k == .chartLabel && startsChart(i)) {
                break
            }
            // Continuation of the current cell.
            if var cell = row.cells.popLast() {
                cell.more.append(content(i))
                cell.end = content(i).upperBound
                row.cells.append(cell)
            }
            i += 1
        }
        if !row.cells.isEmpty { rows.append(makeRow(row)) }
        flushTables(&rows, repairRows: true)
        return i
    }

    /// A table a structured reader drew: its rows and cells are known, so none is repaired.
    mutating func tables(_ drafts: [RowDraft]) {
        var rows: [Row] = []
        for draft in drafts where !draft.cells.isEmpty {
            if let budget {
                guard budget.charge(.cells, draft.cells.count), budget.charge(.memory, draft.cells.count * MemoryLayout<Cell>.stride) else {
                    break
                }
            }
            rows.append(makeRow(draft))
        }
        flushTables(&rows, repairRows: false)
    }

    /// Repairs split rows (an artefact of Word's text export, absent when the structure was
    /// read), splits the run at title rows, and emits tables.
    mutating func flushTables(_ made: inout [Row], repairRows: Bool) {
        var rows = made
        made.removeAll()
        guard !rows.isEmpty else { return }
        if repairRows { rows = RowRepair.mergeSplitRows(rows) }
        for group in RowRepair.splitAtTitles(rows) {
            tableCount += 1
            let span = group.first!.span.union(group.last!.span)
            blocks.append(.table(Table(rows: group, span: span, section: nil, number: tableCount)))
        }
    }

    func makeRow(_ draft: RowDraft) -> Row {
        var cells: [Cell] = []
        cells.reserveCapacity(draft.cells.count)
        var builder = CleanTextBuilder(bytes: bytes, arena: arena)
        for c in draft.cells {
            SpacedText.append(&builder, bytes, c.first, .typed)
            for line in c.more {
                builder.appendNewline(at: line.lowerBound > 0 ? line.lowerBound - 1 : 0)
                SpacedText.append(&builder, bytes, line, .typed)
            }
            let text = builder.finish().trimmed()
            cells.append(Cell(text: text, span: Span(c.start, c.end), columnSpan: c.columnSpan))
        }
        let span = Span(draft.cells.first!.start, draft.cells.last!.end)
        return Row(cells: cells, span: span)
    }

    // MARK: charts

    /// Reads chart data: data lines, label lines, spreadsheet rows and the short
    /// plain labels between them, until prose resumes.
    mutating func parseChart(from first: Int, until n: Int) -> Int {
        var lines: [ChartLine] = []
        var i = first
        while i < n {
            let k = kind(i)
            if k == .blank || k == .spacesOnly {
                i += 1
                continue
            }
            if k == .chartData || k == .chartLabel || k == .sheetRow || (k == .text && isChartCaption(i)) {
                let fields = splitFields(i)
                if !fields.isEmpty {
                    let r = content(i)
                    lines.append(ChartLine(fields: fields, span: Span(r.lowerBound, r.upperBound)))
                }
                i += 1
                continue
            }
            break
        }
        if !lines.isEmpty {
            chartCount += 1
            let span = lines.first!.span.union(lines.last!.span)
            blocks.append(.chart(Chart(lines: lines, span: span, section: nil, number: chartCount)))
        }
        return i
    }

    /// Short plain text inside chart data is a series or sheet name ("占比（%）", "Sheet1").
    func isChartCaption(_ i: Int) -> Bool {
        // A look only: built aside, so the document's storage holds each line once.
        var builder = CleanTextBuilder(bytes: bytes, arena: TextArena(source: bytes, capacity: content(i).count))
        builder.append(content(i).lowerBound, content(i).upperBound)
        let text = builder.finish().trimmed()
        guard text.count > 0 && text.count <= 24 else { return false }
        for s in text.scalars where s == 0x3002 || s == 0xFF0C || s == 0xFF1B { return false }
        return true
    }

    func splitFields(_ i: Int) -> [CleanText] {
        let r = content(i)
        var fields: [CleanText] = []
        var start = r.lowerBound
        var k = r.lowerBound
        while k <= r.upperBound {
            if k == r.upperBound || bytes[k] == 0x09 {
                if k > start {
                    let t = clean(start..<k)
                    if !t.isEmpty { fields.append(t) }
                }
                start = k + 1
            }
            k += 1
        }
        return fields
    }

    // MARK: text lines

    /// A line or field of typed text; a figure spaced from its CJK ("2024 年度") reads joined.
    func clean(_ r: Range<Int>) -> CleanText {
        var builder = CleanTextBuilder(bytes: bytes, arena: arena)
        SpacedText.append(&builder, bytes, r, .typed)
        return builder.finish().trimmed()
    }

    mutating func appendText(line i: Int, headingLevel: Int?) {
        let text = clean(content(i))
        if text.isEmpty || HeadingParser.isPageFooter(text) { return }
        let parsed = HeadingParser.blocks(for: text)
        if let level = headingLevel, parsed.count == 1, case .paragraph(let p) = parsed[0], p.listMarker == nil,
            HeadingParser.isTitle(text, limit: 40)
        {
            // Unnumbered, but styled as a heading in the .docx: a heading one below the numbered parts.
            blocks.append(.heading(Heading(level: min(level + 1, 6), numbering: nil, title: text, span: text.fullSpan, section: nil)))
            return
        }
        blocks.append(contentsOf: parsed)
    }
}

/// A run of chart label lines and whether chart data follows it (`TextReader.startsChart`).
final class LabelRun {
    var lines = 0..<0
    var startsChart = false
}

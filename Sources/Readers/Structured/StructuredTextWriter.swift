import Model

/// A part of a document as a reader that knows its structure saw it.
enum StructuredPart {
    /// The lines of one paragraph, and its heading level when its style makes it a heading.
    case paragraph(lines: Range<Int>, headingLevel: Int?)
    /// One table, its rows and cells as drawn.
    case table(rows: [TextReader.RowDraft])
    /// The lines of one chart's cached data.
    case chart(lines: Range<Int>)
}

/// Writes a document whose structure its reader knows (Word and PDF today; workbooks
/// alike) in the Word-export text form, and keeps each part's place in it, so that the
/// document is built from the parts as read, not by guessing them back from the text.
/// The text is what spans point into and what `reportlint dump --text` shows.
///
/// The form: a paragraph is a line per line break; a table row is its cells, each on a line
/// starting with a TAB (an empty cell is a lone TAB), a cell's further lines below it, rows
/// separated by a blank line and the table closed by two; chart data is a name line and a
/// line of TAB-separated categories and values.
struct StructuredTextWriter {
    private(set) var out: [UInt8] = []
    private(set) var map = RenderMap()
    private var parts: [StructuredPart] = []
    private var line = 0
    /// Rows of the table being written.
    private var rows: [TextReader.RowDraft]?

    var isEmpty: Bool { !out.contains { $0 != 0x0A && $0 != 0x20 } }

    /// A paragraph of one or more lines (no line may be empty or start with a TAB).
    mutating func paragraph(_ lines: [[UInt8]], headingLevel: Int?, location: LogicalLocation) {
        paragraph(lines, headingLevel: headingLevel, locations: [(0, location)])
    }

    /// A paragraph whose parts lie in different places (a PDF paragraph running onto the next
    /// page): each location from its byte offset in the written lines (joined by line feeds).
    mutating func paragraph(_ lines: [[UInt8]], headingLevel: Int?, locations: [(Int, LogicalLocation)]) {
        guard !lines.isEmpty, !locations.isEmpty else { return }
        closeTable()
        let start = out.count
        let first = line
        for l in lines { emit(l) }
        parts.append(.paragraph(lines: first..<line, headingLevel: headingLevel))
        for (k, (offset, location)) in locations.enumerated() {
            let from = k == 0 ? start : min(out.count, start + max(0, offset))
            let to = k + 1 < locations.count ? min(out.count, start + max(0, locations[k + 1].0)) : out.count
            if to > from { map.add(from, to, location) }
        }
    }

    /// Starts a table; `touching` when nothing separates it from the previous one (Word's
    /// export then indents its first cell, which the text reader takes for a new table).
    mutating func beginTable(touching: Bool) {
        if !touching { closeTable() } else { flushRows() }
        rows = []
    }

    mutating func beginRow() {
        if let r = rows, !r.isEmpty { newline() }
        rows?.append(TextReader.RowDraft())
    }

    /// One cell of the current row: its lines (none for an empty or merged-away cell), and the
    /// grid columns it covers when the reader knows (a horizontal merge).
    mutating func cell(_ lines: [[UInt8]], location: LogicalLocation, indentFirst: Bool = false, columnSpan: Int = 1) {
        let start = out.count
        if indentFirst { out.append(0x20) }
        let tab = out.count
        out.append(0x09)
        let firstStart = out.count
        out.append(contentsOf: lines.first ?? [])
        let firstRange = firstStart..<out.count
        newline()
        var draft = TextReader.CellDraft(first: firstRange, start: tab, end: firstRange.upperBound, columnSpan: columnSpan)
        for l in lines.dropFirst() {
            let s = out.count
            emit(l)
            draft.more.append(s..<(s + l.count))
            draft.end = s + l.count
        }
        if rows == nil { rows = [] }
        if rows?.isEmpty ?? true { rows?.append(TextReader.RowDraft()) }
        if let last = rows?.indices.last { rows?[last].cells.append(draft) }
        map.add(start, out.count, location)
    }

    /// Ends a table: its parts are known now, its closing blank lines come with what follows.
    mutating func endTable() { flushRows() }

    /// Chart data: a name line (TAB-terminated) and data lines of TAB-separated fields.
    mutating func chart(_ lines: [[UInt8]], location: LogicalLocation) {
        closeTable()
        let start = out.count
        let first = line
        for l in lines { emit(l) }
        parts.append(.chart(lines: first..<line))
        map.add(start, out.count, location)
        newline()
        newline()
    }

    /// The document, read part by part (within `budget`, when given).
    mutating func finish(path: String, encoding: String, origin: Document.Origin, budget: WorkBudget? = nil) -> Document {
        closeTable()
        let source = SourceText(path: path, bytes: out, encoding: encoding)
        var document = TextReader.read(source, parts: parts, origin: origin, budget: budget)
        document.renderMap = map
        return document
    }

    // MARK: private

    private var tableOpen = false

    private mutating func flushRows() {
        guard let r = rows else { return }
        rows = nil
        parts.append(.table(rows: r))
        tableOpen = true
    }

    private mutating func closeTable() {
        flushRows()
        guard tableOpen else { return }
        newline()
        newline()
        tableOpen = false
    }

    private mutating func emit(_ bytes: [UInt8]) {
        out.append(contentsOf: bytes)
        newline()
    }

    private mutating func newline() {
        out.append(0x0A)
        line += 1
    }
}

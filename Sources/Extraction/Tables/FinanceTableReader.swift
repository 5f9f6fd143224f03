import Model

/// What the reader found: the finance tables, and the places that name one without being it
/// (a table of contents, a heading, a note that a table is empty on purpose).
public struct FinanceTables: Sendable {
    public var tables: [FinanceTable] = []
    /// Headings and short paragraphs naming a table kind that are not the title of a table
    /// that follows them (a table of contents lists them so).
    public var listings: [TableListing] = []
    /// Paragraphs saying a kind of table has no data ("本部门无政府性基金…，故本表无数据").
    public var noDataNotes: [TableListing] = []

    public init() {}

    public func first(_ kind: FinanceTableKind) -> FinanceTable? { tables.first { $0.kind == kind } }
}

/// A place in the text that names a table kind.
public struct TableListing: Sendable {
    public var kind: FinanceTableKind
    public var text: String
    public var span: Span
}

/// Recognises finance tables by their titles (`TableVocabulary.titles`: the table's own title
/// row, else the heading or paragraph just before it) and reads them by header words: the
/// header rows above the first amount row are laid on the grid, each column's words from top
/// to bottom name its role and basis; label columns give each row its code and name, the rest
/// its amounts in the table's unit ("单位：万元"). A table split across pages (the next table
/// has no title of its own and the same width) is joined, a repeated header dropped.
enum FinanceTableReader {
    static func read(_ document: Document, units: [TextUnit]) -> FinanceTables {
        var out = FinanceTables()
        let tables = document.tables
        guard !tables.isEmpty || document.blocks.count < 20_000 else { return out }
        let cellUnits = CellUnits(tables: tables, units: units)
        // Text before each table (back to the previous table), and which blocks served as titles.
        var before: [[(text: CleanText, span: Span, block: Int)]] = []
        var pending: [(CleanText, Span, Int)] = []
        var titleBlocks = Set<Int>()
        var afterTable: [Int: [(CleanText, Span)]] = [:]
        var tableIndex = -1
        for (bi, block) in document.blocks.enumerated() {
            switch block {
            case .table:
                before.append(pending)
                pending = []
                tableIndex += 1
            case .heading(let h):
                pending.append((h.title, h.span, bi))
                if tableIndex >= 0, afterTable[tableIndex, default: []].count < 3 {
                    afterTable[tableIndex, default: []].append((h.title, h.span))
                }
            case .paragraph(let p):
                pending.append((p.text, p.span, bi))
                if tableIndex >= 0, afterTable[tableIndex, default: []].count < 3 {
                    afterTable[tableIndex, default: []].append((p.text, p.span))
                }
            case .chart:
                break
            }
        }
        var ti = 0
        while ti < tables.count {
            let table = tables[ti]
            let captions = Caption.read(table: table, before: before[ti])
            guard let kind = captions.kind else {
                ti += 1
                continue
            }
            if let b = captions.titleBlock { titleBlocks.insert(b) }
            // Continuations: untitled tables right after it, as wide.
            var rows = table.rows.enumerated().map { SourceRow(table: ti, index: $0, row: $1) }
            var joined: [Int] = []
            var next = ti + 1
            while next < tables.count, Caption.read(table: tables[next], before: before[next]).kind == nil,
                !before[next].contains(where: { Caption.isTitleLike($0.text) }),
                width(tables[next]) == width(table)
            {
                let dropped = Self.repeatedHeader(tables[next].rows, header: table.rows)
                rows += tables[next].rows.enumerated().dropFirst(dropped).map { SourceRow(table: next, index: $0, row: $1) }
                joined.append(next)
                next += 1
            }
            var notes: [(CleanText, Span)] = afterTable[joined.last ?? ti] ?? []
            notes += rows.flatMap { $0.row.cells.map { ($0.text, $0.span) } }
            let noData = notes.first { note in
                let f = TableVocabulary.fold(note.0.scalars)
                return TableVocabulary.foldedNoData.contains { TableVocabulary.contains(f, $0) }
            }?.1
            var reader = TableReading(
                kind: kind, rows: rows, tableIndex: ti, joined: joined, document: document,
                units: units, cellUnits: cellUnits, captions: captions)
            var finance = reader.read()
            finance.noDataNote = noData
            out.tables.append(finance)
            ti = next
        }
        // Places naming a table that are not its title: the table of contents, notes.
        for (bi, block) in document.blocks.enumerated() where !titleBlocks.contains(bi) {
            let text: CleanText
            let span: Span
            switch block {
            case .heading(let h):
                text = h.title
                span = h.span
            case .paragraph(let p):
                text = p.text
                span = p.span
            default: continue
            }
            guard text.count <= 160, let kind = Caption.kind(of: text) else { continue }
            let listing = TableListing(kind: kind, text: text.string, span: span)
            let folded = TableVocabulary.fold(text.scalars)
            if TableVocabulary.foldedNoData.contains(where: { TableVocabulary.contains(folded, $0) }) {
                out.noDataNotes.append(listing)
            } else if text.count <= 48 {
                out.listings.append(listing)
            }
        }
        return out
    }

    static func width(_ t: Table) -> Int { t.rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0 }

    /// How many leading rows of a continuation repeat the first part's header (equal rows,
    /// holding no amount).
    static func repeatedHeader(_ rows: [Row], header: [Row]) -> Int {
        var k = 0
        while k < rows.count, k < header.count, rows[k].cells.map(\.text) == header[k].cells.map(\.text),
            !rows[k].cells.contains(where: { TableGrid.isAmount($0.text) })
        {
            k += 1
        }
        return k
    }
}

/// The caption of a table: title, unit and form number, from its own leading rows or the
/// text just before it.
struct Caption {
    var kind: FinanceTableKind?
    var title: String = ""
    var titleSpan: Span?
    var titleBlock: Int?
    var unitPower: Int?
    /// Leading rows of the table that are caption, not header.
    var rows = 0

    static func read(table: Table, before: [(text: CleanText, span: Span, block: Int)]) -> Caption {
        var c = Caption()
        // The table's own leading rows: a lone title cell, the unit line, the form number.
        var r = 0
        while r < table.rows.count && r < 4 {
            let cells = table.rows[r].cells.filter { !$0.isEmpty }
            guard !cells.isEmpty, cells.allSatisfy({ isCaptionText($0.text) }) else { break }
            for cell in cells {
                if c.kind == nil, let k = kind(of: cell.text) {
                    c.kind = k
                    c.title = cell.text.string
                    c.titleSpan = cell.text.fullSpan
                }
                if c.unitPower == nil { c.unitPower = unit(in: cell.text) }
            }
            r += 1
        }
        c.rows = r
        // The text before it, nearest first, while it is caption-like.
        for entry in before.reversed().prefix(4) {
            if c.unitPower == nil { c.unitPower = unit(in: entry.text) }
            // A title run onto the paragraph before it (text extracted from a PDF): its last sentence.
            var text = entry.text
            if text.count > 60, let stop = (0..<text.count).last(where: { text[$0] == 0x3002 }), text.count - stop - 1 <= 160 {
                text = text.slice((stop + 1)..<text.count)
            }
            if c.kind == nil, let k = kind(of: text), text.count <= 160 {
                c.kind = k
                c.title = text.string
                c.titleSpan = text.count == entry.text.count ? entry.span : text.fullSpan
                c.titleBlock = entry.block
            }
            if c.kind != nil { break }
        }
        // A unit stated in a header cell ("金额（万元）").
        if c.unitPower == nil {
            for row in table.rows.prefix(6) {
                for cell in row.cells where cell.text.count <= 16 {
                    if let p = unit(in: cell.text, bracketed: true) {
                        c.unitPower = p
                        break
                    }
                }
                if c.unitPower != nil { break }
            }
        }
        return c
    }

    /// The kind a title names; nil for other tables that share words ("…明细表").
    static func kind(of text: CleanText) -> FinanceTableKind? {
        guard text.count >= 4, text.count <= 160 else { return nil }
        if let key = TableVocabulary.titleKey, !text.scalars.contains(key) { return nil }
        let folded = TableVocabulary.fold(text.scalars)
        guard let kind = TableVocabulary.longest(in: folded, TableVocabulary.foldedTitles) else { return nil }
        if TableVocabulary.foldedNotTitles.contains(where: { TableVocabulary.contains(folded, $0) }) { return nil }
        return kind
    }

    /// A table title of any kind, even one reportlint does not read ("…项目支出决算表").
    static func isTitleLike(_ text: CleanText) -> Bool {
        guard text.count >= 4, text.count <= 48 else { return false }
        for s in text.scalars where s == 0x3002 || s == 0xFF0C { return false }
        let tail = max(0, text.count - 10)
        return (tail..<text.count).contains { text[$0] == 0x8868 } // 表
    }

    static let formWord = Chars.of("公开")
    static let compiler = Chars.of("编制")

    static func isCaptionText(_ t: CleanText) -> Bool {
        if kind(of: t) != nil || unit(in: t) != nil { return true }
        if t.matches(formWord, at: 0) && t.count <= 8 { return true }
        if t.matches(compiler, at: 0) { return true }
        return isTitleLike(t)
    }

    /// "单位：万元" (or "（万元）" in a header cell, when `bracketed`) → 4.
    static func unit(in t: CleanText, bracketed: Bool = false) -> Int? {
        if let key = TableVocabulary.unitKey, !t.scalars.contains(key) { return nil }
        let folded = TableVocabulary.fold(t.scalars)
        for marker in TableVocabulary.foldedUnitMarkers {
            guard let at = folded.withUnsafeBufferPointer({ f in marker.withUnsafeBufferPointer { Search.first($0, in: f) } }) else {
                continue
            }
            let rest = Array(folded[(at + marker.count)...].prefix(4))
            for (word, power) in TableVocabulary.foldedUnits where rest.starts(with: word) { return power }
        }
        if bracketed {
            for (word, power) in TableVocabulary.foldedUnits {
                let w = [0x28] + word + [0x29]
                if TableVocabulary.contains(folded, w) { return power }
            }
        }
        return nil
    }
}

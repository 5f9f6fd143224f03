import Model

/// Reads text extracted from a PDF (pdftotext with or without `-layout`, a copy from a
/// viewer, a program's dump) into the same document model as the Word-export text.
///
/// Such text is laid out, not structured: lines are cut at the page width, pages are
/// separated by form feeds and carry page numbers and running headers, digits and CJK are
/// spaced apart, and a table row is a line of fields separated by runs of spaces. The reader
/// skips the page furniture, joins hard-wrapped lines into paragraphs (also across page
/// breaks), keeps headings and numbered items as paragraphs of their own, rebuilds table rows
/// from aligned fields (`LayoutTable`), and leaves out the spaces the extractor added
/// (`SpacedText`). Every character of the result still points at its place in the file.
enum ExtractedTextReader {
    /// With a `budget`, the layout, the clean text and every table cell are charged, and reading
    /// stops once it is exhausted (the caller throws its failure).
    static func read(_ source: SourceText, budget: WorkBudget? = nil) -> Document {
        var reader = ExtractedTextBuilder(source: source, budget: budget)
        if budget?.isExhausted != true { reader.build() }
        return reader.finish()
    }
}

struct ExtractedTextBuilder {
    let source: SourceText
    let bytes: [UInt8]
    let lines: [LaidLine]
    let arena: TextArena
    let wrap: WrapModel
    /// Content lines in order: neither blank nor page furniture.
    let order: [Int]
    /// Per page: the left margin of its prose (where wrapped lines start).
    let margins: [Int: Int]
    /// Whether blank lines stand between the lines of one paragraph (double line spacing).
    let blankLinesSpaceLines: Bool
    var blocks: [Block] = []
    var tableCount = 0
    let budget: WorkBudget?

    init(source: SourceText, budget: WorkBudget? = nil) {
        self.source = source
        self.bytes = source.bytes
        self.budget = budget
        var leads = 0
        source.bytes.withUnsafeBufferPointer { b in for x in b where x & 0xC0 != 0x80 { leads += 1 } }
        let capacity = leads + leads / 64 + 256
        // The source, its line index, the clean text's scalars and offsets, and a layout per line.
        budget?.charge(.memory, source.bytes.count + source.lineStarts.count * (8 + MemoryLayout<LaidLine>.stride) + capacity * 8)
        let lines = budget?.isExhausted == true ? [] : LaidLines.read(source)
        self.lines = lines
        budget?.charge(.memory, lines.reduce(0) { $0 + $1.fields.count } * MemoryLayout<LaidField>.stride)
        self.arena = TextArena(source: source.bytes, capacity: budget?.isExhausted == true ? 1 : capacity)
        let furniture = PageFurniture.find(lines, source: source)
        self.order = lines.indices.filter { !lines[$0].isBlank && !furniture.contains($0) }
        let wrap = WrapModel.estimate(order.map { lines[$0] })
        self.wrap = wrap
        var margins: [Int: Int] = [:]
        var all = Int.max
        for i in order where WrapModel.isProseCandidate(lines[i]) && wrap.isNearlyFull(lines[i]) {
            margins[lines[i].page] = min(margins[lines[i].page] ?? Int.max, lines[i].indent)
            all = min(all, lines[i].indent)
        }
        if all == Int.max { all = 0 }
        for i in order where margins[lines[i].page] == nil { margins[lines[i].page] = all }
        self.margins = margins
        // Double spacing: most wrapped lines have a blank line after them.
        var spaced = 0
        var tight = 0
        for k in 0..<max(0, order.count - 1) {
            let a = lines[order[k]]
            let b = lines[order[k + 1]]
            guard a.page == b.page, WrapModel.isProseCandidate(a), WrapModel.isProseCandidate(b),
                wrap.isFull(a, firstWord: 0), !ExtractedTextBuilder.endsClause(a, source.bytes)
            else { continue }
            if b.line - a.line > 1 { spaced += 1 } else { tight += 1 }
        }
        self.blankLinesSpaceLines = spaced > tight
    }

    // MARK: building

    mutating func build() {
        var charts: TextReader?
        // Lines the Word-export reader would take for chart data (a TAB inside a table row or a
        // heading is not).
        let chartLike = order.map { lines[$0].hasTab && startsChart($0, &charts) }
        let regions = TableRegions.find(lines: lines, order: order, bytes: bytes, chartLike: chartLike, close: { self.close($0, $1) })
        var k = 0
        var paragraph: [Int] = []
        var nextRegion = 0
        while k < order.count && budget?.isExhausted != true {
            if chartLike[k] && !(nextRegion < regions.count && regions[nextRegion].contains(k)) {
                // Chart data a document exported with its text (TAB-separated names and values):
                // read as the Word-export reader reads it.
                flushParagraph(&paragraph)
                let next = charts!.parseChart(from: lines[order[k]].line, until: source.lineCount)
                blocks.append(contentsOf: charts!.blocks)
                charts!.blocks.removeAll()
                let resume = max(next, lines[order[k]].line + 1)
                while k < order.count && lines[order[k]].line < resume { k += 1 }
                while nextRegion < regions.count && regions[nextRegion].upperBound <= k { nextRegion += 1 }
                continue
            }
            if nextRegion < regions.count && regions[nextRegion].lowerBound == k {
                flushParagraph(&paragraph)
                table(regions[nextRegion].map { order[$0] })
                k = regions[nextRegion].upperBound
                nextRegion += 1
                continue
            }
            let i = order[k]
            if let last = paragraph.last, !continues(last, i) { flushParagraph(&paragraph) }
            paragraph.append(i)
            k += 1
        }
        flushParagraph(&paragraph)
    }

    /// Whether line `i` opens chart data (as the Word-export reader decides: a heading that
    /// ends in a stray TAB does not).
    func startsChart(_ i: Int, _ charts: inout TextReader?) -> Bool {
        if charts == nil { charts = TextReader(source: source) }
        return charts!.startsChart(lines[i].line) || charts!.kind(lines[i].line) == .sheetRow
    }

    mutating func finish() -> Document {
        let (blocks, sections) = SectionBuilder.build(blocks)
        return Document(source: source, blocks: blocks, sections: sections, origin: .pdfText)
    }

    /// Lines `a` and `b` (indices into `lines`) are close enough to belong to one table:
    /// at most two blank lines apart on one page, or either side of a page break.
    func close(_ a: Int, _ b: Int) -> Bool {
        if lines[a].page != lines[b].page { return lines[b].page - lines[a].page == 1 }
        // Rows of figures stay one table across a wider gap (a total row set apart).
        if lines[a].fields.count >= 2 && lines[b].fields.count >= 2 && lines[a].hasValue && lines[b].hasValue { return b - a <= 6 }
        // Rows of fields stay one table across the blank lines of rows with no text at all.
        if lines[a].fields.count >= 2 && lines[b].fields.count >= 2 { return b - a <= 12 }
        return b - a <= 3
    }

    /// No blank line and no page break between lines `a` and `b` (furniture aside).
    func adjacent(_ a: Int, _ b: Int) -> Bool {
        lines[a].page == lines[b].page && b - a == 1
    }

    // MARK: paragraphs

    /// Whether line `b` continues the paragraph whose last line is `a`.
    func continues(_ a: Int, _ b: Int) -> Bool {
        let la = lines[a]
        let lb = lines[b]
        if startsNumbered(lb) { return false }
        let sameRun = la.page == lb.page
        let blanks = sameRun ? b - a - 1 : 0
        let endsClause = ExtractedTextBuilder.endsClause(la, bytes)
        if wrap.isFull(la, firstWord: wrap.firstWord(bytes, lb)) {
            // An indented line after a finished sentence opens a paragraph.
            if endsClause && lb.indent > (margins[lb.page] ?? 0) { return false }
            if blanks > 0 && !blankLinesSpaceLines && endsClause { return false }
            return true
        }
        // Short of the margin: the paragraph ended, unless the next line cannot start one
        // (it opens with a comma or a unit, the rest of a wide line the extractor split).
        if blanks == 0 && !endsClause && wrap.isNearlyFull(la) && startsWithClosing(lb) { return true }
        return false
    }

    static func lastScalar(_ l: LaidLine, _ bytes: [UInt8]) -> UInt32 {
        guard !l.content.isEmpty else { return 0 }
        var i = l.content.upperBound - 1
        while i > l.content.lowerBound && bytes[i] & 0xC0 == 0x80 { i -= 1 }
        return Chars.fold(UTF8Scan.decode(bytes, at: i, limit: l.content.upperBound).0)
    }

    /// The line ends a sentence or a clause (。！？；：, possibly inside closing quotes).
    static func endsClause(_ l: LaidLine, _ bytes: [UInt8]) -> Bool {
        var i = l.content.upperBound
        var k = 0
        while i > l.content.lowerBound && k < 3 {
            i -= 1
            while i > l.content.lowerBound && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            let s = Chars.fold(UTF8Scan.decode(bytes, at: i, limit: l.content.upperBound).0)
            switch s {
            case 0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x21, 0x3F, 0x3B, 0x3A: return true
            case 0x201D, 0x2019, 0x29, 0x300B, 0x300D: k += 1
            default: return false
            }
        }
        return false
    }

    func startsWithClosing(_ l: LaidLine) -> Bool {
        guard !l.content.isEmpty else { return false }
        let s = Chars.fold(UTF8Scan.decode(bytes, at: l.content.lowerBound, limit: l.content.upperBound).0)
        return WrapModel.isClosing(s) && s != 0x2E
    }

    /// The line opens with a list or heading number ("一、", "（三）", "3.", "⑵", "第二部分").
    func startsNumbered(_ l: LaidLine) -> Bool {
        ListMarker.ordinal(bytes, l.content) != nil
    }

    mutating func flushParagraph(_ paragraph: inout [Int]) {
        defer { paragraph.removeAll(keepingCapacity: true) }
        guard !paragraph.isEmpty else { return }
        var builder = CleanTextBuilder(bytes: bytes, arena: arena)
        for i in paragraph { SpacedText.append(&builder, bytes, lines[i].content) }
        let text = builder.finish().trimmed()
        if text.isEmpty || HeadingParser.isPageFooter(text) { return }
        blocks.append(contentsOf: HeadingParser.blocks(for: text))
    }

    // MARK: tables

    mutating func table(_ region: [Int]) {
        let layout = LayoutTable(lines: lines, region: region, bytes: bytes, adjacent: { self.adjacent($0, $1) })
        var rows: [Row] = []
        var builder = CleanTextBuilder(bytes: bytes, arena: arena)
        for r in layout.rows {
            budget?.charge(.cells, r.cells.count)
            if budget?.isExhausted == true { return }
            var cells: [Cell] = []
            var rowStart = Int.max
            var rowEnd = 0
            for parts in r.cells where !parts.isEmpty {
                rowStart = min(rowStart, parts.map(\.lowerBound).min()!)
                rowEnd = max(rowEnd, parts.map(\.upperBound).max()!)
            }
            guard rowStart < rowEnd else { continue }
            var at = rowStart
            for parts in r.cells {
                guard !parts.isEmpty else {
                    cells.append(Cell(text: CleanText(), span: Span(at, at)))
                    continue
                }
                for p in parts { SpacedText.append(&builder, bytes, p) }
                let text = builder.finish().trimmed()
                let lo = parts.map(\.lowerBound).min()!
                let hi = parts.map(\.upperBound).max()!
                cells.append(Cell(text: text, span: Span(lo, hi)))
                at = hi
            }
            // Trailing empty cells carry nothing the column count does not already say.
            rows.append(Row(cells: cells, span: Span(rowStart, rowEnd)))
        }
        guard !rows.isEmpty else { return }
        for group in RowRepair.splitAtTitles(rows) {
            tableCount += 1
            let span = group.first!.span.union(group.last!.span)
            blocks.append(.table(Table(rows: group, span: span, section: nil, number: tableCount)))
        }
    }
}

/// Which content lines form tables: lines of several fields with a figure (or of three or
/// more fields), the lines of fields next to them, and the single-field lines between such
/// lines or hanging under them (a wrapped label, figures drawn off their row).
enum TableRegions {
    /// Ranges of positions in `order`.
    static func find(lines: [LaidLine], order: [Int], bytes: [UInt8], chartLike: [Bool], close: (Int, Int) -> Bool) -> [Range<Int>] {
        let n = order.count
        guard n > 0 else { return [] }
        var inTable = [Bool](repeating: false, count: n)
        for k in 0..<n {
            let l = lines[order[k]]
            if !chartLike[k] && (l.fields.count >= 3 || (l.fields.count == 2 && l.hasValue)) { inTable[k] = true }
        }
        // Across a page break only rows of fields continue a table (a title line starts another).
        func linked(_ a: Int, _ b: Int) -> Bool {
            let la = lines[order[a]]
            let lb = lines[order[b]]
            if la.page != lb.page && (la.fields.count < 2 || lb.fields.count < 2) { return false }
            return close(order[a], order[b])
        }
        func touching(_ a: Int, _ b: Int) -> Bool {
            lines[order[a]].page == lines[order[b]].page && order[b] - order[a] == 1
        }
        // A table's title stands above it, not in it.
        let titles = order.map { lines[$0].fields.count == 1 && isTitle(bytes, lines[$0].content) }
        var changed = true
        var rounds = 0
        while changed && rounds < 8 {
            changed = false
            rounds += 1
            for k in 0..<n where !inTable[k] && !titles[k] && !chartLike[k] {
                let l = lines[order[k]]
                let before = k > 0 && inTable[k - 1] && linked(k - 1, k)
                let after = k + 1 < n && inTable[k + 1] && linked(k, k + 1)
                var join = false
                if l.fields.count >= 2 {
                    // Header lines of fields above or between rows.
                    join = before || after || (k + 2 < n && inTable[k + 2] && linked(k, k + 1) && linked(k + 1, k + 2))
                } else if before && after {
                    join = true
                } else if before && touching(k - 1, k) {
                    // Hanging under a row: figures alone, or text indented into the table's columns.
                    let left = tableLeft(lines, order, k - 1, inTable)
                    join = !l.hasHan || (l.indent > left + 2 && !ExtractedTextBuilder.endsClause(l, bytes) && l.characters <= 24)
                } else if after && touching(k, k + 1) {
                    join = !l.hasHan
                }
                if join {
                    inTable[k] = true
                    changed = true
                }
            }
        }
        // A run of short single-field lines between two table lines: the rows of a column that
        // has labels but no figures (the right half of a 收入支出决算总表).
        var k = 0
        while k < n {
            guard inTable[k] else {
                k += 1
                continue
            }
            var e = k + 1
            // (A page break may fall inside the run: the table goes on over it.)
            func near(_ a: Int, _ b: Int) -> Bool { linked(a, b) || lines[order[b]].page - lines[order[a]].page == 1 }
            while e < n && !inTable[e] && !titles[e] && !chartLike[e] && e - k <= 40 && near(e - 1, e) {
                let l = lines[order[e]]
                guard l.fields.count == 1, l.characters <= 30, !ExtractedTextBuilder.endsClause(l, bytes) else { break }
                e += 1
            }
            if e > k + 1 && e < n && inTable[e] && near(e - 1, e) {
                for j in (k + 1)..<e { inTable[j] = true }
            }
            k = e
        }
        var out: [Range<Int>] = []
        k = 0
        while k < n {
            guard inTable[k] else {
                k += 1
                continue
            }
            var e = k + 1
            // Two table lines either side of a page break: one table going on (a title line,
            // never part of a table, would stand between two tables).
            while e < n && inTable[e] && (linked(e - 1, e) || lines[order[e]].page - lines[order[e - 1]].page == 1) { e += 1 }
            // A lone line of fields is a table only when it carries figures.
            if e - k >= 2 || lines[order[k]].fields.count >= 2 { out.append(k..<e) }
            k = e
        }
        return out
    }

    /// "…决算表", "…自评表（2024年度）": a line naming a table (a 表 near its end, no sentence punctuation).
    static func isTitle(_ bytes: [UInt8], _ r: Range<Int>) -> Bool {
        let s = PageFurniture.scalars(bytes, r).filter { $0 != 0x20 }
        guard s.count >= 4 && s.count <= 48 else { return false }
        if s.contains(where: { $0 == 0x3002 || $0 == 0xFF0C || $0 == 0xFF1B || $0 == 0xFF1A || $0 == 0x3001 }) { return false }
        // A 表 near the end that is a table, not a word that ends in 表 (发表, 代表, 仪表, 手表).
        let tail = Array(s.suffix(10))
        guard let k = tail.lastIndex(of: 0x8868) else { return false }
        return k == 0 || !notTables.contains(tail[k - 1])
    }

    static let notTables: Set<UInt32> = Set(Chars.of("发代仪手电钟外"))

    /// The leftmost field start of the table rows just above position `k`.
    static func tableLeft(_ lines: [LaidLine], _ order: [Int], _ k: Int, _ inTable: [Bool]) -> Int {
        var left = Int.max
        var j = k
        var seen = 0
        while j >= 0 && inTable[j] && seen < 6 {
            if let f = lines[order[j]].fields.first { left = min(left, f.start) }
            j -= 1
            seen += 1
        }
        return left == Int.max ? 0 : left
    }
}

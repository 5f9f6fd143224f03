/// Puts the pages together: running text left out, lines joined into paragraphs (across
/// wraps and page breaks), tables continued on the next page joined to their first part.
enum DocumentLayout {
    static func build(_ pages: [PageLayout]) -> PDFContent {
        let running = RunningText.find(pages)
        let metrics = BodyMetrics(pages, running: running)
        var builder = BlockBuilder(metrics: metrics)
        for (p, page) in pages.enumerated() {
            enum Item {
                case line(TextLine)
                case table(GridTable)
            }
            var items: [(Float, Item)] = []
            for (k, line) in page.lines.enumerated() where !running[p].contains(k) { items.append((line.baseline, .line(line))) }
            for table in page.tables { items.append((table.top, .table(table))) }
            // Top to bottom; a stable order for equal heights.
            let order = items.indices.sorted { items[$0].0 != items[$1].0 ? items[$0].0 > items[$1].0 : $0 < $1 }
            builder.startPage(p)
            for k in order {
                switch items[k].1 {
                case .line(let line): builder.add(line)
                case .table(let table): builder.add(table)
                }
            }
        }
        builder.finish()
        return PDFContent(pageCount: pages.count, blocks: builder.blocks)
    }
}

/// The body text's size, margins and line spacing, from which wraps and indents are told apart.
struct BodyMetrics {
    var bodySize: Float = 10.5
    /// Baseline distance of consecutive body lines, in ems.
    var spacing: Float = 1.5
    /// Per page: the left and right edges of its body text.
    var left: [Float] = []
    var right: [Float] = []

    /// The right margin: the edge most full lines end at (a line ending in punctuation may
    /// overhang it a little), near the rightmost edge.
    static func rightEdge(_ rights: [Float], em: Float) -> Float {
        guard let top = rights.max() else { return 0 }
        var counts: [Int: Int] = [:]
        // Int(exactly:): a coordinate a hostile file puts beyond Int (or at infinity) is no margin, not a trap.
        for r in rights where r >= top - 3 * em { if let key = Int(exactly: r.rounded()) { counts[key, default: 0] += 1 } }
        guard let mode = counts.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }), mode.value >= 2 else {
            return top
        }
        return Float(mode.key)
    }

    init(_ pages: [PageLayout], running: [Set<Int>]) {
        var sizes: [Int: Int] = [:]
        for (p, page) in pages.enumerated() {
            for (k, line) in page.lines.enumerated() where !running[p].contains(k) {
                // A font size beyond Int (a fuzzed Tf or matrix) is no body size, not a trap.
                guard let key = Int(exactly: (line.size * 2).rounded()) else { continue }
                sizes[key, default: 0] += line.text.count
            }
        }
        if let mode = sizes.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) { bodySize = Float(mode.key) / 2 }
        let size = bodySize
        func isBody(_ l: TextLine) -> Bool { abs(l.size - size) <= max(0.6, 0.08 * size) }
        var ratios: [Float] = []
        var pageLeft: [Float?] = []
        var pageRight: [Float?] = []
        // Margins of pages with enough body lines, by page width (portrait and landscape differ).
        var byWidth: [Int: ([Float], [Float])] = [:]
        for (p, page) in pages.enumerated() {
            let body = page.lines.enumerated().filter { !running[p].contains($0.offset) && isBody($0.element) }.map(\.element)
            for k in body.indices.dropFirst() {
                let gap = body[k - 1].baseline - body[k].baseline
                let ratio = gap / size
                if ratio >= 1.0 && ratio <= 2.6 { ratios.append(ratio) }
            }
            if body.count >= 4 {
                let l = body.map(\.left).min() ?? 0
                let r = Self.rightEdge(body.map(\.right), em: size)
                pageLeft.append(l)
                pageRight.append(r)
                byWidth[Int(page.box.width), default: ([], [])].0.append(l)
                byWidth[Int(page.box.width), default: ([], [])].1.append(r)
            } else {
                pageLeft.append(nil)
                pageRight.append(nil)
            }
        }
        if !ratios.isEmpty { spacing = ratios.sorted()[ratios.count / 2] }
        for (p, page) in pages.enumerated() {
            let typical = byWidth[Int(page.box.width)]
            let docLeft = typical.map { $0.0.sorted()[$0.0.count / 2] }
            let docRight = typical.map { $0.1.sorted()[$0.1.count / 2] }
            let all = page.lines
            let l = pageLeft[p] ?? docLeft ?? all.map(\.left).min() ?? Float(page.box.x0) + 72
            // Without evidence of where full lines end, margins are taken as symmetric.
            let r = pageRight[p] ?? docRight ?? max(all.map(\.right).max() ?? 0, Float(page.box.x1) - (l - Float(page.box.x0)))
            left.append(min(l, docLeft ?? l))
            right.append(max(r, docRight ?? r))
        }
    }
}

/// Accumulates blocks in reading order.
struct BlockBuilder {
    let metrics: BodyMetrics
    private(set) var blocks: [PDFBlock] = []

    private struct OpenParagraph {
        var text: [UInt32]
        var page: Int
        var breaks: [(Int, Int)] = []
        var last: TextLine
        var lastPage: Int
        var lines = 1
        var size: Float
        var bold: Bool
        var centred: Bool
    }

    private var open: OpenParagraph?
    private var page = 0
    /// Nothing has been placed on the current page yet.
    private var pageStart = true
    /// The last block placed is a table that ended its page (so one opening the next page may continue it).
    private var tableAtPageEnd: GridTable?
    private var lastTable: GridTable?
    private var lastTableRows = 0

    init(metrics: BodyMetrics) { self.metrics = metrics }

    mutating func startPage(_ p: Int) {
        if let t = lastTable, blocksEndWithTable { tableAtPageEnd = t } else { tableAtPageEnd = nil }
        page = p
        pageStart = true
    }

    private var blocksEndWithTable: Bool {
        if open != nil { return false }
        if case .table? = blocks.last { return true }
        return false
    }

    // MARK: lines

    mutating func add(_ line: TextLine) {
        defer {
            pageStart = false
            tableAtPageEnd = nil
        }
        if var p = open, continues(p, with: line) {
            let before = p.text.count
            TextJoin.append(line.text, to: &p.text)
            if line.page != p.lastPage {
                p.breaks.append((utf8Count(p.text[..<before]) + (p.text.count > before + line.text.count ? 1 : 0), line.page))
            }
            p.last = line
            p.lastPage = line.page
            p.lines += 1
            p.bold = p.bold && line.bold
            open = p
            return
        }
        close()
        let centred = isCentred(line)
        open = OpenParagraph(
            text: line.text, page: line.page, last: line, lastPage: line.page, size: line.size, bold: line.bold, centred: centred)
    }

    private func utf8Count(_ s: ArraySlice<UInt32>) -> Int {
        var n = 0
        for v in s { n += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
        return n
    }

    private func margins(_ pageIndex: Int) -> (Float, Float) {
        guard pageIndex >= 0, pageIndex < metrics.left.count else { return (0, 10_000) }
        return (metrics.left[pageIndex], metrics.right[pageIndex])
    }

    private func isCentred(_ line: TextLine) -> Bool {
        let (l, r) = margins(page)
        let em = max(line.size, 1)
        let leftGap = line.left - l
        let rightGap = r - line.right
        return leftGap > 2 * em && rightGap > 2 * em && abs(leftGap - rightGap) <= 1.2 * em
    }

    /// Whether `line` carries on the open paragraph: same size, close below (or first on the next
    /// page), the paragraph's last line runs to the right margin and `line` is not indented.
    private func continues(_ p: OpenParagraph, with line: TextLine) -> Bool {
        let prev = p.last
        let em = max(1, max(prev.size, line.size))
        guard abs(prev.size - line.size) <= max(0.6, 0.12 * em) else { return false }
        let samePage = line.page == p.lastPage
        // A centred title set on two or more lines: centred lines of one size and weight, at the
        // leading of one paragraph.
        if p.centred {
            let gap = prev.baseline - line.baseline
            return samePage && isCentred(line) && line.bold == prev.bold && abs(line.size - prev.size) <= 0.5
                && gap > 0.5 * em && gap <= metrics.spacing * em * 1.4 + 1
                && p.text.count + line.text.count <= 60 && !Self.startsItem(line.text) && !Self.hasLeader(p.text)
                && !Self.hasLeader(line.text)
        }
        // Titles may be set with a looser leading than the body.
        let titleLeading = samePage && prev.baseline - line.baseline > 0.5 * em && prev.baseline - line.baseline <= 2.2 * em
        if samePage {
            let gap = prev.baseline - line.baseline
            guard gap > 0.5 * em, gap <= metrics.spacing * em * 1.4 + 1 || (isCentred(line) && titleLeading) else { return false }
        } else {
            // Only the last line of a page and the first of the next.
            guard pageStart, line.page == p.lastPage + 1 else { return false }
        }
        let prevPageIndex = samePage ? page : page - 1
        let (_, rightPrev) = margins(prevPageIndex)
        let (left, _) = margins(page)
        // A line may stop a character or two short when the next starts with punctuation that
        // cannot open a line (the typesetter carried the last character over with it), or the
        // width of a number or Latin word that cannot be split, with the unit after it.
        let carried = line.text.prefix(3).contains { Self.noLineStart.contains($0) }
        var allowed = (carried ? 2.5 : 1.2) * em
        if line.leadingWordWidth > 0 { allowed = max(allowed, line.leadingWordWidth + 2.2 * em) }
        guard rightPrev - prev.right <= allowed else { return false }
        if isCentred(line) {
            // The centred last line of a title set larger than the body and wrapped at the margin.
            return titleLeading && line.bold == prev.bold && (line.size >= metrics.bodySize * 1.1 || line.bold) && p.lines == 1
                && p.text.count + line.text.count <= 60 && !Self.startsItem(line.text)
        }
        guard line.left - left <= 0.8 * em else { return false }
        // A numbered item starts a paragraph: always after a full stop, and even after a full
        // line when its number is a Chinese one ("一、", "（二）"), which a wrap hardly ever begins with.
        if Self.startsItem(line.text) {
            if let last = p.text.last, Self.closing.contains(last) { return false }
            if Self.startsChineseItem(line.text) { return false }
        }
        return true
    }

    /// Dot leaders of a contents line ("……", "....").
    static func hasLeader(_ t: [UInt32]) -> Bool {
        var run = 0
        for s in t {
            run = s == 0x2026 || s == 0x2E || s == 0xB7 || s == 0x22EF ? run + 1 : 0
            if run >= 3 { return true }
        }
        return false
    }

    /// "一、", "（二）", "第三部分".
    static func startsChineseItem(_ t: [UInt32]) -> Bool {
        guard let first = t.first else { return false }
        if first == 0xFF08 || first == 0x28 { return t.count > 2 && numerals.contains(t[1]) }
        return startsItem(t) && (numerals.contains(first) || first == 0x7B2C)
    }

    static let numerals: Set<UInt32> = [0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341]

    /// Punctuation a CJK line may not start with.
    static let noLineStart: Set<UInt32> = [
        0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0x201D, 0x2019, 0xFF09, 0x300B, 0x300D,
        0x300F, 0x3011, 0x2C, 0x2E, 0x3B, 0x3A, 0x29, 0x25, 0xFF05
    ]

    /// Punctuation that may end a paragraph.
    static let closing: Set<UInt32> = [0x3002, 0xFF1B, 0xFF1A, 0x3B, 0x3A, 0x2E, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF09, 0x29]

    /// "一、", "（一）", "1.", "1、", "（1）", "第一", "附件": how a list item or heading starts.
    static func startsItem(_ t: [UInt32]) -> Bool {
        guard let first = t.first else { return false }
        if first == 0xFF08 || first == 0x28 {
            return t.count > 2 && (numerals.contains(t[1]) || (t[1] >= 0x30 && t[1] <= 0x39))
        }
        if numerals.contains(first) { return t.count > 1 && (t[1] == 0x3001 || numerals.contains(t[1]) && t.count > 2 && t[2] == 0x3001) }
        if first >= 0x30 && first <= 0x39 {
            var i = 0
            while i < t.count && t[i] >= 0x30 && t[i] <= 0x39 { i += 1 }
            return i < t.count && i <= 2 && (t[i] == 0x2E || t[i] == 0x3001 || t[i] == 0xFF0E)
                && !(i + 1 < t.count && t[i + 1] >= 0x30 && t[i + 1] <= 0x39)
        }
        return first == 0x7B2C && t.count > 1 && numerals.contains(t[1])
    }

    private mutating func close() {
        guard let p = open else { return }
        open = nil
        let text = String(decoding: utf8(p.text), as: UTF8.self)
        let body = metrics.bodySize
        let short = p.text.count <= 40 && p.lines <= 2
        let heading = short && (p.size >= body * 1.12 || p.bold || p.centred)
        blocks.append(
            .paragraph(
                PDFParagraph(
                    text: text, page: p.page, pageBreaks: p.breaks.map { PDFPageBreak(offset: $0.0, page: $0.1) },
                    fontSize: Double(p.size), bold: p.bold, headingLike: heading)))
    }

    // MARK: tables

    mutating func add(_ table: GridTable) {
        defer { pageStart = false }
        close()
        if pageStart, let previous = tableAtPageEnd, Self.sameColumns(previous, table), case .table(var t)? = blocks.last {
            // A header repeated on the new page stays a row: the text is what the page shows.
            let offset = t.rows.count
            for row in Self.rows(table) {
                t.rows.append(
                    row.map { c in
                        var c = c
                        c.row += offset
                        return c
                    })
            }
            blocks[blocks.count - 1] = .table(t)
            lastTable = table
            tableAtPageEnd = nil
            return
        }
        tableAtPageEnd = nil
        blocks.append(.table(PDFTable(rows: Self.rows(table), page: table.page, columnCount: table.columnCount)))
        lastTable = table
    }

    static func sameColumns(_ a: GridTable, _ b: GridTable) -> Bool {
        guard a.xs.count == b.xs.count else { return false }
        for (x, y) in zip(a.xs, b.xs) where abs(x - y) > 3 { return false }
        return true
    }

    static func rows(_ table: GridTable) -> [[PDFCell]] {
        var rows: [[PDFCell]] = Array(repeating: [], count: table.rowCount)
        for c in table.cells.sorted(by: { $0.row != $1.row ? $0.row < $1.row : $0.column < $1.column }) {
            rows[c.row].append(
                PDFCell(
                    text: String(decoding: utf8(c.text), as: UTF8.self), row: c.row, column: c.column,
                    rowSpan: c.rowSpan, columnSpan: c.columnSpan, page: table.page, bold: c.bold))
        }
        return rows
    }

    mutating func finish() { close() }
}

/// Scalars to UTF-8 (invalid scalars dropped).
func utf8(_ scalars: [UInt32]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(scalars.count * 3)
    for v in scalars {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0xD800, 0xE000..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x10000...0x10FFFF:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default: break
        }
    }
    return out
}

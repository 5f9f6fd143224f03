import Model
import Readers

/// The document as reportlint read it, laid out for a page: headings, paragraphs, tables and
/// chart data in order, each carrying the stretches of source text ("leaves") that show it.
///
/// It is read again from the result's source text (for a .docx or PDF, their rendering in the
/// Word-export form, which is also what spans point into), so a page needs nothing but what a
/// `FileResult` carries. Every line of the source that holds more than white space lands in a
/// leaf — text the reader set aside (a page footer, an image marker) as an `unread` block — so
/// every span of a finding can be placed.
struct PageOutline {
    enum Kind {
        case heading(level: Int)
        case paragraph
        /// Rows of leaf indices, as the table's rows and cells.
        case table(number: Int, title: String?, rows: [[Int]])
        case chart
        /// Text the reader did not take into the document (page footers, markers).
        case unread
    }

    struct Block {
        var kind: Kind
        var span: Span
        var section: Int?
        var leaves: Range<Int>
    }

    /// A stretch of source shown as one run of text: a paragraph, a heading, a cell, a chart line.
    struct Leaf {
        /// The bytes this leaf answers for (a cell's includes its leading TAB).
        var claim: Range<Int>
        /// Where its shown text starts (after a cell's TAB).
        var shownStart: Int
        var block: Int
        var shown: Range<Int> { shownStart..<max(shownStart, claim.upperBound) }
    }

    let document: Document
    private(set) var blocks: [Block] = []
    private(set) var leaves: [Leaf] = []

    init(source: SourceText) {
        document = TextReader.read(source)
        let bytes = source.bytes
        var end = 0 // end of the last leaf laid out
        var pending: [(kind: Kind, span: Span, section: Int?, ranges: [(Range<Int>, Int)])] = []

        func lineStart(_ offset: Int) -> Int { source.lineStarts[source.lineIndex(of: offset)] }
        func lineEnd(_ offset: Int) -> Int { source.lineEnd(source.lineIndex(of: offset)) }

        let documentBlocks = document.blocks
        for (index, block) in documentBlocks.enumerated() {
            let span = block.span
            guard span.start >= end else { continue } // never twice the same bytes
            let nextStart = index + 1 < documentBlocks.count ? documentBlocks[index + 1].span.start : bytes.count
            switch block {
            case .heading(let h):
                // A line's numbering ("一、") and trailing text belong to it, up to its neighbours.
                let r = max(end, lineStart(span.start))..<max(span.end, min(nextStart, lineEnd(max(span.start, span.end - 1))))
                pending.append((.heading(level: h.level), span, h.section, [(r, r.lowerBound)]))
                end = r.upperBound
            case .paragraph(let p):
                let r = max(end, lineStart(span.start))..<max(span.end, min(nextStart, lineEnd(max(span.start, span.end - 1))))
                pending.append((.paragraph, span, p.section, [(r, r.lowerBound)]))
                end = r.upperBound
            case .table(let t):
                var ranges: [(Range<Int>, Int)] = []
                for row in t.rows {
                    for cell in row.cells where cell.span.start >= end {
                        let claim = cell.span.start..<cell.span.end
                        let tab = bytes[claim].firstIndex(of: 0x09).map { $0 + 1 } ?? claim.lowerBound
                        ranges.append((claim, min(tab, claim.upperBound)))
                        end = claim.upperBound
                    }
                }
                pending.append((.table(number: t.number, title: t.title, rows: []), span, t.section, ranges))
                end = max(end, span.end)
            case .chart(let c):
                var ranges: [(Range<Int>, Int)] = []
                for line in c.lines where line.span.start >= end {
                    ranges.append((line.span.start..<line.span.end, line.span.start))
                    end = line.span.end
                }
                pending.append((.chart, span, c.section, ranges))
                end = max(end, span.end)
            }
        }

        let tables = Dictionary(document.tables.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        // Lay out the blocks in order, with the unread lines between them.
        var cursor = 0
        func unread(_ range: Range<Int>, section: Int?) {
            guard !range.isEmpty else { return }
            var i = source.lineIndex(of: range.lowerBound)
            while i < source.lineCount && source.lineStarts[i] < range.upperBound {
                let r = max(range.lowerBound, source.lineStarts[i])..<min(range.upperBound, source.lineEnd(i))
                if r.contains(where: { !Self.isBlank(bytes[$0]) }) {
                    append(.unread, Span(r.lowerBound, r.upperBound), section, [(r, r.lowerBound)])
                }
                i += 1
            }
        }
        func append(_ kind: Kind, _ span: Span, _ section: Int?, _ ranges: [(Range<Int>, Int)]) {
            let first = leaves.count
            for (claim, shownStart) in ranges {
                leaves.append(Leaf(claim: claim, shownStart: shownStart, block: blocks.count))
            }
            var kind = kind
            if case .table(let number, let title, _) = kind {
                let rows =
                    tables[number].map { Self.rows(of: $0, leaves: first..<leaves.count, leafStore: leaves) } ?? [
                        Array(first..<leaves.count)
                    ]
                kind = .table(number: number, title: title, rows: rows)
            }
            blocks.append(Block(kind: kind, span: span, section: section, leaves: first..<leaves.count))
        }
        var lastSection: Int? = nil
        for p in pending {
            let start = p.ranges.first?.0.lowerBound ?? p.span.start
            if start > cursor { unread(cursor..<start, section: lastSection) }
            append(p.kind, p.span, p.section, p.ranges)
            cursor = max(cursor, p.ranges.last?.0.upperBound ?? p.span.end, p.span.end)
            lastSection = p.section
        }
        if cursor < bytes.count { unread(cursor..<bytes.count, section: lastSection) }
        if leaves.isEmpty {
            // Nothing readable at all: one leaf for the whole text, so that any span has a place.
            append(.unread, Span(0, bytes.count), nil, [(0..<bytes.count, 0)])
        }
    }

    /// The leaves of table `number`, grouped by the rows of the document's table.
    private static func rows(of table: Table, leaves range: Range<Int>, leafStore: [Leaf]) -> [[Int]] {
        var rows: [[Int]] = []
        var k = range.lowerBound
        for row in table.rows {
            var cells: [Int] = []
            for cell in row.cells where k < range.upperBound && leafStore[k].claim.lowerBound == cell.span.start {
                cells.append(k)
                k += 1
            }
            if !cells.isEmpty { rows.append(cells) }
        }
        return rows
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// Where a span is shown: the leaf holding its start, and the part of the span inside that
    /// leaf's shown text (a span reaching past its cell is cut at the cell's end; a span in the
    /// white space between leaves becomes a point at the end of the leaf before it).
    func place(_ span: Span) -> (leaf: Int, range: Range<Int>) {
        var lo = 0
        var hi = leaves.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if leaves[mid].claim.lowerBound <= span.start { lo = mid + 1 } else { hi = mid }
        }
        let before = lo - 1
        if before >= 0, span.start <= leaves[before].claim.upperBound || before + 1 == leaves.count {
            let shown = leaves[before].shown
            let start = min(max(span.start, shown.lowerBound), shown.upperBound)
            return (before, start..<min(max(start, span.end), shown.upperBound))
        }
        let next = max(0, before + 1)
        if next < leaves.count, leaves[next].claim.lowerBound < span.end {
            let shown = leaves[next].shown
            return (next, shown.lowerBound..<min(max(shown.lowerBound, span.end), shown.upperBound))
        }
        if before >= 0 {
            let end = leaves[before].shown.upperBound
            return (before, end..<end)
        }
        let start = leaves[next].shown.lowerBound
        return (next, start..<start)
    }

    /// The section the byte at `offset` belongs to, as the headings that lead to it, outermost
    /// first: "第二部分 2024年度…", "五、一般公共…", "（三）…".
    func sectionPath(at offset: Int) -> [String] {
        let section = blocks[leaves[place(Span(offset, offset)).leaf].block].section
        var path: [String] = []
        var i = section
        while let k = i {
            let s = document.sections[k]
            path.append(Self.heading(marker: s.numbering?.marker, title: s.title))
            i = s.parent
        }
        return path.reversed()
    }

    /// The table holding `offset`, if a cell does.
    func table(at offset: Int) -> (number: Int, title: String?)? {
        let block = blocks[leaves[place(Span(offset, offset)).leaf].block]
        if case .table(let number, let title, _) = block.kind { return (number, title) }
        return nil
    }

    /// "第二部分 2024年度…", "五、一般公共…", "（三）…": a space only after a marker that is a word.
    static func heading(marker: String?, title: String) -> String {
        guard let marker, !marker.isEmpty else { return title }
        let closed = marker.unicodeScalars.last.map { "、）).．:：".unicodeScalars.contains($0) } ?? false
        return closed ? marker + title : marker + " " + title
    }

    static func shortened(_ s: String, to limit: Int) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > limit else { return s }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.prefix(limit - 1))
        return String(out) + "…"
    }
}

import Extraction
import Model

/// How much of a report its checks understood: each figure the report prints, and whether
/// at least one checked relation read it. A report whose figures are mostly unbound has not
/// been understood, whatever its findings say (`reportlint dump --coverage`, `scripts/eval`).
///
/// A figure is a number the scanner reads as a quantity in a paragraph or a table cell: an
/// amount, a percentage, a score, a count, or a bare number (table cells carry their unit in
/// the header). Not figures: years, dates, document numbers, ordinals, list numbers and
/// alphanumeric codes (the scanner sets those aside), durations ("1年", "5-10年"), and the
/// following, recognised here because they look like bare numbers:
/// - a bare year (an integer from 1900 to 2100 with no unit: "实录2022", a header "2024");
/// - codes: an integer with a leading zero ("05"), an integer of nine digits or more written
///   without separators (telephone and account numbers), integers opening a line that only
///   further integers separate from a name ("201  05  07  专项普查活动": flattened 科目编码),
///   and list numbers opening a line after a page break ("\u{0C}11. ");
///   and every number in a column whose header names codes (编码, 代码, 编号, 序号, 行次);
/// - the number of a chart, table or attachment ("图1", "表3", "附件2");
/// - page numbers: a paragraph that is only an integer, perhaps between dashes ("— 12 —").
/// Headings and chart data are not counted: a heading's numbers are titles, and chart data
/// restates figures counted where the text states them.
///
/// A figure is bound when its digits overlap the digits of a number of a relation a check
/// verified as consistent, or the span of a finding or of one of its related locations.
public struct Coverage: Sendable {
    public struct Figure: Sendable {
        public let quantity: Quantity
        public let location: Location
        public let bound: Bool
        /// The words around the figure in its paragraph or cell, on one line.
        public let context: String
        /// For a cell: the text of its row's first cell and the header of its column.
        public let rowLabel: String?
        public let header: String?
    }

    /// The figures of one column of one table ("which columns bind none").
    public struct Column: Sendable {
        /// 0-based, as the row's cells are read.
        public let index: Int
        public let header: String
        public let figures: Int
        public let bound: Int
    }

    public struct TableCoverage: Sendable {
        /// 1-based position among the document's tables ("表3").
        public let number: Int
        public let title: String?
        public let span: Span
        /// Columns holding at least one figure, in order.
        public let columns: [Column]

        public var figures: Int { columns.reduce(0) { $0 + $1.figures } }
        public var bound: Int { columns.reduce(0) { $0 + $1.bound } }
        /// Columns with figures of which none is bound.
        public var unboundColumns: [Column] { columns.filter { $0.bound == 0 } }
    }

    public let figures: [Figure]
    public let tables: [TableCoverage]

    public var boundCount: Int { figures.reduce(0) { $0 + ($1.bound ? 1 : 0) } }

    public static func measure(_ model: AuditModel, findings: [Finding], verified: [VerifiedRelation]) -> Coverage {
        var evidence: [Span] = []
        for v in verified { evidence.append(contentsOf: v.numbers) }
        for f in findings {
            evidence.append(f.span)
            for r in f.related { evidence.append(r.span) }
        }
        let binding = SpanSet(evidence)
        let tables = model.document.tables
        let headers = tables.map(ColumnHeaders.init)
        var figures: [Figure] = []
        var columns: [[Int: (figures: Int, bound: Int)]] = Array(repeating: [:], count: tables.count)
        for unit in model.units {
            let place = unit.location
            if case .cell(let t, let r, let c) = place, headers[t].namesCodes(row: r, column: c) { continue }
            if unit.isParagraph && FigureRule.isPageNumber(unit) { continue }
            for q in unit.scanned.quantities where FigureRule.isFigure(q, in: unit.text) {
                let bound = binding.overlaps(q.numberSpan)
                var rowLabel: String?
                var header: String?
                if case .cell(let t, let r, let c) = place {
                    rowLabel = FigureRule.rowLabel(tables[t].rows[r], except: c)
                    header = headers[t].nearest(row: r, column: c)
                    columns[t][c, default: (0, 0)].figures += 1
                    if bound { columns[t][c, default: (0, 0)].bound += 1 }
                }
                figures.append(
                    Figure(
                        quantity: q, location: place, bound: bound, context: FigureRule.context(q, in: unit.text),
                        rowLabel: rowLabel, header: header))
            }
        }
        let tableCoverage: [TableCoverage] = tables.indices.compactMap { t in
            guard !columns[t].isEmpty else { return nil }
            let cols = columns[t].keys.sorted().map { c in
                Column(index: c, header: headers[t].top(column: c), figures: columns[t][c]!.figures, bound: columns[t][c]!.bound)
            }
            return TableCoverage(number: tables[t].number, title: tables[t].title, span: tables[t].span, columns: cols)
        }
        return Coverage(figures: figures, tables: tableCoverage)
    }

    /// The unbound figures in place, then the tables whose columns bind none (`dump --coverage`).
    public func text(_ source: SourceText) -> String {
        let n = figures.count
        let b = boundCount
        let percent = n == 0 ? "n/a" : String(Double(b * 1000 / n) / 10) + "%"
        var out = "\(source.path): \(n) figures, \(b) bound (\(percent)), \(n - b) unbound\n"
        for f in figures where !f.bound {
            let p = source.position(of: f.quantity.numberSpan.start)
            var line = "  \(p.line):\(p.column)\t\(source.text(f.quantity.span.range))\t"
            if case .cell(let t, let r, let c) = f.location {
                line += "表\(t + 1) 第\(r + 1)行 第\(c + 1)列"
                if let l = f.rowLabel, !l.isEmpty { line += " 「" + l + "」" }
                if let h = f.header, !h.isEmpty { line += " ‹" + h + "›" }
                line += " " + f.context
            } else {
                line += f.context
            }
            out += line + "\n"
        }
        let silent = tables.filter { !$0.unboundColumns.isEmpty }
        if !silent.isEmpty {
            out += "tables with columns that bind no figure:\n"
            for t in silent {
                let p = source.position(of: t.span.start)
                let cols = t.unboundColumns.map { c in
                    "column \(c.index + 1)" + (c.header.isEmpty ? "" : " ‹\(c.header)›") + " \(c.figures) figure"
                        + (c.figures == 1 ? "" : "s")
                }
                out +=
                    "  表\(t.number) (line \(p.line)\(t.title.map { ", " + FigureRule.clip($0, 30) } ?? "")), \(t.bound)/\(t.figures) bound: "
                    + cols.joined(separator: "; ") + "\n"
            }
        }
        return out
    }
}

/// Which scanned quantities are figures, and how to show them.
enum FigureRule {
    static func isFigure(_ q: Quantity, in t: CleanText) -> Bool {
        if case .duration = q.unit { return false }
        guard q.unit == .none, q.comparator == nil, !q.approximate, q.rangeLow == nil, q.decimals == 0 else { return true }
        let digits = q.numberRange
        guard !digits.isEmpty else { return false }
        var separated = false
        for i in digits where t[i] == 0x2C { separated = true }
        if separated { return true }
        let count = digits.count
        if t[digits.lowerBound] == 0x30 && count > 1 { return false } // "05": a code
        if count >= 9 { return false } // telephone, account
        if count == 4, case let v = q.value.mantissa, (1900...2100).contains(v) { return false }
        return !opensCodeRun(digits, in: t) && !numbersAFigureOrTable(digits, in: t) && !opensListItem(digits, in: t)
    }

    /// Whether only spaces (or a page break) stand between the line start and `i`.
    static func startsLine(_ i: Int, in t: CleanText) -> Bool {
        var k = i - 1
        while k >= 0 && t[k] != 0x0A {
            guard t[k] == 0x20 || t[k] == 0x0C else { return false }
            k -= 1
        }
        return true
    }

    /// "11. 文化…" at a line start, after a page break the scanner does not take for a clause start.
    static func opensListItem(_ digits: Range<Int>, in t: CleanText) -> Bool {
        let end = digits.upperBound
        guard digits.count <= 2, end < t.count, t[end] == 0x2E || t[end] == 0x3001 || t[end] == 0x3A || t[end] == 0xFF1A,
            !(end + 1 < t.count && Chars.isDigit(t[end + 1]))
        else { return false }
        return startsLine(digits.lowerBound, in: t)
    }

    static let referenceWords = ["图", "表", "附件"].map(Chars.of)

    /// "图1", "表 3", "附件2": the number of a chart, table or attachment.
    static func numbersAFigureOrTable(_ digits: Range<Int>, in t: CleanText) -> Bool {
        var k = digits.lowerBound
        while k > 0 && t[k - 1] == 0x20 { k -= 1 }
        return referenceWords.contains { w in k >= w.count && t.matches(w, at: k - w.count) }
    }

    /// "201  05  07  专项普查活动": integers that open a line and lead, through spaces and
    /// other integers only, to a name.
    static func opensCodeRun(_ digits: Range<Int>, in t: CleanText) -> Bool {
        var k = digits.lowerBound - 1
        while k >= 0 && t[k] != 0x0A {
            guard Chars.isDigit(t[k]) || t[k] == 0x20 || t[k] == 0x0C else { return false }
            k -= 1
        }
        k = digits.upperBound
        while k < t.count && (Chars.isDigit(t[k]) || t[k] == 0x20) { k += 1 }
        return k > digits.upperBound && k < t.count && Chars.isHan(t[k])
    }

    /// "— 12 —", "- 3 -", "12": a paragraph that is only a page number.
    static func isPageNumber(_ unit: TextUnit) -> Bool {
        let t = unit.text
        guard unit.scanned.quantities.count == 1 else { return false }
        for i in 0..<t.count {
            let s = t[i]
            guard Chars.isDigit(s) || Chars.isSpace(s) || s == 0x2D || s == 0x2014 || s == 0x2013 || s == 0x2015 || s == 0x2500 else {
                return false
            }
        }
        return true
    }

    /// Up to 16 characters before the quantity and 10 after, within its text, on one line.
    static func context(_ q: Quantity, in t: CleanText) -> String {
        let r = q.textRange
        let from = max(0, r.lowerBound - 16)
        let to = min(t.count, r.upperBound + 10)
        let text =
            (from > 0 ? "…" : "") + t.string(from..<r.lowerBound) + "⟨" + t.string(r) + "⟩" + t.string(r.upperBound..<to)
            + (to < t.count ? "…" : "")
        return oneLine(text)
    }

    /// The row's name: its first other cell without a digit (a code or an amount names nothing), else its first other cell.
    static func rowLabel(_ row: Row, except column: Int) -> String? {
        let others = row.cells.enumerated().filter { $0.offset != column && !$0.element.isEmpty }.map(\.element)
        let named = others.first { !$0.text.withScalars { $0.contains { Chars.isDigit($0) } } } ?? others.first
        return named.map { clip($0.text.string, 16) }
    }

    static func oneLine(_ s: String) -> String {
        String(s.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
    }

    static func clip(_ s: String, _ n: Int) -> String {
        let line = oneLine(s)
        return line.count <= n ? line : String(line.prefix(n)) + "…"
    }
}

/// The header of each column of one table: the cells above that hold no digit.
struct ColumnHeaders {
    /// Per row, per column: the nearest digit-free cell text above that row.
    private let nearestAbove: [[String]]
    private let codeColumns: [[Bool]]
    private let topmost: [Int: String]

    static let codeWords = ["编码", "代码", "编号", "序号", "行次"].map(Chars.of)

    init(_ table: Table) {
        var nearest: [Int: String] = [:]
        var codes: [Int: Bool] = [:]
        var top: [Int: String] = [:]
        var above: [[String]] = []
        var codeRows: [[Bool]] = []
        for row in table.rows {
            above.append(row.cells.indices.map { nearest[$0] ?? "" })
            codeRows.append(row.cells.indices.map { codes[$0] ?? false })
            for (c, cell) in row.cells.enumerated() where !cell.isEmpty {
                let hasDigit = cell.text.withScalars { $0.contains { Chars.isDigit($0) } }
                guard !hasDigit else { continue }
                let text = FigureRule.clip(cell.text.string, 16)
                nearest[c] = text
                if top[c] == nil { top[c] = text }
                // A code header holds until a new header of two characters or more replaces it
                // (the 类/款/项 under 科目编码 keep it).
                if ColumnHeaders.codeWords.contains(where: { cell.text.contains($0) }) {
                    codes[c] = true
                } else if cell.text.count >= 2 {
                    codes[c] = false
                }
            }
        }
        nearestAbove = above
        codeColumns = codeRows
        topmost = top
    }

    func nearest(row: Int, column: Int) -> String {
        column < nearestAbove[row].count ? nearestAbove[row][column] : ""
    }

    func namesCodes(row: Int, column: Int) -> Bool {
        column < codeColumns[row].count && codeColumns[row][column]
    }

    func top(column: Int) -> String { topmost[column] ?? "" }
}

/// Spans merged and sorted, for overlap queries by bisection.
struct SpanSet {
    private var starts: [Int] = []
    private var ends: [Int] = []

    init(_ spans: [Span]) {
        for s in spans.sorted() where s.length > 0 {
            if let last = ends.last, s.start <= last {
                ends[ends.count - 1] = max(last, s.end)
            } else {
                starts.append(s.start)
                ends.append(s.end)
            }
        }
    }

    func overlaps(_ s: Span) -> Bool {
        // The last merged span starting before s ends.
        var lo = 0
        var hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] < s.end { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && ends[lo - 1] > s.start
    }
}

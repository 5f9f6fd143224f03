import Model

/// Rebuilds the rows of a table that an extractor flattened into lines of space-separated
/// fields, as far as the columns line up.
///
/// Columns are found from the edges fields share (`anchors`), and each line's fields are
/// matched to them in order (`assign`), so a missing value leaves its cell empty. Lines are
/// then put back together:
/// - a line of text only, directly under a row, that continues that row's cells (a label
///   wrapped within its cell: "机关事业单位基本养老保险缴" / "费支出"), or fills the label
///   cells of a row of figures printed without them (the label set below the figures),
///   joins that row;
/// - a line directly above a row whose cells it does not share (figures drawn a little above
///   their row, the first part of a label centred on a three-line cell) joins that row.
/// When the fields do not line up (a program's flattening: every gap the same width), each
/// line is a row of its fields in order.
struct LayoutTable {
    /// A rebuilt row: per column, the source byte ranges of its text (in reading order).
    struct Row {
        var cells: [[Range<Int>]]
        /// The lines it was built from.
        var lines: [Int]
    }

    let rows: [Row]

    /// `region`: indices into `lines` (content lines, in order); `adjacent(a, b)`: no blank
    /// line or page break between lines `a` and `b`.
    init(lines: [LaidLine], region: [Int], bytes: [UInt8], adjacent: (Int, Int) -> Bool) {
        let fields = region.map { LayoutTable.fields(of: lines[$0], bytes: bytes) }
        guard let anchors = LayoutTable.anchors(region: region, fields: fields) else {
            // Each line a row of its fields; a line that is only a parenthesis ("(50分)") is the
            // end of the one-cell row above it (a label cell of two paragraphs).
            var out: [Row] = []
            for (k, i) in region.enumerated() {
                if fields[k].count == 1, LayoutTable.isParenthetical(fields[k][0], bytes), let last = out.last, last.cells.count == 1,
                    let previous = last.lines.last, i - previous <= 2
                {
                    out[out.count - 1].cells[0].append(fields[k][0].bytes)
                    out[out.count - 1].lines.append(i)
                    continue
                }
                // A table's title run onto the last row of the table before it starts a row of its own.
                // ("附件3   …自评表" is the title's own line.)
                if let t = fields[k].indices.dropFirst().first(where: { TableRegions.isTitle(bytes, fields[k][$0].bytes) }),
                    !(t == 1 && LayoutTable.isAttachmentMarker(fields[k][0], bytes))
                {
                    out.append(Row(cells: fields[k][..<t].map { [$0.bytes] }, lines: [i]))
                    out.append(Row(cells: [[fields[k][t].bytes]], lines: [i]))
                    if t + 1 < fields[k].count { out.append(Row(cells: fields[k][(t + 1)...].map { [$0.bytes] }, lines: [i])) }
                    continue
                }
                out.append(Row(cells: fields[k].map { [$0.bytes] }, lines: [i]))
            }
            rows = out
            return
        }
        var out: [SparseRow] = []
        for (k, i) in region.enumerated() {
            let line = SparseRow(fields: fields[k], columns: LayoutTable.assign(fields[k], to: anchors).columns, index: i, bytes: bytes)
            if var last = out.last, let lastLine = last.lines.last, adjacent(lastLine, i) {
                if last.continues(with: line) {
                    last.absorb(line)
                    out[out.count - 1] = last
                    continue
                }
                if last.lines.count == 1 && last.shareNoColumn(with: line) && !last.listsAnotherItem(than: line) {
                    last.absorb(line)
                    out[out.count - 1] = last
                    continue
                }
            }
            out.append(line)
        }
        rows = out.map { r in Row(cells: (0..<anchors.count).map { r.cells[$0] ?? [] }, lines: r.lines) }
    }

    /// Where a column is: figures are right-aligned, so a figure column is marked by the right
    /// edge its figures share; labels are left-aligned, so a text column by the left edge.
    struct Anchor {
        let position: Int
        let isValue: Bool
        let count: Int
    }

    /// "附件3", "附表1": what stands before a table's title on its line.
    static func isAttachmentMarker(_ f: LaidField, _ bytes: [UInt8]) -> Bool {
        let s = PageFurniture.scalars(bytes, f.bytes)
        guard s.count >= 3, s.count <= 6 else { return false }
        return Numbering.parse(CleanTextBuilder.make(Chars.string(s)))?.0.style == .attachment
    }

    /// "(50分)", "（30分）": a short parenthesis alone.
    static func isParenthetical(_ f: LaidField, _ bytes: [UInt8]) -> Bool {
        let s = PageFurniture.scalars(bytes, f.bytes)
        guard s.count >= 3, s.count <= 12, let a = s.first, let b = s.last else { return false }
        return a == 0x28 && b == 0x29
    }

    /// The columns of a region, or nil when its fields do not line up.
    ///
    /// Anchors are the edges shared (within two columns) by at least two fields of the table's
    /// body (from its first line of figures on; header text is centred and says little). An
    /// extractor shifts a row's later fields when a long label pushes them, so an edge a few
    /// rows share next to one most rows share is the same column. Each line's fields are then
    /// matched to the anchors in order, at the least total distance (`assign`).
    static func anchors(region: [Int], fields: [[LaidField]]) -> [Anchor]? {
        guard let first = region.indices.first(where: { fields[$0].count >= 2 && fields[$0].contains { $0.isValue } }) else { return nil }
        let body = Array(region.indices[first...]).filter { !fields[$0].isEmpty }
        // (A line of hundreds of fields is no table row to place: matching it would cost fields × anchors.)
        guard body.count >= 2, !region.indices.contains(where: { fields[$0].count > 256 }) else { return nil }
        var anchors: [Anchor] = []
        // Edges by display column (a histogram: linear in the fields, whatever the table's length).
        let widthLimit = 4096
        for valueSide in [true, false] {
            var histogram = [Int](repeating: 0, count: widthLimit + 3)
            var any = false
            for k in body {
                for f in fields[k] where f.isValue == valueSide {
                    let p = valueSide ? f.end : f.start
                    guard p < widthLimit else { return nil }
                    histogram[p] += 1
                    any = true
                }
            }
            guard any else { continue }
            var kept: [Anchor] = []
            while kept.count < 64 {
                // The edge with the most fields within two columns of it (ties: the leftmost).
                var best = 0
                var bestCount = 0
                var window = histogram[0] + histogram[1] + histogram[2]
                for p in 0..<widthLimit {
                    if window > bestCount {
                        best = p
                        bestCount = window
                    }
                    window += histogram[p + 3] - (p >= 2 ? histogram[p - 2] : 0)
                }
                if bestCount == 0 || (bestCount < 2 && body.count >= 4) { break }
                if !kept.contains(where: { abs($0.position - best) <= 6 && bestCount * 3 < $0.count }) {
                    kept.append(Anchor(position: best, isValue: valueSide, count: bestCount))
                }
                for q in max(0, best - 2)...(best + 2) { histogram[q] = 0 }
            }
            anchors.append(contentsOf: kept)
        }
        anchors.sort { $0.position < $1.position }
        // More columns than the widest row has fields: edges that meet by chance, not columns.
        let widest = body.map { fields[$0].count }.max() ?? 0
        guard anchors.count >= 2, anchors.count <= max(widest + 2, widest * 5 / 4) else { return nil }
        // Fields far from their anchors on average (more than two columns) do not line up: a
        // program's flattening (every gap alike), or a page whose glyph widths are wrong.
        var cost = 0
        var placed = 0
        for k in body where fields[k].count >= 2 {
            cost += assign(fields[k], to: anchors).cost
            placed += fields[k].count
        }
        guard placed > 0, cost <= placed * 2 else { return nil }
        return anchors
    }

    /// The anchor of each field, in order (a field may share its neighbour's anchor, at a price:
    /// two header fragments in one cell), minimising the distance of each field's edge to its
    /// anchor, and a mismatch of figure and text.
    static func assign(_ fields: [LaidField], to anchors: [Anchor]) -> (columns: [Int], cost: Int) {
        let m = fields.count
        let n = anchors.count
        guard m > 0, n > 0 else { return ([], 0) }
        let infinity = Int.max / 4
        func cost(_ f: LaidField, _ a: Anchor) -> Int {
            abs((f.isValue ? f.end : f.start) - a.position) + (f.isValue == a.isValue ? 0 : 4)
        }
        let shared = 8
        // best[i][j]: fields 0..<i placed, field i-1 on anchor j-1.
        var best = [[Int]](repeating: [Int](repeating: infinity, count: n + 1), count: m + 1)
        var from = [[Int]](repeating: [Int](repeating: -1, count: n + 1), count: m + 1)
        for j in 1...n { best[1][j] = cost(fields[0], anchors[j - 1]) }
        if m > 1 {
            for i in 2...m {
                // The cheapest placement of the previous field on an anchor before j, running.
                var runMin = infinity
                var runArg = -1
                for j in 1...n {
                    if j - 1 >= 1 && best[i - 1][j - 1] < runMin {
                        runMin = best[i - 1][j - 1]
                        runArg = j - 1
                    }
                    let c = cost(fields[i - 1], anchors[j - 1])
                    var value = runMin < infinity ? runMin + c : infinity
                    var arg = runArg
                    if best[i - 1][j] < infinity && best[i - 1][j] + c + shared < value {
                        value = best[i - 1][j] + c + shared
                        arg = j
                    }
                    best[i][j] = value
                    from[i][j] = arg
                }
            }
        }
        var j = 1
        for k in 1...n where best[m][k] < best[m][j] { j = k }
        let total = best[m][j]
        var out = [Int](repeating: 0, count: m)
        var i = m
        while i >= 1 {
            out[i - 1] = j - 1
            j = from[i][j]
            i -= 1
        }
        return (out, total)
    }

    /// The fields of a line, a figure and the label after it split apart where the extractor
    /// left only one space between two cells ("96,282,213.44 二、社会保障和就业支出").
    static func fields(of line: LaidLine, bytes: [UInt8]) -> [LaidField] {
        var out: [LaidField] = []
        for f in line.fields {
            guard !f.isValue, f.digits > 0, f.han > 0 else {
                out.append(f)
                continue
            }
            out.append(contentsOf: splitFigureFromLabel(f, bytes: bytes))
        }
        return out
    }

    static func splitFigureFromLabel(_ f: LaidField, bytes: [UInt8]) -> [LaidField] {
        // The leading token up to the first space: an amount as tables print them.
        var i = f.bytes.lowerBound
        var commas = 0
        var dot = -1
        var digits = 0
        var n = 0
        while i < f.bytes.upperBound && bytes[i] != 0x20 {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                digits += 1
            } else if b == 0x2C {
                commas += 1
            } else if b == 0x2E && dot < 0 {
                dot = n
            } else {
                return [f]
            }
            n += 1
            i += 1
        }
        guard i < f.bytes.upperBound, digits > 0, commas > 0 || (dot >= 0 && n - dot - 1 >= 2) else { return [f] }
        var j = i
        while j < f.bytes.upperBound && bytes[j] == 0x20 { j += 1 }
        guard j < f.bytes.upperBound, j - i == 1 else { return [f] }
        let next = UTF8Scan.decode(bytes, at: j, limit: f.bytes.upperBound).0
        guard Chars.isHan(next) else { return [f] }
        let leftEnd = f.start + n
        let figure = LaidField(bytes: f.bytes.lowerBound..<i, start: f.start, end: leftEnd, han: 0, digits: digits, isValue: true)
        let label = LaidField(
            bytes: j..<f.bytes.upperBound, start: leftEnd + 1, end: f.end, han: f.han, digits: f.digits - digits, isValue: false)
        return [figure, label]
    }

    /// A row being rebuilt: the fields of its lines, by column.
    struct SparseRow {
        var cells: [Int: [Range<Int>]] = [:]
        var valueColumns = Set<Int>()
        var lines: [Int] = []
        /// Per column: whether its text ends a sentence (a finished cell), and whether it starts with a list number.
        var finished = Set<Int>()
        var numbered = Set<Int>()
        var ordinals: [Int: Int] = [:]
        /// Per column: the display width of its last line's text.
        var widths: [Int: Int] = [:]
        let bytes: [UInt8]

        init(fields: [LaidField], columns: [Int], index: Int, bytes: [UInt8]) {
            self.bytes = bytes
            lines = [index]
            for (f, c) in zip(fields, columns) {
                cells[c, default: []].append(f.bytes)
                widths[c] = f.end - f.start
                if f.isValue { valueColumns.insert(c) }
                if ends(f.bytes) { finished.insert(c) } else { finished.remove(c) }
                if cells[c]!.count == 1, let n = ListMarker.ordinal(bytes, f.bytes) {
                    numbered.insert(c)
                    ordinals[c] = n
                }
            }
        }

        var hasValues: Bool { !valueColumns.isEmpty }

        func ends(_ r: Range<Int>) -> Bool {
            guard !r.isEmpty else { return false }
            var i = r.upperBound - 1
            while i > r.lowerBound && bytes[i] & 0xC0 == 0x80 { i -= 1 }
            let s = UTF8Scan.decode(bytes, at: i, limit: r.upperBound).0
            return s == 0x3002 || s == 0xFF1B || s == 0xFF01 || s == 0xFF1F
        }

        /// `line` (a single line) continues this row's cells, or fills the label cells of a row of figures.
        func continues(with line: SparseRow) -> Bool {
            guard !line.hasValues, line.cells.count <= 2, line.numbered.isEmpty else { return false }
            for c in line.cells.keys {
                if let mine = cells[c], !mine.isEmpty {
                    if valueColumns.contains(c) || finished.contains(c) { return false }
                    // A label wraps only when its line is full: text wider than the line above
                    // it would have fitted there, so it is the next row's label
                    // ("本年收入合计" over "年初财政拨款结转和结余").
                    if let above = widths[c], let below = line.widths[c], below > above { return false }
                } else if !hasValues {
                    return false
                }
            }
            return hasValues || line.cells.count < cells.count
        }

        func shareNoColumn(with line: SparseRow) -> Bool {
            !line.cells.keys.contains { cells[$0] != nil }
        }

        /// Two list items of different numbers ("八、…" above "九、…") are two rows.
        func listsAnotherItem(than line: SparseRow) -> Bool {
            guard let mine = ordinals.values.first, let theirs = line.ordinals.values.first else { return false }
            return mine != theirs
        }

        mutating func absorb(_ line: SparseRow) {
            for (c, parts) in line.cells {
                cells[c, default: []].append(contentsOf: parts)
                if line.finished.contains(c) { finished.insert(c) } else if line.cells[c] != nil { finished.remove(c) }
                if cells[c]!.count == parts.count, line.numbered.contains(c) {
                    numbered.insert(c)
                    ordinals[c] = line.ordinals[c]
                }
            }
            valueColumns.formUnion(line.valueColumns)
            for (c, w) in line.widths { widths[c] = w }
            lines.append(contentsOf: line.lines)
        }
    }
}

/// List and heading numbers at the start of a piece of text ("一、", "（三）", "3.", "⑵").
enum ListMarker {
    /// The ordinal of the number that starts `r`, if it starts with one.
    static func ordinal(_ bytes: [UInt8], _ r: Range<Int>) -> Int? {
        let prefix = min(r.upperBound, r.lowerBound + 48)
        var end = prefix
        while end > r.lowerBound && end < r.upperBound && bytes[end] & 0xC0 == 0x80 { end -= 1 }
        let text = CleanTextBuilder.make(String(decoding: bytes[r.lowerBound..<end], as: UTF8.self))
        return Numbering.parse(text)?.0.ordinal
    }
}

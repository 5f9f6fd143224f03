/// Tables drawn without rules: a run of at least three lines, each split by wide gaps into
/// chunks, whose chunks fall into shared columns (the horizontal extents of the chunks of all
/// the lines, merged where they overlap). Each line is a row; a cell is what lies in a column.
enum AlignedTables {
    static let minimumRows = 3

    /// The tables found, each with the indices of the lines it consumed (lines top first).
    static func find(_ lines: [TextLine], page: Int) -> [(GridTable, Range<Int>)] {
        var found: [(GridTable, Range<Int>)] = []
        var k = 0
        while k < lines.count {
            guard lines[k].chunks.count >= 2 else {
                k += 1
                continue
            }
            var end = k + 1
            while end < lines.count, lines[end].chunks.count >= 2,
                lines[end - 1].baseline - lines[end].baseline <= 2.5 * max(lines[end].size, lines[end - 1].size, 1)
            {
                end += 1
            }
            if end - k >= minimumRows, let table = table(lines[k..<end], page: page) {
                found.append((table, k..<end))
            }
            k = end
        }
        return found
    }

    static func table(_ rows: ArraySlice<TextLine>, page: Int) -> GridTable? {
        let em = rows.map(\.size).max() ?? 10
        // Column extents: the union of overlapping chunk extents.
        var spans: [(Float, Float)] = []
        for chunk in rows.flatMap(\.chunks).sorted(by: { $0.left < $1.left }) {
            if let last = spans.last, chunk.left <= last.1 + 0.5 * em {
                spans[spans.count - 1].1 = max(last.1, chunk.right)
            } else {
                spans.append((chunk.left, chunk.right))
            }
        }
        guard spans.count >= 2 else { return nil }
        func column(_ c: TextLine.Chunk) -> Int { spans.lastIndex { $0.0 <= c.left + 0.01 } ?? 0 }
        // Every row must have text in two columns at least: otherwise this is prose with a gap.
        for row in rows where Set(row.chunks.map(column)).count < 2 { return nil }
        var xs: [Float] = [spans[0].0 - 1]
        for j in 1..<spans.count { xs.append((spans[j - 1].1 + spans[j].0) / 2) }
        xs.append(spans[spans.count - 1].1 + 1)
        let lines = Array(rows)
        var ys: [Float] = [lines[0].baseline + lines[0].size]
        for j in 1..<lines.count { ys.append((lines[j - 1].baseline + lines[j].baseline + lines[j].size * 0.6) / 2) }
        ys.append(lines[lines.count - 1].baseline - 0.4 * lines[lines.count - 1].size)
        var cells: [GridTable.Cell] = []
        for (r, line) in lines.enumerated() {
            var texts = Array(repeating: [UInt32](), count: spans.count)
            for chunk in line.chunks {
                let c = column(chunk)
                if !texts[c].isEmpty { texts[c].append(0x20) }
                texts[c].append(contentsOf: line.text[chunk.range])
            }
            for (c, text) in texts.enumerated() {
                cells.append(GridTable.Cell(row: r, column: c, rowSpan: 1, columnSpan: 1, text: text, bold: line.bold, size: line.size))
            }
        }
        return GridTable(xs: xs, ys: ys, cells: cells, atoms: Array(cells.indices), page: page)
    }
}

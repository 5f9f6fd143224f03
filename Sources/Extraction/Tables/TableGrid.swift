import Model

/// A document table's rows laid on one grid of columns. A cell covers as many columns as
/// its reader says (a Word gridSpan, a merged workbook range); a row of the Word-export text
/// form, which cannot say, and which has fewer cells than the grid is as wide, is aligned as
/// those exports lose cells: a header row from the right (the merged label cells at its start
/// are the ones dropped), a lone header cell over every column (a group title), a body row's
/// labels from the left and its amounts from the right (domain brief §5).
struct TableGrid {
    /// Widest row, in grid columns (bounded: no finance table is wider).
    let width: Int
    /// For each row, the cell index at each grid column (nil: no cell there).
    let placed: [[Int?]]
    /// Rows whose alignment was guessed rather than known.
    let guessed: [Bool]

    static let maxWidth = 64

    init(rows: [Row], headerRows: Int) {
        var w = 0
        for row in rows { w = max(w, row.cells.reduce(0) { $0 + $1.columnSpan }) }
        let width = min(w, TableGrid.maxWidth)
        self.width = width
        var placed = [[Int?]](repeating: [Int?](repeating: nil, count: width), count: rows.count)
        var guessed = [Bool](repeating: false, count: rows.count)
        // Body rows first, then header rows from the bottom up: a narrow header row is aligned
        // against the row below it.
        var order = Array(headerRows..<rows.count)
        order += (0..<min(headerRows, rows.count)).reversed()
        for r in order {
            let row = rows[r]
            var slots = [Int?](repeating: nil, count: width)
            let total = row.cells.reduce(0) { $0 + $1.columnSpan }
            var guess = false
            if total >= width || row.cells.contains(where: { $0.columnSpan > 1 }) {
                var c = 0
                for (k, cell) in row.cells.enumerated() {
                    for _ in 0..<cell.columnSpan where c < width {
                        slots[c] = k
                        c += 1
                    }
                }
            } else if r < headerRows {
                guess = true
                if row.cells.count == 1 {
                    for c in 0..<width { slots[c] = 0 }
                } else if r + 1 < headerRows {
                    slots = TableGrid.align(row, under: rows[r + 1], placed: placed[r + 1], width: width)
                } else {
                    let offset = width - row.cells.count
                    for k in row.cells.indices { slots[offset + k] = k }
                }
            } else {
                // Labels from the left, amounts from the right.
                var labels = 0
                while labels < row.cells.count,
                    !TableGrid.isAmount(row.cells[labels].text) || TableGrid.isCode(row.cells[labels].text)
                { labels += 1 }
                for k in 0..<labels { slots[k] = k }
                let rest = row.cells.count - labels
                for k in 0..<rest { slots[width - rest + k] = labels + k }
                guess = row.cells.count < width
            }
            placed[r] = slots
            guessed[r] = guess
        }
        self.placed = placed
        self.guessed = guessed
    }

    /// A header row with fewer cells than the grid, aligned against the row below it: over a
    /// column the row below leaves empty (a vertical merge continued), a cell covers that one
    /// column; over a run of filled columns (its sub-headers), a cell covers the run, as far as
    /// the cells still to place allow.
    static func align(_ row: Row, under below: Row, placed: [Int?], width: Int) -> [Int?] {
        var slots = [Int?](repeating: nil, count: width)
        func filled(_ c: Int) -> Bool { placed[c].map { !below.cells[$0].isEmpty } ?? false }
        var c = 0
        let k = row.cells.count
        for i in 0..<k {
            guard c < width else { break }
            let left = k - i - 1
            var span: Int
            if i == k - 1 {
                span = width - c
            } else if !filled(c) {
                span = 1
            } else {
                span = 0
                while c + span < width && filled(c + span) { span += 1 }
            }
            span = max(1, min(span, width - c - left))
            for x in c..<(c + span) { slots[x] = i }
            c += span
        }
        return slots
    }

    /// The cell at a grid column, once per cell (a spanning cell answers at its first column).
    func cell(_ r: Int, _ c: Int) -> Int? {
        guard r < placed.count, c < width, let k = placed[r][c] else { return nil }
        if c > 0, placed[r][c - 1] == k { return nil }
        return k
    }

    /// The cell covering a grid column (a spanning cell answers at each of its columns).
    func covering(_ r: Int, _ c: Int) -> Int? {
        guard r < placed.count, c < width else { return nil }
        return placed[r][c]
    }

    /// A classification code printed alone ("201", "06", "2013101"): digits, no grouping or point.
    static func isCode(_ t: CleanText) -> Bool {
        guard t.count >= 2 && t.count <= 7 else { return false }
        return t.scalars.allSatisfy(Chars.isDigit)
    }

    /// A cell holding only an amount: digits with grouping, a point, a sign, a percent sign
    /// ("2,940.05", "-3.20", "0", "12.5%"), or a bracketed negative ("(3.00)").
    static func isAmount(_ t: CleanText) -> Bool {
        guard !t.isEmpty, t.count <= 24 else { return false }
        var digits = 0
        for s in t.scalars {
            if Chars.isDigit(s) {
                digits += 1
                continue
            }
            if s == 0x2C || s == 0x2E || s == 0x2D || s == 0x25 || s == 0x20 || s == 0x28 || s == 0x29 || s == 0x2B { continue }
            return false
        }
        return digits > 0
    }
}

/// A table found from ruling lines: its grid (column and row boundaries), the cells that
/// missing rules merge, and the text in each cell.
struct GridTable: Sendable {
    struct Cell: Sendable {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var text: [UInt32] = []
        var bold = false
        var size: Float = 0
    }

    /// Column boundaries, left to right.
    var xs: [Float]
    /// Row boundaries, top to bottom (descending y).
    var ys: [Float]
    var cells: [Cell]
    /// The cell of each grid atom (row-major).
    var atoms: [Int]
    var page: Int

    var top: Float { ys.first ?? 0 }
    var bottom: Float { ys.last ?? 0 }
    var rowCount: Int { ys.count - 1 }
    var columnCount: Int { xs.count - 1 }
}

/// Finds tables in a page's ruling lines: rules that cross or touch form a connected grid; the
/// grid's atoms (between consecutive boundaries) merge where no rule separates them.
enum RuledTables {
    /// Rules this close are one line; a rule reaching this close to another touches it.
    static let tolerance: Float = 2.5

    struct Segment {
        var position: Float
        var from: Float
        var to: Float
    }

    /// The grids of a page (at least two cells each), top first; each glyph inside one is
    /// claimed by the cell that holds its baseline.
    static func find(_ page: PageContent) -> [(GridTable, [Int: [Int]])] {
        let horizontals = merge(page.rules.filter { $0.horizontal })
        let verticals = merge(page.rules.filter { !$0.horizontal })
        // Thousands of distinct rules on one page are a drawing, not a table (and would cost
        // their product in intersection tests).
        guard horizontals.count >= 2, verticals.count >= 2, horizontals.count <= 3000, verticals.count <= 3000 else { return [] }

        // Connected components of crossing rules.
        var parent = Array(0..<(horizontals.count + verticals.count))
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        let t = tolerance
        for (i, h) in horizontals.enumerated() {
            for (j, v) in verticals.enumerated()
            where v.position >= h.from - t && v.position <= h.to + t && h.position >= v.from - t && h.position <= v.to + t {
                let a = root(i)
                let b = root(horizontals.count + j)
                if a != b { parent[a] = b }
            }
        }
        var groups: [Int: ([Segment], [Segment])] = [:]
        for (i, h) in horizontals.enumerated() { groups[root(i), default: ([], [])].0.append(h) }
        for (j, v) in verticals.enumerated() { groups[root(horizontals.count + j), default: ([], [])].1.append(v) }

        var tables: [GridTable] = []
        for key in groups.keys.sorted() {
            guard let (hs, vs) = groups[key], hs.count >= 2, vs.count >= 2 else { continue }
            if let table = grid(hs, vs, page: page.number) { tables.append(table) }
        }
        tables.sort { $0.top > $1.top }
        // Glyphs to cells.
        var claimed: [[Int: [Int]]] = Array(repeating: [:], count: tables.count)
        for (i, g) in page.glyphs.enumerated() {
            let px = g.x + g.width / 2
            let py = g.y + 0.3 * g.size
            for (k, table) in tables.enumerated() {
                guard px >= table.xs[0] - 1, px <= table.xs[table.xs.count - 1] + 1, py <= table.top + 1, py >= table.bottom - 1 else {
                    continue
                }
                let c = index(px, in: table.xs, descending: false)
                let r = index(py, in: table.ys, descending: true)
                claimed[k][r * table.columnCount + c, default: []].append(i)
                break
            }
        }
        return Array(zip(tables, claimed))
    }

    /// Joins collinear pieces of rules (a border drawn cell by cell is one line).
    static func merge(_ rules: [Rule]) -> [Segment] {
        let sorted = rules.sorted { $0.position != $1.position ? $0.position < $1.position : $0.from < $1.from }
        var out: [Segment] = []
        var lines: [[Segment]] = []
        // Cluster by position first, then join overlapping pieces along each line.
        for r in sorted {
            if let last = lines.last?.first, abs(r.position - last.position) <= 1 {
                lines[lines.count - 1].append(Segment(position: r.position, from: r.from, to: r.to))
            } else {
                lines.append([Segment(position: r.position, from: r.from, to: r.to)])
            }
        }
        for pieces in lines {
            let ordered = pieces.sorted { $0.from < $1.from }
            var current = ordered[0]
            for p in ordered.dropFirst() {
                if p.from <= current.to + tolerance {
                    current.to = max(current.to, p.to)
                } else {
                    out.append(current)
                    current = p
                }
            }
            out.append(current)
        }
        return out.filter { $0.to - $0.from >= 2 }
    }

    /// The boundaries of one component, merged into cells; nil for fewer than two cells.
    static func grid(_ hs: [Segment], _ vs: [Segment], page: Int) -> GridTable? {
        var xs = cluster(vs.map(\.position))
        var ys = cluster(hs.map(\.position)).reversed().map { $0 }
        // Open sides: a table whose outer borders are not drawn still ends where its rules do.
        if let left = hs.map(\.from).min(), let first = xs.first, left < first - tolerance * 2 { xs.insert(left, at: 0) }
        if let right = hs.map(\.to).max(), let last = xs.last, right > last + tolerance * 2 { xs.append(right) }
        if let top = vs.map(\.to).max(), let first = ys.first, top > first + tolerance * 2 { ys.insert(top, at: 0) }
        if let bottom = vs.map(\.from).min(), let last = ys.last, bottom < last - tolerance * 2 { ys.append(bottom) }
        guard xs.count >= 2, ys.count >= 2 else { return nil }
        let columns = xs.count - 1
        let rows = ys.count - 1
        guard rows * columns <= 100_000 else { return nil }

        // The rules along each boundary, so that a boundary's coverage looks at its own rules only.
        func along(_ segments: [Segment], _ bounds: [Float]) -> [[Segment]] {
            var out = Array(repeating: [Segment](), count: bounds.count)
            for s in segments {
                let k = nearest(s.position, in: bounds)
                if abs(bounds[k] - s.position) <= tolerance { out[k].append(s) }
            }
            return out
        }
        let verticalsAt = along(vs, xs)
        let horizontalsAt = along(hs, ys.reversed()).reversed().map { $0 }
        func covered(_ segments: [Segment], from a: Float, to b: Float) -> Bool {
            var total: Float = 0
            for s in segments { total += max(0, min(s.to, b) - max(s.from, a)) }
            return total >= 0.5 * (b - a)
        }
        var parent = Array(0..<(rows * columns))
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func union(_ a: Int, _ b: Int) {
            let x = root(a)
            let y = root(b)
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        for r in 0..<rows {
            for c in 0..<columns {
                if c + 1 < columns, !covered(verticalsAt[c + 1], from: ys[r + 1], to: ys[r]) { union(r * columns + c, r * columns + c + 1) }
                if r + 1 < rows, !covered(horizontalsAt[r + 1], from: xs[c], to: xs[c + 1]) {
                    union(r * columns + c, (r + 1) * columns + c)
                }
            }
        }
        var cellOf: [Int: Int] = [:]
        var cells: [GridTable.Cell] = []
        for r in 0..<rows {
            for c in 0..<columns {
                let k = root(r * columns + c)
                if let existing = cellOf[k] {
                    let cell = cells[existing]
                    let lastRow = max(cell.row + cell.rowSpan - 1, r)
                    let lastColumn = max(cell.column + cell.columnSpan - 1, c)
                    cells[existing].rowSpan = lastRow - cell.row + 1
                    cells[existing].columnSpan = lastColumn - cell.column + 1
                    cells[existing].column = min(cell.column, c)
                } else {
                    cellOf[k] = cells.count
                    cells.append(GridTable.Cell(row: r, column: c, rowSpan: 1, columnSpan: 1))
                }
            }
        }
        guard cells.count >= 2 else { return nil }
        var atoms = [Int](repeating: 0, count: rows * columns)
        for k in 0..<(rows * columns) { atoms[k] = cellOf[root(k)] ?? 0 }
        return GridTable(xs: xs, ys: ys, cells: cells, atoms: atoms, page: page)
    }

    /// Positions within `tolerance` of each other, as their mean, ascending.
    static func cluster(_ values: [Float]) -> [Float] {
        let sorted = values.sorted()
        var out: [Float] = []
        var sum: Float = 0
        var count: Float = 0
        var last: Float = 0
        for v in sorted {
            if count > 0, v - last > tolerance {
                out.append(sum / count)
                sum = 0
                count = 0
            }
            sum += v
            count += 1
            last = v
        }
        if count > 0 { out.append(sum / count) }
        return out
    }

    /// The interval of `bounds` that holds `v` (clamped to the first or last), by bisection.
    static func index(_ v: Float, in bounds: [Float], descending: Bool) -> Int {
        // The number of inner boundaries `v` lies beyond.
        var lo = 1
        var hi = bounds.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            let beyond = descending ? v < bounds[mid] : v > bounds[mid]
            if beyond { lo = mid + 1 } else { hi = mid }
        }
        return max(0, min(bounds.count - 2, lo - 1))
    }

    /// The index of the ascending `bounds` closest to `v`.
    static func nearest(_ v: Float, in bounds: [Float]) -> Int {
        var lo = 0
        var hi = bounds.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if bounds[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        if lo > 0 && abs(bounds[lo - 1] - v) < abs(bounds[lo] - v) { return lo - 1 }
        return lo
    }
}

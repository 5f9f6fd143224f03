import Model

/// Repairs the row structure that the text export loses.
enum RowRepair {
    /// A blank line inside a row's first cell splits the row in two: an all-empty
    /// fragment followed by the rest. When the fragments together have exactly the
    /// previous row's width, they are one row.
    static func mergeSplitRows(_ rows: [Row]) -> [Row] {
        var out: [Row] = []
        out.reserveCapacity(rows.count)
        var i = 0
        while i < rows.count {
            let row = rows[i]
            if i + 1 < rows.count, let previous = out.last {
                let next = rows[i + 1]
                let width = previous.cells.count
                if row.cells.allSatisfy(\.isEmpty), row.cells.count < width, next.cells.count < width,
                    row.cells.count + next.cells.count == width
                {
                    out.append(Row(cells: row.cells + next.cells, span: row.span.union(next.span)))
                    i += 2
                    continue
                }
            }
            out.append(row)
            i += 1
        }
        return out
    }

    /// Consecutive tables exported without text between them are told apart by
    /// their title row: a lone cell naming a table ("…自评表（2024年度）").
    static func splitAtTitles(_ rows: [Row]) -> [[Row]] {
        var groups: [[Row]] = []
        var current: [Row] = []
        for row in rows {
            if !current.isEmpty && isTitleRow(row) {
                groups.append(current)
                current = []
            }
            current.append(row)
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    static func isTitleRow(_ row: Row) -> Bool {
        guard row.cells.count == 1 else { return false }
        let t = row.cells[0].text
        guard t.count >= 4 && t.count <= 48 else { return false }
        // "…表" or "…表（2024年度）": a 表 in the last few characters, no sentence punctuation.
        for s in t.scalars where s == 0x3002 || s == 0xFF0C || s == 0xFF1B || s == 0xFF1A || s == 0x0A { return false }
        let tail = max(0, t.count - 10)
        for k in tail..<t.count where t[k] == 0x8868 { return true } // 表
        return false
    }
}

import Model

/// A table's cells with their numbers, addressed by row and column. Each cell's
/// header key (its folded text without white space) is computed once, into one flat
/// array per table.
struct Grid {
    let table: Table
    let index: Int
    let units: [TextUnit]
    let unitAt: CellUnits.Table
    /// Every cell's key, concatenated; cell i (cells numbered row by row) is keyScalars[keyStarts[i]..<keyStarts[i + 1]].
    let keyScalars: [UInt32]
    let keyStarts: [Int32]
    /// Rows flattened from a PDF's text: every empty cell is gone, not only merged leading ones.
    let flattened: Bool

    init(table: Table, index: Int, units: [TextUnit], unitAt: CellUnits.Table, flattened: Bool = false) {
        self.table = table
        self.flattened = flattened
        self.index = index
        self.units = units
        self.unitAt = unitAt
        var scalars: [UInt32] = []
        var starts: [Int32] = [0]
        for row in table.rows {
            for cell in row.cells {
                cell.text.withScalars { for s in $0 where !Chars.isSpace(s) && s != 0x0A { scalars.append(s) } }
                starts.append(Int32(scalars.count))
            }
        }
        keyScalars = scalars
        keyStarts = starts
    }

    var rowCount: Int { table.rows.count }
    func width(_ r: Int) -> Int { table.rows[r].cells.count }

    func cell(_ r: Int, _ c: Int) -> CellValue? {
        guard r >= 0, r < table.rows.count, c >= 0, c < table.rows[r].cells.count else { return nil }
        let cell = table.rows[r].cells[c]
        let unitIndex = unitAt[r, c]
        return CellValue(
            clean: cell.text, quantities: unitIndex.map { units[$0].scanned.quantities } ?? [],
            span: cell.text.isEmpty ? cell.span : cell.text.fullSpan, row: r, column: c, unit: unitIndex)
    }

    /// The cell with the unit its header gives: "87" under 执行率（%） is 87%, "50" under 项目资金（万元）
    /// is 50万元. Numbers that carry a unit of their own keep it.
    func cell(_ r: Int, _ c: Int, unit: Unit?) -> CellValue? {
        guard var value = cell(r, c) else { return nil }
        if let unit { value.adopt(unit) }
        return value
    }

    /// The key's bounds in `keyScalars`, if the cell exists.
    func keyRange(_ r: Int, _ c: Int) -> Range<Int>? {
        guard r >= 0, r < table.rows.count, c >= 0, c < table.rows[r].cells.count else { return nil }
        let i = Int(unitAt.rowStarts[r]) + c
        return Int(keyStarts[i])..<Int(keyStarts[i + 1])
    }

    /// A cell's text with every kind of white space and line break removed, for matching header words.
    func key(_ r: Int, _ c: Int) -> String {
        guard let range = keyRange(r, c) else { return "" }
        return Chars.string(keyScalars[range])
    }

    func keyLength(_ r: Int, _ c: Int) -> Int { keyRange(r, c)?.count ?? 0 }

    func keyIs(_ r: Int, _ c: Int, _ word: [UInt32]) -> Bool {
        guard let range = keyRange(r, c), range.count == word.count else { return false }
        return keyScalars[range].elementsEqual(word)
    }

    func keyContains(_ r: Int, _ c: Int, _ word: [UInt32]) -> Bool {
        guard let range = keyRange(r, c), range.count >= word.count, !word.isEmpty else { return false }
        return keyScalars.withUnsafeBufferPointer { all in
            word.withUnsafeBufferPointer { Search.first($0, in: all, from: range.lowerBound, limit: range.upperBound - word.count) != nil }
        }
    }

    /// Whether any of `words` occurs in the cell.
    func keyContainsAny(_ r: Int, _ c: Int, _ words: [[UInt32]]) -> Bool { words.contains { keyContains(r, c, $0) } }

    func isEmpty(_ r: Int, _ c: Int) -> Bool { keyLength(r, c) == 0 }

    /// The first cell of the row with text, if any.
    func firstFilled(_ r: Int) -> Int? { (0..<width(r)).first { !isEmpty(r, $0) } }

    static let indicatorsWord = Chars.of("绩效指标")

    var mentionsIndicators: Bool {
        table.rows.indices.contains { r in table.rows[r].cells.indices.contains { keyContains(r, $0, Grid.indicatorsWord) } }
    }

    func years(_ r: Int, _ c: Int) -> [YearMention] {
        unitAt[r, c].map { units[$0].scanned.years } ?? []
    }
}

extension CellValue {
    /// Bare numbers take `unit` (a header's); numbers with a unit, a rate or a count keep theirs.
    mutating func adopt(_ unit: Unit) {
        guard quantities.contains(where: { $0.unit == .none && $0.perUnit == nil }) else { return }
        quantities = quantities.map { q in
            guard q.unit == .none, q.perUnit == nil else { return q }
            var q = q
            q.unit = unit
            return q
        }
    }
}

/// The text unit of every table cell, as 32-bit indices in one flat array per table (cells
/// without text have none): a dictionary keyed by location cost 80 bytes a cell.
struct CellUnits {
    struct Table {
        let rowStarts: [Int32]
        let units: [Int32]

        subscript(r: Int, c: Int) -> Int? {
            guard r >= 0, r + 1 < rowStarts.count, c >= 0 else { return nil }
            let i = Int(rowStarts[r]) + c
            guard i < Int(rowStarts[r + 1]), units[i] >= 0 else { return nil }
            return Int(units[i])
        }
    }

    private var tables: [Table] = []

    init(tables docTables: [Model.Table], units: [TextUnit]) {
        var rowStarts: [[Int32]] = []
        var cells: [[Int32]] = []
        for t in docTables {
            var starts: [Int32] = [0]
            starts.reserveCapacity(t.rows.count + 1)
            for row in t.rows { starts.append(starts.last! + Int32(row.cells.count)) }
            rowStarts.append(starts)
            cells.append([Int32](repeating: -1, count: Int(starts.last!)))
        }
        for u in units {
            guard case .cell(let t, let r, let c) = u.location, t < cells.count else { continue }
            cells[t][Int(rowStarts[t][r]) + c] = Int32(u.index)
        }
        tables = zip(rowStarts, cells).map { Table(rowStarts: $0, units: $1) }
    }

    func table(_ i: Int) -> Table { tables[i] }
}

/// A page reduced to what the document layout needs: text lines outside tables, and tables
/// with the text of each cell.
struct PageLayout: Sendable {
    var number: Int
    var box: Box
    var lines: [TextLine]
    var tables: [GridTable]
    var images: Int

    init(_ page: PageContent) {
        number = page.number
        box = page.box
        images = page.images
        var inTable = [Bool](repeating: false, count: page.glyphs.count)
        var tables: [GridTable] = []
        for (found, claimed) in RuledTables.find(page) {
            var table = found
            var perCell: [[Int]] = Array(repeating: [], count: table.cells.count)
            for (atom, glyphs) in claimed {
                perCell[table.atoms[atom]].append(contentsOf: glyphs)
                for g in glyphs { inTable[g] = true }
            }
            for (k, glyphs) in perCell.enumerated() where !glyphs.isEmpty {
                let lines = LineBuilder.lines(glyphs, in: page)
                var text: [UInt32] = []
                var bold = 0
                var size: Float = 0
                for line in lines {
                    TextJoin.append(line.text, to: &text)
                    if line.bold { bold += 1 }
                    size = max(size, line.size)
                }
                table.cells[k].text = text
                table.cells[k].bold = bold * 2 > lines.count
                table.cells[k].size = size
            }
            tables.append(table)
        }
        let free = page.glyphs.indices.filter { !inTable[$0] }
        var lines = LineBuilder.lines(free, in: page)
        // Tables drawn without rules, found by the alignment of their columns.
        for (table, consumed) in AlignedTables.find(lines, page: page.number).reversed() {
            tables.append(table)
            lines.removeSubrange(consumed)
        }
        tables.sort { $0.top > $1.top }
        self.tables = tables
        self.lines = lines
    }
}

/// Joining lines a wrap separated: CJK text closes up; two Latin words or numbers keep a space.
enum TextJoin {
    static func append(_ next: [UInt32], to text: inout [UInt32]) {
        guard !next.isEmpty else { return }
        if let a = text.last, let b = next.first, isWordScalar(a), isWordScalar(b) { text.append(0x20) }
        text.append(contentsOf: next)
    }

    @inline(__always) static func isWordScalar(_ s: UInt32) -> Bool {
        (s >= 0x30 && s <= 0x39) || (s >= 0x41 && s <= 0x5A) || (s >= 0x61 && s <= 0x7A) || s == 0x25
    }

    static func isCJK(_ s: UInt32) -> Bool { s >= 0x2E80 }
}

/// A cell address of a worksheet ("C7"), 1-based, within the bounds Excel allows; anything
/// else in a hostile file is refused rather than allocated for.
struct CellReference: Hashable, Comparable {
    /// Excel's own limits: 1,048,576 rows and 16,384 columns (XFD).
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    var row: Int
    var column: Int

    /// "C7" → (7, 3); "$C$7" is accepted; nil for anything else or out of bounds.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var sawLetter = false
        var sawDigit = false
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !sawDigit else { return nil }
                sawLetter = true
                column = column * 26 + Int((b | 0x20) - UInt8(ascii: "a")) + 1
                if column > CellReference.maxColumn { return nil }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(b - UInt8(ascii: "0"))
                if row > CellReference.maxRow { return nil }
            default: return nil
            }
        }
        guard sawLetter, sawDigit, row >= 1, column >= 1 else { return nil }
        self.row = row
        self.column = column
    }

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Only the column letters of a reference ("C" of "C7").
    static func column(_ text: String) -> Int? {
        var column = 0
        for b in text.utf8 {
            guard (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) else { break }
            column = column * 26 + Int((b | 0x20) - UInt8(ascii: "a")) + 1
            if column > maxColumn { return nil }
        }
        return column == 0 ? nil : column
    }

    static func < (a: CellReference, b: CellReference) -> Bool {
        a.row != b.row ? a.row < b.row : a.column < b.column
    }
}

/// A rectangle of cells ("A1:L1"), as a merged range names it.
struct CellRange: Hashable {
    var first: CellReference
    var last: CellReference

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let a = CellReference(String(parts[0])) else { return nil }
        let b = parts.count == 2 ? CellReference(String(parts[1])) : a
        guard let b else { return nil }
        first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    var width: Int { last.column - first.column + 1 }
}

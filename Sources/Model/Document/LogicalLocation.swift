/// A place a user can find in Word without line numbers: "表3 第5行 第4列", "第12段"; in a PDF,
/// by its page: "第12页", "第3页 表2 第5行 第4列".
public struct LogicalLocation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// 1-based paragraph of the .docx body.
        case paragraph(Int)
        /// 1-based table, row and column.
        case cell(table: Int, row: Int, column: Int)
        /// 1-based chart of the .docx (its cached data).
        case chart(Int)
        /// A cell of a workbook: its sheet's name, 1-based row and column ("Sheet1!C7").
        case sheetCell(sheet: String, row: Int, column: Int)
        /// A sheet of a workbook as a whole (its name, written as a heading).
        case sheet(String)
    }

    public var kind: Kind
    /// 1-based page of a PDF.
    public var page: Int?

    public init(_ kind: Kind, page: Int? = nil) {
        self.kind = kind
        self.page = page
    }

    public var name: LocalizedText {
        guard let page else { return kindName }
        // A PDF's paragraph numbers are reportlint's own counting: its pages are what a reader finds.
        switch kind {
        case .paragraph, .chart: return LocalizedText(zh: "第\(page)页", en: "page \(page)")
        case .cell, .sheetCell, .sheet:
            let cell = kindName
            return LocalizedText(zh: "第\(page)页 \(cell.zh)", en: "page \(page), \(cell.en)")
        }
    }

    private var kindName: LocalizedText {
        switch kind {
        case .paragraph(let n): return LocalizedText(zh: "第\(n)段", en: "paragraph \(n)")
        case .cell(let t, let r, let c): return LocalizedText(zh: "表\(t) 第\(r)行 第\(c)列", en: "table \(t), row \(r), column \(c)")
        case .chart(let n): return LocalizedText(zh: "图表\(n)数据", en: "chart \(n) data")
        case .sheetCell(let sheet, let r, let c):
            let reference = LogicalLocation.reference(sheet: sheet, row: r, column: c)
            return LocalizedText(zh: reference, en: reference)
        case .sheet(let name): return LocalizedText(zh: "工作表“\(name)”", en: "sheet “\(name)”")
        }
    }

    /// "Sheet1!C7"; a sheet name with spaces or punctuation is quoted as Excel writes it ('My sheet'!C7).
    public static func reference(sheet: String, row: Int, column: Int) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        let name =
            plain && !sheet.isEmpty
            ? sheet : "'" + sheet.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        return name + "!" + columnLetters(column) + String(row)
    }

    /// 1 → "A", 27 → "AA".
    public static func columnLetters(_ column: Int) -> String {
        var n = max(1, column)
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// SARIF's logicalLocation.kind.
    public var sarifKind: String {
        switch kind {
        case .paragraph: return "paragraph"
        case .cell, .sheetCell: return "cell"
        case .chart: return "chart"
        case .sheet: return "sheet"
        }
    }
}

/// Where each stretch of a rendered .docx or PDF came from, as sorted byte ranges of the rendered text.
public struct RenderMap: Sendable {
    struct Entry: Sendable {
        var start: Int
        var end: Int
        var location: LogicalLocation
    }

    var entries: [Entry] = []

    public init() {}

    package mutating func add(_ start: Int, _ end: Int, _ location: LogicalLocation) {
        entries.append(Entry(start: start, end: end, location: location))
    }

    func location(at offset: Int) -> LogicalLocation? {
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < entries.count, entries[lo].start <= offset else { return nil }
        return entries[lo].location
    }
}

/// Finds the logical location of a source offset: from the render map of a .docx, else from
/// the document's own tables (the text form has no paragraph numbers worth more than its lines).
public struct LogicalLocator {
    let document: Document
    /// Table blocks in document order, for bisection.
    private let tables: [Table]

    public init(_ document: Document) {
        self.document = document
        self.tables = document.tables
    }

    public func location(at offset: Int) -> LogicalLocation? {
        if let map = document.renderMap { return map.location(at: offset) }
        var lo = 0
        var hi = tables.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tables[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < tables.count, tables[lo].span.start <= offset else { return nil }
        let table = tables[lo]
        // Rows and cells in document order, bisected too: a report locates every finding, and
        // a table may have tens of thousands of rows.
        var r = LogicalLocator.first(table.rows.count) { table.rows[$0].span.end >= offset }
        while r < table.rows.count && table.rows[r].span.start <= offset {
            let row = table.rows[r]
            if offset <= row.span.end {
                var c = LogicalLocator.first(row.cells.count) { row.cells[$0].span.end >= offset }
                while c < row.cells.count && row.cells[c].span.start <= offset {
                    if offset <= row.cells[c].span.end { return LogicalLocation(.cell(table: table.number, row: r + 1, column: c + 1)) }
                    c += 1
                }
            }
            r += 1
        }
        return nil
    }

    /// The first index in `0..<count` where `isAtOrPast` holds, for a predicate false then true.
    static func first(_ count: Int, _ isAtOrPast: (Int) -> Bool) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isAtOrPast(mid) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

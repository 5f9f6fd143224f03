/// What a PDF says, in reading order, independent of how it was drawn: paragraphs (lines a
/// wrap or a page break separated joined again; running headers, footers and page numbers left
/// out) and tables as rows of cells.
public struct PDFContent: Sendable {
    public var pageCount: Int
    public var blocks: [PDFBlock]

    public init(pageCount: Int, blocks: [PDFBlock]) {
        self.pageCount = pageCount
        self.blocks = blocks
    }
}

public enum PDFBlock: Sendable {
    case paragraph(PDFParagraph)
    case table(PDFTable)
}

public struct PDFParagraph: Sendable {
    public var text: String
    /// The page it starts on (1-based).
    public var page: Int
    /// Where it runs onto a following page: from this UTF-8 offset of `text` on, `page`.
    public var pageBreaks: [PDFPageBreak]
    public var fontSize: Double
    public var bold: Bool
    /// Short, and larger, bolder or centred compared with the body text: a title or heading.
    public var headingLike: Bool

    public init(text: String, page: Int, pageBreaks: [PDFPageBreak] = [], fontSize: Double, bold: Bool, headingLike: Bool) {
        self.text = text
        self.page = page
        self.pageBreaks = pageBreaks
        self.fontSize = fontSize
        self.bold = bold
        self.headingLike = headingLike
    }

    /// The page of the character at a UTF-8 offset of `text`.
    public func page(at offset: Int) -> Int {
        var p = page
        for b in pageBreaks where b.offset <= offset { p = b.page }
        return p
    }
}

public struct PDFPageBreak: Sendable, Equatable {
    public var offset: Int
    public var page: Int

    public init(offset: Int, page: Int) {
        self.offset = offset
        self.page = page
    }
}

public struct PDFTable: Sendable {
    /// Each row lists the cells that start in it, left to right; a cell merged down from a row
    /// above is not repeated (its `rowSpan` covers the row).
    public var rows: [[PDFCell]]
    /// The page it starts on.
    public var page: Int
    public var columnCount: Int

    public init(rows: [[PDFCell]], page: Int, columnCount: Int) {
        self.rows = rows
        self.page = page
        self.columnCount = columnCount
    }
}

public struct PDFCell: Sendable {
    /// Its lines joined (a label wrapped over three lines is one text).
    public var text: String
    /// 0-based row and column of the grid.
    public var row: Int
    public var column: Int
    public var rowSpan: Int
    public var columnSpan: Int
    public var page: Int
    public var bold: Bool

    public init(text: String, row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, page: Int, bold: Bool = false) {
        self.text = text
        self.row = row
        self.column = column
        self.rowSpan = rowSpan
        self.columnSpan = columnSpan
        self.page = page
        self.bold = bold
    }
}

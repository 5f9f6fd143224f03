/// A parsed report: headings, paragraphs, tables and chart data in document
/// order, each with its exact source span, and the section tree the headings build.
public struct Document: Sendable {
    public let source: SourceText
    public var blocks: [Block]
    public var sections: [Section]
    /// Where the blocks came from: the text reader, a .docx rendered to text, text
    /// extracted from a PDF by another tool (read by its layout), or a PDF read directly.
    public var origin: Origin
    /// For a .docx or PDF: which paragraph, cell or chart (and page) each stretch of the rendered text came from.
    public var renderMap: RenderMap?

    public enum Origin: Sendable, Equatable {
        case text
        case docx
        case pdfText
        case pdf
        case xlsx
    }

    public init(source: SourceText, blocks: [Block], sections: [Section], origin: Origin = .text) {
        self.source = source
        self.blocks = blocks
        self.sections = sections
        self.origin = origin
    }

    public var tables: [Table] {
        blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    public var paragraphs: [Paragraph] {
        blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
    }

    public var charts: [Chart] {
        blocks.compactMap { if case .chart(let c) = $0 { return c } else { return nil } }
    }

    /// Titles of the section and its ancestors, outermost first.
    public func sectionPath(_ index: Int?) -> [String] {
        var path: [String] = []
        var i = index
        while let k = i {
            path.append(sections[k].title)
            i = sections[k].parent
        }
        return path.reversed()
    }
}

public enum Block: Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case table(Table)
    case chart(Chart)

    public var span: Span {
        switch self {
        case .heading(let h): return h.span
        case .paragraph(let p): return p.span
        case .table(let t): return t.span
        case .chart(let c): return c.span
        }
    }

    public var section: Int? {
        switch self {
        case .heading(let h): return h.section
        case .paragraph(let p): return p.section
        case .table(let t): return t.section
        case .chart(let c): return c.section
        }
    }
}

/// How a heading or list item is numbered.
public struct Numbering: Hashable, Sendable {
    public enum Style: String, Sendable, CaseIterable {
        case part // 第一部分
        case attachment // 附件1, 附表2
        case chineseComma // 一、
        case parenChinese // （一）
        case arabicDot // 1.  1、 1．
        case parenArabic // （1） (1)
        case circled // ⑴ ①
    }

    public var style: Style
    public var ordinal: Int
    /// The marker as printed, e.g. "（三）".
    public var marker: String

    /// Nesting rank of the style: smaller is outer.
    public var rank: Int {
        switch style {
        case .part, .attachment: return 1
        case .chineseComma: return 2
        case .parenChinese: return 3
        case .arabicDot: return 4
        case .parenArabic: return 5
        case .circled: return 6
        }
    }

    public init(style: Style, ordinal: Int, marker: String) {
        self.style = style
        self.ordinal = ordinal
        self.marker = marker
    }
}

public struct Heading: Sendable {
    public var level: Int
    public var numbering: Numbering?
    /// The title without its numbering.
    public var title: CleanText
    public var span: Span
    public var section: Int?

    public init(level: Int, numbering: Numbering?, title: CleanText, span: Span, section: Int?) {
        self.level = level
        self.numbering = numbering
        self.title = title
        self.span = span
        self.section = section
    }
}

public struct Paragraph: Sendable {
    public var text: CleanText
    public var span: Span
    /// A leading list number ("1.", "（2）") when the paragraph is a list item.
    public var listMarker: Numbering?
    public var section: Int?

    public init(text: CleanText, span: Span, listMarker: Numbering?, section: Int?) {
        self.text = text
        self.span = span
        self.listMarker = listMarker
        self.section = section
    }
}

public struct Table: Sendable {
    public var rows: [Row]
    public var span: Span
    public var section: Int?
    /// 1-based position among the document's tables ("表3").
    public var number: Int

    /// The text of a first row that is a lone title cell, if any.
    public var title: String? {
        guard let first = rows.first, first.cells.count == 1 else { return nil }
        let t = first.cells[0].text.string
        return t.isEmpty ? nil : t
    }

    public init(rows: [Row], span: Span, section: Int?, number: Int) {
        self.rows = rows
        self.span = span
        self.section = section
        self.number = number
    }
}

public struct Row: Sendable {
    public var cells: [Cell]
    public var span: Span

    public init(cells: [Cell], span: Span) {
        self.cells = cells
        self.span = span
    }
}

public struct Cell: Sendable {
    /// Trimmed, folded text; lines of a multi-line cell are joined with "\n".
    public var text: CleanText
    /// From the cell's TAB to the end of its last line.
    public var span: Span
    /// How many grid columns the cell covers, when its reader knows (a Word gridSpan, a merged
    /// range of a workbook); the Word-export text form cannot say, and gives 1.
    public var columnSpan: Int {
        get { Int(storedColumnSpan) }
        set { storedColumnSpan = UInt16(clamping: max(1, newValue)) }
    }
    // 16 bits: a report has a great many cells, and no table is 65,535 columns wide.
    private var storedColumnSpan: UInt16

    public var isEmpty: Bool { text.isEmpty }

    public init(text: CleanText, span: Span, columnSpan: Int = 1) {
        self.text = text
        self.span = span
        self.storedColumnSpan = UInt16(clamping: max(1, columnSpan))
    }
}

/// Chart data exported at the end of a document: label lines and lines of
/// TAB-separated names and values.
public struct Chart: Sendable {
    public var lines: [ChartLine]
    public var span: Span
    public var section: Int?
    /// 1-based position among the document's chart blocks.
    public var number: Int

    public init(lines: [ChartLine], span: Span, section: Int?, number: Int) {
        self.lines = lines
        self.span = span
        self.section = section
        self.number = number
    }
}

public struct ChartLine: Sendable {
    public var fields: [CleanText]
    public var span: Span

    public init(fields: [CleanText], span: Span) {
        self.fields = fields
        self.span = span
    }
}

/// A node of the section tree built from headings.
public struct Section: Sendable {
    public var title: String
    public var level: Int
    public var numbering: Numbering?
    public var parent: Int?
    public var headingSpan: Span
    /// Index of the heading block.
    public var block: Int

    public init(title: String, level: Int, numbering: Numbering?, parent: Int?, headingSpan: Span, block: Int) {
        self.title = title
        self.level = level
        self.numbering = numbering
        self.parent = parent
        self.headingSpan = headingSpan
        self.block = block
    }
}

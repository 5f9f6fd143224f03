import Model
import PDF

/// Reads a PDF into the same `Document` the other readers build: the PDF target extracts
/// paragraphs and tables (from positions, ruling lines and fonts), and they are written part
/// by part by `StructuredTextWriter` in the Word-export text form, so every check works
/// unchanged. Findings point at that text (`reportlint dump --text`) and name the page and,
/// in a table, the cell.
public enum PDFDocumentReader {
    /// "%PDF" at the start; or "%PDF-" within the first kilobyte of a file that ends like a
    /// PDF (viewers accept junk before the header; a text that merely quotes one is not a PDF).
    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let magic: [UInt8] = [0x25, 0x50, 0x44, 0x46]
        if bytes.count >= 4 && Array(bytes[0..<4]) == magic { return true }
        let head = bytes.prefix(1024)
        guard Search.contains(magic + [0x2D], in: Array(head)) else { return false }
        return Search.contains(Array("%%EOF".utf8), in: Array(bytes.suffix(1024)))
    }

    /// `lap`, when given, is called after each stage with its name (`reportlint profile`).
    public static func read(
        _ bytes: [UInt8], path: String, limits: PDFLimits = .standard,
        lap: ((String) -> Void)? = nil
    ) throws(InputError) -> Document {
        let content: PDFContent
        do {
            content = try PDFReader.read(bytes, limits: limits, lap: lap)
        } catch {
            throw inputError(error)
        }
        var writer = StructuredTextWriter()
        PDFStructureWriter.write(content, into: &writer)
        guard !writer.isEmpty else {
            throw InputError(.empty, LocalizedText(zh: "PDF 中没有文字", en: "the PDF contains no text"))
        }
        let document = writer.finish(path: path, encoding: "pdf", origin: .pdf)
        lap?("read")
        return document
    }

    static func inputError(_ e: PDFError) -> InputError {
        let kind: InputError.Kind
        switch e.kind {
        case .encrypted: kind = .encrypted
        case .noTextLayer: kind = .empty
        case .unsupportedFilter: kind = .unsupportedFormat
        case .limitExceeded: kind = .unsafe
        case .truncated, .malformed: kind = .corrupt
        }
        return InputError(kind, LocalizedText(zh: e.zh, en: e.en))
    }
}

/// Writes PDF blocks as structured parts: a paragraph is one line (its wraps and page breaks
/// already joined), located by page; a table row is its cells, a cell merged down from the row
/// above an empty cell as Word exports it, each located by page, table, row and column.
enum PDFStructureWriter {
    static func write(_ content: PDFContent, into writer: inout StructuredTextWriter) {
        let body = bodySize(content)
        var paragraphNumber = 0
        var tableNumber = 0
        for block in content.blocks {
            switch block {
            case .paragraph(let p):
                paragraphNumber += 1
                paragraph(p, number: paragraphNumber, body: body, into: &writer)
            case .table(let t):
                tableNumber += 1
                table(t, number: tableNumber, into: &writer)
            }
        }
        writer.endTable()
    }

    /// The size most of the prose is set in.
    static func bodySize(_ content: PDFContent) -> Double {
        var weight: [Int: Int] = [:]
        // Int(exactly:): a font size beyond Int (a hostile Tf) weighs nothing; it must not trap.
        for case .paragraph(let p) in content.blocks {
            if let key = Int(exactly: (p.fontSize * 2).rounded()) { weight[key, default: 0] += p.text.utf8.count }
        }
        guard let mode = weight.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) else { return 0 }
        return Double(mode.key) / 2
    }

    /// A text as one line: the PDF reader gives no TABs or line breaks (they would read as cells
    /// or new paragraphs); blanks at either end are trimmed. With the number of bytes trimmed
    /// at the start.
    static func line(_ text: String) -> ([UInt8], Int) {
        var bytes = Array(text.utf8)
        let lo = WordExportRenderer.skipSpace(bytes, 0, bytes.count)
        var hi = bytes.count
        while hi > lo, let w = WordExportRenderer.spaceWidth(bytes, before: hi) { hi -= w }
        if lo > 0 || hi < bytes.count { bytes = Array(bytes[lo..<hi]) }
        for k in bytes.indices where bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D { bytes[k] = 0x20 }
        return (bytes, lo)
    }

    static func paragraph(_ p: PDFParagraph, number: Int, body: Double, into writer: inout StructuredTextWriter) {
        let (text, lead) = line(p.text)
        guard !text.isEmpty else { return }
        // Page breaks are offsets of the paragraph's own text, before its leading blanks were trimmed.
        var locations: [(Int, LogicalLocation)] = [(0, LogicalLocation(.paragraph(number), page: p.page))]
        for b in p.pageBreaks { locations.append((b.offset - lead, LogicalLocation(.paragraph(number), page: b.page))) }
        // Larger than the body text: a heading; bold or centred only: one level below.
        let level: Int? = p.headingLike ? (body > 0 && p.fontSize >= body * 1.3 ? 1 : 2) : nil
        writer.paragraph([text], headingLevel: level, locations: locations)
    }

    static func table(_ t: PDFTable, number: Int, into writer: inout StructuredTextWriter) {
        writer.beginTable(touching: false)
        // Cells merged down from an earlier row, by the column they start in.
        var covering: [Int: PDFCell] = [:]
        var rowNumber = 0
        // Rows are the grid's rows in order (a continued table's included).
        for (r, row) in t.rows.enumerated() {
            covering = covering.filter { $0.value.row + $0.value.rowSpan > r }
            var starting: [Int: PDFCell] = [:]
            for cell in row where starting[cell.column] == nil { starting[cell.column] = cell }
            // Each field keeps the grid columns it covers, so a finance table's header lays its
            // merged cells over the right columns.
            var fields: [(PDFCell?, Int, Int)] = []
            var c = 0
            while c < t.columnCount {
                if let cell = starting[c] {
                    fields.append((cell, cell.page, max(1, cell.columnSpan)))
                    c += max(1, cell.columnSpan)
                } else if let above = covering[c] {
                    fields.append((nil, above.page, max(1, above.columnSpan)))
                    c += max(1, above.columnSpan)
                } else {
                    c += 1
                }
            }
            for cell in row where cell.rowSpan > 1 { covering[cell.column] = cell }
            guard !fields.isEmpty else { continue }
            rowNumber += 1
            writer.beginRow()
            for (k, (cell, page, span)) in fields.enumerated() {
                let lines = cell.map { [line($0.text).0].filter { !$0.isEmpty } } ?? []
                writer.cell(
                    lines, location: LogicalLocation(.cell(table: number, row: rowNumber, column: k + 1), page: page),
                    columnSpan: span)
            }
        }
        writer.endTable()
    }
}

import Engine
import Extraction
import Model
import Readers

/// A span resolved to lines and columns (1-based; the end column is exclusive,
/// pointing just past the span as SARIF's `endColumn` does).
struct Place {
    var start: Position
    var end: Position
    var start16: Position
    var end16: Position
    var offset: Int
    var length: Int
    var text: String

    init(_ span: Span, in source: SourceText) {
        start = source.position(of: span.start)
        end = source.position(of: span.end)
        start16 = source.position(of: span.start, columns: .utf16)
        end16 = source.position(of: span.end, columns: .utf16)
        offset = span.start
        length = span.length
        text = source.text(span.range)
    }

    var json: JSON {
        .object([
            ("line", .int(start.line)), ("column", .int(start.column)),
            ("endLine", .int(end.line)), ("endColumn", .int(end.column)),
            ("offset", .int(offset)), ("length", .int(length)), ("text", .string(text))
        ])
    }
}

extension LogicalLocation {
    /// `{"kind": "cell", "table": 3, "row": 5, "column": 4, "name": "表3 第5行 第4列"}`.
    func json(_ language: Language) -> JSON {
        var members: [(String, JSON)] = [("kind", .string(sarifKind))]
        switch kind {
        case .paragraph(let n): members.append(("paragraph", .int(n)))
        case .cell(let t, let r, let c): members += [("table", .int(t)), ("row", .int(r)), ("column", .int(c))]
        case .chart(let n): members.append(("chart", .int(n)))
        case .sheetCell(let sheet, let r, let c): members += [("sheet", .string(sheet)), ("row", .int(r)), ("column", .int(c))]
        case .sheet(let name): members.append(("sheet", .string(name)))
        }
        if let page { members.append(("page", .int(page))) }
        members.append(("name", .string(name.text(language))))
        return .object(members)
    }
}

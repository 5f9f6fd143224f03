import Model

/// Reads 绩效自评 tables into the typed model by column role (`PerformanceVocabulary`), never
/// by position: a block is found where a header row names enough roles, whatever the column
/// count, and each row is laid under the header by content (`RowAligner`). What cannot be read
/// — a self-evaluation title with no block, a header word of no known role, rows that do not
/// align — is reported as an `UnreadTable`, never skipped.
enum PerformanceReader {
    struct Result {
        var projects: [PerformanceTable] = []
        var departments: [DepartmentTable] = []
        var unread: [UnreadTable] = []
    }

    static let titleWords = PerformanceVocabulary.titles.map(Chars.of)

    static func read(_ document: Document, units: [TextUnit]) -> Result {
        var out = Result()
        let tables = document.tables
        let cellUnits = CellUnits(tables: tables, units: units)
        let titles = titles(document)
        for (ti, table) in tables.enumerated() {
            let grid = Grid(table: table, index: ti, units: units, unitAt: cellUnits.table(ti), flattened: document.origin == .pdfText)
            TableReader.read(grid, title: titles[ti], into: &out)
        }
        return out
    }

    /// Each table's own title row, else the heading or paragraph right before it.
    static func titles(_ document: Document) -> [String?] {
        var out: [String?] = []
        var previous: CleanText?
        for block in document.blocks {
            switch block {
            case .table(let t):
                out.append(t.title ?? previous.map(\.string))
                previous = nil
            case .heading(let h): previous = h.title
            case .paragraph(let p): previous = p.text
            case .chart: previous = nil
            }
        }
        return out
    }

    static func looksLikeSelfEvaluation(_ title: String) -> Bool {
        let scalars = Chars.of(Header.squeeze(title))
        return titleWords.contains { w in HeaderMatcher.contains(scalars[...], w) }
    }
}

/// One table: its block headers, then a project table, a department table, or what could not be read.
enum TableReader {
    static func read(_ g: Grid, title: String?, into out: inout PerformanceReader.Result) {
        var headers: [Int: (kind: PerformanceBlockKind, roles: [PerformanceRole?])] = [:]
        var firstBudget: Int?
        var firstIndicators: Int?
        for r in 0..<g.rowCount {
            guard let h = HeaderMatcher.header(g, row: r) else { continue }
            headers[r] = h
            switch h.kind {
            case .budget: if firstBudget == nil { firstBudget = r }
            case .indicators: if firstIndicators == nil { firstIndicators = r }
            }
        }
        let selfEvaluationTitle = title.map(PerformanceReader.looksLikeSelfEvaluation) ?? false
        // A budget block alone is a self-evaluation table only when it is scored or titled so:
        // a 决算 table with 年初预算数 | 调整预算数 | 决算数 is not one.
        if let b = firstBudget, firstIndicators == nil, !selfEvaluationTitle,
            !headers[b]!.roles.contains(where: { $0 == .weight || $0 == .score })
        {
            firstBudget = nil
        }
        let name = title ?? ""
        guard firstBudget != nil || firstIndicators != nil else {
            if selfEvaluationTitle || (g.mentionsIndicators && title != nil) {
                out.unread.append(
                    UnreadTable(
                        table: g.index, title: name, span: g.table.span, problem: .noBlock,
                        reason: LocalizedText(
                            zh: "未找到“预算执行情况”或“绩效指标”表头", en: "neither a 预算执行情况 nor a 绩效指标 header was found")))
            }
            return
        }
        let budget = firstBudget.map { BlockReader.read(g, header: $0, kind: .budget, roles: headers[$0]!.roles, headers: headers) }
        let indicators = firstIndicators.map {
            BlockReader.read(g, header: $0, kind: .indicators, roles: headers[$0]!.roles, headers: headers)
        }
        for block in [budget, indicators].compactMap({ $0 }) { report(block, g, title: name, into: &out) }

        if budget == nil, let ind = indicators, DepartmentTableReader.isGroupLayout(ind.columns) {
            if let d = DepartmentTableReader.read(g, ind) { out.departments.append(d) }
            return
        }
        out.projects.append(ProjectTableReader.read(g, title: title, budget: budget, indicators: indicators))
    }

    /// Header words of no known role, and rows that did not align: one note each per block.
    static func report(_ block: BlockRead, _ g: Grid, title: String, into out: inout PerformanceReader.Result) {
        let what = block.columns.kind == .budget ? ("预算执行情况", "budget") : ("绩效指标", "indicator")
        let unmapped = block.columns.unmapped
        if !unmapped.isEmpty {
            let words = unmapped.map(\.headerText)
            let span = unmapped[0].header?.span ?? g.table.rows[block.columns.headerRow].span
            out.unread.append(
                UnreadTable(
                    table: g.index, title: title, span: span, problem: .unmappedHeader(block.columns.kind, words),
                    reason: LocalizedText(
                        zh: "\(what.0)表头“\(words.joined(separator: "”“"))”不是已知的列，这些列未读取",
                        en:
                            "the \(what.1) header \(words.map { "“\($0)”" }.joined(separator: ", ")) names no known column; those columns were not read"
                    )))
        }
        let rows = block.columns.unalignedRows
        if !rows.isEmpty {
            out.unread.append(
                UnreadTable(
                    table: g.index, title: title, span: g.table.rows[rows[0]].span, problem: .unalignedRows(block.columns.kind, rows),
                    reason: LocalizedText(
                        zh: "\(what.0)区有\(rows.count)行无法与表头对齐，这些行未读取",
                        en: "\(rows.count) row(s) of the \(what.1) block could not be aligned with its header and were not read")))
        }
    }
}

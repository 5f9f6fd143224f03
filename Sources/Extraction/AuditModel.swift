import Model

/// Everything extracted from one document, once; checks read this and never the raw text.
public struct AuditModel: Sendable {
    public let document: Document
    public let units: [TextUnit]
    public let mentions: [Mention]
    public let breakdowns: [Breakdown]
    public let shareClaims: [ShareClaim]
    public let chartSeries: [ChartSeries]
    /// Concept-bound amounts by concept, year and basis.
    public let facts: FactIndex
    public let changeClaims: [ChangeClaim]
    /// One figure stated twice in one paragraph (a budget item's amount and its 预算安排).
    public let restatements: [Restatement]
    public let classificationItems: [ClassificationItem]
    public let completionClaims: [CompletionClaim]
    /// "决算数小于预算数" beside the two figures, where no completion rate carries it.
    public let outturnComparisons: [OutturnComparison]
    /// 项目支出绩效自评表, 部门整体支出绩效自评表, and self-evaluation tables that could not be read.
    public let projectTables: [PerformanceTable]
    public let departmentTables: [DepartmentTable]
    public let unreadTables: [UnreadTable]
    /// What the narrative says about the projects and their scores.
    public let projectClaims: ProjectClaims
    public let documentFacts: DocumentFacts
    /// The nine 决算 tables and the budget tables, read by their header words; the places that name them.
    public let financeTables: FinanceTables
    /// Template text left in place of the report's own ("XX局", "××", "【单位名称】").
    public let placeholders: [Placeholder]
    /// Titles naming the reporting unit and a year ("示例局2024年度部门决算").
    public let unitTitles: [UnitTitle]
    /// The year the report is about ("2024年度部门决算"), when the document says.
    public let reportYear: Int?

    public var source: SourceText { document.source }

    /// An unfilled template: the report's own title names its unit with a placeholder ("XX局").
    public var isBlankTemplate: Bool {
        guard let first = unitTitles.first else { return false }
        return TemplateResidueReader.isPlaceholder(first.unit)
    }

    /// Extracts everything from `document`; `lap`, when given, is called after each stage.
    public init(document: Document, lap: ((String) -> Void)? = nil) {
        self = Extractor.extract(document, lap: lap)
    }

    /// The model within `budget`: extraction stops building once it is exhausted, and the
    /// failure (a budget exceeded, a number too long to hold) is thrown instead of a model.
    public static func extract(_ document: Document, budget: WorkBudget, lap: ((String) -> Void)? = nil) throws(InputError) -> AuditModel {
        let model = Extractor.extract(document, budget: budget, lap: lap)
        try budget.check()
        return model
    }

    init(
        document: Document, units: [TextUnit], mentions: [Mention], breakdowns: [Breakdown],
        shareClaims: [ShareClaim], chartSeries: [ChartSeries], facts: FactIndex, changeClaims: [ChangeClaim], restatements: [Restatement],
        classificationItems: [ClassificationItem], completionClaims: [CompletionClaim], outturnComparisons: [OutturnComparison],
        performance: PerformanceReader.Result, projectClaims: ProjectClaims, documentFacts: DocumentFacts,
        financeTables: FinanceTables, residue: (placeholders: [Placeholder], titles: [UnitTitle]), reportYear: Int?
    ) {
        self.document = document
        self.units = units
        self.mentions = mentions
        self.breakdowns = breakdowns
        self.shareClaims = shareClaims
        self.chartSeries = chartSeries
        self.facts = facts
        self.changeClaims = changeClaims
        self.restatements = restatements
        self.classificationItems = classificationItems
        self.completionClaims = completionClaims
        self.outturnComparisons = outturnComparisons
        self.projectTables = performance.projects
        self.departmentTables = performance.departments
        self.unreadTables = performance.unread
        self.projectClaims = projectClaims
        self.documentFacts = documentFacts
        self.financeTables = financeTables
        self.placeholders = residue.placeholders
        self.unitTitles = residue.titles
        self.reportYear = reportYear
    }

    public func unit(of m: Mention) -> TextUnit { units[m.unit] }

    /// The section path of a mention's text ("第二部分 › 三、支出决算情况说明").
    public func sectionPath(of m: Mention) -> [String] { document.sectionPath(units[m.unit].section) }

    /// The source text of a span, for quoting in messages.
    public func quote(_ span: Span) -> String { document.source.text(span.range) }
}

/// Builds the `AuditModel`: text units, mentions, breakdowns, share claims, chart series.
enum Extractor {
    /// `lap`, when given, is called after each stage with its name (`reportlint profile`).
    static func extract(_ document: Document, budget: WorkBudget? = nil, lap: ((String) -> Void)? = nil) -> AuditModel {
        let units = makeUnits(document, budget: budget)
        lap?("units")
        var mentions: [Mention] = []
        var starts: [Int32] = [0]
        starts.reserveCapacity(units.count + 1)
        for u in units {
            mentions.append(contentsOf: MentionReader.read(u, firstID: mentions.count))
            starts.append(Int32(mentions.count))
        }
        let byUnit = MentionsByUnit(mentions: mentions, starts: starts)
        lap?("mentions")
        let reportYear = ReportYear.detect(document, units: units)
        lap?("report year")
        let breakdowns = BreakdownReader.read(units: units, mentionsByUnit: byUnit)
        lap?("breakdowns")
        let facts = ConceptIndex(mentions: mentions)
        let shares = ShareClaimReader.read(mentions: mentions, byUnit: byUnit, breakdowns: breakdowns, facts: facts)
        lap?("share claims")
        var series: [ChartSeries] = []
        for chart in document.charts { series.append(contentsOf: ChartReader.read(chart)) }
        lap?("charts")
        let financeTables = FinanceTableReader.read(document, units: units)
        lap?("finance tables")
        let factIndex = FactIndex(units: units, mentions: mentions, reportYear: reportYear, tables: financeTables)
        lap?("fact index")
        let changes = ChangeClaimReader.read(units: units, byUnit: byUnit, facts: factIndex, charts: series, reportYear: reportYear)
        let restatements = RestatementReader.read(claims: changes, units: units, byUnit: byUnit, reportYear: reportYear)
        lap?("change claims")
        let performance = PerformanceReader.read(document, units: units)
        lap?("performance tables")
        let classification = ClassificationReader.read(units: units, byUnit: byUnit)
        lap?("classification")
        let completion = CompletionClaimReader.read(units: units, byUnit: byUnit)
        let comparisons = CompletionClaimReader.outturnComparisons(units: units, byUnit: byUnit, claims: completion)
        lap?("completion")
        let projectClaims = ProjectClaimReader.read(units: units, byUnit: byUnit)
        lap?("project claims")
        let documentFacts = DocumentFactReader.read(
            document, units: units, reportYear: reportYear, performance: performance,
            hasCharts: !document.charts.isEmpty)
        lap?("document facts")
        let residue = TemplateResidueReader.read(document)
        lap?("template residue")
        return AuditModel(
            document: document, units: units, mentions: mentions, breakdowns: breakdowns,
            shareClaims: shares, chartSeries: series, facts: factIndex, changeClaims: changes, restatements: restatements,
            classificationItems: classification, completionClaims: completion, outturnComparisons: comparisons,
            performance: performance, projectClaims: projectClaims, documentFacts: documentFacts,
            financeTables: financeTables, residue: residue, reportYear: reportYear)
    }

    /// The document's paragraphs and cells, scanned; with a budget, the numbers read are
    /// charged as they are read, and building stops once the budget is exhausted.
    static func makeUnits(_ document: Document, budget: WorkBudget? = nil) -> [TextUnit] {
        var units: [TextUnit] = []
        var tableIndex = 0
        func add(_ location: Location, _ text: CleanText, _ section: Int?) {
            let unit = TextUnit(index: units.count, location: location, text: text, section: section, budget: budget)
            units.append(unit)
            guard let budget else { return }
            let scanned = unit.scanned
            budget.charge(.quantities, scanned.quantities.count)
            budget.charge(.memory, TextUnit.estimatedBytes(scanned))
        }
        for (bi, block) in document.blocks.enumerated() {
            if budget?.isExhausted == true { break }
            switch block {
            case .paragraph(let p):
                add(.paragraph(block: bi), p.text, p.section)
            case .table(let t):
                for (ri, row) in t.rows.enumerated() {
                    // A unit carries numbers: a cell without a digit has none to give (and a large
                    // report has hundreds of thousands of such cells).
                    for (ci, cell) in row.cells.enumerated() where cell.text.withScalars({ $0.contains { $0 >= 0x30 && $0 <= 0x39 } }) {
                        if budget?.isExhausted == true { break }
                        add(.cell(table: tableIndex, row: ri, column: ci), cell.text, t.section)
                    }
                }
                tableIndex += 1
            case .heading, .chart:
                break
            }
        }
        return units
    }
}

/// Each unit's mentions, as a slice of the document's (a unit's mentions are contiguous).
struct MentionsByUnit {
    let mentions: [Mention]
    let starts: [Int32]

    subscript(unit: Int) -> ArraySlice<Mention> { mentions[Int(starts[unit])..<Int(starts[unit + 1])] }
}

/// Stated amounts of each concept, for resolving a total named elsewhere.
struct ConceptIndex {
    private var byConcept: [String: [Mention]] = [:]
    /// Per concept: whether some statement has no year, and the years stated.
    private var undated: Set<String> = []
    private var years: [String: Set<Int>] = [:]

    init(mentions: [Mention]) {
        for m in mentions where m.role == .amount {
            guard let c = m.concept else { continue }
            byConcept[c.id, default: []].append(m)
            if let y = m.year { years[c.id, default: []].insert(y) } else { undated.insert(c.id) }
        }
    }

    /// The statement of `concept` nearest before `m` (else the first after it), preferring statements
    /// whose year agrees with `m`'s, and only of `basis` when one is asked for (a budget is not the
    /// total of an outturn's parts). Bisection, then a walk to the nearest agreeing statement.
    func resolve(_ concept: Concept, near m: Mention, basis: Basis? = nil) -> Mention? {
        guard let list = byConcept[concept.id], !list.isEmpty else { return nil }
        let anyAgrees = m.year == nil || undated.contains(concept.id) || (years[concept.id]?.contains(m.year!) ?? false)
        let agrees: (Mention) -> Bool = {
            (!anyAgrees || $0.year == nil || m.year == nil || $0.year == m.year) && (basis == nil || FactIndex.basis(of: $0) == basis)
        }
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].id < m.id { lo = mid + 1 } else { hi = mid }
        }
        return list[..<lo].last(where: agrees) ?? list.first(where: agrees)
    }
}

/// Binds each "占Y%" to its part and its base.
enum ShareClaimReader {
    static func read(mentions: [Mention], byUnit: MentionsByUnit, breakdowns: [Breakdown], facts: ConceptIndex) -> [ShareClaim] {
        var breakdownOfShare: [Int: Int] = [:]
        for b in breakdowns {
            for p in b.parts { if let s = p.share { breakdownOfShare[s.id] = b.id } }
        }
        var out: [ShareClaim] = []
        for m in mentions where m.role == .share {
            let siblings = byUnit[m.unit]
            guard let part = siblings.last(where: { $0.id < m.id && $0.sentence == m.sentence && BreakdownReader.isAmount($0) }) else {
                continue
            }
            var base: Mention?
            var breakdownID: Int?
            if let concept = m.baseConcept {
                base = facts.resolve(concept, near: m)
            } else if let label = m.baseLabel, !label.isEmpty {
                base = resolve(label: label, before: m, in: mentions)
            } else if let b = breakdownOfShare[m.id] {
                breakdownID = b
                let bd = breakdowns[b]
                base = bd.head ?? bd.headConcept.flatMap { facts.resolve($0, near: m, basis: bd.headBasis) }
            }
            if let b = base, b.id == part.id { continue }
            out.append(ShareClaim(share: m, part: part, base: base, breakdown: breakdownID))
        }
        return out
    }

    /// A base named by words the catalogue does not know: the nearest earlier amount whose label ends with them.
    static func resolve(label: String, before m: Mention, in mentions: [Mention]) -> Mention? {
        let want = Catalogue.normalize(Chars.of(label))
        guard want.count >= 2 else { return nil }
        var i = m.id - 1
        while i >= 0 && m.id - i < 400 {
            let c = mentions[i]
            if BreakdownReader.isAmount(c) {
                let l = Catalogue.normalize(c.labelScalars)
                if l.count >= want.count && Array(l[(l.count - want.count)...]) == want { return c }
            }
            i -= 1
        }
        return nil
    }
}

/// The year a report covers: from its titles ("第二部分 2024年度部门决算情况说明",
/// "…自评表（2024年度）"), else the fiscal year mentioned most often.
enum ReportYear {
    static let titleWords = ["决算", "自评", "绩效评价", "预算"].map(Chars.of)

    static func detect(_ document: Document, units: [TextUnit]) -> Int? {
        // The year most titles name (a stale heading is outvoted); ties go to the first.
        var titleYears: [Int] = []
        for block in document.blocks {
            let text: CleanText
            switch block {
            case .heading(let h): text = h.title
            case .table(let t):
                guard let first = t.rows.first, first.cells.count == 1 else { continue }
                text = first.cells[0].text
            case .paragraph(let p):
                guard p.text.count <= 40 else { continue }
                text = p.text
            default: continue
            }
            guard titleWords.contains(where: { text.contains($0) }) else { continue }
            if let y = NumberScanner.scan(text).years.first(where: { $0.form == .fiscalYear || $0.form == .bracketed || $0.form == .year })
            {
                titleYears.append(y.year)
            }
        }
        if let best = mostFrequent(titleYears) { return best }
        var fiscal: [Int] = []
        for u in units { for y in u.scanned.years where y.form == .fiscalYear { fiscal.append(y.year) } }
        return mostFrequent(fiscal)
    }

    static func mostFrequent(_ years: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        for y in years { counts[y, default: 0] += 1 }
        guard let top = counts.values.max() else { return nil }
        return years.first { counts[$0] == top }
    }
}

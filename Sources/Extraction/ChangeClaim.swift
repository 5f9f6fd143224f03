import Model

/// The prior-year value a year-on-year sentence is measured against, when the
/// document states it (in chart data, in another sentence) rather than implying it.
public struct PriorValue: Sendable {
    public var quantity: Quantity
    /// Where it was found, for messages ("图表数据", "正文").
    public var source: LocalizedText
}

/// A year-on-year sentence: "与2023年度相比，收、支总计各减少96.36万元，下降6.99%".
public struct ChangeClaim: Sendable {
    public var id: Int
    public var unit: Int
    public var sentence: Int
    /// What changed: a standard quantity, else the words naming it.
    public var subject: Concept?
    public var subjectName: String
    /// The current-year amount (A).
    public var current: Mention?
    /// The stated change (C) and rate (Y); the direction words live in their labels.
    public var change: Mention?
    public var rate: Mention?
    /// "持平", when the sentence says there was no change.
    public var flat: Span?
    /// The year compared with ("与2023年度相比", "较上年度"), and where the comparison names it
    /// ("比2025年预算执行数"), when it names a year.
    public var referenceYear: Int?
    public var referenceSpan: Span? = nil
    public var prior: PriorValue?
    /// Direction words that contradict each other within the claim: "下降（增长）27.78%", or a
    /// change of a stated size that is also called 持平.
    public var conflict: Span? = nil

    /// The stated direction (from the change amount, else the rate).
    public var direction: Direction? { change?.direction ?? rate?.direction ?? (flat != nil ? .flat : nil) }
}

enum ChangeClaimReader {
    static let flatWord = Chars.of("持平")
    static let priorYearWords = ["上年度", "上年", "上一年度", "去年", "同比"].map(Chars.of)
    static let comparisonStarts: Set<UInt32> = Set(Chars.of("与比较同"))

    static func read(units: [TextUnit], byUnit: MentionsByUnit, facts: FactIndex, charts: [ChartSeries], reportYear: Int?) -> [ChangeClaim]
    {
        var out: [ChangeClaim] = []
        let charted = ChartedAmounts(charts)
        for unit in units where unit.location.isParagraph {
            let mentions = byUnit[unit.index]
            for (si, sentence) in unit.sentences.enumerated() {
                let inSentence = mentions.filter { $0.sentence == si }
                let changes = inSentence.filter { $0.role == .changeAmount || $0.role == .changeRate }
                let flatAt = unit.text.find(flatWord, from: sentence.lowerBound, to: sentence.upperBound)
                guard !changes.isEmpty || flatAt != nil else { continue }
                let reference = referenceYear(unit, sentence, reportYear: reportYear)
                let refYear = reference?.year
                // Pair each change amount with the rate that follows it.
                var groups: [(Mention?, Mention?)] = []
                for m in changes {
                    if m.role == .changeAmount {
                        groups.append((m, nil))
                    } else if let last = groups.last, last.1 == nil, last.0 != nil {
                        groups[groups.count - 1].1 = m
                    } else {
                        groups.append((nil, m))
                    }
                }
                if groups.isEmpty && flatAt != nil { groups.append((nil, nil)) }
                for (change, rate) in groups {
                    let anchor = change ?? rate
                    let anchorIndex = anchor?.quantity.textRange.lowerBound ?? flatAt ?? sentence.lowerBound
                    var claim = ChangeClaim(
                        id: out.count, unit: unit.index, sentence: si, subject: nil, subjectName: "",
                        current: nil, change: change, rate: rate,
                        flat: groups.count == 1 ? flatAt.map { unit.text.span($0..<($0 + flatWord.count)) } : nil,
                        referenceYear: refYear, prior: nil)
                    claim.referenceSpan = reference?.span
                    claim.conflict = conflict(unit, change: change, rate: rate, flatAt: flatAt, sentence: sentence)
                    resolveSubject(&claim, unit: unit, mentions: mentions, before: anchorIndex, sentence: sentence)
                    resolveCurrent(&claim, unit: unit, mentions: mentions, facts: facts, before: anchorIndex, reportYear: reportYear)
                    // A year compared with itself has no prior to measure against (report-period says so).
                    if refYear != reportYear || reportYear == nil {
                        resolveStatedPrior(&claim, unit: unit, mentions: inSentence, before: anchorIndex, sentence: sentence)
                        if claim.prior == nil { resolvePrior(&claim, facts: facts, charted: charted) }
                    }
                    // Without a year compared with, a change is against a budget ("年终调减预算"), and a
                    // 持平 is about budget and outturn ("决算数与预算数持平"): neither is year on year.
                    if refYear == nil { continue }
                    out.append(claim)
                }
            }
        }
        return out
    }

    /// "与2023年度相比", "比2022年", "较上年度": the year the sentence compares with.
    static func referenceYear(_ unit: TextUnit, _ sentence: Range<Int>, reportYear: Int?) -> (year: Int, span: Span?)? {
        let t = unit.text
        for y in unit.scanned.years where sentence.contains(y.textRange.lowerBound) {
            let i = y.textRange.lowerBound
            if i > 0 && comparisonStarts.contains(t[i - 1]) {
                // "比2025年预算执行数": from the comparison word to the end of what it names.
                var k = y.textRange.upperBound
                while k < sentence.upperBound && !MentionReader.isBoundary(t[k]) && !Chars.isDigit(t[k]) && !directionStart.contains(t[k]) {
                    k += 1
                }
                return (y.year, t.span((i - 1)..<k))
            }
        }
        for w in priorYearWords {
            if t.find(w, from: sentence.lowerBound, to: sentence.upperBound) != nil { return reportYear.map { ($0 - 1, nil) } }
        }
        return nil
    }

    /// How far 持平 may stand from a change figure and still describe it ("增加3万元，基本持平" is two
    /// clauses; "增加3万元基本持平" one).
    static let flatClauseReach = 8

    /// Direction words that contradict each other: both ways before one figure ("下降（增长）27.78%",
    /// "减少（增加）"), or 持平 in the clause of a change stated as a size.
    static func conflict(_ unit: TextUnit, change: Mention?, rate: Mention?, flatAt: Int?, sentence: Range<Int>) -> Span? {
        for m in [change, rate].compactMap({ $0 }) {
            let label = m.labelScalars
            let up = MentionReader.upWords.contains { MentionReader.contains($0, in: label) }
            let down = MentionReader.downWords.contains { MentionReader.contains($0, in: label) }
            if up && down { return unit.text.span(m.labelRange.lowerBound..<m.quantity.textRange.upperBound) }
        }
        if let f = flatAt, let m = change ?? rate, !m.quantity.value.isZero {
            // The same clause: only a few Chinese words between 持平 and the figure (no boundary, no
            // line or table cell of other text).
            let (a, b) = f < m.quantity.textRange.lowerBound ? (f, m.quantity.textRange.lowerBound) : (m.quantity.textRange.upperBound, f)
            if b - a <= flatClauseReach && (a..<b).allSatisfy({ Chars.isHan(unit.text[$0]) }) {
                return unit.text.span(min(f, m.quantity.textRange.lowerBound)..<max(f + flatWord.count, m.quantity.textRange.upperBound))
            }
        }
        return nil
    }

    /// The subject: the change's own concept, else the clause before 持平, else the amount the sentence is about.
    static func resolveSubject(_ c: inout ChangeClaim, unit: TextUnit, mentions: ArraySlice<Mention>, before: Int, sentence: Range<Int>) {
        if let concept = c.change?.concept {
            c.subject = concept
            c.subjectName = concept.zh
            return
        }
        if c.change == nil && c.rate == nil && c.flat != nil {
            // "因公出国（境）支出决算与2023年持平": the clause before 持平 names it.
            let flatIndex = unit.text.find(flatWord, from: sentence.lowerBound, to: sentence.upperBound) ?? before
            var start = flatIndex
            while start > sentence.lowerBound && !MentionReader.isBoundary(unit.text[start - 1]) { start -= 1 }
            if let match = Catalogue.match(Array(unit.text.scalars[start..<flatIndex])) {
                c.subject = match.concept
                c.subjectName = match.concept.zh
            }
            return
        }
        let previous = mentions.last { $0.quantity.textRange.lowerBound < before && BreakdownReader.isAmount($0) && sameFamily($0, c) }
        if let p = previous {
            c.subject = p.concept
            c.subjectName = p.name
        }
    }

    static func sameFamily(_ m: Mention, _ c: ChangeClaim) -> Bool {
        guard let ch = c.change else { return true }
        return BreakdownReader.sameFamily(m.quantity.unit, ch.quantity.unit)
    }

    /// The current amount: the subject's statement nearest before the change in this paragraph, else the fact index.
    static func resolveCurrent(
        _ c: inout ChangeClaim, unit: TextUnit, mentions: ArraySlice<Mention>, facts: FactIndex, before: Int, reportYear: Int?
    ) {
        let candidates = mentions.filter { $0.quantity.textRange.lowerBound < before && BreakdownReader.isAmount($0) && sameFamily($0, c) }
        if let subject = c.subject {
            let related = Set([subject.id] + (FactIndex.equivalents[subject.id] ?? []))
            if let m = candidates.last(where: { $0.concept.map { related.contains($0.id) } ?? false }) {
                c.current = m
                return
            }
            let probe = c.change ?? c.rate ?? mentions.first
            if let probe, let fact = facts.nearest(subject.id, to: probe, year: reportYear) {
                c.current = fact.mention
            }
            return
        }
        // In the same sentence, the nearest amount; in an earlier one, that sentence's first (its topic).
        let earlier = candidates.last.map { last in candidates.first { $0.sentence == last.sentence } ?? last }
        if let m = candidates.last(where: { $0.sentence == c.sentence }) ?? earlier {
            c.current = m
            if c.subjectName.isEmpty { c.subjectName = m.name }
        }
    }

    /// The prior value stated in the sentence itself: "2025年当年预算执行数为A万元，2026年预算安排B万元，
    /// 比2025年预算执行数增加P%" compares B with A. The prior is the amount before the change whose
    /// label names the year compared with and, when the comparison names what it compares with
    /// ("比2025年预算执行数"), names that too.
    static func resolveStatedPrior(_ c: inout ChangeClaim, unit: TextUnit, mentions: [Mention], before: Int, sentence: Range<Int>) {
        guard let year = c.referenceYear, let current = c.current, current.sentence == c.sentence else { return }
        let t = unit.text
        // What the comparison names: the words after "比2025年" up to the direction word or the figure.
        var named: [UInt32] = []
        if let y = unit.scanned.years.last(where: {
            $0.year == year && sentence.contains($0.textRange.lowerBound) && $0.textRange.upperBound <= before
        }),
            y.textRange.lowerBound > 0, comparisonStarts.contains(t[y.textRange.lowerBound - 1])
        {
            var k = y.textRange.upperBound
            while k < before && !MentionReader.isBoundary(t[k]) && !Chars.isDigit(t[k]) {
                named.append(t[k])
                k += 1
            }
            named = Array(Catalogue.normalize(named).prefix { !directionStart.contains($0) })
            // "比2025年相比", "比上年": no noun to match.
            named = named.filter { $0 != 0x76F8 && $0 != 0x6BD4 } // 相 比
        }
        let candidates = mentions.filter {
            $0.id != current.id && $0.quantity.textRange.lowerBound < before && BreakdownReader.isAmount($0)
                && BreakdownReader.sameFamily($0.quantity.unit, current.quantity.unit) && $0.year == year
        }
        // The candidate names what the comparison names: its label (without a closing 为/是/达) ends the same way.
        let fits = candidates.filter { m in
            guard named.count >= 2 else { return true }
            var label = Catalogue.normalize(m.labelScalars)
            while let last = label.last, copulas.contains(last) { label.removeLast() }
            return label.count >= 2 && label.suffix(min(3, named.count)).elementsEqual(named.suffix(min(3, named.count)))
        }
        guard let p = fits.last else { return }
        c.prior = PriorValue(quantity: p.quantity, source: LocalizedText(zh: "正文", en: "the text"))
    }

    static let copulas: Set<UInt32> = Set(Chars.of("为是达共计约"))

    /// 增减持: where a comparison's noun phrase ends.
    static let directionStart: Set<UInt32> = Set(Chars.of("增减持多少上下提降"))

    /// A prior value the document states: chart data for the reference year, or a prose statement of that year.
    static func resolvePrior(_ c: inout ChangeClaim, facts: FactIndex, charted: ChartedAmounts) {
        guard let subject = c.subject, let year = c.referenceYear else { return }
        if let fact = facts.first(subject.id, year: year, includeEquivalents: true, exactYear: true) {
            c.prior = PriorValue(quantity: fact.mention.quantity, source: LocalizedText(zh: "正文", en: "the text"))
            return
        }
        if var q = charted.first(subject.id, year: year) {
            if q.unit == .none { q.unit = c.current?.quantity.unit ?? c.change?.quantity.unit ?? .wanYuan }
            c.prior = PriorValue(quantity: q, source: LocalizedText(zh: "图表数据", en: "the chart data"))
        }
    }
}

/// One figure stated twice in one paragraph: a numbered budget item's amount ("“…（项）”208.8万元")
/// and the same year's budget in its change sentence ("2026年预算安排201.50万元").
public struct Restatement: Sendable {
    public var first: Mention
    public var again: Mention
    /// The item's name (the last level of its classification path, "住房公积金"), when it has one.
    public var name: String?
}

enum RestatementReader {
    /// For each change claim whose current figure is the report year's budget (预算安排) stated in a
    /// numbered paragraph, the paragraph's opening amount restated.
    static func read(claims: [ChangeClaim], units: [TextUnit], byUnit: MentionsByUnit, reportYear: Int?) -> [Restatement] {
        var out: [Restatement] = []
        var seen = Set<Int>()
        for c in claims where c.prior != nil {
            // The budget year's figure: later than the year compared with (and the report's year, when known).
            guard let b = c.current, let year = b.year, let reference = c.referenceYear, year > reference,
                reportYear.map({ $0 == year }) ?? true,
                MentionReader.contains(arranged, in: b.labelScalars), seen.insert(b.id).inserted
            else { continue }
            let unit = units[b.unit]
            guard Numbering.parse(unit.text) != nil,
                let first = byUnit[b.unit].first(where: {
                    BreakdownReader.isAmount($0) && BreakdownReader.sameFamily($0.quantity.unit, b.quantity.unit)
                }),
                first.id != b.id, first.sentence < b.sentence, first.year == nil
            else { continue }
            // "12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）": the last level names the item.
            let start = Numbering.parse(unit.text)?.1 ?? 0
            let path = Array(unit.text.scalars[start..<first.labelRange.upperBound])
            let name = ClassificationReader.parse(Catalogue.normalize(path))?.last?.name ?? lastLevel(Catalogue.normalize(path))
            out.append(Restatement(first: first, again: b, name: name.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return out
    }

    static let arranged = Chars.of("预算安排")

    /// "…住房改革支出(02款)住房公积金(01项)": the words before the last parenthesis.
    static func lastLevel(_ path: [UInt32]) -> String? {
        guard let open = path.lastIndex(of: 0x28) else { return nil }
        let start = path[..<open].lastIndex(of: 0x29).map { $0 + 1 } ?? 0
        guard start < open else { return nil }
        return Chars.string(path[start..<open])
    }
}

/// The first charted amount of each concept and year, looked up once per change claim.
struct ChartedAmounts {
    private var byKey: [String: Quantity] = [:]

    init(_ charts: [ChartSeries]) {
        for series in charts where !series.isPercent {
            guard let year = series.year else { continue }
            for point in series.points {
                for id in point.concepts where byKey["\(id)|\(year)"] == nil { byKey["\(id)|\(year)"] = point.value }
            }
        }
    }

    func first(_ conceptID: String, year: Int) -> Quantity? { byKey["\(conceptID)|\(year)"] }
}

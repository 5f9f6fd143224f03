import Model

/// Whether a figure is a budget (预算数) or an outturn (决算数).
public enum Basis: String, Sendable, Hashable {
    case actual = "决算"
    case budget = "预算"
}

/// A stated value of a standard quantity: which concept, for which year, on which basis.
public struct Fact: Sendable {
    public var mention: Mention
    public var concept: Concept
    public var year: Int?
    public var basis: Basis
}

/// Every concept-bound amount stated in the prose, keyed by concept, year and basis; joined
/// with the finance tables, so that one quantity has one value whether the text or a table
/// states it (`table(_:basis:)`).
public struct FactIndex: Sendable {
    public private(set) var facts: [Fact] = []
    var byConcept: [String: [Int]] = [:]
    /// The report's finance tables, for the table cell each concept restates.
    public private(set) var tables = FinanceTables()

    /// Concepts that name the same figure ("收、支总计均为X" states 收入总计 and 支出总计).
    static let equivalents: [String: [String]] = [
        "income-expenditure-total": ["income-total", "expenditure-total"],
        "income-total": ["income-expenditure-total"],
        "expenditure-total": ["income-expenditure-total"]
    ]

    static let budgetWords = ["预算数", "年初预算", "全年预算", "调整预算", "调整后预算", "预算收入", "预算支出", "预算安排", "预算为"].map(Chars.of)
    static let actualWord = Chars.of("决算")
    static let comparisonWords: Set<UInt32> = Set(Chars.of("与比较同"))

    init(units: [TextUnit], mentions: [Mention], reportYear: Int?, tables: FinanceTables = FinanceTables()) {
        self.tables = tables
        for m in mentions where m.role == .amount && m.quantity.comparator == nil && !m.quantity.approximate {
            guard let concept = m.concept, units[m.unit].location.isParagraph else { continue }
            let fact = Fact(
                mention: m, concept: concept, year: FactIndex.year(of: m, in: units[m.unit]) ?? reportYear,
                basis: FactIndex.basis(of: m))
            byConcept[concept.id, default: []].append(facts.count)
            facts.append(fact)
        }
    }

    /// The label's year, else the sentence's year before the number (not one introduced by 与/比/较).
    static func year(of m: Mention, in unit: TextUnit) -> Int? {
        if let y = m.year { return y }
        let sentence = unit.sentences[m.sentence]
        var found: Int?
        for y in unit.scanned.years
        where sentence.contains(y.textRange.lowerBound) && y.textRange.lowerBound < m.quantity.textRange.lowerBound {
            let before = y.textRange.lowerBound > 0 ? unit.text[y.textRange.lowerBound - 1] : 0
            if comparisonWords.contains(before) { continue }
            if found == nil { found = y.year }
        }
        return found
    }

    /// Budget when the label, without the concept's own name, speaks of 预算 ("预算支出1281.97万元").
    static func basis(of m: Mention) -> Basis {
        var label = Catalogue.normalize(m.labelScalars)
        if let match = Catalogue.match(m.labelScalars), match.position + match.length <= label.count {
            label.removeSubrange(match.position..<(match.position + match.length))
        }
        func contains(_ w: [UInt32]) -> Bool {
            guard w.count <= label.count else { return false }
            return (0...(label.count - w.count)).contains { Array(label[$0..<($0 + w.count)]) == w }
        }
        if contains(actualWord) { return .actual }
        return budgetWords.contains(where: contains) ? .budget : .actual
    }

    /// The table cell a concept's figure of the report year is printed in (决算数 or 预算数), if a table has it:
    /// 收支总计 in table 1, 财政拨款收支总计 in table 4, “三公”经费 in table 7 … (`TableRules.concepts`).
    public func table(_ conceptID: String, basis: Basis) -> TableCells? {
        let wanted: [ColumnBasis] = basis == .actual ? [.actual] : [.budget, .initialBudget, .adjustedBudget]
        for ref in TableRules.concepts[conceptID] ?? [] where tables.first(ref.kind) != nil {
            for b in wanted { if let cells = tables.resolve(ref, basis: b) { return cells } }
        }
        return nil
    }

    /// The first statement in document order; `exactYear` refuses statements without a year of their own.
    /// Stops at the first fit in each concept's list, so a check may ask once per claim even in a huge document.
    public func first(
        _ conceptID: String, year: Int?, basis: Basis = .actual, includeEquivalents: Bool = false,
        exactYear: Bool = false
    ) -> Fact? {
        var best: Fact?
        for id in ids(conceptID, includeEquivalents) {
            guard let i = (byConcept[id] ?? []).first(where: { fits(facts[$0], year, basis, exactYear: exactYear) }) else { continue }
            if best.map({ facts[i].mention.id < $0.mention.id }) ?? true { best = facts[i] }
        }
        return best
    }

    /// The statement nearest before mention `m` (else the first after it), found by bisection.
    public func nearest(_ conceptID: String, to m: Mention, year: Int?, basis: Basis = .actual) -> Fact? {
        var before: Fact?
        var after: Fact?
        for id in ids(conceptID, true) {
            let list = byConcept[id] ?? []
            var lo = 0
            var hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if facts[list[mid]].mention.id < m.id { lo = mid + 1 } else { hi = mid }
            }
            if let i = list[..<lo].last(where: { fits(facts[$0], year, basis, exactYear: false) }),
                before.map({ facts[i].mention.id > $0.mention.id }) ?? true
            {
                before = facts[i]
            }
            if let i = list[lo...].first(where: { fits(facts[$0], year, basis, exactYear: false) }),
                after.map({ facts[i].mention.id < $0.mention.id }) ?? true
            {
                after = facts[i]
            }
        }
        return before ?? after
    }

    private func ids(_ conceptID: String, _ includeEquivalents: Bool) -> [String] {
        includeEquivalents ? [conceptID] + (FactIndex.equivalents[conceptID] ?? []) : [conceptID]
    }

    private func fits(_ f: Fact, _ year: Int?, _ basis: Basis, exactYear: Bool) -> Bool {
        guard f.basis == basis else { return false }
        if exactYear { return f.year == year }
        return year == nil || f.year == nil || f.year == year
    }
}

import Extraction
import Model

/// A parsed expression of a configuration rule (docs/configuration.md, "Rules"). Every node
/// keeps the characters it was read from (`range`, scalar offsets in the written text), so an
/// error and a message can point at them.
public struct RuleNode: Sendable {
    public indirect enum Kind: Sendable {
        /// A number as written, in the unit written after it (10% is 0.1, exactly).
        case number(Dec, RuleUnit)
        /// A quoted text ('' is the empty text).
        case text(String)
        /// A standard quantity of the text, for a year and a basis.
        case concept(ConceptReference)
        /// A column of a self-evaluation table's row.
        case field(RowField)
        case negate(RuleNode)
        case arithmetic(ArithmeticOperator, RuleNode, RuleNode)
    }

    public var kind: Kind
    public var range: Range<Int>

    /// Every concept reference in the expression, left to right.
    public var concepts: [ConceptReference] {
        switch kind {
        case .concept(let c): return [c]
        case .negate(let n): return n.concepts
        case .arithmetic(_, let a, let b): return a.concepts + b.concepts
        case .number, .text, .field: return []
        }
    }

    /// Every row field in the expression, left to right.
    public var fields: [RowField] {
        switch kind {
        case .field(let f): return [f]
        case .negate(let n): return n.fields
        case .arithmetic(_, let a, let b): return a.fields + b.fields
        case .number, .text, .concept: return []
        }
    }

    public var isText: Bool { if case .text = kind { return true } else { return false } }
}

public enum ArithmeticOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "×"
    case divide = "÷"
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=` (also written `==`, `≠`, `≤`, `≥`).
public enum RuleComparator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "≠"
    case less = "<"
    case lessOrEqual = "≤"
    case greater = ">"
    case greaterOrEqual = "≥"

    /// What a breach looks like: the comparator that holds instead ("4.60 > 4.10" for a `≤`).
    public var breach: String {
        switch self {
        case .equal: return "≠"
        case .notEqual: return "="
        case .less: return "≥"
        case .lessOrEqual: return ">"
        case .greater: return "≤"
        case .greaterOrEqual: return "<"
        }
    }
}

/// `left comparator right`.
public struct RuleRelation: Sendable {
    public var left: RuleNode
    public var comparator: RuleComparator
    public var right: RuleNode
    public var range: Range<Int>
    /// Compares texts (a side is a quoted text): only `=` and `≠`.
    public var isText: Bool { left.isText || right.isText }
}

/// A relation that must hold, or — in a table rule — one that must hold whenever another
/// does (`得分 < 分值 => 偏差原因 != ''`).
public struct RuleCondition: Sendable {
    public var premise: RuleRelation?
    public var conclusion: RuleRelation
    /// The expression as written.
    public var text: String
}

/// A year relative to the report's: `本年` (the report's), `上年` (the one before), `前年`.
public enum RelativeYear: Int, Sendable, Hashable {
    case current = 0
    case prior = 1
    case twoBefore = 2
}

/// A concept of the fact index with its qualifiers: `三公经费.上年决算`.
public struct ConceptReference: Sendable, Hashable {
    public var concept: Concept
    public var year: RelativeYear
    /// nil: as the report states it (决算 when it states an outturn, else 预算).
    public var basis: Basis?
    /// The reference as written, for messages and placeholders.
    public var written: String

    public init(concept: Concept, year: RelativeYear, basis: Basis?, written: String) {
        self.concept = concept
        self.year = year
        self.basis = basis
        self.written = written
    }

    /// A stable name for fingerprints: the concept id and its qualifiers, never the wording.
    public var key: String {
        concept.id + (year == .current ? "" : "@-\(year.rawValue)") + (basis.map { "/" + $0.rawValue } ?? "")
    }
}

/// The unit written after a number in a rule.
public enum RuleUnit: Sendable, Hashable {
    /// No unit: a plain factor (`2 * 公用经费`).
    case none
    /// `%`: the value is a fraction (10% is 0.1).
    case percent
    /// Money, held in 万元 (元 and 亿元 are converted).
    case money
    case count
    case points

    public var dimension: RuleDimension {
        switch self {
        case .none: return .number
        case .percent: return .ratio
        case .money: return .money
        case .count: return .count
        case .points: return .points
        }
    }
}

/// What a value measures, checked before any report is read: an amount is not compared
/// with a percentage, nor added to a count.
public enum RuleDimension: String, Sendable {
    /// 万元
    case money
    /// A fraction (a rate, a percentage).
    case ratio
    case count
    /// Score points (分值, 得分).
    case points
    /// A plain number.
    case number
    case text
    /// Known only when a row is read (a target or a completed value: %, 万元, 个 …).
    case any

    public var zh: String {
        switch self {
        case .money: return "金额（万元）"
        case .ratio: return "比率（%）"
        case .count: return "数量"
        case .points: return "分值"
        case .number: return "无单位的数"
        case .text: return "文字"
        case .any: return "任意"
        }
    }

    public var en: String {
        switch self {
        case .money: return "an amount (万元)"
        case .ratio: return "a rate (%)"
        case .count: return "a count"
        case .points: return "points"
        case .number: return "a number without a unit"
        case .text: return "text"
        case .any: return "any"
        }
    }
}

import Engine
import Extraction
import Model

/// A value a rule's name stands for in one report: a stated figure (or one derived from
/// stated figures), a table cell's number, or a cell's text.
struct RuleTerm {
    /// The values it can take when each printed figure is read as `reading`; nil when the
    /// report states no number for it.
    var range: (Reading) -> RationalInterval?
    /// Its exact printed (or derived) value, for messages.
    var central: Rational?
    /// Decimals of its printing (in the unit rules compute in, percentages as printed).
    var decimals: Int
    var dimension: RuleDimension
    /// The text (of a cell), for comparisons with a quoted text.
    var text: String
    /// How a message shows it ("4.60万元", "5.10万元（4.60万元 + 0.50万元）").
    var printed: LocalizedText
    /// Where a reader sees it (nil: nowhere in particular).
    var span: Span?
    /// The printed figures it rests on (for the relations recorded as verified).
    var quantities: [Quantity] = []
    /// For `unless: reason-nearby`: whether a reason is stated near it.
    var reasonNearby: ([String]) -> Bool = { _ in false }

    /// A printed figure, in the unit rules compute in: money in 万元, a percentage as a
    /// fraction, anything else as printed. `exact`: score points, which are assigned.
    static func figure(_ q: Quantity, exact: Bool = false, span: Span? = nil) -> RuleTerm {
        let (figure, dimension) = RuleTerm.normalized(q)
        let f = exact ? Figure.exact(figure.value) : figure
        return RuleTerm(
            range: { RationalInterval(f.interval($0)) }, central: Rational(f.value),
            decimals: q.unit == .percent ? q.decimals : figure.decimals, dimension: dimension,
            text: q.printed, printed: LocalizedText(q.printed), span: span ?? q.span, quantities: [q])
    }

    static func normalized(_ q: Quantity) -> (Figure, RuleDimension) {
        switch q.unit {
        case .money, .tenThousand: return (q.comparable, .money)
        case .percent:
            var f = Figure(value: q.figure.value.shifted(by: -2), ulp: q.figure.ulp.shifted(by: -2))
            f.nonNegative = q.figure.nonNegative
            return (f, .ratio)
        case .count, .duration: return (q.figure, .count)
        case .points: return (q.figure, .points)
        case .none: return (q.figure, .number)
        }
    }
}

/// Evaluates a rule's nodes and relations over terms, on one reading of the printed figures.
struct RuleEvaluator {
    /// The term a name (a concept or a column) stands for, nil when the report has none.
    let term: (RuleNode) -> RuleTerm?

    enum Mode {
        case reading(Reading)
        /// Exact printed values (for messages).
        case central
    }

    /// A number's interval and what it measures; nil when a term is missing, the units do not
    /// go together (a target in 个 against one in %), or the arithmetic is undefined.
    func value(_ n: RuleNode, _ mode: Mode) -> (RationalInterval, RuleDimension)? {
        switch n.kind {
        case .number(let v, let unit):
            return (RationalInterval(exactly: v), unit.dimension)
        case .text:
            return nil
        case .concept, .field:
            guard let t = term(n) else { return nil }
            switch mode {
            case .reading(let r): return t.range(r).map { ($0, t.dimension) }
            case .central: return t.central.map { (RationalInterval($0, $0), t.dimension) }
            }
        case .negate(let inner):
            return value(inner, mode).map { (-$0.0, $0.1) }
        case .arithmetic(let op, let l, let r):
            guard let (a, da) = value(l, mode), let (b, db) = value(r, mode) else { return nil }
            let result: RationalInterval
            let dimension: RuleDimension
            switch op {
            case .add, .subtract:
                guard RuleEvaluator.compatible(da, db) else { return nil }
                result = op == .add ? a + b : a - b
                dimension = da == .number ? db : da
            case .multiply:
                result = a * b
                if da == .number || da == .ratio {
                    dimension = db == .number && da == .ratio ? .ratio : db
                } else if db == .number || db == .ratio {
                    dimension = da
                } else {
                    return nil
                }
            case .divide:
                result = a / b
                if db == .number || db == .ratio { dimension = da } else if da == db { dimension = .ratio } else { return nil }
            }
            return result.isValid ? (result, dimension) : nil
        }
    }

    static func compatible(_ a: RuleDimension, _ b: RuleDimension) -> Bool {
        if a == b { return true }
        let loose: Set<RuleDimension> = [.number, .count, .points]
        return loose.contains(a) && loose.contains(b) && (a == .number || b == .number)
    }

    /// Whether the relation can hold (some values within the intervals satisfy it) and whether
    /// it must (every value does); nil when it cannot be evaluated.
    func truth(_ r: RuleRelation, _ reading: Reading) -> (possible: Bool, certain: Bool)? {
        if r.isText {
            guard let a = text(r.left), let b = text(r.right) else { return nil }
            let same = a == b
            let holds = r.comparator == .equal ? same : !same
            return (holds, holds)
        }
        guard let (a, da) = value(r.left, .reading(reading)), let (b, db) = value(r.right, .reading(reading)),
            RuleEvaluator.compatible(da, db)
        else { return nil }
        return RuleEvaluator.compare(a, r.comparator, b)
    }

    static func compare(_ a: RationalInterval, _ cmp: RuleComparator, _ b: RationalInterval) -> (possible: Bool, certain: Bool)? {
        func le(_ x: Rational, _ y: Rational) -> Bool? { Rational.lessOrEqual(x, y) }
        func lt(_ x: Rational, _ y: Rational) -> Bool? { Rational.less(x, y) }
        switch cmp {
        case .lessOrEqual:
            guard let p = le(a.lo, b.hi), let c = le(a.hi, b.lo) else { return nil }
            return (p, c)
        case .less:
            guard let p = lt(a.lo, b.hi), let c = lt(a.hi, b.lo) else { return nil }
            return (p, c)
        case .greaterOrEqual: return compare(b, .lessOrEqual, a)
        case .greater: return compare(b, .less, a)
        case .equal:
            guard let p1 = le(a.lo, b.hi), let p2 = le(b.lo, a.hi), let e1 = le(a.hi, b.lo), let e2 = le(b.hi, a.lo) else { return nil }
            // Certainly equal only when both are one and the same value.
            return (p1 && p2, e1 && e2)
        case .notEqual:
            guard let eq = compare(a, .equal, b) else { return nil }
            return (!eq.certain, !eq.possible)
        }
    }

    /// A side compared as text: a quoted text, or a column's cell ("" when blank: empty, "/", "—", "无").
    func text(_ n: RuleNode) -> String? {
        switch n.kind {
        case .text(let s): return RuleEvaluator.normalizedText(s)
        case .field: return RuleEvaluator.normalizedText(term(n)?.text ?? "")
        default: return nil
        }
    }

    static func normalizedText(_ s: String) -> String {
        let t = Chars.string(Chars.of(s).filter { !Chars.isSpace($0) && $0 != 0x0A })
        return ["/", "-", "—", "－", "\\", "无", "——"].contains(t) ? "" : t
    }

    /// The relation under the severity ladder: a plain relation must be able to hold; a
    /// premise `p => c` asks `c` to be able to hold wherever `p` must.
    func verdict(_ c: RuleCondition) -> Verdict {
        Relations.ladder { reading in
            guard let conclusion = truth(c.conclusion, reading) else { return nil }
            guard let premise = c.premise else { return conclusion.possible }
            guard let p = truth(premise, reading) else { return nil }
            return !p.certain || conclusion.possible
        }
    }

    /// A side's value as a message shows it: the term's own printing when it is one name,
    /// else the exact result in the side's unit.
    func printed(_ n: RuleNode) -> LocalizedText {
        switch n.kind {
        case .concept, .field:
            if let t = term(n) { return t.printed }
            return LocalizedText(zh: "（未说明）", en: "(not stated)")
        case .text(let s):
            return LocalizedText("'\(s)'")
        default:
            guard let (v, d) = value(n, .central) else { return LocalizedText("?") }
            return LocalizedText(RuleEvaluator.format(v.lo, d, decimals: decimals(n)))
        }
    }

    /// The most decimals any figure of the side was printed with (at least 2 for money and rates).
    func decimals(_ n: RuleNode) -> Int {
        switch n.kind {
        case .number(let v, let unit): return unit == .percent ? max(0, v.scale - 2) : v.scale
        case .concept, .field:
            return term(n)?.decimals ?? 2
        case .negate(let i): return decimals(i)
        case .arithmetic(_, let a, let b): return max(decimals(a), decimals(b))
        case .text: return 0
        }
    }

    static func format(_ r: Rational, _ d: RuleDimension, decimals: Int) -> String {
        switch d {
        case .ratio: return (r * Rational(Dec.hundred)).rounded(decimals: max(decimals, 2)).formatted(minDecimals: max(decimals, 2)) + "%"
        case .money: return r.rounded(decimals: max(decimals, 2)).formatted(minDecimals: max(decimals, 2)) + "万元"
        case .points: return r.rounded(decimals: decimals).formatted(minDecimals: decimals) + "分"
        default: return r.rounded(decimals: decimals).formatted(minDecimals: decimals)
        }
    }
}

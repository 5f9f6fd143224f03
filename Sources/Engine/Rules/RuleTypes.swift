import Extraction
import Model

/// Units, checked when the configuration is read: an amount is compared with an amount, a
/// rate with a percentage (`结转结余率 <= 10%`, never `<= 10`), texts only for (in)equality.
/// A plain number goes with counts and points (`得分 >= 6`) and multiplies anything.
enum RuleTypes {
    static func check(_ c: RuleCondition, context: RuleContext) throws(RuleSyntaxError) {
        if let p = c.premise { try check(p) }
        try check(c.conclusion)
        let relations = [c.premise, c.conclusion].compactMap { $0 }
        switch context {
        case .text:
            guard relations.contains(where: { !$0.left.concepts.isEmpty || !$0.right.concepts.isEmpty }) else {
                throw RuleSyntaxError("names no concept of the report (see 'reportlint concepts')", at: c.conclusion.range)
            }
        case .row:
            guard relations.contains(where: { !$0.left.fields.isEmpty || !$0.right.fields.isEmpty }) else {
                throw RuleSyntaxError("names no column of the table (分值, 得分, 偏差原因 …)", at: c.conclusion.range)
            }
        }
    }

    static func check(_ r: RuleRelation) throws(RuleSyntaxError) {
        if r.isText {
            guard r.comparator == .equal || r.comparator == .notEqual else {
                throw RuleSyntaxError("texts are compared with = or != only", at: r.range)
            }
            for side in [r.left, r.right] where !side.isText {
                guard case .field = side.kind else {
                    throw RuleSyntaxError(
                        "a quoted text is compared with a column of the table, not with \(try dimension(side).en)", at: side.range)
                }
            }
            return
        }
        let a = try dimension(r.left)
        let b = try dimension(r.right)
        guard compatible(a, b) else { throw mismatch(a, b, r.left, r.right, at: r.range) }
    }

    /// Whether two sides may be compared or added.
    static func compatible(_ a: RuleDimension, _ b: RuleDimension) -> Bool {
        if a == b || a == .any || b == .any { return true }
        let loose: Set<RuleDimension> = [.number, .count, .points]
        return loose.contains(a) && loose.contains(b) && (a == .number || b == .number)
    }

    static func mismatch(_ a: RuleDimension, _ b: RuleDimension, _ l: RuleNode, _ r: RuleNode, at range: Range<Int>) -> RuleSyntaxError {
        var hint: String?
        if (a == .ratio && b == .number) || (a == .number && b == .ratio) {
            hint = "write a percentage with '%' (10%, not 10 or 0.1)"
        } else if (a == .money && b == .number) || (a == .number && b == .money) {
            hint = "write an amount with its unit (50万元, 5000元)"
        }
        let message = "unit mismatch: \(a.en) against \(b.en)" + (hint.map { "; \($0)" } ?? "")
        return RuleSyntaxError(message, at: range, suggestion: rewritten(l, as: b) ?? rewritten(r, as: a))
    }

    /// A number written in the wrong unit, rewritten in the unit of the side it is compared
    /// with (`结转结余率 <= 10万元` → `10%`): the digits as the user wrote them, the unit meant.
    static func rewritten(_ n: RuleNode, as dimension: RuleDimension) -> String? {
        guard case .number(let held, let unit) = n.kind else { return nil }
        // A percentage is held as a fraction (10% is 0.1): give back the digits written.
        let value = unit == .percent ? held * .hundred : held
        switch dimension {
        case .ratio: return "\(value.formatted())%"
        case .money: return "\(value.formatted())万元"
        default: return nil
        }
    }

    static func dimension(_ n: RuleNode) throws(RuleSyntaxError) -> RuleDimension {
        switch n.kind {
        case .number(_, let unit): return unit.dimension
        case .text: return .text
        case .concept(let c):
            switch c.concept.kind {
            case .money: return .money
            case .count: return .count
            case .rate: return .ratio
            }
        case .field(let f): return f.dimension
        case .negate(let inner):
            let d = try dimension(inner)
            guard d != .text else { throw RuleSyntaxError("cannot compute with text", at: n.range) }
            return d
        case .arithmetic(let op, let l, let r):
            let a = try dimension(l)
            let b = try dimension(r)
            for (d, side) in [(a, l), (b, r)] where d == .text {
                throw RuleSyntaxError("cannot compute with text", at: side.range)
            }
            switch op {
            case .add, .subtract:
                guard compatible(a, b) else { throw mismatch(a, b, l, r, at: n.range) }
                return a == .any || a == .number ? b : a
            case .multiply:
                if a == .any || b == .any { return .any }
                if a == .number || a == .ratio { return b == .number && a == .ratio ? .ratio : b }
                if b == .number || b == .ratio { return a }
                throw RuleSyntaxError("cannot multiply \(a.en) by \(b.en)", at: n.range)
            case .divide:
                if a == .any || b == .any { return .any }
                if b == .number || b == .ratio { return a }
                if a == b { return .ratio }
                throw RuleSyntaxError("cannot divide \(a.en) by \(b.en)", at: n.range)
            }
        }
    }
}

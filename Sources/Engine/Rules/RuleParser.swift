import Extraction
import Model

/// Why a rule's expression cannot be used, and where: `range` is in characters (Unicode
/// scalars) of the text as written.
public struct RuleSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var range: Range<Int>
    public var suggestion: String?

    public init(_ message: String, at range: Range<Int>, suggestion: String? = nil) {
        self.message = message
        self.range = range
        self.suggestion = suggestion
    }

    /// "unknown concept '三公费' at column 1: ⟦三公费⟧.决算 <= 三公经费.上年决算" — the
    /// position, and the text with the offending characters bracketed.
    public func described(in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let lo = min(range.lowerBound, scalars.count)
        let hi = min(max(lo, range.upperBound), scalars.count)
        func part(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        let marked = part(0..<lo) + "⟦" + part(lo..<hi) + "⟧" + part(hi..<scalars.count)
        return "\(message) at column \(lo + 1): \(marked)"
    }
}

/// Where an expression is used: over the text's concepts (`expect`), or over a table row's
/// columns (`each-row`, which alone may write `premise => conclusion`).
public enum RuleContext: Sendable {
    case text
    case row
}

/// The parser of the rule language: a tokenizer that knows the vocabulary (names are matched
/// longest first, so names with brackets such as 因公出国（境）费 read as one), then recursive
/// descent, then a check of units. Grammar (docs/configuration.md):
///
///     condition := relation [ "=>" relation ]
///     relation  := sum comparator sum          comparator: = == != ≠ < <= ≤ > >= ≥
///     sum       := product { ("+" | "-") product }
///     product   := unary { ("*" | "×" | "/" | "÷") unary }
///     unary     := "-" unary | primary
///     primary   := number [unit] | 'text' | name { "." qualifier } | "(" sum ")"
public struct RuleParser {
    enum Token {
        case number(Dec, RuleUnit)
        case text(String)
        case name(RuleVocabulary.Entry, qualifiers: [(word: String, range: Range<Int>)], written: String)
        case arithmetic(ArithmeticOperator)
        case comparator(RuleComparator)
        case implies
        case open
        case close
        case end
    }

    let text: String
    let scalars: [UInt32]
    let context: RuleContext
    var tokens: [(token: Token, range: Range<Int>)] = []
    var position = 0
    /// Brackets and signs open at the current token: descent and evaluation recurse once per
    /// level, so a hostile rule ("((((…" or "----…") is refused instead of exhausting the stack.
    var depth = 0
    static let maxDepth = 32
    /// Operations in the whole expression: a chain `a + b + c …` nests one level per term.
    var operations = 0
    static let maxOperations = 64

    /// Parses and checks an expression. Errors name the position and, for a misspelt name or
    /// operator, the closest valid one.
    public static func parse(_ text: String, context: RuleContext) throws(RuleSyntaxError) -> RuleCondition {
        var p = RuleParser(text: text, context: context)
        try p.tokenize()
        let condition = try p.condition()
        try RuleTypes.check(condition, context: context)
        return condition
    }

    /// A concept named alone (a required statement).
    public static func concept(_ text: String) throws(RuleSyntaxError) -> Concept {
        var p = RuleParser(text: text, context: .text)
        try p.tokenize()
        guard p.tokens.count == 2, case .name(let entry, let qualifiers, _) = p.tokens[0].token else {
            throw RuleSyntaxError("expected one concept name", at: 0..<p.scalars.count)
        }
        guard case .concept(let c) = entry else {
            throw RuleSyntaxError("'\(text)' is a column of a table, not a concept of the text", at: p.tokens[0].range)
        }
        if let q = qualifiers.first { throw RuleSyntaxError("a required statement takes no qualifier", at: q.range) }
        return c
    }

    init(text: String, context: RuleContext) {
        self.text = text
        self.scalars = text.unicodeScalars.map { Chars.fold($0.value) }
        self.context = context
    }

    // MARK: tokens

    public static let maxLength = 2000

    mutating func tokenize() throws(RuleSyntaxError) {
        guard scalars.count <= RuleParser.maxLength else {
            throw RuleSyntaxError("is longer than \(RuleParser.maxLength) characters", at: 0..<scalars.count)
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if Chars.isSpace(c) || c == 0x0A {
                i += 1
                continue
            }
            let start = i
            if Chars.isDigit(c) {
                tokens.append(try number(&i))
            } else if c == 0x27 || c == 0x22 {
                guard let close = scalars[(i + 1)...].firstIndex(of: c) else {
                    throw RuleSyntaxError("a quoted text is not closed", at: i..<scalars.count)
                }
                tokens.append(
                    (
                        .text(String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(i + 1).prefix(close - i - 1)))),
                        i..<(close + 1)
                    ))
                i = close + 1
            } else if RuleParser.startsName(c) {
                tokens.append(try name(&i))
            } else if let op = RuleParser.arithmetic[c] {
                tokens.append((.arithmetic(op), i..<(i + 1)))
                i += 1
            } else if c == 0x28 {
                tokens.append((.open, i..<(i + 1)))
                i += 1
            } else if c == 0x29 {
                tokens.append((.close, i..<(i + 1)))
                i += 1
            } else if RuleParser.comparatorScalars.contains(c) {
                while i < scalars.count && RuleParser.comparatorScalars.contains(scalars[i]) { i += 1 }
                let written = String(String.UnicodeScalarView(scalars[start..<i].compactMap(Unicode.Scalar.init)))
                    .replacingFullWidthBang()
                if written == "=>" || written == "⇒" {
                    tokens.append((.implies, start..<i))
                } else if let cmp = RuleParser.comparators[written] {
                    tokens.append((.comparator(cmp), start..<i))
                } else {
                    // "=<" is "<=" written backwards; otherwise the nearest spelling.
                    let reversed = String(written.reversed())
                    let suggestion =
                        RuleParser.operatorSpellings.contains(reversed) && reversed != "=>"
                        ? reversed
                        : Suggestion.closest(to: written, in: RuleParser.operatorSpellings)
                    throw RuleSyntaxError("unknown operator '\(written)'", at: start..<i, suggestion: suggestion)
                }
            } else {
                let ch = String(Character(Unicode.Scalar(c) ?? "?"))
                throw RuleSyntaxError("unexpected '\(ch)'", at: i..<(i + 1))
            }
        }
        tokens.append((.end, scalars.count..<scalars.count))
    }

    static let arithmetic: [UInt32: ArithmeticOperator] = [
        0x2B: .add, 0x2D: .subtract, 0x2A: .multiply, 0xD7: .multiply, 0x2F: .divide, 0xF7: .divide
    ]
    static let comparatorScalars: Set<UInt32> = Set("=<>!≤≥≠⇒！".unicodeScalars.map(\.value))
    static let comparators: [String: RuleComparator] = [
        "=": .equal, "==": .equal, "!=": .notEqual, "≠": .notEqual,
        "<": .less, "<=": .lessOrEqual, "≤": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual, "≥": .greaterOrEqual
    ]
    static let operatorSpellings = ["=", "!=", "<", "<=", ">", ">=", "=>"]

    static func startsName(_ c: UInt32) -> Bool {
        Chars.isHan(c) || Chars.isASCIILetter(c) || c == 0x5F || RuleVocabulary.isQuote(c)
    }

    /// Characters a name may go on with (a hyphen only between letters and digits, as in an id:
    /// between Chinese names it is a minus).
    func continuesName(_ k: Int) -> Bool {
        let c = scalars[k]
        if Chars.isHan(c) || Chars.isASCIILetter(c) || Chars.isDigit(c) || c == 0x5F || RuleVocabulary.isQuote(c) { return true }
        if c == 0x2D, k > 0, k + 1 < scalars.count {
            let a = scalars[k - 1]
            let b = scalars[k + 1]
            return (Chars.isASCIILetter(a) || Chars.isDigit(a)) && (Chars.isASCIILetter(b) || Chars.isDigit(b))
        }
        return false
    }

    /// The end of a run of name characters from `i`; a bracketed group of Chinese characters
    /// followed by more of the name ("因公出国(境)费") belongs to it.
    func nameRun(from i: Int) -> Int {
        var k = i
        while k < scalars.count {
            if continuesName(k) {
                k += 1
                continue
            }
            if scalars[k] == 0x28, let close = scalars[k...].firstIndex(of: 0x29), close > k + 1, close + 1 < scalars.count,
                scalars[(k + 1)..<close].allSatisfy(Chars.isHan), Chars.isHan(scalars[close + 1])
            {
                k = close + 1
                continue
            }
            break
        }
        return k
    }

    /// The longest known name starting at `i` (quotes skipped), and where it ends.
    func knownName(at i: Int) -> (RuleVocabulary.Name, Int)? {
        var best: (RuleVocabulary.Name, Int)?
        for n in RuleVocabulary.names {
            var j = i
            var k = 0
            while k < n.scalars.count && j < scalars.count {
                if RuleVocabulary.isQuote(scalars[j]) {
                    j += 1
                    continue
                }
                guard scalars[j] == n.scalars[k] else { break }
                j += 1
                k += 1
            }
            guard k == n.scalars.count else { continue }
            while j < scalars.count && RuleVocabulary.isQuote(scalars[j]) { j += 1 }
            if best.map({ j > $0.1 }) ?? true { best = (n, j) }
        }
        return best
    }

    func written(_ r: Range<Int>) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(r.lowerBound).prefix(r.count)))
    }

    mutating func name(_ i: inout Int) throws(RuleSyntaxError) -> (Token, Range<Int>) {
        let start = i
        let runEnd = nameRun(from: i)
        let known = knownName(at: i)
        guard let (name, end) = known, end >= runEnd else {
            let word = written(start..<runEnd)
            if let (name, end) = known {
                let rest = written(end..<runEnd)
                if RuleVocabulary.qualifier(rest) != nil {
                    throw RuleSyntaxError(
                        "a qualifier needs a '.' before it", at: start..<runEnd,
                        suggestion: written(start..<end) + "." + rest)
                }
                _ = name
            }
            let what = context == .row ? "unknown column" : "unknown concept"
            throw RuleSyntaxError(
                "\(what) '\(word)'", at: start..<runEnd,
                suggestion: Suggestion.closest(
                    to: word,
                    in: RuleVocabulary.suggestions(
                        concepts: context == .text,
                        fields: context == .row)))
        }
        i = end
        var qualifiers: [(word: String, range: Range<Int>)] = []
        while i < scalars.count && scalars[i] == 0x2E {
            let qStart = i + 1
            var k = qStart
            while k < scalars.count && continuesName(k) { k += 1 }
            guard k > qStart else { throw RuleSyntaxError("expected a qualifier after '.'", at: i..<(i + 1)) }
            qualifiers.append((written(qStart..<k), qStart..<k))
            i = k
        }
        return (.name(name.entry, qualifiers: qualifiers, written: written(start..<end)), start..<i)
    }

    static let units: [(String, RuleUnit, Int)] = [
        ("%", .percent, 0), ("亿元", .money, 8), ("万元", .money, 4), ("元", .money, 0), ("分", .points, 0),
        ("人次", .count, 0), ("批次", .count, 0), ("个", .count, 0), ("人", .count, 0), ("次", .count, 0), ("辆", .count, 0),
        ("项", .count, 0), ("台", .count, 0), ("套", .count, 0), ("家", .count, 0), ("场", .count, 0), ("件", .count, 0)
    ]

    mutating func number(_ i: inout Int) throws(RuleSyntaxError) -> (Token, Range<Int>) {
        let start = i
        while i < scalars.count && (Chars.isDigit(scalars[i]) || scalars[i] == 0x2E) { i += 1 }
        let digits = written(start..<i)
        guard let value = Dec(digits) else { throw RuleSyntaxError("'\(digits)' is not a number", at: start..<i) }
        var k = i
        while k < scalars.count && Chars.isSpace(scalars[k]) { k += 1 }
        if k < scalars.count && scalars[k] == 0x25 {
            i = k + 1
            return (.number(value.shifted(by: -2), .percent), start..<i)
        }
        var end = k
        while end < scalars.count && Chars.isHan(scalars[end]) { end += 1 }
        guard end > k else { return (.number(value, .none), start..<i) }
        let word = written(k..<end)
        // A unit, or a name right after a number ("2公用经费") — which is not a unit.
        if let (_, unit, power) = RuleParser.units.first(where: { $0.0 == word }) {
            i = end
            return (.number(unit == .money ? value.shifted(by: power - 4) : value, unit), start..<i)
        }
        if knownName(at: k) != nil {
            throw RuleSyntaxError(
                "a number needs an operator before the name after it", at: start..<end,
                suggestion: digits + " * " + word)
        }
        throw RuleSyntaxError(
            "unknown unit '\(word)'", at: k..<end, suggestion: Suggestion.closest(to: word, in: RuleParser.units.map(\.0)))
    }

    // MARK: grammar

    var current: (token: Token, range: Range<Int>) { tokens[position] }

    mutating func condition() throws(RuleSyntaxError) -> RuleCondition {
        let first = try relation()
        if case .implies = current.token {
            guard context == .row else {
                throw RuleSyntaxError("'=>' (if … then) belongs to table rules (each-row)", at: current.range)
            }
            position += 1
            let second = try relation()
            try expectEnd()
            return RuleCondition(premise: first, conclusion: second, text: text)
        }
        try expectEnd()
        return RuleCondition(premise: nil, conclusion: first, text: text)
    }

    mutating func expectEnd() throws(RuleSyntaxError) {
        guard case .end = current.token else {
            throw RuleSyntaxError("unexpected \(describe(current.token)) after the end of the relation", at: current.range)
        }
    }

    mutating func relation() throws(RuleSyntaxError) -> RuleRelation {
        let left = try sum()
        guard case .comparator(let cmp) = current.token else {
            throw RuleSyntaxError("expected a comparison (=, !=, <, <=, >, >=) but found \(describe(current.token))", at: current.range)
        }
        position += 1
        let right = try sum()
        return RuleRelation(left: left, comparator: cmp, right: right, range: left.range.lowerBound..<right.range.upperBound)
    }

    mutating func sum() throws(RuleSyntaxError) -> RuleNode {
        var node = try product()
        while case .arithmetic(let op) = current.token, op == .add || op == .subtract {
            try counted(current.range)
            position += 1
            let rhs = try product()
            node = RuleNode(kind: .arithmetic(op, node, rhs), range: node.range.lowerBound..<rhs.range.upperBound)
        }
        return node
    }

    mutating func product() throws(RuleSyntaxError) -> RuleNode {
        var node = try unary()
        while case .arithmetic(let op) = current.token, op == .multiply || op == .divide {
            try counted(current.range)
            position += 1
            let rhs = try unary()
            node = RuleNode(kind: .arithmetic(op, node, rhs), range: node.range.lowerBound..<rhs.range.upperBound)
        }
        return node
    }

    mutating func deeper(_ range: Range<Int>) throws(RuleSyntaxError) {
        depth += 1
        guard depth <= RuleParser.maxDepth else {
            throw RuleSyntaxError("nests brackets or signs more than \(RuleParser.maxDepth) deep", at: range)
        }
    }

    mutating func counted(_ range: Range<Int>) throws(RuleSyntaxError) {
        operations += 1
        guard operations <= RuleParser.maxOperations else {
            throw RuleSyntaxError("has more than \(RuleParser.maxOperations) operations; split it into several rules", at: range)
        }
    }

    mutating func unary() throws(RuleSyntaxError) -> RuleNode {
        if case .arithmetic(.subtract) = current.token {
            let start = current.range.lowerBound
            try deeper(current.range)
            defer { depth -= 1 }
            position += 1
            let inner = try unary()
            return RuleNode(kind: .negate(inner), range: start..<inner.range.upperBound)
        }
        return try primary()
    }

    mutating func primary() throws(RuleSyntaxError) -> RuleNode {
        let (token, range) = current
        switch token {
        case .number(let v, let unit):
            position += 1
            return RuleNode(kind: .number(v, unit), range: range)
        case .text(let s):
            position += 1
            return RuleNode(kind: .text(s), range: range)
        case .open:
            try deeper(range)
            defer { depth -= 1 }
            position += 1
            let inner = try sum()
            guard case .close = current.token else {
                throw RuleSyntaxError("expected ')' but found \(describe(current.token))", at: current.range)
            }
            position += 1
            return RuleNode(kind: inner.kind, range: range.lowerBound..<tokens[position - 1].range.upperBound)
        case .name(let entry, let qualifiers, let written):
            position += 1
            switch entry {
            case .field(let f):
                guard context == .row else {
                    throw RuleSyntaxError("'\(written)' is a column of a 绩效自评表: use it in a table rule (each-row)", at: range)
                }
                if let q = qualifiers.first { throw RuleSyntaxError("a table column takes no qualifier", at: q.range) }
                return RuleNode(kind: .field(f), range: range)
            case .concept(let c):
                guard context == .text else {
                    throw RuleSyntaxError(
                        "'\(written)' is a concept of the text; a table rule reads only the row's columns",
                        at: range,
                        suggestion: Suggestion.closest(to: written, in: RuleVocabulary.suggestions(concepts: false, fields: true)))
                }
                var year: RelativeYear?
                var basis: Basis?
                for q in qualifiers {
                    guard let (y, b) = RuleVocabulary.qualifier(q.word) else {
                        throw RuleSyntaxError(
                            "unknown qualifier '\(q.word)'", at: q.range,
                            suggestion: Suggestion.closest(to: q.word, in: RuleVocabulary.qualifierSuggestions))
                    }
                    if let y {
                        guard year == nil else { throw RuleSyntaxError("a second year for one concept", at: q.range) }
                        year = y
                    }
                    if let b {
                        guard basis == nil else { throw RuleSyntaxError("a second basis (决算/预算) for one concept", at: q.range) }
                        basis = b
                    }
                }
                if c.kind == .rate, let b = basis {
                    throw RuleSyntaxError("a rate has no \(b.rawValue) basis of its own", at: qualifiers.last?.range ?? range)
                }
                let ref = ConceptReference(concept: c, year: year ?? .current, basis: basis, written: self.written(range))
                return RuleNode(kind: .concept(ref), range: range)
            }
        case .end:
            throw RuleSyntaxError("the expression ends where a value was expected", at: range)
        default:
            throw RuleSyntaxError("expected a value but found \(describe(token))", at: range)
        }
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .number: return "a number"
        case .text: return "a quoted text"
        case .name(_, _, let w): return "'\(w)'"
        case .arithmetic(let op): return "'\(op.rawValue)'"
        case .comparator(let c): return "'\(c.rawValue)'"
        case .implies: return "'=>'"
        case .open: return "'('"
        case .close: return "')'"
        case .end: return "the end"
        }
    }
}

extension String {
    /// A full-width exclamation mark (！=) is the ASCII one.
    func replacingFullWidthBang() -> String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == "！" ? "!" : $0 })) }
}

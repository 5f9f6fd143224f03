import Model

/// A rule's message in one language, with placeholders in braces that a finding fills in:
/// `{left}`, `{right}`, a concept as the expression writes it (`{三公经费.上年决算}`), a column
/// (`{得分}`), `{row}`, `{table}`, `{section}` — which ones a rule offers depends on its kind
/// (`LocalRule.placeholders`). `{{` and `}}` are literal braces.
public struct MessageTemplate: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        case placeholder(String)
    }

    public var parts: [Part]
    public var text: String

    /// Parses `text`; an unknown placeholder or an unclosed brace is an error naming it.
    public init(_ text: String, allowed: [String]) throws(RuleSyntaxError) {
        self.text = text
        var parts: [Part] = []
        var literal = ""
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "{" && i + 1 < scalars.count && scalars[i + 1] == "{" {
                literal += "{"
                i += 2
                continue
            }
            if c == "}" && i + 1 < scalars.count && scalars[i + 1] == "}" {
                literal += "}"
                i += 2
                continue
            }
            if c == "}" { throw RuleSyntaxError("a '}' without its '{' (write '}}' for a brace)", at: i..<(i + 1)) }
            guard c == "{" else {
                literal.unicodeScalars.append(c)
                i += 1
                continue
            }
            guard let close = scalars[(i + 1)...].firstIndex(of: "}") else {
                throw RuleSyntaxError("a '{' is not closed (write '{{' for a brace)", at: i..<scalars.count)
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<close]))
            let key = MessageTemplate.key(name)
            guard allowed.contains(where: { MessageTemplate.key($0) == key }) else {
                throw RuleSyntaxError(
                    "unknown placeholder '{\(name)}'", at: i..<(close + 1),
                    suggestion: Suggestion.closest(to: name, in: allowed).map { "{\($0)}" })
            }
            if !literal.isEmpty {
                parts.append(.literal(literal))
                literal = ""
            }
            parts.append(.placeholder(key))
            i = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    /// Placeholders compare without quotes and spaces ({“三公”经费} is {三公经费}).
    public static func key(_ name: String) -> String {
        Chars.string(RuleVocabulary.normalize(name))
    }

    /// The message with each placeholder replaced by `values[key]` (left as written when absent).
    public func render(_ values: [String: String]) -> String {
        var out = ""
        for p in parts {
            switch p {
            case .literal(let s): out += s
            case .placeholder(let k): out += values[k] ?? "{\(k)}"
            }
        }
        return out
    }
}

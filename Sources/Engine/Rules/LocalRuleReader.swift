import Extraction
import Model

/// Reads the `rules` array of a configuration. Every mistake is one `ConfigError` naming the
/// key (`rules[2].expect`), the rule's id, the position in its expression and, for a misspelt
/// name, the closest valid one.
public enum LocalRuleReader {
    public static let keys = [
        "_comment", "id", "title", "severity", "expect", "each-row", "require", "section", "unless",
        "reason-words", "tables", "rows", "message", "examples"
    ]
    public static let kinds = ["expect", "each-row", "require"]
    /// `isRuleID` as a regular expression, for the JSON Schema.
    public static let idRegex = "^local(/[a-z0-9]+(-[a-z0-9]+)*)+$"
    static let exampleKeys = ["_comment", "triggering", "non-triggering"]
    static let idPattern = "local/ followed by lower-case words joined by '-' (local/sangong-no-increase)"

    /// `bytes`, the file's text, gives errors their line.
    public static func read(_ node: JSONNode, key: String, file: String, bytes: [UInt8]? = nil) throws(ConfigError) -> [LocalRule] {
        let line = { (n: JSONNode) in bytes.map { JSONPosition.of(n.offset, in: $0).line } }
        guard let items = node.array else {
            throw ConfigError(file: file, key: key, problem: "must be an array, not \(node.value.kind)", line: line(node))
        }
        var rules: [LocalRule] = []
        var seen: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let rule = try rule(item, key: "\(key)[\(i)]", file: file, line: line)
            if let first = seen[rule.id] {
                throw ConfigError(
                    file: file, key: "\(key)[\(i)].id", problem: "'\(rule.id)' is already the id of \(key)[\(first)]",
                    line: line(item["id"] ?? item))
            }
            seen[rule.id] = i
            rules.append(rule)
        }
        return rules
    }

    /// Whether `id` is a rule id: `local/` and lower-case words of letters and digits joined by
    /// `-`, in one or more `/`-separated parts.
    public static func isRuleID(_ id: String) -> Bool {
        guard id.hasPrefix("local/") else { return false }
        let parts = id.dropFirst(6).split(separator: "/", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                let words = part.split(separator: "-", omittingEmptySubsequences: false)
                return !words.isEmpty
                    && words.allSatisfy { w in
                        !w.isEmpty && w.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
                    }
            }
    }

    static func rule(_ node: JSONNode, key: String, file: String, line: (JSONNode) -> Int?) throws(ConfigError) -> LocalRule {
        /// The error's line: that of the rule's member the key names (`rules[2].expect`), else the rule's.
        func error(_ k: String, _ problem: String, suggestion: String? = nil) -> ConfigError {
            let member = k.hasPrefix(key + ".") ? k.dropFirst(key.count + 1).split(whereSeparator: { $0 == "." || $0 == "[" }).first : nil
            let at = member.flatMap { node[String($0)] } ?? node
            return ConfigError(file: file, key: k, problem: problem, suggestion: suggestion, line: line(at))
        }
        guard let members = node.members else { throw error(key, "must be an object, not \(node.value.kind)") }
        for m in members where !keys.contains(m.key) {
            throw error(key + "." + m.key, "unknown key", suggestion: Suggestion.closest(to: m.key, in: keys.filter { $0 != "_comment" }))
        }
        func string(_ k: String) throws(ConfigError) -> String? {
            guard let v = node[k] else { return nil }
            guard let s = v.string else { throw error(key + "." + k, "must be a string, not \(v.value.kind)") }
            return s
        }
        if let c = node["_comment"], c.string == nil, !(c.array?.allSatisfy { $0.string != nil } ?? false) {
            throw error(key + "._comment", "must be a string or an array of strings")
        }
        guard let id = try string("id") else { throw error(key, "needs \"id\": \(idPattern)") }
        guard isRuleID(id) else {
            throw error(
                key + ".id", "'\(id)' is not a rule id: \(idPattern)",
                suggestion: id.hasPrefix("local/") ? nil : "local/" + id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" })
        }
        let present = kinds.filter { node[$0] != nil }
        guard present.count == 1 else {
            throw error(
                key,
                present.isEmpty
                    ? "rule \(id) needs one of \"expect\", \"each-row\" or \"require\""
                    : "rule \(id) has both \"\(present[0])\" and \"\(present[1])\": one rule, one kind")
        }
        // Keys that belong to another kind of rule.
        let only: [String: String] = [
            "unless": "expect", "reason-words": "expect", "tables": "each-row", "rows": "each-row", "section": "require"
        ]
        for (k, kind) in only.sorted(by: { $0.key < $1.key }) where node[k] != nil && present[0] != kind {
            throw error(key + "." + k, "belongs to \"\(kind)\" rules, not to \"\(present[0])\" (rule \(id))")
        }

        func syntax(_ k: String, _ text: String, _ e: RuleSyntaxError) -> ConfigError {
            error(key + "." + k, "rule \(id): " + e.described(in: text), suggestion: e.suggestion)
        }
        let body: LocalRule.Body
        switch present[0] {
        case "expect":
            let text = try string("expect") ?? ""
            do { body = .expect(try RuleParser.parse(text, context: .text)) } catch { throw syntax("expect", text, error) }
        case "each-row":
            let text = try string("each-row") ?? ""
            let condition: RuleCondition
            do { condition = try RuleParser.parse(text, context: .row) } catch { throw syntax("each-row", text, error) }
            let tables = try choice("tables", default: LocalRule.TableScope.project)
            let rows = try choice("rows", default: LocalRule.RowScope.indicators)
            for f in (condition.premise.map { $0.left.fields + $0.right.fields } ?? []) + condition.conclusion.left.fields
                + condition.conclusion.right.fields
            {
                if rows == .indicators && !f.inIndicatorRows || rows == .funds && !f.inFundRows {
                    throw error(
                        key + ".each-row",
                        "rule \(id): '\(f.zh)' is not a column of the \(rows.rawValue) rows; set \"rows\" to \"\(f.inFundRows ? "funds" : "indicators")\" or \"all\""
                    )
                }
            }
            body = .eachRow(condition, tables: tables, rows: rows)
        default:
            let text = (try string("require") ?? "").trimmedWhitespace
            let required: LocalRule.RequiredStatement
            if let q = text.first, q == "'" || q == "\"" {
                guard text.count >= 3, text.last == q else {
                    throw error(key + ".require", "rule \(id): a phrase is written in quotes, '…', with words between them")
                }
                required = .phrase(String(text.dropFirst().dropLast()))
            } else {
                do { required = .concept(try RuleParser.concept(text)) } catch { throw syntax("require", text, error) }
            }
            let section = try string("section")?.trimmedWhitespace
            if let s = section, s.isEmpty { throw error(key + ".section", "must name words of a section title, or be left out") }
            body = .require(required, section: section)
        }

        func choice<T: RawRepresentable & CaseIterable>(_ k: String, default d: T) throws(ConfigError) -> T where T.RawValue == String {
            guard let s = try string(k) else { return d }
            guard let v = T(rawValue: s) else {
                let names = T.allCases.map(\.rawValue)
                throw error(
                    key + "." + k, "\"\(s)\" is not one of \(names.joined(separator: ", "))",
                    suggestion: Suggestion.closest(to: s, in: names))
            }
            return v
        }

        let severity = try choice("severity", default: Severity.error)
        var unless: LocalRule.ReasonNearby?
        if let u = try string("unless") {
            guard u == "reason-nearby" else {
                throw error(key + ".unless", "\"\(u)\" is not a condition reportlint knows", suggestion: "reason-nearby")
            }
            unless = LocalRule.ReasonNearby(words: LocalRule.ReasonNearby.defaultWords)
        }
        if let w = node["reason-words"] {
            guard unless != nil else { throw error(key + ".reason-words", "goes with \"unless\": \"reason-nearby\"") }
            guard let list = w.array, !list.isEmpty, list.allSatisfy({ !($0.string ?? "").isEmpty }) else {
                throw error(key + ".reason-words", "must be a non-empty array of words")
            }
            unless?.words = list.compactMap(\.string)
        }

        func localized(_ k: String) throws(ConfigError) -> (zh: String, en: String)? {
            guard let v = node[k] else { return nil }
            if let s = v.string { return (s, s) }
            guard let m = v.members else {
                throw error(key + "." + k, "must be a string or an object with \"zh\" and \"en\", not \(v.value.kind)")
            }
            for member in m where !["zh", "en", "_comment"].contains(member.key) {
                throw error(
                    key + "." + k + "." + member.key, "unknown key", suggestion: Suggestion.closest(to: member.key, in: ["zh", "en"]))
            }
            guard let zh = v["zh"]?.string, let en = v["en"]?.string, !zh.isEmpty, !en.isEmpty else {
                throw error(key + "." + k, "needs \"zh\" and \"en\", both non-empty strings")
            }
            return (zh, en)
        }

        let title =
            try localized("title").map { LocalizedText(zh: $0.zh, en: $0.en) }
            ?? LocalizedText(zh: "规则 \(id)：\(expression(of: body))", en: "Rule \(id): \(expression(of: body))")
        var message: (zh: MessageTemplate, en: MessageTemplate)?
        if let m = try localized("message") {
            let allowed = LocalRule.placeholders(for: body)
            do {
                message = (try MessageTemplate(m.zh, allowed: allowed), try MessageTemplate(m.en, allowed: allowed))
            } catch {
                let which = (try? MessageTemplate(m.zh, allowed: allowed)) == nil ? m.zh : m.en
                throw ConfigError(
                    file: file, key: key + ".message",
                    problem: "rule \(id): " + error.described(in: which) + " (placeholders: "
                        + allowed.map { "{\($0)}" }.joined(separator: " ") + ")", suggestion: error.suggestion,
                    line: line(node["message"] ?? node))
            }
        }

        var triggering: [Example] = []
        var nonTriggering: [Example] = []
        if let e = node["examples"] {
            guard let m = e.members else {
                throw error(key + ".examples", "must be an object with \"triggering\" and \"non-triggering\" lists")
            }
            for member in m where !exampleKeys.contains(member.key) {
                throw error(
                    key + ".examples." + member.key, "unknown key",
                    suggestion: Suggestion.closest(to: member.key, in: ["triggering", "non-triggering"]))
            }
            func texts(_ k: String) throws(ConfigError) -> [Example] {
                guard let list = e[k] else { return [] }
                guard let a = list.array else { throw error(key + ".examples." + k, "must be an array of report snippets") }
                var out: [Example] = []
                for (i, item) in a.enumerated() {
                    guard let s = item.string, !s.isEmpty else {
                        throw error("\(key).examples.\(k)[\(i)]", "must be a non-empty string: a report snippet")
                    }
                    if k == "non-triggering" && s.contains(Example.marker) {
                        throw error("\(key).examples.\(k)[\(i)]", "marks a place with ↓, but a non-triggering example expects no finding")
                    }
                    out.append(Example(s))
                }
                return out
            }
            triggering = try texts("triggering")
            nonTriggering = try texts("non-triggering")
        }
        return LocalRule(
            id: id, title: title, severity: severity, body: body, unless: unless, message: message,
            triggering: triggering, nonTriggering: nonTriggering, file: file)
    }

    static func expression(of body: LocalRule.Body) -> String {
        switch body {
        case .expect(let c), .eachRow(let c, _, _): return c.text
        case .require(let r, let section): return "\(section.map { $0 + " › " } ?? "")\(r.written)"
        }
    }
}

extension String {
    var trimmedWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

import Engine
import Extraction
import Model

/// A rule of the configuration (`LocalRule`) run as a check: its findings carry the rule's id
/// (`local/…`) and severity, so they are reported, baselined, accepted, selected and ignored
/// as the built-in checks' are.
public struct RuleCheck: Check {
    public let rule: LocalRule

    public init(_ rule: LocalRule) { self.rule = rule }

    /// What every rule of a configuration is; each instance describes its own rule.
    public static let description = CheckDescription(
        id: "local",
        title: LocalizedText(zh: "配置文件中的规则", en: "A rule of the configuration"),
        rationale: LocalizedText(
            zh: "见各规则自己的说明（reportlint explain local/…）。",
            en: "See each rule's own description (reportlint explain local/…)."),
        severity: .error, tags: ["local"], triggering: [], nonTriggering: [])

    public var description: CheckDescription { rule.description }

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        switch rule.body {
        case .expect(let condition):
            ExpectRule(rule: rule, condition: condition).check(model, &report)
        case .eachRow(let condition, let tables, let rows):
            RowRule(rule: rule, condition: condition, tables: tables, rows: rows).check(model, &report)
        case .require(let statement, let section):
            RequireRule(rule: rule, statement: statement, section: section).check(model, &report)
        }
    }

    /// The rule's message for a finding: its template filled in, else `fallback`.
    static func message(_ rule: LocalRule, _ values: [String: LocalizedText], fallback: LocalizedText) -> LocalizedText {
        guard let m = rule.message else { return fallback }
        var zh: [String: String] = [:]
        var en: [String: String] = [:]
        for (k, v) in values {
            zh[MessageTemplate.key(k)] = v.zh
            en[MessageTemplate.key(k)] = v.en
        }
        return LocalizedText(zh: m.zh.render(zh), en: m.en.render(en))
    }
}

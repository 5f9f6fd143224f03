import Checks
import Foundation
import Lint
import Testing

/// examples/local-rules/: a bureau's five rules in its `.reportlint.json`, and a report built
/// to break each. Every rule is reported on its report, in both languages, and nowhere else;
/// the rules' own examples pass. The rules are read as the command line reads them, by the
/// configuration loader.
@Suite struct LocalRuleFixturesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/local-rules")

    static func rules() throws -> [LocalRule] {
        let file = folder.appendingPathComponent(".reportlint.json").path
        return try ConfigurationLoader.load(absolute: file, display: "examples/local-rules/.reportlint.json", knownChecks: Registry.ids)
            .rules
    }

    static let expected: [(file: String, rule: String?, at: String)] = [
        ("compliant-2024.txt", nil, ""),
        ("breaks-sangong-2024.txt", "local/sangong-no-increase", "0.42万元"),
        ("breaks-carry-over-2024.txt", "local/carry-over-explained", "13.50%"),
        ("breaks-operating-costs-2024.txt", "local/operating-within-public", "78.20万元"),
        ("breaks-deviation-reason-2024.txt", "local/deviation-reason", "26"),
        ("breaks-sme-statement-2024.txt", "local/procurement-sme", "政府采购")
    ]

    @Test(arguments: expected.map(\.file))
    func eachReportBreaksItsRuleAndNoOther(file: String) throws {
        let rules = try Self.rules()
        #expect(
            rules.map(\.id) == [
                "local/sangong-no-increase", "local/carry-over-explained", "local/operating-within-public",
                "local/deviation-reason", "local/procurement-sme"
            ])
        let want = try #require(Self.expected.first { $0.file == file })
        let (source, findings) = try lint(file: Self.folder.appendingPathComponent(file), checks: Registry.all + rules.map(RuleCheck.init))
        let local = findings.filter { $0.checkID.hasPrefix("local/") }
        guard let rule = want.rule else {
            #expect(local.isEmpty, "\(local.map(\.message.en))")
            return
        }
        #expect(local.map(\.checkID) == [rule], "\(local.map(\.message.en))")
        let f = try #require(local.first)
        #expect(source.text(f.span.range) == want.at)
        #expect(f.severity == rules.first { $0.id == rule }?.severity)
        #expect(!f.message.zh.isEmpty && !f.message.en.isEmpty && f.message.zh != f.message.en)
        #expect(!f.message.zh.contains("{") && !f.message.en.contains("{"), "a placeholder left: \(f.message.zh)")
        #expect(f.fingerprint.count == 16)
    }

    @Test func theMessagesQuoteTheFigures() throws {
        let rules = try Self.rules().map(RuleCheck.init)
        let (_, findings) = try lint(file: Self.folder.appendingPathComponent("breaks-sangong-2024.txt"), checks: rules)
        #expect(findings.first?.message.zh == "“三公”经费决算5.84万元，超过上年的5.42万元（5.84万元 − 0.42万元）。")
        #expect(findings.first?.message.en == "The three public costs (5.84万元) exceed last year's (5.42万元 (5.84万元 − 0.42万元)).")
    }

    @Test func theRulesExamplesPass() throws {
        for rule in try Self.rules() {
            let outcomes = ExampleRunner.run(RuleCheck(rule))
            #expect(!outcomes.isEmpty, "\(rule.id) has no examples")
            for o in outcomes where !o.passed {
                Issue.record("\(rule.id) \(o.triggering ? "triggering" : "non-triggering") example \(o.number): \(o.detail.en)")
            }
        }
    }

    @Test func aBrokenExampleFails() throws {
        var rule = try #require(try Self.rules().first)
        rule.nonTriggering.append(Example("2024年度“三公”经费财政拨款支出决算为9.10万元，比上年增加0.60万元，增长7.06%。"))
        rule.triggering.append(Example("2024年度“三公”经费财政拨款支出决算为9.10万元，比上年减少↓0.60万元，下降6.19%。"))
        let failed = ExampleRunner.run(RuleCheck(rule)).filter { !$0.passed }
        #expect(failed.map(\.triggering) == [true, false])
        #expect(failed.first?.detail.en == "no finding at 1:34")
        #expect(failed.last?.number == 3)
        #expect(failed.last?.detail.en.hasPrefix("unexpected finding at 1:34") == true, "\(failed.last?.detail.en ?? "")")
    }
}

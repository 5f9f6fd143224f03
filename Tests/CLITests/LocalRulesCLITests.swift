import Foundation
import Testing

/// A bureau's rules in its `.reportlint.json`, end to end through the command line: findings
/// with the rules' ids in text, JSON and SARIF, in both languages; baselines, acceptances,
/// --select and --ignore as for the built-in checks; a malformed rule is exit 64 with the
/// rule, the position and a suggestion; `rules test`, `rules`, `explain local/…`, `concepts`.
@Suite(.serialized) struct LocalRulesCLITests {
    static let examples = CLI.packageRoot.appendingPathComponent("examples/local-rules")
    static let ruleIDs = [
        "local/sangong-no-increase", "local/carry-over-explained", "local/operating-within-public",
        "local/deviation-reason", "local/procurement-sme"
    ]

    /// A repository holding the bureau's configuration and its reports.
    func bureau(configuration: ((String) -> String)? = nil) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.examples.path) {
            try FileManager.default.copyItem(at: Self.examples.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        if let configuration {
            let file = dir.appendingPathComponent(".reportlint.json")
            try configuration(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        }
        return dir
    }

    func json(_ r: CLI.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any]
    }

    /// (file, check) of every finding that is not suppressed, in report order.
    func local(_ r: CLI.Result) throws -> [String] {
        var out: [String] = []
        for file in try json(r)["files"] as! [[String: Any]] {
            for f in file["findings"] as! [[String: Any]] where (f["check"] as! String).hasPrefix("local/") && f["suppressed"] == nil {
                out.append("\(file["path"] as! String) \(f["check"] as! String)")
            }
        }
        return out
    }

    @Test func eachReportBreaksItsRuleInBothLanguagesAndSARIFDescribesTheRules() throws {
        let dir = try bureau()
        defer { try? FileManager.default.removeItem(at: dir) }
        let zh = try CLI.run(["--format", "json", "."], cwd: dir)
        #expect(zh.status == 1, "\(zh.stderr)")
        #expect(
            try local(zh) == [
                "breaks-carry-over-2024.txt local/carry-over-explained", "breaks-deviation-reason-2024.txt local/deviation-reason",
                "breaks-operating-costs-2024.txt local/operating-within-public", "breaks-sangong-2024.txt local/sangong-no-increase",
                "breaks-sme-statement-2024.txt local/procurement-sme"
            ])
        let text = try CLI.run(["breaks-sangong-2024.txt"], cwd: dir)
        #expect(text.stdout.contains("local/sangong-no-increase") && text.stdout.contains("“三公”经费决算5.84万元，超过上年的"), "\(text.stdout)")
        let en = try CLI.run(["--lang", "en", "breaks-sangong-2024.txt"], cwd: dir)
        #expect(en.stdout.contains("The three public costs (5.84万元) exceed last year's"), "\(en.stdout)")

        let sarif = try CLI.run(["--format", "sarif", "breaks-operating-costs-2024.txt"], cwd: dir)
        let run = ((try json(sarif)["runs"] as! [[String: Any]])[0])
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        let ids = rules.map { $0["id"] as! String }
        #expect(Set(Self.ruleIDs).isSubset(of: ids))
        let rule = try #require(rules.first { $0["id"] as? String == "local/operating-within-public" })
        #expect((rule["helpUri"] as? String)?.contains("configuration.md#rules") == true, "\(rule)")
        let result = try #require((run["results"] as! [[String: Any]]).first { $0["ruleId"] as? String == "local/operating-within-public" })
        #expect(result["ruleIndex"] as? Int == ids.firstIndex(of: "local/operating-within-public"))
    }

    @Test func baselinesAcceptancesSelectAndIgnoreTreatRulesAsChecks() throws {
        let dir = try bureau()
        defer { try? FileManager.default.removeItem(at: dir) }
        let write = try CLI.run(["--write-baseline", "baseline.json", "--format", "json", "."], cwd: dir)
        #expect(write.status == 0, "\(write.stderr)")
        let baseline = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
        #expect(baseline.contains("\"check\": \"local/procurement-sme\""))
        let again = try CLI.run(["--baseline", "baseline.json", "--format", "json", "."], cwd: dir)
        let remaining = try local(again)
        #expect(again.status == 0 && remaining.isEmpty, "\(again.stderr)")

        let selected = try CLI.run(["--select", "local/procurement-sme", "--format", "json", "."], cwd: dir)
        #expect(try local(selected) == ["breaks-sme-statement-2024.txt local/procurement-sme"])
        let ignored = try CLI.run(["--ignore", "local/procurement-sme,local/deviation-reason", "--format", "json", "."], cwd: dir)
        #expect(try local(ignored).count == 3)
        let unknown = try CLI.run(["--select", "local/procurement-sm", "--lang", "en", "."], cwd: dir)
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean 'local/procurement-sme'"), "\(unknown.stderr)")

        // Accept the SME finding by its fingerprint and check id; disable another rule by id.
        let findings = (try json(selected)["files"] as! [[String: Any]]).flatMap { $0["findings"] as! [[String: Any]] }
        let fingerprint = try #require(findings.first { $0["check"] as? String == "local/procurement-sme" }?["fingerprint"] as? String)
        let configured = try bureau { text in
            text.replacingOccurrences(
                of: "\"rules\": [",
                with: """
                    "checks": { "disable": ["local/deviation-reason"], "severity": { "local/carry-over-explained": "error" } },
                    "accepted": [{ "path": "breaks-sme-statement-2024.txt", "check": "local/procurement-sme", "fingerprint": "\(fingerprint)",
                                   "reason": "the contracts were all awarded to large firms; stated in the annex" }],
                    "rules": [
                    """)
        }
        defer { try? FileManager.default.removeItem(at: configured) }
        let r = try CLI.run(["--format", "json", "."], cwd: configured)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(
            try local(r) == [
                "breaks-carry-over-2024.txt local/carry-over-explained", "breaks-operating-costs-2024.txt local/operating-within-public",
                "breaks-sangong-2024.txt local/sangong-no-increase"
            ])
        let all = (try json(r)["files"] as! [[String: Any]]).flatMap { $0["findings"] as! [[String: Any]] }
        #expect(all.first { $0["check"] as? String == "local/carry-over-explained" }?["severity"] as? String == "error")
        #expect(all.contains { $0["check"] as? String == "local/procurement-sme" && $0["suppressed"] != nil })
    }

    @Test func aMalformedRuleIsExit64WithTheRuleThePositionAndASuggestion() throws {
        let cases: [(from: String, to: String, expected: [String])] = [
            (
                "三公经费.决算 <= 三公经费.上年决算", "三公经费.决算 <= 三公费.上年决算",
                ["rules[0].expect", "local/sangong-no-increase", "unknown concept '三公费' at column 12", "did you mean '三公经费'?"]
            ),
            ("机关运行经费 <= 公用经费", "机关运行经费 =< 公用经费", ["rules[2].expect", "unknown operator '=<' at column 8", "did you mean '<='?"]),
            ("结转结余率 <= 10%", "结转结余率 <= 10万元", ["rules[1].expect", "local/carry-over-explained", "at column"]),
            ("\"severity\": \"warning\"", "\"severity\": \"warn\"", ["rules[1].severity", "did you mean 'warning'?"])
        ]
        for c in cases {
            let dir = try bureau { $0.replacingOccurrences(of: c.from, with: c.to) }
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try CLI.run(["compliant-2024.txt"], cwd: dir)
            #expect(r.status == 64, "\(c.to): \(r.stderr)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            for e in c.expected { #expect(r.stderr.contains(e), "\(e) not in \(r.stderr)") }
            #expect(r.stderr.contains(".reportlint.json"))
        }
    }

    @Test func rulesTestPassesOnTheExamplesAndFailsOnABrokenOne() throws {
        let dir = try bureau()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ok = try CLI.run(["rules", "test", "--lang", "en"], cwd: dir)
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("5 rules, 12 examples: 12 passed, 0 failed"), "\(ok.stdout)")
        let json = try CLI.run(["rules", "test", "--format", "json", "--config", ".reportlint.json"], cwd: dir)
        #expect(try self.json(json)["ok"] as? Bool == true)

        // A non-triggering example that in fact breaks the rule.
        let broken = try bureau { $0.replacingOccurrences(of: "2024年度部门整体结转结余率为8.40%。", with: "2024年度部门整体结转结余率为18.40%。") }
        defer { try? FileManager.default.removeItem(at: broken) }
        let failed = try CLI.run(["rules", "test", "--lang", "en"], cwd: broken)
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("FAILED non-triggering example 2: unexpected finding at 1:"), "\(failed.stdout)")
        #expect(failed.stdout.contains("1 failed"))

        let nowhere = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: nowhere) }
        try FileManager.default.createDirectory(at: nowhere.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let none = try CLI.run(["rules", "test"], cwd: nowhere)
        #expect(none.status == 64 && none.stderr.contains("--config"), "\(none.stderr)")
    }

    @Test func rulesExplainAndConceptsDescribeThemselves() throws {
        let dir = try bureau()
        defer { try? FileManager.default.removeItem(at: dir) }
        let list = try CLI.run(["rules", "--format", "json"], cwd: dir)
        #expect(list.status == 0)
        let listed = try JSONSerialization.jsonObject(with: list.stdoutBytes) as! [[String: Any]]
        #expect(listed.map { $0["id"] as! String } == Self.ruleIDs)
        let explain = try CLI.run(["explain", "local/sangong-no-increase", "--lang", "en"], cwd: dir)
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("三公经费.上年决算 → “三公”经费") || explain.stdout.contains("三公经费.上年决算 →"), "\(explain.stdout)")
        #expect(explain.stdout.contains("↓"))
        let misspelt = try CLI.run(["explain", "local/sangong-no-increse"], cwd: dir)
        #expect(misspelt.status == 64 && misspelt.stderr.contains("did you mean 'local/sangong-no-increase'"), "\(misspelt.stderr)")
        let concepts = try CLI.run(["concepts", "--format", "json"])
        let known = try JSONSerialization.jsonObject(with: concepts.stdoutBytes) as! [String: Any]
        let names = (known["concepts"] as! [[String: Any]]).map { $0["name"] as! String }
        #expect(names.contains("机关运行经费") && names.contains("公用经费"))
        #expect(try CLI.run(["concepts"]).stdout.contains("结转结余率"))
    }
}

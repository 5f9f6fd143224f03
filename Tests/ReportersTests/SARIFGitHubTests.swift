import Checks
import Foundation
import Lint
import Reporters
import Testing

/// What GitHub code scanning needs of a SARIF log: rule help links, the run's language and
/// category, a line hash that does not depend on the line, and no more results than it keeps.
@Suite struct SARIFGitHubTests {
    func sarif(_ text: String, maxResults: Int? = SARIFReporter.gitHubResultLimit, language: Language = .zh) throws -> [String: Any] {
        let out = try render(
            {
                SARIFReporter(
                    out: $0, language: language, rules: Registry.all.map(\.description), baseDirectory: "/repo",
                    maxResults: maxResults)
            }, [("r.txt", text)])
        return try #require(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
    }

    func run(_ log: [String: Any]) throws -> [String: Any] {
        try #require((log["runs"] as? [[String: Any]])?.first)
    }

    @Test func rulesLinkToTheirDocumentationAndTheRunSaysItsLanguageAndCategory() throws {
        let run = try run(try sarif(faultyText, language: .en))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect((rule["helpUri"] as? String)?.hasSuffix("/docs/checks.md#" + id) == true)
        }
        #expect(run["language"] as? String == "en")
        #expect((run["automationDetails"] as? [String: Any])?["id"] as? String == "reportlint/")
    }

    @Test func theLineHashIsTheLogicalFingerprint() throws {
        let results = try #require(try run(try sarif(faultyText))["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        for r in results {
            let fingerprints = try #require(r["partialFingerprints"] as? [String: String])
            #expect(fingerprints["primaryLocationLineHash"] == (fingerprints["reportlint/v1"] ?? "") + ":1")
        }
        // Moving the paragraph down keeps every hash.
        let moved = try #require(try run(try sarif("前言。\n\n另一段。\n" + faultyText))["results"] as? [[String: Any]])
        let hashes = { (rs: [[String: Any]]) in
            rs.compactMap { ($0["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"] }
        }
        #expect(hashes(moved) == hashes(results))
    }

    @Test func pastTheLimitTheGraverResultsAreKeptAndTheRestCounted() throws {
        // The faulty text gives errors; a zero-based growth rate gives a note.
        let text = faultyText + "2024年度机关运行经费支出3.00万元，比2023年增加3.00万元，增长100%。2023年机关运行经费支出0万元。\n"
        let all = try #require(try run(try sarif(text, maxResults: nil))["results"] as? [[String: Any]])
        let levels = all.map { $0["level"] as? String ?? "" }
        let graver = levels.filter { $0 != "note" }.count
        try #require(levels.contains("note") && graver >= 1, "the fixture must give at least one note and one graver result: \(levels)")
        let capped = try run(try sarif(text, maxResults: graver))
        let kept = try #require(capped["results"] as? [[String: Any]])
        #expect(kept.map { $0["level"] as? String ?? "" } == levels.filter { $0 != "note" })
        let notes = ((capped["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        #expect(notes.contains { (($0["descriptor"] as? [String: Any])?["id"] as? String) == "results-capped" })
    }
}

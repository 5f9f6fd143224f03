import Foundation
import Testing

/// Issue 20, items 4–6: a baseline is keyed by fingerprint and figures, and a run restricted
/// with --select / --ignore says nothing about the baseline entries and acceptances of the
/// checks it did not run.
@Suite(.serialized) struct BaselineScopeTests {
    let report = "reports/faulty-2024-final-accounts.txt"

    func repository() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("examples/faulty-2024-final-accounts.txt"),
            to: dir.appendingPathComponent(report))
        return dir
    }

    func json(_ r: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any], "\(r.stderr)")
    }

    func findings(_ r: CLI.Result) throws -> [[String: Any]] {
        ((try json(r)["files"] as? [[String: Any]]) ?? []).flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
    }

    func summary(_ r: CLI.Result) throws -> [String: Any] { try json(r)["summary"] as? [String: Any] ?? [:] }

    func entries(_ file: URL) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        return try #require(root["findings"] as? [[String: Any]])
    }

    func edit(_ file: URL, _ from: String, _ to: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try #require(text.contains(from), "the example must contain \(from)")
        try text.replacingOccurrences(of: from, with: to).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Item 6: 基本支出 684.35 ≠ 598.12 + 83.15 (差3.08); 公用经费 becomes 84.23 (差2.00): the same
    /// sentence with a new wrong figure is a new finding, not the baselined one.
    @Test func aChangedFigureIsANewFinding() throws {
        let dir = try repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["--write-baseline", "b.json", "reports"], cwd: dir).status == 0)
        let recorded = try entries(dir.appendingPathComponent("b.json"))
        #expect(recorded.contains { ($0["figures"] as? [String])?.contains("83.15") == true }, "entries carry their figures")
        try edit(dir.appendingPathComponent(report), "公用经费83.15万元", "公用经费84.23万元")
        let r = try CLI.run(["--baseline", "b.json", "--format", "json", "reports"], cwd: dir)
        #expect(r.status == 1, "\(r.stdout)")
        let new = try findings(r)
        #expect(new.count == 1 && (new.first?["message"] as? String)?.contains("2.00") == true, "\(new.map { $0["message"] ?? "" })")
        #expect(try summary(r)["staleBaseline"] as? Int == 1, "the 3.08 discrepancy is gone")
        // Lines moving elsewhere keep every other finding baselined (the figures are the same).
        try edit(dir.appendingPathComponent(report), "公用经费84.23万元", "公用经费83.15万元")
        let text = try String(contentsOf: dir.appendingPathComponent(report), encoding: .utf8)
        try ("前言。\n\n" + text).write(to: dir.appendingPathComponent(report), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--baseline", "b.json", "--strict-baseline", "reports"], cwd: dir).status == 0)
    }

    /// Item 6 for baselines written before figures were recorded: they still match by fingerprint.
    @Test func aBaselineWithoutFiguresStillMatches() throws {
        let dir = try repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try findings(try CLI.run(["--format", "json", "reports"], cwd: dir))
        let old: [String: Any] = [
            "reportlint-baseline": 1, "findings": all.map { ["path": report, "check": $0["check"]!, "fingerprint": $0["fingerprint"]!] }
        ]
        try JSONSerialization.data(withJSONObject: old).write(to: dir.appendingPathComponent("old.json"))
        let r = try CLI.run(["--baseline", "old.json", "--strict-baseline", "reports"], cwd: dir)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    /// Item 4: --select X --strict-baseline does not count the other checks' entries as gone, and
    /// --select X --write-baseline B keeps them in B.
    @Test func aSelectedRunLeavesTheOtherChecksBaselineEntriesAlone() throws {
        let dir = try repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let baseline = dir.appendingPathComponent("b.json")
        #expect(try CLI.run(["--write-baseline", "b.json", "reports"], cwd: dir).status == 0)
        let full = try entries(baseline)
        #expect(Set(full.compactMap { $0["check"] as? String }).count > 2)

        let strict = try CLI.run(
            ["--select", "share-of-total", "--baseline", "b.json", "--strict-baseline", "--format", "json", "reports"], cwd: dir)
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(try summary(strict)["staleBaseline"] == nil || (try summary(strict)["staleBaseline"] as? Int) == 0)
        let ignoring = try CLI.run(["--ignore", "share-of-total", "--baseline", "b.json", "--strict-baseline", "reports"], cwd: dir)
        #expect(ignoring.status == 0, "\(ignoring.stdout)")

        let rewrite = try CLI.run(["--select", "share-of-total", "--write-baseline", "b.json", "reports"], cwd: dir)
        #expect(rewrite.status == 0)
        #expect(try entries(baseline).count == full.count, "\(rewrite.stderr)")
        // The unselected checks' entries still gate a full run.
        #expect(try CLI.run(["--baseline", "b.json", "--strict-baseline", "reports"], cwd: dir).status == 0)
        // Writing over something that is not a baseline is refused rather than clobbering it.
        try "not json".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--write-baseline", "notes.txt", "reports"], cwd: dir).status == 64)
    }

    /// Item 5: an accepted finding of a check the run did not select is not "no longer needed".
    @Test func aSelectedRunDoesNotCallOtherChecksAcceptancesUnneeded() throws {
        let dir = try repository()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try findings(try CLI.run(["--format", "json", "reports"], cwd: dir))
        let yoy = try #require(all.first { $0["check"] as? String == "yoy-change" })
        let weight = try #require(all.first { $0["check"] as? String == "weight-total" })
        let config: [String: Any] = [
            "accepted": [
                ["path": report, "fingerprint": yoy["fingerprint"]!, "check": "yoy-change", "reason": "上年数据经审计调整"],
                ["path": report, "fingerprint": weight["fingerprint"]!, "reason": "模板分值如此"]
            ]
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: dir.appendingPathComponent(".reportlint.json"))
        let full = try CLI.run(["reports"], cwd: dir)
        #expect(!full.stdout.contains("no longer needed") && !full.stdout.contains("不再需要"), "both match in a full run")
        for restricted in [["--select", "share-of-total"], ["--ignore", "yoy-change,weight-total"]] {
            let r = try CLI.run(restricted + ["reports"], cwd: dir)
            #expect(!r.stdout.contains("不再需要") && !r.stderr.contains("不再需要"), "\(restricted): \(r.stdout)")
        }
        // A check that ran and no longer finds it: then the acceptance is unneeded.
        try edit(dir.appendingPathComponent(report), "下降12.54%", "下降11.54%")
        let fixed = try CLI.run(["--select", "yoy-change", "reports"], cwd: dir)
        #expect(fixed.stdout.contains("不再需要"), "\(fixed.stdout)")
    }
}

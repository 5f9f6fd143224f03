import Foundation
import Testing

/// Issue 20, items 12, 14 and 15: what a finding says and where it says it is.
@Suite(.serialized) struct FindingsCLITests {
    let faulty = "examples/faulty-2024-final-accounts.txt"

    func findings(_ r: CLI.Result) throws -> [[String: Any]] {
        let root = try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any], "\(r.stderr)")
        return ((root["files"] as? [[String: Any]]) ?? []).flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
    }

    /// Item 12: 基本支出 = 人员经费 + 公用经费 listed under 其中 is found whatever check is
    /// ignored, by one check.
    @Test func ignoringBreakdownSumKeepsTheBasicExpenditureIdentity() throws {
        func basic(_ args: [String]) throws -> [[String: Any]] {
            try findings(try CLI.run(["--format", "json"] + args + [faulty])).filter {
                ($0["message"] as? String)?.contains("684.35") == true && ($0["message"] as? String)?.contains("598.12") == true
            }
        }
        let all = try basic([])
        #expect(all.count == 1, "one check owns the identity: \(all.map { $0["check"] ?? "" })")
        #expect(try basic(["--ignore", "breakdown-sum"]).count == 1)
        #expect(try basic(["--select", "identity"]).count == 1)
        #expect(try basic(["--ignore", "identity"]).isEmpty, "turning its owner off is the only way to lose it")
    }

    /// Item 15: a finding in prose is placed by the headings above it, not only by a column
    /// thousands of characters into a paragraph; a table cell keeps its table place.
    @Test func narrativeFindingsNameTheirSectionPath() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = """
            某某局2024年度部门决算
            第三部分 2024年度部门决算情况说明
            五、一般公共预算财政拨款支出决算情况说明
            （三）一般公共预算财政拨款支出决算具体情况
            2024年度本年收入合计2000.00万元，其中：财政拨款收入1500.00万元，占80.00%；其他收入500.00万元，占25.00%。

            """
        try Data(report.utf8).write(to: dir.appendingPathComponent("r.txt"))
        let text = try CLI.run(["r.txt"], cwd: dir)
        let heads = text.stdout.split(separator: "\n").filter { $0.hasPrefix("r.txt:5:") }
        #expect(!heads.isEmpty, "\(text.stdout)")
        for head in heads {
            #expect(head.contains("（第三部分 2024年度部门决算情况… › 五、一般公共预算财政拨款支出… › （三）一般公共预算财政拨款支出…）"), "\(head)")
        }
        let json = try CLI.run(["--format", "json", "r.txt"], cwd: dir)
        let all = try findings(json)
        #expect(!all.isEmpty && all.allSatisfy { ($0["section"] as? String)?.hasPrefix("第三部分") == true }, "\(json.stdout)")
        // A finding in a table cell is placed by its table, not by a section path.
        let faultyFindings = try findings(try CLI.run(["--format", "json", faulty]))
        let cells = faultyFindings.filter { ($0["logicalLocation"] as? [String: Any])?["kind"] as? String == "cell" }
        #expect(!cells.isEmpty && cells.allSatisfy { $0["section"] == nil })
    }
}

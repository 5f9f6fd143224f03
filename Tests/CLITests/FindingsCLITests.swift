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
}

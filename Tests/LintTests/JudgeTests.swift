import Model
import Testing

@testable import Engine

/// `CheckReport.judge`: the severity ladder every check applies to a relation's verdict.
@Suite struct JudgeTests {
    /// Judges one verdict and counts which parts of the finding were built.
    func judge(
        _ verdict: Verdict, recordsVerified: Bool = true, severity: Severity? = nil,
        ifTruncated: Severity? = .note
    ) -> (report: CheckReport, added: Bool, built: Int) {
        var report = CheckReport(check: "example", severity: .error, recordsVerified: recordsVerified)
        var built = 0
        func part<T>(_ value: T) -> T {
            built += 1
            return value
        }
        let added = report.judge(
            verdict, severity: severity, ifTruncated: ifTruncated, numbers: part([]), key: part("k"),
            message: part(LocalizedText(zh: "不符", en: "mismatch")), at: part(Span(3, 7)),
            related: part([]), expected: part("42"))
        return (report, added, built)
    }

    @Test func aRelationThatHoldsIsVerifiedAndNothingElseIsBuilt() {
        let r = judge(.holds)
        #expect(!r.added && r.report.findings.isEmpty)
        #expect(r.report.verified.map(\.key) == ["k"])
        #expect(r.built == 2) // numbers and key
        let quiet = judge(.holds, recordsVerified: false)
        #expect(quiet.report.verified.isEmpty && quiet.built == 0)
    }

    @Test func anUndefinedRelationSaysNothing() {
        let r = judge(.undefined)
        #expect(!r.added && r.report.findings.isEmpty && r.report.verified.isEmpty && r.built == 0)
    }

    @Test func aFailureIsAFindingAtTheChecksSeverityUnlessTold() throws {
        let r = judge(.fails)
        #expect(r.added && r.report.verified.isEmpty)
        let f = try #require(r.report.findings.first)
        #expect(f.checkID == "example" && f.severity == .error && f.key == "k" && f.expected == "42")
        #expect(f.span == Span(3, 7) && f.message.en == "mismatch")
        #expect(judge(.fails, severity: .warning).report.findings.map(\.severity) == [.warning])
    }

    @Test func aMatchOnlyUnderTruncationIsANoteUnlessSilenced() {
        #expect(judge(.holdsIfTruncated).report.findings.map(\.severity) == [.note])
        #expect(judge(.holdsIfTruncated, severity: .warning).report.findings.map(\.severity) == [.note])
        #expect(judge(.holdsIfTruncated, ifTruncated: .warning).report.findings.map(\.severity) == [.warning])
        let silent = judge(.holdsIfTruncated, ifTruncated: nil)
        #expect(!silent.added && silent.report.findings.isEmpty && silent.built == 0)
    }

    @Test func anExactRelationHoldsOrFails() {
        #expect(Verdict.exact(true) == .holds)
        #expect(Verdict.exact(false) == .fails)
    }
}

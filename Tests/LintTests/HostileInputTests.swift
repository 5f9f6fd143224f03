import DocxFixtures
import Foundation
import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

/// Issue 14's inputs, audited in process: each ends in the input error it should (or in
/// its findings), never in a trap, and within a time that only linear work allows.
/// (`CLITests.HostileInputCLITests` runs them through the binary, measuring time and memory.)
@Suite struct HostileInputTests {
    static let auditor = Pipeline(linter: Linter(checks: []))

    @Test(arguments: HostileInputs.all())
    func endsInOneInputErrorOrItsFindings(_ input: HostileInput) {
        let clock = ContinuousClock()
        var result: FileResult?
        let elapsed = clock.measure { result = Self.auditor.audit(bytes: input.bytes, displayPath: input.name) }
        switch input.outcome {
        case .inputError(let kind):
            #expect(result?.error?.kind.rawValue == kind, "\(input.name): \(String(describing: result?.error))")
            #expect(result?.error?.message.en.isEmpty == false)
        case .audited:
            #expect(result?.error == nil, "\(input.name): \(String(describing: result?.error))")
        }
        // Debug builds are several times slower than release; quadratic work would take minutes.
        #expect(elapsed < .seconds(120), "\(input.name) took \(elapsed)")
    }

    @Test func overflowingNumbersNameTheLine() {
        let result = Self.auditor.audit(bytes: HostileInputs.numberWithThirteenGroupsInASentence().bytes, displayPath: "n.txt")
        #expect(result.error?.message.en.contains("line 2") == true)
        #expect(result.error?.message.en.contains("28 significant digits") == true)
    }

    @Test func budgetErrorsNameTheBudget() {
        let result = Self.auditor.audit(bytes: HostileInputs.tenMegabyteLineOfOnes().bytes, displayPath: "ones.txt")
        #expect(result.error?.message.en.contains("quantities budget") == true, "\(String(describing: result.error))")
        let chart = Self.auditor.audit(bytes: HostileInputs.chartReferencedByRelationships(2_000).bytes, displayPath: "c.docx")
        #expect(chart.error?.message.en.contains("relationships budget") == true, "\(String(describing: chart.error))")
    }

    @Test func aChartNamedByManyRelationshipsIsReadAndRenderedOnce() throws {
        let document = try DocxReader.read(HostileInputs.chartReferencedByRelationships(1_000).bytes, path: "c.docx")
        #expect(document.charts.count == 1)
    }
}

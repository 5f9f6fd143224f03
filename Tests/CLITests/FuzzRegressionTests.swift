import Foundation
import Testing

/// Every input scripts/fuzz kept (Fuzz/regressions/TARGET/) through the binary: no signal,
/// no hang, one of the exits a report can have. The first: a PDF whose font size is beyond
/// Int trapped where the body size is chosen (the layout's and the writer's), ending a batch.
@Suite struct FuzzRegressionTests {
    static let folder = CLI.packageRoot.appendingPathComponent("Fuzz/regressions")

    static var inputs: [URL] {
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return targets.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(target).path)) ?? []).sorted()
                .map { folder.appendingPathComponent(target).appendingPathComponent($0) }
        }
    }

    @Test func thereAreRegressionInputs() {
        #expect(!Self.inputs.isEmpty, "Fuzz/regressions is empty or missing")
    }

    @Test(arguments: inputs)
    func aKeptInputEndsInAReportOrOneInputError(_ input: URL) throws {
        let r = try Measured.run(["--format", "jsonl", "--lang", "en", input.path], timeout: 120)
        #expect(!r.timedOut, "\(input.lastPathComponent) hung")
        #expect(r.signal == nil, "\(input.lastPathComponent) ended by signal \(r.signal ?? 0): \(r.stderr.prefix(300))")
        #expect([0, 1, 2].contains(r.status), "\(input.lastPathComponent): exit \(r.status)")
        #expect(r.stdout.contains(input.lastPathComponent), "the file is reported: \(r.stdout.prefix(300))")
    }
}

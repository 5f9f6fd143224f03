import Foundation
import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

@Suite struct InputsTests {
    @Test func globs() {
        #expect(Glob("*.txt").matches("reports/2024/a.txt"))
        #expect(!Glob("*.txt").matches("reports/a.docx"))
        #expect(Glob("reports/*/a.txt").matches("reports/2024/a.txt"))
        #expect(!Glob("reports/*.txt").matches("reports/2024/a.txt"))
        #expect(Glob("reports/**/*.txt").matches("reports/2024/q1/a.txt"))
        #expect(Glob("**/draft-*").matches("x/y/draft-1.txt"))
        #expect(Glob("d?.txt").matches("d1.txt") && !Glob("d?.txt").matches("d10.txt"))
        #expect(Glob("[0-9]*.txt").matches("2024决算.txt") && !Glob("[!0-9]*.txt").matches("2024决算.txt"))
        #expect(Glob("*决算*").matches("部门决算2024.txt"))
    }

    @Test func shardsPartitionTheInputs() throws {
        let inputs = (0..<500).map { Input(path: "p\($0)", display: "reports/\($0).txt") }
        let n = 7
        var seen = Set<String>()
        for k in 1...n {
            let shard = try #require(Shard("\(k)/\(n)"))
            for i in inputs where shard.contains(i) { #expect(seen.insert(i.display).inserted) }
        }
        #expect(seen.count == inputs.count)
        #expect(Shard("0/3") == nil && Shard("4/3") == nil && Shard("1/0") == nil && Shard("x") == nil)
        // The hash is fixed: FNV-1a 64 (published test vectors).
        #expect(FNV1a.hex("") == "cbf29ce484222325")
        #expect(FNV1a.hex("a") == "af63dc4c8601ec8c")
        #expect(FNV1a.hex("foobar") == "85944171f73967e8")
    }

    @Test func discoveryWalksSortsAndFilters() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rl-\(UUID().uuidString)")
        let fm = FileManager.default
        for dir in ["b", "a", ".hidden", ".build", "a/deep"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        for file in ["b/2.txt", "a/1.txt", "a/deep/3.docx", "a/notes.md", ".hidden/x.txt", ".build/y.txt", "a/draft-4.txt", "top.TXT"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        defer { try? fm.removeItem(at: root) }
        var d = InputDiscovery(workingDirectory: root.path)
        #expect(d.inputs([root.path]).map(\.display) == ["a/1.txt", "a/deep/3.docx", "a/draft-4.txt", "b/2.txt", "top.TXT"])
        d.exclude = [Glob("draft-*")]
        #expect(d.inputs([root.path]).map(\.display) == ["a/1.txt", "a/deep/3.docx", "b/2.txt", "top.TXT"])
        d.include = [Glob("a/**")]
        #expect(d.inputs([root.path]).map(\.display) == ["a/1.txt", "a/deep/3.docx"])
        // A file named explicitly is audited whatever its extension; duplicates collapse.
        let explicit = root.appendingPathComponent("a/notes.md").path
        #expect(d.inputs([explicit, explicit]).map(\.display) == ["a/notes.md"])
    }

    @Test func parallelResultsComeBackInOrder() {
        let inputs = (0..<200).map { Input(path: "\($0)", display: String(format: "%03d", $0)) }
        let p = ParallelAuditor(jobs: 4) { input in
            // Uneven work, so that workers finish out of order.
            if Int(input.path)! % 7 == 0 { usleep(200) }
            return FileResult(path: input.display, source: nil, findings: [], error: nil)
        }
        var order: [String] = []
        p.run(inputs) { order.append($0.path) }
        #expect(order == inputs.map(\.display))
    }

    @Test func theNextInputIsAuditedWhileAResultIsReported() {
        // With one job, the first result is reported on this thread while the worker already
        // audits the second input: writing the report is off the critical path. Run one after
        // the other, the second input could not start before this report returns.
        final class Flag: @unchecked Sendable {
            private let lock = NSLock()
            private var value = false
            func set() {
                lock.lock()
                value = true
                lock.unlock()
            }
            var isSet: Bool {
                lock.lock()
                defer { lock.unlock() }
                return value
            }
        }
        let secondStarted = Flag()
        let inputs = (0..<3).map { Input(path: "\($0)", display: "\($0)") }
        let p = ParallelAuditor(jobs: 1) { input in
            if input.path == "1" { secondStarted.set() }
            return FileResult(path: input.display, source: nil, findings: [], error: nil)
        }
        var overlapped = false
        var order: [String] = []
        p.run(inputs) { result in
            order.append(result.path)
            guard result.path == "0" else { return }
            let deadline = ContinuousClock.now + .seconds(5)
            while !secondStarted.isSet && ContinuousClock.now < deadline { usleep(1000) }
            overlapped = secondStarted.isSet
        }
        #expect(overlapped)
        #expect(order == ["0", "1", "2"])
    }
}

import Checks
import Foundation
import Lint
import Testing

/// Every number that takes part in a relation a check verified as consistent is
/// changed by one unit of its last-but-two digit (96.36 → 97.36, 6.99% → 7.99%):
/// a finding must then appear on its line. Prints the detection rate per check.
@Suite(.enabled(if: Corpus.isAvailable, "../shared/corpus is absent: mutation test skipped"))
struct MutationTests {
    static let proseChecks: Set<String> = [
        "share-of-total", "percent-sum", "breakdown-sum", "yoy-change", "identity",
        "classification-sum", "budget-completion"
    ]

    @Test func changedNumbersAreDetectedOnTheirLine() throws {
        var perCheck: [String: (detected: Int, total: Int)] = [:]
        var misses: [String] = []
        for url in Corpus.documents {
            let bytes = try [UInt8](Data(contentsOf: url))
            let source = SourceText(path: url.lastPathComponent, bytes: try TextDecoder.decode(bytes).bytes)
            let linter = Linter(checks: Registry.all)
            let (base, verified) = linter.lintWithEvidence(AuditModel(document: TextReader.read(source)), path: "x")
            let baseKeys = Set(base.map { "\($0.checkID)|\(source.position(of: $0.span.start).line)|\($0.message.en)" })
            var targets: [Span: Set<String>] = [:]
            for v in verified where Self.proseChecks.contains(v.check) {
                for n in v.numbers { targets[n, default: []].insert(v.check) }
            }
            for (span, checks) in targets.sorted(by: { $0.key.start < $1.key.start }) {
                let digits = String(decoding: source.bytes[span.range], as: UTF8.self).replacingOccurrences(of: ",", with: "")
                guard let value = Dec(digits) else { continue }
                let decimals = digits.split(separator: ".").count == 2 ? digits.split(separator: ".")[1].count : 0
                let changed = (value + Dec(100) * Dec.unit(decimals: decimals)).formatted(minDecimals: decimals)
                var mutated = Array(source.bytes[..<span.start])
                mutated += Array(changed.utf8)
                mutated += Array(source.bytes[span.end...])
                let copy = SourceText(path: "m", bytes: mutated)
                let line = copy.position(of: span.start).line
                let findings = linter.lint(AuditModel(document: TextReader.read(copy)), path: "x")
                let hit = findings.contains { f in
                    !baseKeys.contains("\(f.checkID)|\(copy.position(of: f.span.start).line)|\(f.message.en)")
                        && ([f.span] + f.related.map(\.span)).contains { copy.position(of: $0.start).line == line }
                }
                for c in checks {
                    perCheck[c, default: (0, 0)].total += 1
                    if hit { perCheck[c]!.detected += 1 }
                }
                if !hit {
                    misses.append("\(url.lastPathComponent):\(line) \(digits) → \(changed) (\(checks.sorted().joined(separator: ", ")))")
                }
            }
        }
        var all = (0, 0)
        var report = "mutation detection per check:\n"
        for (c, r) in perCheck.sorted(by: { $0.key < $1.key }) {
            report += "  \(c): \(r.detected)/\(r.total)\n"
            all.0 += r.detected
            all.1 += r.total
        }
        report += "  all: \(all.0)/\(all.1)\n" + misses.map { "  undetected: " + $0 }.joined(separator: "\n")
        print(report)
        #expect(all.1 > 200)
        // The misses are figures whose printed precision absorbs the change (an integer 11% rate).
        #expect(Double(all.0) / Double(max(1, all.1)) >= 0.98, "\(report)")
    }
}

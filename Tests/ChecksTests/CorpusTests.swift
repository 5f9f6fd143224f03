import Foundation
import Testing
import Lint
import Checks

/// The relations in the corpus `*.clean.json` hold within rounding: no check that
/// speaks about such a relation may flag it above note. Skipped (loudly) without ../shared.
@Suite(.enabled(if: Corpus.isAvailable, "../shared/corpus is absent: corpus tests skipped"))
struct CorpusTests {
    @Test(arguments: Corpus.documents.map(\.lastPathComponent))
    func cleanRelationsAreNotFlagged(name: String) throws {
        let url = Corpus.directory.appendingPathComponent(name)
        let (source, findings) = try lint(file: url)
        for relation in Corpus.labelled(url, "clean") {
            guard let line = relation["line"] as? Int, let kind = relation["kind"] as? String else { continue }
            let checks = Set(Corpus.kinds[kind] ?? [])
            for f in findings where f.severity >= .warning && checks.contains(f.checkID) {
                let spans = [f.span] + f.related.map(\.span)
                if spans.contains(where: { source.position(of: $0.start).line == line }) {
                    Issue.record("\(name):\(line) clean relation \(relation["id"] ?? "") flagged by \(f.checkID): \(f.message.en)")
                }
            }
        }
    }

    @Test func oneShareChangedByOnePointIsFlaggedOnItsLine() throws {
        let url = Corpus.directory.appendingPathComponent("000_188897a7d6cd3efa.txt")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "占90.09%；", with: "占91.09%；")
        let (source, findings) = lint(text)
        #expect(findings.contains { $0.checkID == "share-of-total" && $0.severity == .error && source.position(of: $0.span.start).line == 35 })
    }
}

import Checks
import Foundation
import Lint
import Testing

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
            // A false alarm lands on the relation itself: its line, overlapping its quoted text when the quote is found
            // (the same rule as scripts/eval).
            let lineStart = source.lineStarts[line - 1]
            let lineEnd = source.lineEnd(line - 1)
            let quote = Array(((relation["quote"] as? String) ?? "").utf8)
            var quoted: Range<Int>?
            if !quote.isEmpty,
                let at = (lineStart...max(lineStart, lineEnd - quote.count)).first(where: {
                    Array(source.bytes[$0..<min(lineEnd, $0 + quote.count)]) == quote
                })
            {
                quoted = at..<(at + quote.count)
            }
            for f in findings where f.severity >= .warning && checks.contains(f.checkID) {
                let onLine = source.position(of: f.span.start).line == line
                let overlaps = quoted.map { f.span.start < $0.upperBound && $0.lowerBound < max(f.span.end, f.span.start + 1) } ?? true
                if onLine && overlaps {
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
        #expect(
            findings.contains { $0.checkID == "share-of-total" && $0.severity == .error && source.position(of: $0.span.start).line == 35 })
    }
}

/// The performance tables of each corpus document, as the notes count them.
@Suite(.enabled(if: Corpus.isAvailable, "../shared/corpus is absent: corpus tests skipped"))
struct CorpusModelTests {
    func model(_ name: String) throws -> AuditModel {
        let bytes = try [UInt8](Data(contentsOf: Corpus.directory.appendingPathComponent(name)))
        return AuditModel(document: TextReader.read(SourceText(path: name, bytes: try TextDecoder.decode(bytes).bytes)))
    }

    @Test func document000() throws {
        let m = try model("000_188897a7d6cd3efa.txt")
        try #require(m.projectTables.count == 23)
        #expect(m.projectTables.allSatisfy { $0.layout == .separateColumns })
        #expect(m.projectTables.map(\.indicators.count).reduce(0, +) == 93)
        #expect(m.projectTables.filter { $0.indicators.isEmpty }.count == 11)
        try #require(m.departmentTables.count == 1)
        #expect(m.departmentTables[0].rows.count == 28) // 23 scored rows and 5 扣分项
        #expect(m.departmentTables[0].total?.score?.text == "97")
        #expect(m.unreadTables.isEmpty)
        #expect(m.projectTables[0].projectCode == "51090422T000000401050")
        #expect(m.projectTables[0].projectName == "城乡基层治理工作经费")
    }

    @Test func document001() throws {
        let m = try model("001_aa60969cd7f058a1.txt")
        #expect(m.projectTables.count == 5)
        #expect(m.projectTables.allSatisfy { $0.layout == .separateColumns && $0.indicatorPoints?.value == Dec(90) })
        #expect(m.projectTables.allSatisfy { $0.budget?.rows.count == 5 })
    }

    @Test func document004() throws {
        let m = try model("004_6daf97d64a1720dd.txt")
        try #require(m.projectTables.count == 7)
        #expect(m.projectTables.allSatisfy { $0.layout == .freeText })
        #expect(m.projectTables.map(\.indicators.count).reduce(0, +) == 80)
        #expect(m.projectTables.allSatisfy { $0.sections.map(\.name) == ["产出指标", "效益指标", "满意度指标"] })
        #expect(m.projectTables[3].budget?.total?.executed?.text == "4.56")
    }
}

import Extraction
import Model
import Readers
import Reporters
import TestSupport
import Testing

/// What extraction makes of small reports written for these tests (Fixtures/), kept as the
/// `reportlint dump` JSON under ExtractionSnapshots/: a change in what is read, bound or
/// classified shows as a diff and fails until re-recorded on purpose:
///
///     REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter ExtractionSnapshotTests
@Suite struct ExtractionSnapshotTests {
    static let folder = SnapshotFolder(named: "ExtractionSnapshots")
    static let fixtures = SnapshotFolder(named: "Fixtures")

    static var names: [String] { fixtures.files().filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) } }

    @Test(arguments: ExtractionSnapshotTests.names)
    func dumpMatchesTheSnapshot(name: String) throws {
        let text = try #require(Self.fixtures.read(Self.fixtures.path(name)))
        let source = SourceText(path: name + ".txt", bytes: Array(text.utf8))
        let dump = Dump.json(AuditModel(document: TextReader.read(source))).serialized() + "\n"
        if let problem = try Self.folder.mismatch(
            dump, name: name, rerun: "REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter ExtractionSnapshotTests")
        {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test func everyFixtureHasASnapshotAndNoSnapshotIsOrphaned() {
        #expect(Self.names.count >= 2, "the extraction fixtures are missing from \(Self.fixtures.directory)")
        let snapshots = Self.folder.files().filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
        #expect(Set(snapshots) == Set(Self.names), "ExtractionSnapshots/ and Fixtures/ do not name the same reports")
    }
}

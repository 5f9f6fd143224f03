import Checks
import Foundation
import Reporters
import TestSupport
import Testing

/// Files that restate the registry must not drift from it: the README's table of checks,
/// docs/checks.md (generated: SARIF rules link to its anchors), and the registry itself
/// against the check types in Sources/Checks. (The configuration schema has its own guard:
/// ConfigSchemaTests.)
@Suite struct DerivedFilesTests {
    static let root = ArchitectureTests.root

    /// (id, default severity) rows of the README's "## Checks" table, in order.
    static func readmeRows() throws -> [(id: String, severity: String)] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "\n## Checks\n") else { return [] }
        var rows: [(String, String)] = []
        for line in readme[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1].hasPrefix("`"), cells[1].hasSuffix("`") else { continue }
            rows.append((String(cells[1].dropFirst().dropLast()), cells[2]))
        }
        return rows
    }

    @Test func theReadmeListsEveryCheckInRegistryOrderWithItsSeverity() throws {
        let readme = try Self.readmeRows()
        let registry = Registry.all.map { ($0.description.id, $0.description.severity.rawValue) }
        #expect(readme.map(\.id) == registry.map(\.0), "README.md's table of checks and Registry.all differ: update the table")
        for (row, check) in zip(readme, registry) where row.id == check.0 {
            #expect(row.severity == check.1, "README.md says \(row.id) is \(row.severity) by default; the check says \(check.1)")
        }
    }

    @Test func everyCheckTypeIsRegistered() throws {
        let folder = Self.root.appendingPathComponent("Sources/Checks")
        var declared: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("public struct ") && line.contains(": Check ") {
                let rest = line.dropFirst("public struct ".count)
                declared.append(String(rest.prefix { $0 != ":" && $0 != " " }))
            }
        }
        let registered = Registry.all.map { String(describing: type(of: $0)) }
        #expect(declared.count >= 20, "found almost no check types: has Sources/Checks moved?")
        for name in declared {
            #expect(registered.contains(name), "\(name) conforms to Check but is not in Registry.all")
        }
    }

    /// docs/checks.md is CheckCatalog.markdown of the registry; recorded like a snapshot.
    @Test func docsChecksIsGeneratedFromTheRegistry() throws {
        let docs = SnapshotFolder(directory: Self.root.appendingPathComponent("docs").path, fileExtension: "md")
        let text = CheckCatalog.markdown(Registry.all.map(\.description))
        if let problem = try docs.mismatch(
            text, name: "checks", rerun: "REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter DerivedFilesTests")
        {
            Issue.record(Comment(rawValue: problem))
        }
    }
}

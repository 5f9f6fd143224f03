import Checks
import Lint
import TestSupport
import Testing

/// The message snapshots, beside this file.
// swift-format-ignore: AlwaysUseLowerCamelCase
let Snapshots = SnapshotFolder()

/// What every check example makes the whole registry say, in both languages, kept as one
/// text file per check under Snapshots/. A change to a message, a severity, a span, a related
/// place or a fingerprint key shows up as a diff here and fails until it is re-recorded on
/// purpose:
///
///     REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter MessageSnapshotTests
///
/// The example text is part of the snapshot, so a change to an example shows as well.
@Suite struct MessageSnapshotTests {
    @Test(arguments: Registry.ids)
    func messagesMatchTheSnapshot(id: String) throws {
        let check = try #require(Registry.check(id))
        let rendered = MessageSnapshot.render(check)
        let file = Snapshots.path(id)
        if Snapshots.recording {
            try Snapshots.write(rendered, to: file)
            print("recorded \(file)")
            return
        }
        guard let stored = Snapshots.read(file) else {
            Issue.record("no snapshot \(file): record it with REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter MessageSnapshotTests")
            return
        }
        if stored != rendered {
            Issue.record(
                """
                the messages of \(id) changed (- snapshot, + now); if that is intended, re-record with \
                REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter MessageSnapshotTests
                \(LineDiff.unified(old: stored, new: rendered))
                """)
        }
    }

    /// A snapshot whose check left the registry would guard nothing: it must go with it.
    @Test func everySnapshotBelongsToACheck() throws {
        let ids = Set(Registry.ids)
        for name in Snapshots.files() where name.hasSuffix(".txt") {
            let id = String(name.dropLast(4))
            #expect(ids.contains(id), "Snapshots/\(name) belongs to no check of the registry: delete it")
        }
    }

    @Test func theDiffShowsChangedLinesWithContext() {
        let diff = LineDiff.unified(old: "a\nb\nc\nd\n", new: "a\nb\nC\nd\ne\n")
        #expect(
            diff == """
                  a
                  b
                - c
                + C
                  d
                + e
                """)
    }
}

/// The snapshot text of one check: each example as written (markers kept, TAB shown as ⇥),
/// then every finding of every check on it, in document order.
enum MessageSnapshot {
    static func render(_ check: any Check) -> String {
        let d = check.description
        var out = """
            # \(d.id): the findings of the whole registry on each example of this check, in both languages.
            # A change fails the test until re-recorded: REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter MessageSnapshotTests
            # Positions (line:column-line:column) are in the text without its ↓ markers.

            """
        for (n, example) in d.triggering.enumerated() {
            let severity = example.severity ?? d.severity
            out += "\n== triggering example \(n + 1) (\(d.id) expected at each ↓, \(severity.rawValue))\n"
            out += render(example)
        }
        for (n, example) in d.nonTriggering.enumerated() {
            out += "\n== non-triggering example \(n + 1) (no \(d.id) expected)\n"
            out += render(example)
        }
        return out
    }

    static func render(_ example: Example) -> String {
        var out = ""
        for line in example.text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += line.isEmpty ? "  |\n" : "  | " + line.replacingTabs() + "\n"
        }
        let (source, findings) = lint(example.stripped.text, checks: Registry.all)
        if findings.isEmpty { return out + "-- no findings\n" }
        out += "-- \(findings.count) finding\(findings.count == 1 ? "" : "s")\n"
        for f in findings {
            out += "\(f.checkID) \(f.severity.rawValue) at \(place(f.span, source))\n"
            out += "  zh: \(f.message.zh)\n"
            out += "  en: \(f.message.en)\n"
            if let expected = f.expected { out += "  expected: \(expected)\n" }
            out += "  key: \(f.key)\n"
            for r in f.related {
                out += "  related \(r.role) at \(place(r.span, source))\n"
                out += "    zh: \(r.message.zh)\n"
                out += "    en: \(r.message.en)\n"
            }
            if f.relatedOmitted > 0 { out += "  related omitted: \(f.relatedOmitted)\n" }
        }
        return out
    }

    static func place(_ span: Span, _ source: SourceText) -> String {
        let a = source.position(of: span.start)
        let b = source.position(of: span.end)
        return "\(a.line):\(a.column)-\(b.line):\(b.column)"
    }
}

extension Substring {
    func replacingTabs() -> String { String(map { $0 == "\t" ? "⇥" : $0 }) }
}

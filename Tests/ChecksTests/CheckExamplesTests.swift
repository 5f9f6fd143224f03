import Checks
import Lint
import Testing

/// Every check documents itself with examples; this runs all of them, as
/// SwiftLint does with its rule descriptions.
@Suite struct CheckExamplesTests {
    static let checks: [any Check] = Registry.all

    @Test(arguments: Registry.ids)
    func triggeringExamplesFindExactlyTheMarkedPlaces(id: String) throws {
        let check = try #require(Registry.check(id))
        let d = check.description
        #expect(!d.triggering.isEmpty, "\(id) has no triggering example")
        for (n, example) in d.triggering.enumerated() {
            let (text, markers) = example.stripped
            #expect(!markers.isEmpty, "triggering example \(n) of \(id) has no ↓ marker")
            let (source, findings) = lint(text, checks: [check])
            let starts = findings.map(\.span.start)
            for m in markers {
                let p = source.position(of: m)
                #expect(
                    starts.contains(m),
                    "\(id) example \(n): no finding at \(p.line):\(p.column); found \(findings.map { "\(source.position(of: $0.span.start)) \($0.message.en)" })"
                )
            }
            for f in findings where !markers.contains(f.span.start) {
                let p = source.position(of: f.span.start)
                Issue.record("\(id) example \(n): unexpected finding at \(p.line):\(p.column): \(f.message.en)")
            }
            let want = example.severity ?? d.severity
            for f in findings where markers.contains(f.span.start) {
                #expect(f.severity == want, "\(id) example \(n): severity \(f.severity) instead of \(want): \(f.message.en)")
            }
        }
    }

    @Test(arguments: Registry.ids)
    func nonTriggeringExamplesFindNothing(id: String) throws {
        let check = try #require(Registry.check(id))
        #expect(!check.description.nonTriggering.isEmpty, "\(id) has no non-triggering example")
        for (n, example) in check.description.nonTriggering.enumerated() {
            #expect(example.stripped.markers.isEmpty)
            let (source, findings) = lint(example.text, checks: [check])
            for f in findings {
                let p = source.position(of: f.span.start)
                Issue.record("\(id) non-triggering example \(n): finding at \(p.line):\(p.column): \(f.message.en)")
            }
        }
    }

    @Test func descriptionsAreComplete() {
        var seen = Set<String>()
        for check in Registry.all {
            let d = check.description
            #expect(seen.insert(d.id).inserted, "duplicate id \(d.id)")
            #expect(d.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(d.id) is not kebab-case")
            #expect(!d.title.zh.isEmpty && !d.title.en.isEmpty)
            #expect(!d.rationale.zh.isEmpty && !d.rationale.en.isEmpty)
            #expect(!d.tags.isEmpty)
        }
    }

    @Test func findingsCarryMessagesInBothLanguagesAndStableFingerprints() throws {
        for check in Registry.all {
            for example in check.description.triggering {
                let (_, a) = lint(example.stripped.text, checks: [check])
                let (_, b) = lint(example.stripped.text, checks: [check])
                #expect(a.map(\.fingerprint) == b.map(\.fingerprint))
                for f in a {
                    #expect(!f.message.zh.isEmpty && !f.message.en.isEmpty && f.message.zh != f.message.en)
                    #expect(f.fingerprint.count == 16)
                }
            }
        }
    }

    @Test func fingerprintsIgnoreLineNumbers() throws {
        let check = try #require(Registry.check("share-of-total"))
        let text = check.description.triggering[0].stripped.text
        let (_, a) = lint(text, checks: [check])
        let (_, b) = lint("插入的一行。\n\n另一行。\n" + text, checks: [check])
        #expect(!a.isEmpty)
        #expect(a.map(\.fingerprint) == b.map(\.fingerprint))
    }
}

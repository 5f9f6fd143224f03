import Checks
import Foundation
import Lint
import Reporters
import Testing

/// docs/reportlint.schema.json is the schema reportlint generates, and it accepts exactly
/// what the loader accepts on a set of good and bad configurations.
@Suite struct ConfigSchemaTests {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/reportlint.schema.json")

    @Test func theDocumentedSchemaIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: docs, encoding: .utf8)
        #expect(committed == ConfigSchema.json(checkIDs: Registry.ids),
                "docs/reportlint.schema.json is stale: regenerate it with `reportlint init` in an empty folder and copy .reportlint.schema.json")
    }

    static let good = [
        #"{}"#,
        #"{"$schema": "./.reportlint.schema.json", "_comment": ["a"], "lang": "en", "fail-on": "warning", "include": ["**/*.txt"], "exclude": []}"#,
        #"{"checks": {"_comment": "c", "only": ["share-of-total"], "disable": ["period"], "enable": [], "severity": {"period": "note"}}}"#,
        #"{"overrides": [{"_comment": "x", "files": ["archive/**"], "checks": {"disable": ["report-period"]}, "fail-on": "never"}]}"#,
        #"{"accepted": [{"path": "a.txt", "fingerprint": "0123456789abcdef", "check": "period", "reason": "official figure"}]}"#,
    ]
    static let bad = [
        #"{"fail_on": "error"}"#,
        #"{"lang": "fr"}"#,
        #"{"checks": {"disable": ["share-of-totl"]}}"#,
        #"{"checks": {"severity": {"period": "fatal"}}}"#,
        #"{"include": "*.txt"}"#,
        #"{"overrides": [{"checks": {}}]}"#,
        #"{"overrides": [{"files": []}]}"#,
        #"{"accepted": [{"path": "a.txt", "fingerprint": "0123456789abcdef"}]}"#,
        #"{"accepted": [{"path": "a.txt", "fingerprint": "XYZ", "reason": "r"}]}"#,
        #"{"accepted": [{"path": "a.txt", "fingerprint": "0123456789abcdef", "reason": "  "}]}"#,
    ]

    @Test func theLoaderAcceptsTheGoodAndRefusesTheBad() {
        for json in Self.good {
            #expect(throws: Never.self, "\(json)") {
                _ = try ConfigurationLoader.parse(Array(json.utf8), absolute: "/r/.reportlint.json", display: "c", knownChecks: Registry.ids)
            }
        }
        for json in Self.bad {
            #expect(throws: ConfigError.self, "\(json)") {
                _ = try ConfigurationLoader.parse(Array(json.utf8), absolute: "/r/.reportlint.json", display: "c", knownChecks: Registry.ids)
            }
        }
    }

    @Test func theSchemaAgreesWithTheLoader() throws {
        let cases = try JSONSerialization.data(withJSONObject: ["good": Self.good, "bad": Self.bad])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-schema-\(UUID().uuidString).json")
        try cases.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        guard let run = try runJSONSchemaScript("""
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            v = jsonschema.Draft7Validator(schema)
            cases = json.load(open(sys.argv[2]))
            wrong = [c for c in cases["good"] if not v.is_valid(json.loads(c))] + [c for c in cases["bad"] if v.is_valid(json.loads(c))]
            print("\\n".join(wrong)); sys.exit(1 if wrong else 0)
            """, arguments: [docs.path, file.path]) else {
            withKnownIssue("python3 jsonschema is not installed here; .ci/run installs it") { Issue.record("schema validation skipped") }
            return
        }
        #expect(run.status == 0, "the schema disagrees with the loader on:\n\(run.output)")
    }
}

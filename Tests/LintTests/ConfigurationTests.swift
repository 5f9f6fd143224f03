import Foundation
import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

@Suite struct ConfigurationTests {
    let ids = ["share-of-total", "percent-sum", "period", "report-period"]

    func load(_ json: String, at path: String = "/repo/.reportlint.json") throws(ConfigError) -> Configuration {
        try ConfigurationLoader.parse(Array(json.utf8), absolute: path, display: ".reportlint.json", knownChecks: ids)
    }

    func failure(_ json: String) -> String {
        do {
            _ = try load(json)
            return "loaded"
        } catch {
            return error.description
        }
    }

    @Test func aMisspeltCheckIdNamesFileKeyAndTheCorrectId() {
        #expect(
            failure(#"{"checks": {"disable": ["share-of-totl"]}}"#)
                == ".reportlint.json:1: checks.disable[0]: unknown check 'share-of-totl'; did you mean 'share-of-total'?")
        #expect(
            failure(#"{"checks": {"severity": {"perod": "error"}}}"#)
                == ".reportlint.json:1: checks.severity.perod: unknown check 'perod'; did you mean 'period'?")
        #expect(
            failure(#"{"overrides": [{"files": ["a/**"], "checks": {"only": ["percent-summ"]}}]}"#)
                == ".reportlint.json:1: overrides[0].checks.only[0]: unknown check 'percent-summ'; did you mean 'percent-sum'?")
    }

    @Test func unknownKeysAndWrongTypesAreNamed() {
        #expect(failure(#"{"fail_on": "error"}"#) == ".reportlint.json:1: fail_on: unknown key; did you mean 'fail-on'?")
        #expect(failure(#"{"checks": {"disabled": []}}"#) == ".reportlint.json:1: checks.disabled: unknown key; did you mean 'disable'?")
        #expect(failure(#"{"lang": 3}"#) == #".reportlint.json:1: lang: must be one of "zh", "en", not 3"#)
        #expect(failure("{\n  \"lang\": true\n}") == #".reportlint.json:2: lang: must be one of "zh", "en", not true"#)
        #expect(
            failure(#"{"fail-on": "errors"}"#)
                == ".reportlint.json:1: fail-on: \"errors\" is not one of error, warning, note, never; did you mean 'error'?")
        #expect(failure(#"{"include": "*.txt"}"#) == #".reportlint.json:1: include: must be an array, not "*.txt""#)
        #expect(
            failure(#"{"checks": {"severity": {"period": "fatal"}}}"#).hasPrefix(
                ".reportlint.json:1: checks.severity.period: \"fatal\" is not one of"))
        #expect(failure("[1, 2]") == ".reportlint.json:1: must be an object, not [1,2]")
        #expect(failure("{ not json").hasPrefix(".reportlint.json:1: is not valid JSON"))
        #expect(failure(#"{"lang": "zh", "lang": "en"}"#).contains("appears twice"))
        #expect(
            failure(#"{"overrides": [{"checks": {}}]}"#) == #".reportlint.json:1: overrides[0]: needs "files": the globs it applies to"#)
    }

    @Test func acceptancesNeedAPathAFingerprintAndAReason() {
        #expect(
            failure(#"{"accepted": [{"path": "a.txt", "fingerprint": "0123456789abcdef"}]}"#)
                == #".reportlint.json:1: accepted[0]: needs "reason": say why the finding is accepted"#)
        #expect(
            failure(#"{"accepted": [{"path": "a.txt", "fingerprint": "0123456789abcdef", "reason": "  "}]}"#)
                == ".reportlint.json:1: accepted[0].reason: must not be empty: say why the finding is accepted")
        #expect(
            failure(#"{"accepted": [{"path": "a.txt", "fingerprint": "12ab", "reason": "r"}]}"#)
                == #".reportlint.json:1: accepted[0].fingerprint: must be the 16 hex digits reportlint prints, not "12ab""#)
    }

    @Test func settingsApplyTopLevelThenOverridesInOrder() throws {
        let config = try load(
            """
            {"fail-on": "warning", "_comment": "x",
             "checks": {"_comment": ["a", "b"], "disable": ["period"], "severity": {"share-of-total": "warning"}},
             "overrides": [
               {"files": ["archive/**"], "checks": {"only": ["percent-sum", "period"]}, "fail-on": "never"},
               {"files": ["archive/2021/*.txt"], "checks": {"enable": ["report-period"]}}
             ],
             "accepted": [{"path": "reports/../a.txt", "fingerprint": "0123456789abcdef", "reason": "in the official tables"}]}
            """)
        let base = FileSettings(enabled: Set(ids), failOn: .error)
        let top = config.settings(forRelativePath: "reports/a.txt", base: base)
        #expect(top.enabled == ["share-of-total", "percent-sum", "report-period"])
        #expect(top.severities == ["share-of-total": .warning])
        #expect(top.failOn == .warning)
        let archived = config.settings(forRelativePath: "archive/2021/b.txt", base: base)
        #expect(archived.enabled == ["percent-sum", "report-period"])
        #expect(archived.failOn == .never)
        #expect(config.accepted.first?.absolutePath == "/repo/a.txt")
    }

    @Test func includeAndExcludeFilterWalkedFiles() throws {
        let config = try load(#"{"include": ["reports/**"], "exclude": ["**/draft-*"]}"#)
        #expect(config.admits(relativePath: "reports/2024/a.txt"))
        #expect(!config.admits(relativePath: "reports/2024/draft-a.txt"))
        #expect(!config.admits(relativePath: "notes/a.txt"))
    }

    @Test func theNearestConfigurationAboveAFileAppliesUpToTheRepositoryRoot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-config-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for dir in ["repo/.git", "repo/a/b", "repo/c"] {
            try FileManager.default.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        try #"{"lang": "en"}"#.write(toFile: root + "/repo/.reportlint.json", atomically: true, encoding: .utf8)
        try #"{"lang": "zh", "fail-on": "note"}"#.write(toFile: root + "/repo/a/.reportlint.json", atomically: true, encoding: .utf8)
        // Above the repository root: never used.
        try #"{"fail-on": "never"}"#.write(toFile: root + "/.reportlint.json", atomically: true, encoding: .utf8)
        let finder = ConfigurationFinder(explicit: nil, knownChecks: ids, workingDirectory: root)
        #expect(try finder.configuration(forFile: root + "/repo/a/b/r.txt")?.failOn == .note)
        #expect(try finder.configuration(forFile: root + "/repo/c/r.txt")?.language == .en)
        try FileManager.default.removeItem(atPath: root + "/repo/.reportlint.json")
        let fresh = ConfigurationFinder(explicit: nil, knownChecks: ids, workingDirectory: root)
        #expect(try fresh.configuration(forFile: root + "/repo/c/r.txt") == nil)
    }

    @Test func baselineMatchingCountsWhatIsGone() throws {
        let source = SourceText(path: "a.txt", bytes: Array("基本支出684.35万元，人员经费598.12万元\n".utf8))
        func finding(_ fp: String, check: String = "share-of-total") -> Finding {
            var f = Finding(check: check, severity: .error, message: LocalizedText(zh: "", en: ""), span: Span(39, 51), key: fp)
            f.fingerprint = fp
            return f
        }
        let baseline = Baseline(
            directory: "/repo",
            entries: [
                .init(path: "a.txt", check: "share-of-total", fingerprint: "aaaaaaaaaaaaaaaa", figures: ["598.12"], message: ""),
                .init(path: "a.txt", check: "share-of-total", fingerprint: "bbbbbbbbbbbbbbbb", figures: nil, message: ""),
                .init(path: "a.txt", check: "identity", fingerprint: "eeeeeeeeeeeeeeee", figures: ["1"], message: ""),
                .init(path: "sub/c.txt", check: "share-of-total", fingerprint: "cccccccccccccccc", figures: nil, message: "")
            ])
        var m = Baseline.Matcher(baseline)
        let (kept, dropped) = m.filter([finding("aaaaaaaaaaaaaaaa"), finding("dddddddddddddddd")], source: source, file: "/repo/a.txt")
        #expect(kept.map(\.fingerprint) == ["dddddddddddddddd"] && dropped == 1)
        var scope = AuditScope()
        scope.audited("/repo/a.txt", skipping: ["identity"])
        // b is gone from an audited file; c's file was not audited but does not exist either;
        // e belongs to a check the run skipped.
        #expect(m.stale(in: scope) == 2)
        var full = AuditScope()
        full.audited("/repo/a.txt", skipping: [])
        #expect(m.stale(in: full) == 3)
    }

    @Test func aBaselineEntryMatchesOnlyTheSameFigures() throws {
        let before = SourceText(path: "a.txt", bytes: Array("基本支出684.35万元，人员经费598.12万元\n".utf8))
        let after = SourceText(path: "a.txt", bytes: Array("基本支出684.35万元，人员经费599.20万元\n".utf8))
        var f = Finding(check: "identity", severity: .error, message: LocalizedText(zh: "", en: ""), span: Span(39, 51), key: "k")
        f.fingerprint = "aaaaaaaaaaaaaaaa"
        f.related = [RelatedLocation(role: "total", span: Span(12, 24), message: LocalizedText(zh: "", en: ""))]
        #expect(BaselineFigures.of(f, in: before) == ["598.12", "684.35"])
        let baseline = Baseline(
            directory: "/repo",
            entries: [
                .init(path: "a.txt", check: "identity", fingerprint: f.fingerprint, figures: BaselineFigures.of(f, in: before), message: "")
            ])
        var same = Baseline.Matcher(baseline)
        #expect(same.filter([f], source: before, file: "/repo/a.txt").baselined == 1)
        var changed = Baseline.Matcher(baseline)
        #expect(changed.filter([f], source: after, file: "/repo/a.txt").baselined == 0)
        #expect(BaselineFigures.figures(in: "1,418.62万元、3，4 and 1, 234.5%") == ["1418.62", "3", "4", "1234.5%"])
    }

    @Test func aRewrittenBaselineKeepsWhatTheRunDidNotCover() throws {
        let previous = Baseline(
            directory: "/nonexistent-repo",
            entries: [
                .init(path: "a.txt", check: "identity", fingerprint: "1111111111111111", figures: ["1"], message: ""),
                .init(path: "a.txt", check: "share-of-total", fingerprint: "2222222222222222", figures: ["2"], message: ""),
                .init(path: "gone.txt", check: "identity", fingerprint: "3333333333333333", figures: ["3"], message: "")
            ])
        var scope = AuditScope()
        scope.audited("/nonexistent-repo/a.txt", skipping: ["identity"])
        let recorded = [
            Baseline.Entry(path: "a.txt", check: "share-of-total", fingerprint: "4444444444444444", figures: ["4"], message: "")
        ]
        let merged = Baseline.merged(previous: previous, recorded: recorded, directory: "/nonexistent-repo", scope: scope)
        // The skipped check's entry stays, the ran check's old entry is replaced, the missing file's entry goes.
        #expect(merged.entries.map(\.fingerprint) == ["1111111111111111", "4444444444444444"])
    }
}

@Suite struct BaselineSchemaTests {
    func failure(_ json: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-baseline-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let recorded = try Baseline.read(absolute: path, display: "b.json")
            return "read \(recorded.entries.count)"
        } catch {
            return error.description
        }
    }

    static let entry = #"{"path": "a.txt", "check": "x", "fingerprint": "0123456789abcdef", "message": "m"}"#

    @Test func theVersionMustBeTheNumberTwoOrOne() {
        #expect(
            failure(#"{"reportlint-baseline": true, "findings": []}"#)
                == "b.json:1: reportlint-baseline: must be 2 (or 1), not true: this is not a reportlint baseline, or a newer one")
        #expect(failure(#"{"reportlint-baseline": "1", "findings": []}"#).contains(#"must be 2 (or 1), not "1""#))
        #expect(failure(#"{"reportlint-baseline": 3, "findings": []}"#).contains("must be 2 (or 1), not 3"))
        #expect(
            failure(#"{"reportlint-baseline": 2, "findings": [{"path": "a", "fingerprint": "0123456789abcdef", "figures": ["1.5", "2"]}]}"#)
                == "read 1")
        #expect(
            failure(#"{"reportlint-baseline": 2, "findings": [{"path": "a", "fingerprint": "0123456789abcdef", "figures": [1]}]}"#)
                .contains("findings[0].figures[0]: must be a string, not 1"))
        #expect(failure(#"{"findings": []}"#) == "b.json:1: reportlint-baseline: is missing: this is not a reportlint baseline")
        #expect(failure(#"{"reportlint-baseline": 1, "findings": [\#(Self.entry)]}"#) == "read 1")
    }

    @Test func entriesAreCheckedKeyByKey() {
        #expect(
            failure("{\"reportlint-baseline\": 1,\n \"findings\": [\n {\"path\": \"a.txt\", \"fingerprnt\": \"0123456789abcdef\"}]}")
                == "b.json:3: findings[0].fingerprnt: unknown key; did you mean 'fingerprint'?")
        #expect(
            failure(#"{"reportlint-baseline": 1, "findings": [{"path": "a.txt", "fingerprint": "XYZ"}]}"#)
                .contains(#"findings[0].fingerprint: must be the 16 hex digits reportlint prints, not "XYZ""#))
        #expect(
            failure(#"{"reportlint-baseline": 1, "findings": [{"path": 3, "fingerprint": "0123456789abcdef"}]}"#)
                .contains("findings[0].path: must be a string, not 3"))
        #expect(
            failure(#"{"reportlint-baseline": 1, "findings": [{"path": "a.txt"}]}"#).contains(
                #"findings[0]: needs "path" and "fingerprint""#))
        #expect(failure(#"{"reportlint-baseline": 1, "findings": {}}"#).contains("findings: must be an array of objects, not an object"))
        #expect(failure(#"{"reportlint-baseline": 1, "findings": [], "extra": 1}"#).contains("extra: unknown key"))
        #expect(failure(#"{"reportlint-baseline": 1, "findings": [], "findings": []}"#).contains("findings: appears twice"))
        #expect(failure(#"{"reportlint-baseline": 1, "findings": [] } x"#).contains("is not valid JSON"))
        #expect(failure(#"{"reportlint-baseline": 1, "findings": ["#).contains("findings[0]: must be an object, not the end of the file"))
        #expect(failure(#"{"reportlint-baseline": 1, "findings": [{"path": "a"#).contains("the text ends inside a string"))
        #expect(failure("[]").contains("must be a JSON object, not an array"))
    }

    @Test func escapesAndCommentsAreRead() {
        let json =
            #"{"$schema": "x", "_comment": ["a", "b"], "reportlint-baseline": 1, "findings": [{"path": "r\u00e9ports/\ud83d\ude00.txt", "fingerprint": "0123456789abcdef"}]}"#
        #expect(failure(json) == "read 1")
    }

    @Test func messagesAreKeptOnlyForABaselineThatIsWrittenBack() throws {
        let json =
            #"{"reportlint-baseline": 2, "findings": [{"path": "a.txt", "check": "x", "fingerprint": "0123456789abcdef", "figures": ["1"], "message": "m"}]}"#
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-baseline-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(json.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let matching = try Baseline.read(absolute: path, display: "b.json")
        let rewriting = try Baseline.read(absolute: path, display: "b.json", messages: true)
        #expect(matching.entries.map(\.message) == [""] && rewriting.entries.map(\.message) == ["m"])
        #expect(rewriting.entries.first == .init(path: "a.txt", check: "x", fingerprint: "0123456789abcdef", figures: ["1"], message: "m"))
    }

    @Test func aMillionEntriesAreReadAsAStream() throws {
        // A thousand entries, written a thousand times (generating a million in a debug build is slow).
        var chunk: [UInt8] = []
        for i in 0..<1_000 {
            chunk += Array("{\"path\": \"reports/r\(i).txt\", \"check\": \"share-of-total\", \"fingerprint\": \"".utf8)
            chunk += Array(String(format: "%016llx", UInt64(1_000 + i)).utf8)
            chunk += Array("\", \"message\": \"占比不符：一般公共预算财政拨款收入\"},\n".utf8)
        }
        var bytes = Array("{\"reportlint-baseline\": 1, \"findings\": [\n".utf8)
        bytes.reserveCapacity(chunk.count * 1_000 + 64)
        for _ in 0..<1_000 { bytes += chunk }
        bytes.removeLast(2)
        bytes += Array("\n]}\n".utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-big-baseline-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recorded = try Baseline.read(absolute: path, display: "big.json")
        #expect(recorded.entries.count == 1_000_000)
        #expect(Set(recorded.entries.map(\.path)).count == 1_000)
        #expect(recorded.entries.allSatisfy { $0.message.isEmpty && $0.figures == nil })
        var matcher = Baseline.Matcher(recorded)
        var f = Finding(check: "share-of-total", severity: .error, message: LocalizedText(""), span: Span(0, 1), key: "k")
        f.fingerprint = String(format: "%016llx", UInt64(1_007))
        let (kept, dropped) = matcher.filter([f], source: nil, file: PathText.parent(path) + "/reports/r7.txt")
        #expect(kept.isEmpty && dropped == 1)
    }
}

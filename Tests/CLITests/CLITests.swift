import DocxFixtures
import Foundation
import PDFFixtures
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct CLITests {
    let clean = "examples/clean-2024-final-accounts.txt"
    let faulty = "examples/faulty-2024-final-accounts.txt"

    @Test func versionAndHelp() throws {
        let v = try CLI.run(["--version"])
        #expect(v.status == 0 && v.stdout.hasPrefix("reportlint "))
        let h = try CLI.run(["--help"])
        #expect(h.status == 0 && h.stdout.contains("--fail-on"))
    }

    @Test func usageErrorsExit64WithAHint() throws {
        let r = try CLI.run(["--lang", "en", "--formt", "json", clean])
        #expect(r.status == 64)
        #expect(r.stderr.contains("did you mean '--format'"))
        #expect(try CLI.run([]).status == 64)
        #expect(try CLI.run(["--format", "xml", clean]).status == 64)
        let unknown = try CLI.run(["--select", "share-of-totl", clean])
        #expect(unknown.status == 64 && unknown.stderr.contains("share-of-total"))
    }

    @Test func cleanExampleExitsZeroAndFaultyExitsOne() throws {
        let c = try CLI.run([clean])
        #expect(c.status == 0, "\(c.stdout)")
        let f = try CLI.run([faulty])
        #expect(f.status == 1)
        #expect(f.stdout.contains("faulty-2024-final-accounts.txt:14:"))
        #expect(f.stdout.contains("1418.62万元 ÷ 本年收入合计1562.40万元 = 90.80%"))
        #expect(f.stdout.contains("^^^"))
    }

    @Test func failOnControlsTheExitCode() throws {
        #expect(try CLI.run(["--fail-on", "never", faulty]).status == 0)
        #expect(try CLI.run(["--fail-on", "note", faulty]).status == 1)
        #expect(try CLI.run(["--ignore", "share-of-total,percent-sum", "--fail-on", "error", faulty]).status != 64)
    }

    @Test func englishMessages() throws {
        let r = try CLI.run(["--lang", "en", faulty])
        #expect(r.stdout.contains("share does not match"))
        #expect(r.stdout.contains("file: "))
    }

    @Test func badInputsEachGetOneMessageAndTheBatchGoesOn() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = dir.appendingPathComponent("image.png")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: binary)
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let missing = dir.appendingPathComponent("missing.txt")
        let utf8 = try Data(contentsOf: CLI.packageRoot.appendingPathComponent(faulty))
        let gbPath = dir.appendingPathComponent("gb18030.txt")
        try #require(GB18030.encode(utf8)).write(to: gbPath)

        let r = try CLI.run(["--format", "json", binary.path, empty.path, missing.path, gbPath.path])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 3, "\(r.stderr)")
        #expect(lines.contains { $0.contains("image.png") })
        #expect(lines.contains { $0.contains("empty.txt") })
        #expect(lines.contains { $0.contains("missing.txt") })

        // The GB18030 copy is audited like the UTF-8 original.
        let report = try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any]
        let files = report["files"] as! [[String: Any]]
        let gb = files.first { ($0["path"] as! String).hasSuffix("gb18030.txt") }!
        #expect(gb["encoding"] as? String == "GB18030")
        let original = try CLI.run(["--format", "json", faulty])
        let o = try JSONSerialization.jsonObject(with: original.stdoutBytes) as! [String: Any]
        let originalFindings = ((o["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]])
        let gbFindings = gb["findings"] as! [[String: Any]]
        func key(_ f: [String: Any]) -> String {
            let loc = f["location"] as! [String: Any]
            return "\(f["check"]!) \(loc["line"]!):\(loc["column"]!) \(f["message"]!)"
        }
        #expect(!originalFindings.isEmpty)
        #expect(gbFindings.map(key) == originalFindings.map(key))
    }

    @Test func standardInput() throws {
        let data = try Data(contentsOf: CLI.packageRoot.appendingPathComponent(faulty))
        let r = try CLI.run(["-"], stdin: data)
        #expect(r.status == 1)
        #expect(r.stdout.contains("<stdin>:14:"))
    }

    @Test func sarifIsDeterministic() throws {
        let a = try CLI.run(["--format", "sarif", faulty, clean])
        let b = try CLI.run(["--format", "sarif", clean, faulty])
        #expect(a.stdoutBytes == b.stdoutBytes)
        let json = try JSONSerialization.jsonObject(with: a.stdoutBytes) as! [String: Any]
        #expect(json["version"] as? String == "2.1.0")
    }

    @Test func outputToAFile() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("r.json")
        let r = try CLI.run(["--format", "json", "--output", out.path, faulty])
        #expect(r.status == 1 && r.stdout.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as! [String: Any]
        let findings = (json["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]]
        let errors = findings.filter { $0["severity"] as? String == "error" }.count
        #expect(errors > 0)
        #expect((json["summary"] as! [String: Any])["errors"] as? Int == errors)
    }

    @Test func checksExplainAndDump() throws {
        let list = try CLI.run(["checks"])
        #expect(list.status == 0 && list.stdout.contains("share-of-total"))
        let json = try CLI.run(["checks", "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: json.stdoutBytes) as! [Any]).count >= 2)
        let explain = try CLI.run(["explain", "percent-sum", "--lang", "en"])
        #expect(explain.status == 0 && explain.stdout.contains("↓"))
        #expect(try CLI.run(["explain", "no-such-check"]).status == 64)
        let dump = try CLI.run(["dump", clean])
        let model = try JSONSerialization.jsonObject(with: dump.stdoutBytes) as! [String: Any]
        let tables = (model["blocks"] as! [[String: Any]]).filter { $0["kind"] as? String == "table" }
        #expect(tables.count == 4)
        #expect(try CLI.run(["dump", "/nonexistent.txt"]).status == 2)
    }

    @Test func dumpCoverageShowsUnboundFiguresInPlaceAndAsJSON() throws {
        let text = try CLI.run(["dump", "--coverage", faulty])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let head = try #require(lines.first)
        #expect(head.hasPrefix(faulty + ": ") && head.contains(" figures, ") && head.contains(" bound ("), "\(head)")
        // Every other line before the table summary is an unbound figure: line:column, its text, its context.
        let figureLines = lines.dropFirst().prefix { $0.hasPrefix("  ") }
        #expect(!figureLines.isEmpty)
        #expect(figureLines.allSatisfy { $0.range(of: #"^  \d+:\d+\t[^\t]+\t.*⟨"#, options: .regularExpression) != nil }, "\(figureLines)")

        let json = try CLI.run(["dump", "--coverage", "--format", "json", faulty])
        let report = try JSONSerialization.jsonObject(with: json.stdoutBytes) as! [String: Any]
        let figures = report["figures"] as! [[String: Any]]
        #expect(report["figureCount"] as? Int == figures.count)
        #expect(report["boundCount"] as? Int == figures.filter { $0["bound"] as? Bool == true }.count)
        #expect(figures.filter { $0["bound"] as? Bool == false }.count == figureLines.count)
        // The share error of the faulty example binds its figures.
        #expect(figures.contains { $0["text"] as? String == "91.80%" && $0["bound"] as? Bool == true })
        #expect(try CLI.run(["dump", "--format", "json", faulty]).status == 64)
        #expect(try CLI.run(["dump", "--coverage", "--text", faulty]).status == 64)
        #expect(try CLI.run(["dump", "--coverage", "/nonexistent.txt"]).status == 2)
    }
}

enum GB18030 {
    static func encode(_ data: Data) -> Data? {
        let cd = iconv_open("GB18030", "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let r = input.withUnsafeMutableBufferPointer { ib in
            output.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress)?.assumingMemoryBound(to: CChar.self)
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        return r == -1 ? nil : Data(output[0..<(output.count - outLeft)])
    }
}

/// The accuracy gate of scripts/eval must fail on a deliberately introduced false
/// alarm, on a missed error, on an unreviewed finding and on a coverage drop, and its
/// variants must map back exactly (issue: "show it in a test of the harness itself").
@Suite struct EvalHarnessTests {
    @Test func gateFailsOnAFalseAlarmAndOnAMissedError() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", CLI.packageRoot.appendingPathComponent("scripts/eval").path, "--self-test", "--bin", CLI.binary.path]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "\(text)")
        #expect(text.contains("eval self-test: passed"))
    }
}

@Suite(.serialized) struct BatchTests {
    func corpusCopy() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (i, name) in ["clean-2024-final-accounts.txt", "faulty-2024-final-accounts.txt"].enumerated() {
            let data = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/" + name))
            for k in 0..<6 {
                let sub = dir.appendingPathComponent("dept\(k % 3)")
                try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
                try data.write(to: sub.appendingPathComponent("r\(i)-\(k).txt"))
            }
        }
        return dir
    }

    @Test func reportIsIdenticalWhateverTheNumberOfJobs() throws {
        let dir = try corpusCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let one = try CLI.run(["--jobs", "1", "--format", "json", "."], cwd: dir)
        let three = try CLI.run(["--jobs", "3", "--format", "json", "."], cwd: dir)
        #expect(one.status == 1)
        #expect(one.stdoutBytes == three.stdoutBytes)
        let files = (try JSONSerialization.jsonObject(with: one.stdoutBytes) as! [String: Any])["files"] as! [[String: Any]]
        #expect(files.count == 12)
        #expect(files.map { $0["path"] as! String } == files.map { $0["path"] as! String }.sorted())
    }

    @Test func shardsConcatenateToOneRun() throws {
        let dir = try corpusCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try CLI.run(["--format", "jsonl", "."], cwd: dir).stdout.split(separator: "\n").sorted()
        var union: [Substring] = []
        for k in 1...3 { union += try CLI.run(["--format", "jsonl", "--shard", "\(k)/3", "."], cwd: dir).stdout.split(separator: "\n") }
        #expect(all.count == 12)
        #expect(union.sorted() == all)
        #expect(try CLI.run(["--shard", "4/3", "."], cwd: dir).status == 64)
    }

    @Test func includeAndExclude() throws {
        let dir = try corpusCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["--format", "jsonl", "--include", "dept1/**", "--exclude", "r1-*", "."], cwd: dir)
        let paths = r.stdout.split(separator: "\n").map {
            (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["path"] as! String
        }
        #expect(paths == ["dept1/r0-1.txt", "dept1/r0-4.txt"])
        #expect(r.status == 0)
    }

    @Test func nothingOnStandardErrorWhenAllIsWell() throws {
        let r = try CLI.run(["--format", "json", "examples"])
        #expect(r.stderr.isEmpty)
    }
}

/// .docx inputs end to end: same findings as the same text, locations Word users can find,
/// and a broken package is one input error while the batch goes on.
@Suite(.serialized) struct DocxCLITests {
    let lines = [
        "第二部分 2024年度部门决算情况说明",
        "一、收入决算情况说明",
        "2024年度本年收入合计1562.40万元，其中：一般公共预算财政拨款收入1,418.62万元，占91.80%；政府性基金预算财政拨款收入143.78万元，占9.20%。",
        "二、支出决算情况说明",
        "2024年度本年支出合计1562.40万元，其中：基本支出684.35万元，占43.80%；项目支出878.05万元，占56.20%。"
    ]

    func write(_ dir: URL) throws {
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent("report.txt"), atomically: true, encoding: .utf8)
        let docx = DocxFixture.docx(lines.map { DocxFixture.paragraph($0) }.joined())
        try Data(docx).write(to: dir.appendingPathComponent("report.docx"))
    }

    func findings(_ json: Data) throws -> [[String: Any]] {
        let files = (try JSONSerialization.jsonObject(with: json) as! [String: Any])["files"] as! [[String: Any]]
        return files.flatMap { $0["findings"] as! [[String: Any]] }
    }

    @Test func aDocxGivesTheFindingsOfItsTextWithParagraphLocations() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(dir)
        let text = try CLI.run(["--format", "json", "report.txt"], cwd: dir)
        let docx = try CLI.run(["--format", "json", "report.docx"], cwd: dir)
        #expect(text.status == 1 && docx.status == 1)
        func summary(_ fs: [[String: Any]]) -> [String] {
            fs.map { "\($0["check"]!) \($0["message"]!) \(($0["location"] as! [String: Any])["text"]!)" }
        }
        let fromText = try findings(text.stdoutBytes)
        let fromDocx = try findings(docx.stdoutBytes)
        #expect(!fromText.isEmpty)
        #expect(summary(fromText) == summary(fromDocx))
        let logical = fromDocx.first!["logicalLocation"] as! [String: Any]
        #expect(logical["kind"] as? String == "paragraph" && logical["paragraph"] as? Int == 3)
        let plain = try CLI.run(["report.docx"], cwd: dir)
        #expect(plain.stdout.contains("report.docx:3:") && plain.stdout.contains("（第3段）"))
        // dump --text shows the rendering the line numbers refer to.
        let rendered = try CLI.run(["dump", "--text", "report.docx"], cwd: dir)
        #expect(rendered.status == 0 && rendered.stdout == lines.joined(separator: "\n") + "\n")
    }

    @Test func brokenPackagesAreInputErrorsAndTheBatchGoesOn() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(dir)
        let good = try Data(contentsOf: dir.appendingPathComponent("report.docx"))
        try good.prefix(good.count / 2).write(to: dir.appendingPathComponent("truncated.docx"))
        // A .docx renamed .txt is still read as a .docx.
        try good.write(to: dir.appendingPathComponent("renamed.txt"))
        var bomb = ZipFixture()
        bomb.entries.append(ZipFixture.Entry(name: "word/document.xml", data: [UInt8](repeating: 0, count: 1 << 20), declaredSize: 1 << 30))
        try Data(bomb.bytes()).write(to: dir.appendingPathComponent("bomb.docx"))
        var notWord = ZipFixture()
        notWord.add("notes.txt", "hello")
        try Data(notWord.bytes()).write(to: dir.appendingPathComponent("archive.docx"))
        let r = try CLI.run(["--format", "json", "."], cwd: dir)
        #expect(r.status == 2)
        let files = (try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any])["files"] as! [[String: Any]]
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0) })
        func kind(_ p: String) -> String? { (byPath[p]?["error"] as? [String: Any])?["kind"] as? String }
        #expect(kind("truncated.docx") == "corrupt")
        #expect(kind("bomb.docx") == "unsafe")
        #expect(kind("archive.docx") == "unsupported-format")
        #expect(kind("renamed.txt") == nil && (byPath["renamed.txt"]?["findings"] as? [Any])?.isEmpty == false)
        #expect((byPath["report.txt"]?["findings"] as? [Any])?.isEmpty == false)
        #expect(r.stderr.contains("truncated.docx") && r.stderr.contains("bomb.docx"))
    }
}

/// Configuration, baselines and accepted findings, as a CI gate uses them.
@Suite(.serialized) struct GateTests {
    func json(_ r: CLI.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any]
    }

    func findings(_ r: CLI.Result) throws -> [[String: Any]] {
        (try json(r)["files"] as! [[String: Any]]).flatMap { $0["findings"] as! [[String: Any]] }
    }

    func line(_ f: [String: Any]) -> Int { (f["location"] as! [String: Any])["line"] as! Int }

    /// Copies reports into a new folder (a repository root), returning it.
    func repository(_ files: [URL]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let reports = dir.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for f in files { try FileManager.default.copyItem(at: f, to: reports.appendingPathComponent(f.lastPathComponent)) }
        return dir
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The issue's own scenario: baseline, then one new error and every line shifted.
    func baselineScenario(_ files: [URL], newError: (String) -> String) throws {
        let dir = try repository(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let write = try CLI.run(["--write-baseline", "baseline.json", "--format", "json", "reports"], cwd: dir)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(try CLI.run(["--baseline", "baseline.json", "reports"], cwd: dir).status == 0)

        let target = dir.appendingPathComponent("reports/" + files[0].lastPathComponent)
        let original = try String(contentsOf: target, encoding: .utf8)
        try edit(target) { "（修订稿）\n\n说明：本报告经过修改。\n" + newError($0) }
        for other in files.dropFirst() {
            try edit(dir.appendingPathComponent("reports/" + other.lastPathComponent)) { "前言\n\n" + $0 }
        }
        let gated = try CLI.run(["--baseline", "baseline.json", "--format", "json", "reports"], cwd: dir)
        #expect(gated.status == 1)
        let new = try findings(gated)
        #expect(!new.isEmpty)
        // The line the error was put on, 1-based, after the three lines added at the top.
        let editedLine = original.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { newError(String($0)) != String($0) }.map { $0 + 1 + 3 }
        #expect(Set(new.map(line)) == [editedLine ?? -1], "\(new.map { $0["message"]! })")
        #expect((try json(gated)["summary"] as! [String: Any])["staleBaseline"] as? Int == 0)

        try edit(target) { _ in "（修订稿）\n\n说明：本报告经过修改。\n" + original }
        let fixed = try CLI.run(["--baseline", "baseline.json", "reports"], cwd: dir)
        #expect(fixed.status == 0, "\(fixed.stdout)")
    }

    @Test func aBaselineReportsOnlyTheNewErrorWhateverMovedElsewhere() throws {
        let examples = ["faulty-2024-final-accounts.txt", "clean-2024-final-accounts.txt"].map {
            CLI.packageRoot.appendingPathComponent("examples/" + $0)
        }
        try baselineScenario(examples) { $0.replacingOccurrences(of: "占43.80%", with: "占45.80%") }
    }

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("../shared/corpus").path),
            "../shared/corpus is absent: the corpus baseline scenario is SKIPPED"))
    func theBaselineScenarioOnTheCorpus() throws {
        let corpus = CLI.packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL
        let files = try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        // 001 states its 收入 breakdown on one line; make one share wrong.
        let target = files.first { $0.lastPathComponent.hasPrefix("001") }!
        try baselineScenario([target] + files.filter { $0 != target }) { text in
            guard let r = text.range(of: "占") else { return text }
            let after = text[r.upperBound...]
            guard let digit = after.firstIndex(where: { $0.isNumber }) else { return text }
            var t = text
            t.replaceSubrange(digit...digit, with: after[digit] == "9" ? "8" : "9")
            return t
        }
    }

    @Test func aFixedBaselinedFindingIsCountedAndStrictModeFailsOnIt() throws {
        let dir = try repository([CLI.packageRoot.appendingPathComponent("examples/faulty-2024-final-accounts.txt")])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["--write-baseline", "b.json", "reports"], cwd: dir).status == 0)
        let baseline = try String(contentsOf: dir.appendingPathComponent("b.json"), encoding: .utf8)
        #expect(
            baseline.contains("\"reportlint-baseline\": 2") && baseline.contains("\"path\": \"reports/faulty-2024-final-accounts.txt\""))
        #expect(!baseline.contains("\"line\""))
        try edit(dir.appendingPathComponent("reports/faulty-2024-final-accounts.txt")) {
            $0.replacingOccurrences(of: "占91.80%", with: "占90.80%")
        }
        let r = try CLI.run(["--baseline", "b.json", "--format", "json", "reports"], cwd: dir)
        #expect(r.status == 0)
        let stale = (try json(r)["summary"] as! [String: Any])["staleBaseline"] as? Int ?? 0
        #expect(stale >= 1)
        #expect(r.stderr.contains("no longer occur") || r.stderr.contains("已不再出现"))
        #expect(try CLI.run(["--baseline", "b.json", "--strict-baseline", "reports"], cwd: dir).status == 1)
    }

    @Test func aMisspeltCheckIdIsOneLineAndExit64() throws {
        let dir = try repository([CLI.packageRoot.appendingPathComponent("examples/clean-2024-final-accounts.txt")])
        defer { try? FileManager.default.removeItem(at: dir) }
        try #"{"checks": {"disable": ["share-of-totl"]}}"#.write(
            to: dir.appendingPathComponent(".reportlint.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["reports"], cwd: dir)
        #expect(r.status == 64)
        #expect(
            r.stderr == "reportlint: .reportlint.json:1: checks.disable[0]: unknown check 'share-of-totl'; did you mean 'share-of-total'?\n"
        )
        #expect(r.stdout.isEmpty)
    }

    @Test func acceptedFindingsAreSuppressedWithTheirReasonAndDoNotFail() throws {
        let dir = try repository([CLI.packageRoot.appendingPathComponent("examples/faulty-2024-final-accounts.txt")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try findings(try CLI.run(["--format", "json", "reports"], cwd: dir))
        let errors = all.filter { $0["severity"] as? String == "error" }
        let accepted =
            errors.map { f in
                ["path": "reports/faulty-2024-final-accounts.txt", "fingerprint": f["fingerprint"] as! String, "reason": "与官方决算表一致，保留"]
            } + [["path": "reports/faulty-2024-final-accounts.txt", "fingerprint": "00000000000000ff", "reason": "an old acceptance"]]
        let config = try JSONSerialization.data(withJSONObject: ["accepted": accepted])
        try config.write(to: dir.appendingPathComponent(".reportlint.json"))
        let text = try CLI.run(["reports"], cwd: dir)
        #expect(text.status == 0, "only accepted errors remain")
        #expect(text.stdout.contains("accepted error") && text.stdout.contains("与官方决算表一致，保留"))
        #expect(text.stdout.contains("00000000000000ff"), "an acceptance that matches nothing is a note")
        let sarif = try CLI.run(["--format", "sarif", "reports"], cwd: dir)
        let run = ((try json(sarif)["runs"]) as! [[String: Any]])[0]
        let suppressed = (run["results"] as! [[String: Any]]).filter { $0["suppressions"] != nil }
        #expect(suppressed.count == errors.count)
        let s = (suppressed[0]["suppressions"] as! [[String: Any]])[0]
        #expect(s["kind"] as? String == "external" && s["justification"] as? String == "与官方决算表一致，保留")
        let notes = ((run["invocations"] as! [[String: Any]])[0]["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        #expect(notes.contains { (($0["message"] as! [String: Any])["text"] as! String).contains("00000000000000ff") })
    }

    @Test func overridesAndPerFileFailOn() throws {
        let dir = try repository([CLI.packageRoot.appendingPathComponent("examples/faulty-2024-final-accounts.txt")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let archive = dir.appendingPathComponent("reports/archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: dir.appendingPathComponent("reports/faulty-2024-final-accounts.txt"),
            to: archive.appendingPathComponent("old.txt"))
        try
            #"{"lang": "en", "overrides": [{"files": ["reports/archive/**"], "checks": {"disable": ["share-of-total"]}, "fail-on": "never"}]}"#
            .write(to: dir.appendingPathComponent(".reportlint.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["--format", "json", "reports/archive"], cwd: dir)
        #expect(r.status == 0, "fail-on never for the archive")
        let archived = try findings(r)
        #expect(!archived.isEmpty && archived.allSatisfy { $0["check"] as? String != "share-of-total" })
        #expect((archived.first?["message"] as? String)?.unicodeScalars.first?.isASCII == true, "lang from the configuration")
        #expect(try CLI.run(["reports"], cwd: dir).status == 1)
        // --no-config ignores it; --config uses another file for everything.
        let plain = try CLI.run(["--no-config", "--format", "json", "reports/archive"], cwd: dir)
        let plainFindings = try findings(plain)
        #expect(plain.status == 1 && plainFindings.contains { $0["check"] as? String == "share-of-total" })
    }

    @Test func initWritesAValidCommentedConfigurationOnce() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["init"], cwd: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("upload-sarif") && r.stdout.contains("pre-commit") && r.stdout.contains("--baseline"))
        let config =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent(".reportlint.json"))) as! [String: Any]
        #expect(config["$schema"] as? String == "./.reportlint.schema.json" && config["_comment"] != nil)
        #expect((config["checks"] as! [String: Any])["_comment"] != nil)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".reportlint.schema.json").path))
        try Data(contentsOf: CLI.packageRoot.appendingPathComponent("examples/clean-2024-final-accounts.txt"))
            .write(to: dir.appendingPathComponent("r.txt"))
        #expect(try CLI.run(["r.txt"], cwd: dir).status == 0, "the starter configuration loads")
        #expect(try CLI.run(["init"], cwd: dir).status == 64)
        #expect(try CLI.run(["init", "--force"], cwd: dir).status == 0)
    }
}

/// PDF inputs end to end: findings name their page in text, JSON and SARIF; hostile PDFs are
/// one input error each, quickly, and the batch goes on.
@Suite(.serialized) struct PDFCLITests {
    static func report() -> [UInt8] {
        var one = FixturePage()
        var two = FixturePage()
        one.text("一、收入决算情况说明", x: 72, y: 780, size: 16)
        one.text("示例单位的收入情况如下。", x: 96, y: 740)
        two.text("本年收入合计100.00万元，其中：财政拨款收入60.00万元，占70.00%；其他收入40.00万元，占40.00%。", x: 96, y: 740, size: 10)
        return PDFFixture(pages: [one, two]).bytes()
    }

    @Test func findingsOnAPDFNameTheirPage() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.report()).write(to: dir.appendingPathComponent("report.pdf"))
        let text = try CLI.run(["report.pdf"], cwd: dir)
        #expect(text.status == 1)
        #expect(text.stdout.contains("report.pdf:3:") && text.stdout.contains("（第2页）"))
        let english = try CLI.run(["--lang", "en", "report.pdf"], cwd: dir)
        #expect(english.stdout.contains("(page 2)"))
        let json = try CLI.run(["--format", "json", "report.pdf"], cwd: dir)
        let files = (try JSONSerialization.jsonObject(with: json.stdoutBytes) as! [String: Any])["files"] as! [[String: Any]]
        let finding = try #require((files.first?["findings"] as? [[String: Any]])?.first)
        let logical = try #require(finding["logicalLocation"] as? [String: Any])
        #expect(logical["page"] as? Int == 2 && logical["name"] as? String == "第2页")
        #expect(files.first?["encoding"] as? String == "pdf")
        let sarif = try CLI.run(["--format", "sarif", "report.pdf"], cwd: dir)
        #expect(sarif.stdout.contains("\"name\" : \"第2页\"") || sarif.stdout.contains("\"name\":\"第2页\"") || sarif.stdout.contains("第2页"))
        let dump = try CLI.run(["dump", "--text", "report.pdf"], cwd: dir)
        #expect(dump.status == 0 && dump.stdout.hasPrefix("一、收入决算情况说明\n示例单位的收入情况如下。\n本年收入合计"))
    }

    @Test func hostilePDFsAreOneErrorEachAndTheBatchGoesOn() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.report()).write(to: dir.appendingPathComponent("good.pdf"))
        var encrypted = PDFFixture(FixturePage())
        encrypted.encrypted = true
        var scanned = FixturePage()
        scanned.ops.append(.image)
        let bomb = PDFFixture.deflate([UInt8](repeating: 0x20, count: 4 << 20))
        var bombFile = Array(
            "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n4 0 obj << /Length \(bomb.count) /Filter /FlateDecode >> stream\n"
                .utf8)
        bombFile += bomb + Array("\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)
        let loop = Array(
            "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .utf8)
        let hostile: [(String, [UInt8], String, String)] = [
            ("encrypted.pdf", encrypted.bytes(), "encrypted", "encrypted"),
            ("scanned.pdf", PDFFixture(scanned).bytes(), "empty", "run OCR first"),
            ("bomb.pdf", bombFile, "unsafe", "ratio"),
            ("loop.pdf", loop, "corrupt", "loop"),
            ("truncated.pdf", Array(Self.report().prefix(400)), "corrupt", "truncated"),
            ("garbage.pdf", Array("%PDF-1.4\n".utf8) + (0..<50_000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }, "corrupt", "PDF")
        ]
        for (name, bytes, _, _) in hostile { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let clock = ContinuousClock()
        var r: CLI.Result?
        let elapsed = try clock.measure { r = try CLI.run(["--format", "json", "--lang", "en", "."], cwd: dir) }
        let result = try #require(r)
        #expect(result.status == 2)
        #expect(elapsed < .seconds(Double(hostile.count)))
        let files = (try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any])["files"] as! [[String: Any]]
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0) })
        for (name, _, kind, words) in hostile {
            let error = byPath[name]?["error"] as? [String: Any]
            #expect(error?["kind"] as? String == kind, "\(name): \(String(describing: error))")
            #expect((error?["message"] as? String)?.contains(words) == true, "\(name): \(String(describing: error))")
            #expect(result.stderr.contains(name))
        }
        #expect((byPath["good.pdf"]?["findings"] as? [Any])?.isEmpty == false)
    }
}

import Checks
import Foundation
import Lint
import Testing

@testable import Reporters

@Suite struct JSONWriterTests {
    @Test func escapesAndKeepsKeyOrder() {
        let v = JSON.object([("b", .string("引号\"\\\n\t\u{01}")), ("a", .array([.int(1), .number("2.50"), .null, .bool(false)]))])
        #expect(v.serialized(pretty: false) == #"{"b":"引号\"\\\n\t\u0001","a":[1,2.50,null,false]}"#)
        #expect(v.serialized() == v.serialized())
    }
}

@Suite struct ReporterTests {
    @Test func textShowsLocationMessageAndCaretsUnderTheSpan() throws {
        let text = try render({ TextReporter(out: $0, language: .zh, color: false) }, [("报告.txt", faultyText)])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.first { $0.contains("[share-of-total]") })
        #expect(header.hasPrefix("报告.txt:1:"))
        #expect(header.contains(": error: "))
        // The caret line sits under "91.00%", counting CJK characters as two columns.
        let sourceLine = try #require(lines.first { $0.contains("占91.00%") && $0.contains(" | ") })
        let caretLine = try #require(lines.first { $0.contains("^") })
        func width(_ s: Substring) -> Int { s.unicodeScalars.reduce(0) { $0 + Chars.displayWidth($1.value) } }
        let before = sourceLine[..<sourceLine.range(of: "91.00%")!.lowerBound]
        let caretStart = caretLine.firstIndex(of: "^")!
        #expect(width(before) == width(caretLine[..<caretStart]))
        #expect(caretLine.filter { $0 == "^" }.count == 6)
        #expect(lines.contains { $0.hasPrefix("共 1 个文件：") })
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let s = try render({ JSONReporter(out: $0, language: .en) }, [("a.txt", faultyText), ("b.txt", "")])
        let json = try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
        let tool = json["tool"] as! [String: Any]
        #expect(tool["name"] as? String == "reportlint" && tool["format"] as? Int == 1)
        let files = json["files"] as! [[String: Any]]
        #expect(files.count == 2)
        let f = (files[0]["findings"] as! [[String: Any]]).first { $0["check"] as? String == "share-of-total" }!
        #expect(f["expected"] as? String == "90.00%")
        let loc = f["location"] as! [String: Any]
        #expect(loc["line"] as? Int == 1 && loc["text"] as? String == "91.00%")
        #expect((f["related"] as! [[String: Any]]).map { $0["role"] as! String } == ["part", "total"])
        #expect((files[1]["error"] as! [String: Any])["kind"] as? String == "empty")
        #expect((json["summary"] as! [String: Any])["inputErrors"] as? Int == 1)
    }

    @Test func jsonLinesWritesOneObjectPerFile() throws {
        let s = try render({ JSONReporter(out: $0, language: .zh, lines: true) }, [("a.txt", faultyText), ("b.txt", faultyText)])
        let lines = s.split(separator: "\n")
        #expect(lines.count == 2)
        for l in lines { _ = try JSONSerialization.jsonObject(with: Data(l.utf8)) }
    }

    @Test func sarifCarriesRulesLocationsAndFingerprints() throws {
        // swift-format-ignore: OnlyOneTrailingClosureArgument
        let s = try render(
            { SARIFReporter(out: $0, language: .zh, rules: Registry.all.map(\.description), baseDirectory: "/work/报告") },
            [("年度/报告 1.txt", faultyText), ("bad.txt", "")])
        let json = try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any]
        let run = (json["runs"] as! [[String: Any]])[0]
        let rules = ((run["tool"] as! [String: Any])["driver"] as! [String: Any])["rules"] as! [[String: Any]]
        #expect(rules.map { $0["id"] as! String } == Registry.ids)
        #expect(
            ((run["originalUriBaseIds"] as! [String: Any])["SRCROOT"] as! [String: Any])["uri"] as? String
                == "file:///work/%E6%8A%A5%E5%91%8A/")
        let results = run["results"] as! [[String: Any]]
        let r = results.first { $0["ruleId"] as? String == "share-of-total" }!
        #expect(r["ruleIndex"] as? Int == Registry.ids.firstIndex(of: "share-of-total"))
        let physical = ((r["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
        let artifact = physical["artifactLocation"] as! [String: Any]
        #expect(artifact["uri"] as? String == "%E5%B9%B4%E5%BA%A6/%E6%8A%A5%E5%91%8A%201.txt")
        #expect(artifact["uriBaseId"] as? String == "SRCROOT")
        let region = physical["region"] as! [String: Any]
        #expect((region["snippet"] as! [String: Any])["text"] as? String == "91.00%")
        #expect((r["relatedLocations"] as! [[String: Any]]).count == 2)
        #expect(((r["partialFingerprints"] as! [String: Any])["reportlint/v1"] as! String).count == 16)
        let invocation = (run["invocations"] as! [[String: Any]])[0]
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect((invocation["toolExecutionNotifications"] as! [[String: Any]]).count == 1)
    }

    @Test func docxFindingsNameTheParagraphInEveryFormat() throws {
        let sarif = try render(
            { SARIFReporter(out: $0, language: .zh, rules: Registry.all.map(\.description), baseDirectory: "/tmp") },
            bytes: [("c.docx", faultyDocx)])
        let run = ((try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as! [String: Any])["runs"] as! [[String: Any]])[0]
        let location = ((run["results"] as! [[String: Any]])[0]["locations"] as! [[String: Any]])[0]
        #expect((location["logicalLocations"] as! [[String: Any]])[0]["name"] as? String == "第2段")
        let physical = location["physicalLocation"] as! [String: Any]
        #expect((physical["properties"] as! [String: Any])["regionIn"] as? String == "reportlint dump --text")
        #expect((physical["region"] as! [String: Any])["startLine"] as? Int == 2)
        let json = try render({ JSONReporter(out: $0, language: .en) }, bytes: [("c.docx", faultyDocx)])
        let file = ((try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any])["files"] as! [[String: Any]])[0]
        #expect(file["encoding"] as? String == "docx")
        let logical = (file["findings"] as! [[String: Any]])[0]["logicalLocation"] as! [String: Any]
        #expect(
            logical["kind"] as? String == "paragraph" && logical["paragraph"] as? Int == 2 && logical["name"] as? String == "paragraph 2")
        let text = try render({ TextReporter(out: $0, language: .zh, color: false) }, bytes: [("c.docx", faultyDocx)])
        #expect(text.contains("c.docx:2:") && text.contains("（第2段）"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sarifSchema.path), "../shared/sarif schema absent: validation skipped"))
    func sarifValidatesAgainstTheSchema() throws {
        // swift-format-ignore: OnlyOneTrailingClosureArgument
        let s = try render(
            { SARIFReporter(out: $0, language: .en, rules: Registry.all.map(\.description), baseDirectory: "/tmp") },
            bytes: [("a.txt", Array(faultyText.utf8)), ("b.txt", []), ("c.docx", faultyDocx)]
        ) { result in
            // An accepted finding: SARIF suppressions must validate too.
            if !result.findings.isEmpty { result.findings[0].suppression = "与官方决算表一致" }
        }
        #expect(s.contains("logicalLocations") && s.contains("\"justification\": \"与官方决算表一致\""))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-\(UUID().uuidString).sarif")
        try s.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        guard
            let run = try runJSONSchemaScript(
                "jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))",
                arguments: [sarifSchema.path, file.path])
        else {
            withKnownIssue("python3 jsonschema is not installed here; .ci/run installs it") { Issue.record("skipped") }
            return
        }
        #expect(run.status == 0, "\(run.output)")
    }
}

@Suite struct StreamedJSONTests {
    /// The streamed file object is byte for byte the tree `JSONReporter.file` builds.
    @Test func streamingWritesTheSameBytesAsTheTree() throws {
        let auditor = Pipeline(linter: Linter(checks: Registry.all))
        var inputs: [(String, [UInt8])] = [("a.txt", Array(faultyText.utf8)), ("c.docx", faultyDocx), ("empty.txt", [])]
        for name in ["faulty-2024-final-accounts.txt", "clean-2024-final-accounts.txt"] {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("examples/" + name)
            inputs.append((name, Array(try Data(contentsOf: url))))
        }
        for (name, bytes) in inputs {
            var result = auditor.audit(bytes: bytes, displayPath: name)
            result.verified = []
            for pretty in [true, false] {
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-\(UUID().uuidString)").path
                let out = Output.file(path)!
                JSONReporter.writeFile(result, language: .zh, to: out, pretty: pretty, depth: 2)
                out.close()
                let streamed = try String(contentsOfFile: path, encoding: .utf8)
                try? FileManager.default.removeItem(atPath: path)
                #expect(
                    streamed == JSONReporter.file(result, language: .zh).serialized(pretty: pretty, depth: 2), "\(name) pretty=\(pretty)")
            }
        }
    }
}

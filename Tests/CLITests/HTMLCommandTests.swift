import Foundation
import Testing

/// `--format html`: one page for one file (to standard output or --output FILE), a directory
/// of pages and an index for a batch, and a usage error for a batch with nowhere to go.
@Suite(.serialized) struct HTMLCommandTests {
    let clean = "examples/clean-2024-final-accounts.txt"
    let faulty = "examples/faulty-2024-final-accounts.txt"

    @Test func oneFileGivesOnePageWithTheExitCodeOfItsFindings() throws {
        let r = try CLI.run(["--format", "html", faulty])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
        #expect(r.stdout.contains("<mark id=\"f1\"") && r.stdout.contains("已核对"))
        let en = try CLI.run(["--format", "html", "--lang", "en", clean])
        #expect(en.status == 0 && en.stdout.contains("<html lang=\"en\">") && !en.stdout.contains("<mark "))
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("report.html")
        let w = try CLI.run(["--format", "html", "--output", file.path, faulty])
        #expect(w.status == 1 && w.stdout.isEmpty)
        #expect(try Data(contentsOf: file) == r.stdoutBytes)
    }

    @Test func aBatchWritesAPagePerFileAndAnIndex() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("binary.txt")
        try Data([0, 1, 2, 3]).write(to: bad)
        let out = dir.appendingPathComponent("pages/nested")
        let r = try CLI.run(["--format", "html", "--output", out.path, faulty, clean, bad.path])
        #expect(r.status == 2, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files.count == 4 && files.contains("index.html"))
        #expect(files.contains("examples_faulty-2024-final-accounts.txt.html"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let json =
            try JSONSerialization.jsonObject(with: try CLI.run(["--format", "json", faulty, clean, bad.path]).stdoutBytes) as! [String: Any]
        let summary = json["summary"] as! [String: Any]
        for (key, attribute) in [
            ("files", "data-files"), ("errors", "data-errors"), ("warnings", "data-warnings"),
            ("notes", "data-notes"), ("inputErrors", "data-input-errors")
        ] {
            #expect(index.contains("\(attribute)=\"\(summary[key] as! Int)\""), "\(key)")
        }
        #expect(index.components(separatedBy: "<tr data-i=").count == 4)
        // One file named, output an existing directory: still the directory form.
        let single = try CLI.run(["--format", "html", "--output", out.path + "/", clean])
        #expect(
            single.status == 0
                && FileManager.default.fileExists(atPath: out.appendingPathComponent("examples_clean-2024-final-accounts.txt.html").path))
    }

    @Test func aBatchWithoutAnOutputDirectoryIsAUsageError() throws {
        let r = try CLI.run(["--format", "html", faulty, clean])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.contains("--output DIR"))
    }
}

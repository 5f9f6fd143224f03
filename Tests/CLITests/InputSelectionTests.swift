import Foundation
import Testing

/// Issue 20, items 8–10: what a run audits. Nothing to audit is an error, a file that is not
/// a report says so, and a directory walk leaves out what git ignores.
@Suite(.serialized) struct InputSelectionTests {
    let clean = CLI.packageRoot.appendingPathComponent("examples/clean-2024-final-accounts.txt")

    /// Item 8: an empty folder, or an --include that matches nothing, is exit 2 with a message.
    @Test func zeroFilesIsAnError() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = try CLI.run(["."], cwd: dir)
        #expect(empty.status == 2, "\(empty.stdout)")
        #expect(empty.stderr.contains("没有找到") || empty.stderr.contains("no files"), "\(empty.stderr)")
        try FileManager.default.copyItem(at: clean, to: dir.appendingPathComponent("r.txt"))
        #expect(try CLI.run(["."], cwd: dir).status == 0)
        let unmatched = try CLI.run(["--lang", "en", "--include", "*.docx", "."], cwd: dir)
        #expect(unmatched.status == 2 && unmatched.stderr.contains("no files to audit"), "\(unmatched.stderr)")
        #expect(unmatched.stderr.contains("--include"), "the message names what filtered them out")
        // Even with --fail-on never: a gate that audits nothing must not pass.
        #expect(try CLI.run(["--fail-on", "never", "--include", "*.docx", "."], cwd: dir).status == 2)
    }

    /// Item 9: a file with no report content is a note (no-report-content), and still exit 0.
    @Test func aFileThatIsNotAReportSaysSo() throws {
        let readme = try CLI.run(["--lang", "en", "README.md"])
        #expect(readme.status == 0)
        #expect(readme.stdout.contains("[no-report-content]"), "\(readme.stdout)")
        let hello = try CLI.run(["-"], stdin: Data("hello\n".utf8))
        #expect(hello.status == 0 && hello.stdout.contains("[no-report-content]"), "\(hello.stdout)")
        #expect(try CLI.run(["--fail-on", "note", "-"], stdin: Data("hello\n".utf8)).status == 1)
    }

    /// Item 10: the walk honours .gitignore files of the work tree; --no-ignore turns that off.
    @Test func theWalkLeavesOutWhatGitIgnores() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for sub in [".git", "reports/drafts", "reports/2024"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try "reports/drafts/\n*.bak.txt\n".write(to: dir.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        try "!keep.bak.txt\n".write(to: dir.appendingPathComponent("reports/2024/.gitignore"), atomically: true, encoding: .utf8)
        for f in ["reports/a.txt", "reports/drafts/d.txt", "reports/2024/x.bak.txt", "reports/2024/keep.bak.txt"] {
            try fm.copyItem(at: clean, to: dir.appendingPathComponent(f))
        }
        func paths(_ args: [String], cwd: URL) throws -> [String] {
            let r = try CLI.run(["--format", "jsonl"] + args, cwd: cwd)
            return r.stdout.split(separator: "\n").compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
            }
        }
        #expect(try paths(["reports"], cwd: dir) == ["reports/2024/keep.bak.txt", "reports/a.txt"])
        // From a subfolder, the work tree's root .gitignore still applies.
        #expect(try paths(["."], cwd: dir.appendingPathComponent("reports")) == ["2024/keep.bak.txt", "a.txt"])
        #expect(try paths(["--no-ignore", "reports"], cwd: dir).count == 4)
        // A file named on the command line is audited whatever ignores it.
        #expect(try paths(["reports/drafts/d.txt"], cwd: dir) == ["reports/drafts/d.txt"])
    }
}

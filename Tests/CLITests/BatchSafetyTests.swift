import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 14's batch and output cases through the binary: odd entries in a walked folder do
/// not block or end the run, inputs are never overwritten by the report, a report that cannot
/// be written is an error (exit 2) whatever --fail-on says, and names and report text cannot
/// put control characters on a terminal or forge a line.
@Suite struct BatchSafetyTests {
    static let honest = "2024年度部门决算\n本年收入合计100.00万元，其中：财政拨款收入60.00万元，其他收入40.00万元。\n"

    func folder(_ files: [String: String]) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        return dir
    }

    @Test func aFIFOADeviceAndALinkLoopInAFolderAreSkippedWithANote() throws {
        let dir = try folder(["a.txt": Self.honest])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(mkfifo(dir.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("pipe-link.txt").path, withDestinationPath: "pipe.txt")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop.txt").path, withDestinationPath: "loop.txt")
        let r = try Measured.run(["--format", "jsonl", "--lang", "en", "--fail-on", "never", dir.path], timeout: 60)
        #expect(!r.timedOut, "the FIFO blocked the run")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("a.txt") && !r.stdout.contains("pipe.txt"))
        #expect(r.stderr.contains("pipe.txt: a named pipe (FIFO), not a file: skipped"), "\(r.stderr)")
        #expect(r.stderr.contains("pipe-link.txt: a named pipe (FIFO), not a file: skipped"))
        #expect(r.stderr.contains("zero.txt: a device, not a file: skipped"))
        #expect(r.stderr.contains("loop.txt: a symbolic link loop: skipped"))
        #expect(r.seconds < 30)
    }

    @Test func aFIFONamedDirectlyIsAnInputErrorNotAHang() throws {
        let dir = try folder(["a.txt": Self.honest])
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try Measured.run(["--lang", "en", fifo, dir.appendingPathComponent("a.txt").path], timeout: 60)
        #expect(!r.timedOut && r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("this is a named pipe (FIFO), not a file: not read"), "\(r.stderr)")
        #expect(r.stdout.contains("2 files"), "\(r.stdout)")
    }

    @Test func aNameThatIsNotUTF8IsAuditedAndShownEscaped() throws {
        let dir = try folder([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        // "报告.txt" in GBK: B1 A8 B8 E6 . t x t
        var path = Array(dir.path.utf8) + [0x2F, 0xB1, 0xA8, 0xB8, 0xE6] + Array(".txt".utf8)
        path.append(0)
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(fd >= 0)
        let bytes = Array(Self.honest.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let r = try CLI.run(["--format", "jsonl", "--lang", "en", "--fail-on", "never", "."], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(#"\\xB1\\xA8\\xB8\\xE6.txt"#), "\(r.stdout)")
        #expect(r.stdout.contains("\"error\":null"), "\(r.stdout)")
    }

    @Test func controlCharactersInAReportAndANameAreShownSafely() throws {
        let dir = try folder(["evil\nreport.txt": "2024年度部门决算\n本年收入合计100.00万元\u{1B}[2J，其中：财政拨款收入60.00万元，其他收入30.00万元。\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["--lang", "en", "--fail-on", "never", "."], cwd: dir)
        #expect(!r.stdout.contains("\u{1B}"), "\(r.stdout)")
        #expect(r.stdout.contains("\u{241B}[2J"), "\(r.stdout)")
        #expect(r.stdout.contains("evil\\x0Areport.txt:"), "\(r.stdout)")
        #expect(!r.stdout.split(separator: "\n").contains { $0.hasPrefix("report.txt") })
        // GitHub workflow commands: one line per annotation, no escape sequence replayed in the log.
        let github = try CLI.run(["--format", "github", "--lang", "en", "--fail-on", "never", "."], cwd: dir)
        #expect(!github.stdout.contains("\u{1B}") && github.stdout.contains("::"), "\(github.stdout)")
        #expect(!github.stdout.split(separator: "\n").contains { $0.hasPrefix("report.txt") })
    }

    @Test func anOutputThatIsAnInputIsRefusedAndTheInputKept() throws {
        let dir = try folder(["reports/a.txt": Self.honest, "b.txt": Self.honest])
        defer { try? FileManager.default.removeItem(at: dir) }
        for (output, args) in [
            ("b.txt", ["b.txt"]), ("./b.txt", ["b.txt"]), ("reports/../b.txt", ["b.txt"]),
            ("reports/a.txt", ["reports"]), ("reports/new.txt", ["reports"])
        ] {
            let r = try CLI.run(["--output", output] + args, cwd: dir)
            #expect(r.status == 64, "\(output): \(r.stderr)")
            #expect(r.stderr.contains("'--output \(output)' is"), "\(output): \(r.stderr)")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("b.txt"), encoding: .utf8) == Self.honest)
        #expect(try String(contentsOf: dir.appendingPathComponent("reports/a.txt"), encoding: .utf8) == Self.honest)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("reports/new.txt").path))
        // A SARIF report in the audited folder is not something the walk audits: allowed.
        let sarif = try CLI.run(["--format", "sarif", "--output", "reports/out.sarif", "--fail-on", "never", "reports"], cwd: dir)
        #expect(sarif.status == 0, "\(sarif.stderr)")
    }

    @Test func aReportIsWrittenByRenameAndAFailedWriteIsExitTwo() throws {
        let dir = try folder(["a.txt": Self.honest])
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("report.json")
        try "old".write(to: out, atomically: false, encoding: .utf8)
        let ok = try CLI.run(["--format", "json", "--output", out.path, "--fail-on", "never", dir.appendingPathComponent("a.txt").path])
        #expect(ok.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("{"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.txt", "report.json"])
        // A full disk: the report is lost, so the run fails whatever --fail-on says.
        let full = try CLI.run(["--output", "/dev/full", "--fail-on", "never", dir.appendingPathComponent("a.txt").path])
        #expect(full.status == 2, "\(full.stderr)")
        #expect(full.stderr.contains("cannot write the report to '/dev/full'"), "\(full.stderr)")
        // A folder that cannot hold the report: nothing is written, exit 64 before any audit.
        let missing = try CLI.run(["--output", dir.path + "/no/such/folder/r.txt", dir.appendingPathComponent("a.txt").path])
        #expect(missing.status == 64, "\(missing.stderr)")
    }

    @Test func aClosedStandardOutputIsExitTwo() throws {
        let dir = try folder(["a.txt": Self.honest])
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [
            "-c", "\"$0\" --fail-on never \"$1\" >&- 2>\"$2\"", CLI.binary.path, dir.appendingPathComponent("a.txt").path,
            dir.appendingPathComponent("err").path
        ]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 2)
        let err = try String(contentsOf: dir.appendingPathComponent("err"), encoding: .utf8)
        #expect(err.contains("cannot write the report to standard output"), "\(err)")
    }
}

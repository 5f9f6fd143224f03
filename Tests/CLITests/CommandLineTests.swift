import Foundation
import Testing

/// Issue 20, items 1–3, 7, 11, 13 and 16 and the options it asks for: how the command line
/// reads and what each option does, as a user types them.
@Suite(.serialized) struct CommandLineTests {
    let clean = "examples/clean-2024-final-accounts.txt"
    let faulty = "examples/faulty-2024-final-accounts.txt"

    func json(_ r: CLI.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: r.stdoutBytes) as? [String: Any], "\(r.stdout)\n\(r.stderr)")
    }

    func findings(_ r: CLI.Result) throws -> [[String: Any]] {
        ((try json(r)["files"] as? [[String: Any]]) ?? []).flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
    }

    /// The option names a help text lists (its lines that start with an option).
    func options(inHelp text: String) -> Set<String> {
        var names = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("  --") {
            names.insert(String(line.dropFirst(2).prefix { $0 != " " && $0 != "," }))
        }
        return names
    }

    // MARK: item 2: --help anywhere and per subcommand

    @Test func helpWorksAnywhereAndPerSubcommand() throws {
        for args in [["--lang", "zh", "--help"], [faulty, "--help"], ["-h"], ["help"]] {
            let r = try CLI.run(args)
            #expect(r.status == 0 && r.stdout.contains("--fail-on"), "\(args): \(r.status) \(r.stderr)")
        }
        for command in ["checks", "explain", "dump", "profile", "init", "check"] {
            let r = try CLI.run([command, "--help"])
            #expect(r.status == 0, "\(command) --help: \(r.stderr)")
            #expect(r.stdout.contains("reportlint \(command)") || command == "check", "\(command): \(r.stdout)")
            let other = try CLI.run(["help", command])
            #expect(other.stdout == r.stdout, "'help \(command)' is '\(command) --help'")
        }
        // A subcommand's help lists its own options, not the audit's.
        let dump = try CLI.run(["dump", "--help"]).stdout
        #expect(dump.contains("--coverage") && !dump.contains("--baseline"))
    }

    @Test func helpAndUsageErrorsAreInTheChosenLanguage() throws {
        let zh = try CLI.run(["--help"]).stdout
        let en = try CLI.run(["--help", "--lang", "en"]).stdout
        #expect(zh.contains("用法") && zh.contains("退出码"))
        #expect(en.contains("USAGE") && en.contains("EXIT CODES") && !en.contains("用法"))
        let zhError = try CLI.run(["--formt", "json", clean])
        let enError = try CLI.run(["--lang", "en", "--formt", "json", clean])
        #expect(zhError.status == 64 && zhError.stderr.contains("未知选项") && zhError.stderr.contains("--format"), "\(zhError.stderr)")
        #expect(enError.status == 64 && enError.stderr.contains("unknown option '--formt'; did you mean '--format'?"), "\(enError.stderr)")
        #expect(try CLI.run(["--lang=en", "--jobs", "0", clean]).stderr.contains("whole number"))
    }

    // MARK: item 3: global options before a subcommand

    @Test func globalOptionsGoBeforeOrAfterASubcommand() throws {
        let before = try CLI.run(["--lang", "en", "checks"])
        let after = try CLI.run(["checks", "--lang", "en"])
        #expect(before.status == 0 && before.stdout == after.stdout, "\(before.stderr)")
        let chinese = try CLI.run(["checks"]).stdout
        #expect(before.stdout.contains("share-of-total") && before.stdout != chinese)
        let explain = try CLI.run(["--lang", "en", "explain", "share-of-total"])
        #expect(explain.status == 0 && explain.stdout.contains("share-of-total"), "\(explain.stderr)")
        // An audit option given to another subcommand is said to be out of place.
        let misplaced = try CLI.run(["checks", "--baseline", "b.json", "--lang", "en"])
        #expect(misplaced.status == 64 && misplaced.stderr.contains("does not apply to 'checks'"), "\(misplaced.stderr)")
    }

    // MARK: item 13: hints that help

    @Test func hintsSuggestOnlyLikelyNames() throws {
        let nosuch = try CLI.run(["explain", "nosuch", "--lang", "en"])
        #expect(
            nosuch.status == 64 && !nosuch.stderr.contains("did you mean") && nosuch.stderr.contains("reportlint checks"),
            "\(nosuch.stderr)")
        let near = try CLI.run(["explain", "shar-of-total", "--lang", "en"])
        #expect(near.stderr.contains("did you mean 'share-of-total'"))
        let typo = try CLI.run(["chekcs", "--lang", "en"])
        #expect(typo.status == 64 && typo.stderr.contains("did you mean 'checks'"), "\(typo.stderr)")
        let verified = try CLI.run(["--verified", "--lang", "en", faulty])
        #expect(verified.status == 64 && verified.stderr.contains("'--verified' applies to"), "\(verified.stderr)")
    }

    @Test func aMisspeltCheckIdInTheConfigurationIsNamed() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(#"{"checks": {"shar-of-total": "off"}}"#.utf8).write(to: dir.appendingPathComponent(".reportlint.json"))
        try Data(contentsOf: CLI.packageRoot.appendingPathComponent(clean)).write(to: dir.appendingPathComponent("a.txt"))
        let r = try CLI.run(["a.txt"], cwd: dir)
        #expect(r.status == 64 && r.stderr.contains("did you mean 'share-of-total'") && !r.stderr.contains("'severity'"), "\(r.stderr)")
    }

    // MARK: item 1: the progress line

    @Test func theProgressLineIsClearedLocalisedAndTheSummaryPrintedOnce() throws {
        let zh = try CLI.run(["--progress", faulty, clean])
        #expect(zh.stderr.contains("个文件") && zh.stderr.hasSuffix("\r\u{1B}[K"), "\(zh.stderr.debugDescription)")
        #expect(!zh.stderr.contains("共 2 个文件"), "the text report on standard output has the summary: \(zh.stderr)")
        #expect(zh.stdout.components(separatedBy: "共 2 个文件").count == 2)
        let en = try CLI.run(["--progress", "--lang", "en", faulty])
        #expect(en.stderr.contains("files/s"))
        // A report written elsewhere: the summary once, on standard error.
        let json = try CLI.run(["--progress", "--format", "json", faulty])
        #expect(json.stderr.components(separatedBy: "共 1 个文件").count == 2, "\(json.stderr)")
    }

    // MARK: item 7: --fail-on never

    @Test func failOnNeverAlwaysExitsZeroAndStillReportsInputErrors() throws {
        let r = try CLI.run(["--format", "sarif", "--fail-on", "never", "no/such/file.txt", faulty])
        #expect(r.status == 0, "\(r.stderr)")
        let run = try #require((try json(r)["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = (invocation["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        #expect(notes.contains { ($0["level"] as? String) == "error" }, "the unreadable file is a notification")
        #expect(try CLI.run(["no/such/file.txt", faulty]).status == 2, "without never, an input error is still exit 2")
    }

    // MARK: --min-severity, --quiet, --statistics, --max-results, --format github

    @Test func minSeverityLeavesOutTheLesserFindings() throws {
        let all = try findings(try CLI.run(["--format", "json", faulty]))
        let errors = try findings(try CLI.run(["--format", "json", "--min-severity", "error", faulty]))
        #expect(all.contains { $0["severity"] as? String != "error" }, "the example has warnings or notes to leave out")
        #expect(errors.count == all.filter { $0["severity"] as? String == "error" }.count && !errors.isEmpty)
        #expect(errors.allSatisfy { $0["severity"] as? String == "error" })
        // Only what is shown fails: the example's notes alone do not fail at --fail-on note.
        let notesOnly = try CLI.run(["--min-severity", "error", "--fail-on", "note", clean])
        let errorsOnly = try CLI.run(["--fail-on", "error", clean])
        #expect(notesOnly.status == errorsOnly.status)
    }

    @Test func quietPrintsErrorsOnly() throws {
        let r = try CLI.run(["--quiet", faulty])
        #expect(r.status == 1)
        let heads = r.stdout.split(separator: "\n").filter { $0.hasPrefix(faulty) }
        #expect(!heads.isEmpty && heads.allSatisfy { $0.contains(": error: ") }, "\(r.stdout)")
        #expect(!r.stdout.contains("共 1 个文件") && !r.stderr.contains("共 1 个文件"), "no summary line")
        #expect(try CLI.run(["-q", clean]).stdout.isEmpty)
    }

    @Test func statisticsCountPerCheckAndPerFile() throws {
        let r = try CLI.run(["--format", "json", "--statistics", faulty, clean])
        let all = try findings(r)
        let summary = try #require(try json(r)["summary"] as? [String: Any])
        let byCheck = try #require(summary["byCheck"] as? [String: [String: Int]])
        let counted = byCheck.values.reduce(0) { $0 + ($1["errors"] ?? 0) + ($1["warnings"] ?? 0) + ($1["notes"] ?? 0) }
        #expect(counted == all.count && !all.isEmpty)
        for (id, counts) in byCheck {
            #expect(counts["errors"] == all.filter { $0["check"] as? String == id && $0["severity"] as? String == "error" }.count)
        }
        let byFile = try #require(summary["byFile"] as? [[String: Any]])
        #expect(byFile.map { $0["path"] as? String } == [clean, faulty])
        #expect(
            (try json(try CLI.run(["--format", "json", faulty]))["summary"] as? [String: Any])?["byCheck"] == nil,
            "without --statistics the JSON is as before")
        let text = try CLI.run(["--statistics", "--lang", "en", faulty]).stdout
        #expect(text.contains("by check:") && text.contains("by file:") && text.contains("share-of-total"), "\(text)")
    }

    @Test func maxResultsCapsSARIFWithANotification() throws {
        let r = try CLI.run(["--format", "sarif", "--max-results", "1", "--lang", "en", faulty])
        let run = try #require((try json(r)["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == 1)
        let notes = ((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]]) ?? []
        #expect(notes.contains { (($0["message"] as? [String: Any])?["text"] as? String)?.contains("left out") == true })
        #expect(try CLI.run(["--max-results", "1", faulty]).status == 64, "text has no cap to set")
    }

    @Test func githubFormatWritesWorkflowAnnotations() throws {
        let r = try CLI.run(["--format", "github", faulty])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        let errors = lines.filter { $0.hasPrefix("::error file=\(faulty),line=") }
        let all = try findings(try CLI.run(["--format", "json", faulty]))
        #expect(errors.count == all.filter { $0["severity"] as? String == "error" }.count && !errors.isEmpty, "\(r.stdout)")
        #expect(lines.filter { $0.hasPrefix("::") }.count == all.count)
        #expect(errors.allSatisfy { $0.contains(",col=") && $0.contains("title=reportlint ") })
        #expect(r.stdout.contains("::error file=examples/faulty-2024-final-accounts.txt,line=14,col=50,"))
        // A percent sign in a message is escaped (workflow commands decode %25, %0A, %2C …).
        #expect(!lines.filter { $0.hasPrefix("::") && $0.contains("%") }.isEmpty)
        #expect(
            lines.filter { $0.hasPrefix("::") }.allSatisfy { line in
                line.split(separator: "%", omittingEmptySubsequences: false).dropFirst().allSatisfy {
                    ["25", "0A", "0D", "2C", "3A"].contains(String($0.prefix(2)))
                }
            })
        let missing = try CLI.run(["--format", "github", "--fail-on", "never", "no/such.txt"])
        #expect(missing.status == 0 && missing.stdout.hasPrefix("::error file=no/such.txt,"), "\(missing.stdout)")
    }

    // MARK: item 11: paths from the repository root, standard input named

    @Test func sarifFromASubfolderNamesFilesFromTheRepositoryRoot() throws {
        let repo = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: repo) }
        let sub = repo.appendingPathComponent("reports/2024")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data(contentsOf: CLI.packageRoot.appendingPathComponent(faulty)).write(to: sub.appendingPathComponent("a.txt"))
        func uris(_ r: CLI.Result) throws -> Set<String> {
            let run = try #require((try json(r)["runs"] as? [[String: Any]])?.first)
            return Set(
                ((run["results"] as? [[String: Any]]) ?? []).compactMap {
                    (((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"])
                        as? [String: Any])?["uri"] as? String
                })
        }
        #expect(try uris(try CLI.run(["--format", "sarif", "a.txt"], cwd: sub)) == ["reports/2024/a.txt"])
        #expect(try uris(try CLI.run(["--format", "sarif", "--root", "..", "a.txt"], cwd: sub)) == ["2024/a.txt"])
        let github = try CLI.run(["--format", "github", "a.txt"], cwd: sub)
        #expect(github.stdout.hasPrefix("::error file=reports/2024/a.txt,"), "\(github.stdout)")
        // Standard input, named as the file it stands for.
        let stdin = try Data(contentsOf: sub.appendingPathComponent("a.txt"))
        let named = try CLI.run(["--format", "sarif", "--stdin-filename", "a.txt", "-"], stdin: stdin, cwd: sub)
        #expect(try uris(named) == ["reports/2024/a.txt"])
        let jsonNamed = try CLI.run(["--format", "json", "--stdin-filename", "reports/x.txt", "-"], stdin: stdin)
        #expect((try json(jsonNamed)["files"] as? [[String: Any]])?.first?["path"] as? String == "reports/x.txt")
    }

    // MARK: one list of options: help and README

    @Test func theHelpAndTheReadmeListEveryOption() throws {
        let zh = options(inHelp: try CLI.run(["--help"]).stdout)
        let en = options(inHelp: try CLI.run(["--help", "--lang", "en"]).stdout)
        #expect(zh == en)
        #expect(zh.isSuperset(of: ["--format", "--min-severity", "--quiet", "--statistics", "--max-results", "--root", "--stdin-filename"]))
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let usage = try #require(readme.components(separatedBy: "## Usage").dropFirst().first?.components(separatedBy: "\n## ").first)
        for name in zh.sorted() {
            #expect(usage.contains(name), "README's Usage section does not mention \(name)")
        }
        // And what the README names exists.
        let mentioned = Set(usage.matches(of: /--[a-z][a-z-]+/).map { String($0.output) })
        #expect(mentioned.subtracting(zh).isEmpty, "README names options --help does not: \(mentioned.subtracting(zh).sorted())")
    }
}

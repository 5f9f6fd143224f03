import Checks
import Lint
import Reporters

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum ExitCode {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputError: Int32 = 2
    static let usage: Int32 = 64
}

enum Commands {
    static func run(_ command: Command) -> Int32 {
        switch command {
        case .help(let command, let language):
            print(Help.text(for: command, language), terminator: "")
            return ExitCode.clean
        case .version:
            print("\(ToolInfo.name) \(ToolInfo.version)")
            return ExitCode.clean
        case .listChecks(let format, let language):
            let descriptions = Registry.all.map(\.description)
            print(
                format == .json ? CheckCatalog.json(descriptions, language).serialized() : CheckCatalog.text(descriptions, language),
                terminator: format == .json ? "\n" : "")
            return ExitCode.clean
        case .explain(let id, let language, let config):
            if LocalRuleReader.isRuleID(id) { return RulesCommand.explain(id, language, config: config) }
            guard let check = Registry.check(id) else {
                printError(UnknownCheck(id).message.text(language))
                return ExitCode.usage
            }
            print(CheckCatalog.explain(check.description, language), terminator: "")
            return ExitCode.clean
        case .concepts(let format, let language):
            return RulesCommand.concepts(format, language)
        case .rules(let options):
            return RulesCommand.run(options)
        case .dump(let path, let text, let coverage):
            return dump(path, text: text, coverage: coverage)
        case .profile(let path, let count):
            return profile(path, count)
        case .initialize(let force):
            return Starter.run(force: force)
        case .audit(let options):
            return AuditCommand(options).run()
        }
    }

    static func profile(_ path: String, _ count: Int) -> Int32 {
        let measured = FileInput.read(path, limit: 512 << 20).flatMap {
            StageProfile.measure(bytes: $0, pipeline: Pipeline(linter: Linter(checks: Registry.all)), repeat: count)
        }
        switch measured {
        case .failure(let e):
            printError("\(path): \(e.message.en)")
            return ExitCode.inputError
        case .success(let profile):
            let total = profile.stages.reduce(0) { $0 + $1.seconds }
            for s in profile.stages.sorted(by: { $0.seconds > $1.seconds }) {
                let ms = (s.seconds * 1e5).rounded() / 100
                let share = (s.seconds / max(total, 1e-12) * 1000).rounded() / 10
                print("\(ms) ms\t\(share)%\t\(s.name)")
            }
            print("\((total * 1e5).rounded() / 100) ms\ttotal (fastest of \(count))")
            // Memory in document order: resident once each stage is done, and its growth.
            let mib = { (bytes: Int) in "\((Double(bytes) / 1_048_576 * 10).rounded() / 10) MiB" }
            var before = profile.residentAtStart
            print("resident \(mib(before))\tat start (input read)")
            for s in profile.stages {
                print("resident \(mib(s.residentAfter))\t+\(mib(max(0, s.residentAfter - before)))\tafter \(s.name)")
                before = s.residentAfter
            }
            print("peak resident \(mib(ResidentMemory.peak()))\tinput \(mib(profile.inputBytes))")
            for b in profile.budget {
                let share = (Double(b.used) / Double(max(1, b.limit)) * 1000).rounded() / 10
                print("budget \(b.kind.rawValue): \(b.used) of \(b.limit) (\(share)%)")
            }
            return ExitCode.clean
        }
    }

    /// A command that could not run: a usage or configuration error (or any other) printed
    /// once, in `language` where it has one, and exit 64.
    static func usageFailure(_ error: any Error, language: Language) -> Int32 {
        switch error {
        case let e as UsageError: printError(e.message(language))
        case let e as ConfigError: printError(e.description)
        default: printError("\(error)")
        }
        return ExitCode.usage
    }

    /// One message on standard error; what it quotes (a name, a part of a package) is made
    /// safe for the terminal line by line (`TerminalText`).
    static func printError(_ s: String) {
        let safe = s.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.safe(String($0)) }.joined(separator: "\n")
        stderr.write("reportlint: \(safe)\n")
        stderr.flush()
    }

    static func dump(_ path: String, text: Bool, coverage: OutputFormat? = nil) -> Int32 {
        let read = path == "-" ? FileInput.readStandardInput(limit: 512 << 20) : FileInput.read(path, limit: 512 << 20)
        let display = path == "-" ? "<stdin>" : path
        do throws(InputError) {
            let bytes = try read.get()
            // Within the budget an audit has: dump is how a refused file is looked at, not a way around it.
            let budget = WorkBudget(inputBytes: bytes.count)
            let document = try DocumentReader.read(bytes: bytes, path: display, budget: budget).get()
            let out = Output.standardOutput()
            if let format = coverage {
                let model = try AuditModel.extract(document, budget: budget)
                let evidence = Linter(checks: Registry.all).lintWithEvidence(model, path: display, recordVerified: true)
                let measured = Coverage.measure(model, findings: evidence.findings, verified: evidence.verified)
                out.write(
                    format == .json ? Dump.coverageJSON(measured, document.source).serialized() + "\n" : measured.text(document.source))
            } else if text {
                out.write(RebuiltText.render(document))
            } else {
                out.write(Dump.json(try AuditModel.extract(document, budget: budget)).serialized() + "\n")
            }
            out.flush()
            return ExitCode.clean
        } catch {
            printError("\(display): \(error.message.en)")
            return ExitCode.inputError
        }
    }
}

/// The working directory, for displaying paths relative to it.
enum Paths {
    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

}

enum ProcessInfoCores {
    static var count: Int {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? n : 1
    }
}

/// The progress line on standard error (only on a terminal) and the closing summary.
final class Progress {
    let total: Int
    let enabled: Bool
    let language: Language
    let start = ContinuousClock.now
    var done = 0
    var findings = 0
    var lastDraw = ContinuousClock.now
    var drawn = false

    init(total: Int, enabled: Bool, language: Language) {
        self.total = total
        self.enabled = enabled
        self.language = language
    }

    func advance(findings n: Int) {
        done += 1
        findings += n
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - lastDraw > .milliseconds(100) || done == total else { return }
        lastDraw = now
        let seconds = max(0.001, Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18)
        let rate = Int(Double(done) / seconds)
        stderr.write(
            "\r\u{1B}[K"
                + (language == .zh
                    ? "\(done)/\(total) 个文件，每秒 \(rate) 个，\(findings) 个问题"
                    : "\(done)/\(total) files, \(rate) files/s, \(findings) findings"))
        stderr.flush()
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        stderr.write("\r\u{1B}[K")
        stderr.flush()
        drawn = false
    }

    /// Counts and wall time; on standard error, so that the report itself stays byte-identical.
    func finish(_ summary: Summary, show: Bool) {
        clear()
        guard show else { return }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let time = String(Int(seconds * 1000)) + " ms"
        stderr.write(summary.line(language) + (language == .zh ? "；用时 " : "; wall time ") + time + "\n")
        stderr.flush()
    }
}

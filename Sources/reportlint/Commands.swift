#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Checks
import Lint
import Reporters

enum ExitCode {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputError: Int32 = 2
    static let usage: Int32 = 64
}

enum Commands {
    static func run(_ command: Command) -> Int32 {
        switch command {
        case .help:
            print(Arguments.help, terminator: "")
            return ExitCode.clean
        case .version:
            print("\(ToolInfo.name) \(ToolInfo.version)")
            return ExitCode.clean
        case .listChecks(let format, let language):
            let descriptions = Registry.all.map(\.description)
            print(format == .json ? CheckCatalog.json(descriptions, language).serialized() : CheckCatalog.text(descriptions, language),
                  terminator: format == .json ? "\n" : "")
            return ExitCode.clean
        case .explain(let id, let language):
            guard let check = Registry.check(id) else {
                let near = Registry.ids.min { Levenshtein.distance($0, id) < Levenshtein.distance($1, id) } ?? ""
                printError("unknown check '\(id)'; did you mean '\(near)'?")
                return ExitCode.usage
            }
            print(CheckCatalog.explain(check.description, language), terminator: "")
            return ExitCode.clean
        case .dump(let path, let text):
            return dump(path, text: text)
        case .audit(let options):
            return audit(options)
        }
    }

    static func printError(_ s: String) {
        stderr.write("reportlint: \(s)\n")
        stderr.flush()
    }

    static func dump(_ path: String, text: Bool) -> Int32 {
        let read = path == "-" ? FileInput.readStandardInput(limit: 512 << 20) : FileInput.read(path, limit: 512 << 20)
        let display = path == "-" ? "<stdin>" : path
        let parsed: Result<Document, InputError>
        switch read {
        case .failure(let e): parsed = .failure(e)
        case .success(let bytes): parsed = Auditor.parse(bytes: bytes, displayPath: display)
        }
        switch parsed {
        case .failure(let e):
            printError("\(display): \(e.message.en)")
            return ExitCode.inputError
        case .success(let document):
            let out = Output.standardOutput()
            if text {
                out.write(String(decoding: document.source.bytes, as: UTF8.self))
            } else {
                out.write(Dump.json(AuditModel(document: document)).serialized() + "\n")
            }
            out.flush()
            return ExitCode.clean
        }
    }

    static func audit(_ o: AuditOptions) -> Int32 {
        // Which checks run.
        var checks = Registry.all
        for id in (o.select ?? []) + o.ignore where Registry.check(id) == nil {
            let near = Registry.ids.min { Levenshtein.distance($0, id) < Levenshtein.distance($1, id) } ?? ""
            printError("unknown check '\(id)'; did you mean '\(near)'?")
            return ExitCode.usage
        }
        if let select = o.select { checks = checks.filter { select.contains($0.id) } }
        checks = checks.filter { !o.ignore.contains($0.id) }
        var auditor = Auditor(linter: Linter(checks: checks))
        auditor.keepVerified = o.verified

        let out: Output
        if let path = o.output {
            guard let file = Output.file(path) else {
                printError("cannot write '\(path)'")
                return ExitCode.usage
            }
            out = file
        } else {
            out = Output.standardOutput()
        }
        let reporter: Reporter
        switch o.format {
        case .text: reporter = TextReporter(out: out, language: o.language, color: o.color ?? (out.isTerminal && getenv("NO_COLOR") == nil))
        case .json: reporter = JSONReporter(out: out, language: o.language)
        case .jsonl: reporter = JSONReporter(out: out, language: o.language, lines: true)
        case .sarif: reporter = SARIFReporter(out: out, language: o.language, rules: Registry.all.map(\.description),
                                              baseDirectory: Paths.currentDirectory())
        }

        var summary = Summary()
        reporter.begin()
        for input in Paths.inputs(o.paths) {
            let result: FileResult
            if input.path == "-" {
                switch FileInput.readStandardInput(limit: auditor.maxBytes) {
                case .success(let bytes): result = auditor.audit(bytes: bytes, displayPath: input.display)
                case .failure(let e): result = FileResult(path: input.display, source: nil, findings: [], error: e)
                }
            } else {
                result = auditor.audit(path: input.path, displayPath: input.display)
            }
            if let e = result.error { printError("\(result.path): \(e.message.text(o.language))") }
            summary.add(result)
            reporter.report(result)
        }
        reporter.end(summary)
        out.close()

        if summary.inputErrors > 0 { return ExitCode.inputError }
        switch o.failOn {
        case .never: return ExitCode.clean
        case .error: return summary.count(atLeast: .error) > 0 ? ExitCode.findings : ExitCode.clean
        case .warning: return summary.count(atLeast: .warning) > 0 ? ExitCode.findings : ExitCode.clean
        case .note: return summary.count(atLeast: .note) > 0 ? ExitCode.findings : ExitCode.clean
        }
    }
}

/// Input paths and how they are shown: relative to the working directory when possible.
enum Paths {
    struct Input {
        var path: String
        var display: String
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func display(_ path: String, cwd: String) -> String {
        var p = path
        if p.hasPrefix(cwd + "/") { p = String(p.dropFirst(cwd.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        return p
    }

    /// Inputs sorted by displayed path (standard input first), each once.
    static func inputs(_ paths: [String]) -> [Input] {
        let cwd = currentDirectory()
        var seen = Set<String>()
        var out: [Input] = []
        for p in paths {
            let input = p == "-" ? Input(path: "-", display: "<stdin>") : Input(path: p, display: display(p, cwd: cwd))
            if seen.insert(input.display).inserted { out.append(input) }
        }
        return out.sorted { a, b in
            if a.path == "-" { return b.path != "-" }
            if b.path == "-" { return false }
            return a.display.utf8.lexicographicallyPrecedes(b.display.utf8)
        }
    }
}

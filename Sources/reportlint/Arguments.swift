import Lint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A usage error: one line with a hint in the chosen language, exit code 64.
struct UsageError: Error {
    var text: LocalizedText

    init(_ text: LocalizedText) { self.text = text }
    init(zh: String, en: String) { text = LocalizedText(zh: zh, en: en) }
    /// A message that reads the same in both languages (it quotes what the user typed).
    init(message: String) { text = LocalizedText(zh: message, en: message) }

    func message(_ language: Language) -> String { text.text(language) }
}

enum OutputFormat: String, CaseIterable {
    case text, json, jsonl, sarif, html, github
}

/// What the command line asks for.
enum Command {
    case audit(AuditOptions)
    case listChecks(format: OutputFormat, language: Language)
    case explain(id: String, language: Language, config: String?)
    case concepts(format: OutputFormat, language: Language)
    case rules(RulesOptions)
    case dump(path: String, text: Bool, coverage: OutputFormat?)
    case profile(path: String, repeat: Int)
    case initialize(force: Bool)
    case help(Subcommand?, Language)
    case version
}

/// `reportlint rules [test]`: the rules of a configuration, listed or with their examples run.
struct RulesOptions {
    var test = false
    var format = OutputFormat.text
    var language: Language?
    /// --config FILE; nil: the .reportlint.json in or above the working directory.
    var config: String?
}

struct AuditOptions {
    var paths: [String] = []
    var format: OutputFormat = .text
    var output: String?
    /// nil: from the configuration, else zh.
    var language: Language?
    /// nil: from each file's configuration, else error.
    var failOn: FailOn?
    /// Findings below it are neither reported nor counted for --fail-on (--quiet: error).
    var minSeverity: Severity?
    /// Errors only and no summary line.
    var quiet = false
    /// Counts per check and per file.
    var statistics = false
    var select: [String]?
    var ignore: [String] = []
    var color: Bool?
    /// Also report the relations found consistent (JSON formats; for the accuracy evaluation).
    var verified = false
    var jobs: Int?
    var include: [String] = []
    var exclude: [String] = []
    var shard: Shard?
    var progress: Bool?
    /// --config FILE, or --no-config (an empty string) to ignore every .reportlint.json.
    var config: String?
    var baseline: String?
    var writeBaseline: String?
    var strictBaseline = false
    /// --no-ignore: walk directories without honouring .gitignore files.
    var noIgnore = false
    /// sarif/github: at most this many results (nil: GitHub's limit).
    var maxResults: Int?
    /// sarif/github: the directory paths are relative to (nil: the enclosing git work tree).
    var root: String?
    /// The path standard input is reported as.
    var stdinFilename: String?
}

/// Hand-written parsing against `OptionTable`: `--help` and global options anywhere, the
/// subcommand after global options (`reportlint --lang en checks`), `--opt=value`, `--`.
enum Arguments {
    /// The language asked for with `--lang`, for help and usage errors (zh when absent).
    static func language(in args: [String]) -> Language {
        var i = 0
        var found = Language.zh
        while i < args.count, args[i] != "--" {
            if args[i] == "--lang", i + 1 < args.count, let l = Language(rawValue: args[i + 1]) { found = l }
            if args[i].hasPrefix("--lang="), let l = Language(rawValue: String(args[i].dropFirst(7))) { found = l }
            i += 1
        }
        return found
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        let language = language(in: arguments)
        // --name=value → --name value, before any "--".
        var args: [String] = []
        var afterDashes = false
        for a in arguments {
            if !afterDashes, a.hasPrefix("--"), let eq = a.firstIndex(of: "="), OptionTable.anySpec(String(a[..<eq]))?.takesValue == true {
                args += [String(a[..<eq]), String(a[a.index(after: eq)...])]
            } else {
                args.append(a)
            }
            if a == "--" { afterDashes = true }
        }
        // The subcommand: the first word that is no option or option value.
        var named: Subcommand?
        var i = 0
        var helpWord = false
        while i < args.count, args[i] != "--" {
            let a = args[i]
            if a.hasPrefix("-") && a != "-" {
                i += OptionTable.anySpec(a)?.takesValue == true ? 2 : 1
                continue
            }
            if a == "help" && !helpWord {
                // `reportlint help [subcommand]`
                helpWord = true
                args.remove(at: i)
                continue
            }
            if let c = Subcommand(rawValue: a) {
                named = c
                args.remove(at: i)
            } else if !helpWord, !FileSystem.exists(a),
                let near = Suggestion.closest(to: a, in: Subcommand.allCases.filter { $0 != .audit }.map(\.rawValue)),
                Levenshtein.distance(near, a) <= 2
            {
                throw UsageError(
                    zh: "'\(a)' 既不是文件也不是子命令；是不是 '\(near)'？", en: "'\(a)' is neither a file nor a command; did you mean '\(near)'?")
            }
            break
        }
        let command = named ?? .audit
        let options = Array(args.prefix { $0 != "--" })
        if helpWord || options.contains("--help") || options.contains("-h") { return .help(named, language) }
        if options.contains("--version") || options.contains("-V") { return .version }

        let parsed = try Parsed(args, for: command, language: language)
        switch command {
        case .checks:
            try parsed.expectPositionals(0, zh: "'checks' 不接受文件", en: "'checks' takes no file")
            return .listChecks(format: try parsed.choice("--format", [.text, .json]) ?? .text, language: language)
        case .explain:
            guard parsed.positionals.count == 1 else {
                throw UsageError(
                    zh: "'explain' 需要一个检查编号；见 'reportlint checks'", en: "'explain' needs one check id; see 'reportlint checks'")
            }
            return .explain(id: parsed.positionals[0], language: language, config: parsed.last("--config"))
        case .concepts:
            try parsed.expectPositionals(0, zh: "'concepts' 不接受文件", en: "'concepts' takes no file")
            return .concepts(format: try parsed.choice("--format", [.text, .json]) ?? .text, language: language)
        case .rules:
            guard parsed.positionals.isEmpty || parsed.positionals == ["test"] else {
                throw UsageError(
                    zh: "'rules' 之后只能是 'test'；见 'reportlint rules --help'",
                    en: "'rules' takes only 'test' after it; see 'reportlint rules --help'")
            }
            return .rules(
                RulesOptions(
                    test: !parsed.positionals.isEmpty, format: try parsed.choice("--format", [.text, .json]) ?? .text,
                    language: try parsed.choice("--lang", Language.allCases), config: parsed.last("--config")))
        case .dump:
            let text = parsed.flag("--text")
            var coverage: OutputFormat? = parsed.flag("--coverage") ? .text : nil
            if let format: OutputFormat = try parsed.choice("--format", [.text, .json]) {
                guard coverage != nil else {
                    throw UsageError(zh: "'dump' 只在有 '--coverage' 时接受 '--format'", en: "'dump' takes '--format' only with '--coverage'")
                }
                coverage = format
            }
            try parsed.expectPositionals(1, zh: "'dump' 只接受一个文件", en: "'dump' takes exactly one file")
            guard !(text && coverage != nil) else {
                throw UsageError(zh: "'dump' 接受 '--text' 或 '--coverage'，不能同时", en: "'dump' takes '--text' or '--coverage', not both")
            }
            return .dump(path: parsed.positionals[0], text: text, coverage: coverage)
        case .profile:
            try parsed.expectPositionals(1, zh: "'profile' 只接受一个文件", en: "'profile' takes exactly one file")
            return .profile(path: parsed.positionals[0], repeat: try parsed.number("--repeat", in: 1...1_000_000) ?? 1)
        case .initialize:
            try parsed.expectPositionals(0, zh: "'init' 只接受 --force", en: "'init' takes only --force")
            return .initialize(force: parsed.flag("--force"))
        case .audit:
            return .audit(try auditOptions(parsed, language: language))
        }
    }

    static func auditOptions(_ p: Parsed, language: Language) throws(UsageError) -> AuditOptions {
        var o = AuditOptions()
        o.paths = p.positionals
        o.format = try p.choice("--format", OutputFormat.allCases) ?? .text
        o.output = p.last("--output")
        o.language = try p.choice("--lang", Language.allCases)
        o.failOn = try p.choice("--fail-on", FailOn.allCases)
        o.minSeverity = try p.choice("--min-severity", Severity.allCases.sorted(by: >))
        o.quiet = p.flag("--quiet")
        if o.quiet { o.minSeverity = .error }
        o.statistics = p.flag("--statistics")
        o.select = p.last("--select").map(list)
        o.ignore = p.all("--ignore").flatMap(list)
        o.color = p.lastFlag("--color", "--no-color")
        o.verified = p.flag("--verified")
        o.jobs = try p.number("--jobs", in: 1...1024)
        o.include = p.all("--include")
        o.exclude = p.all("--exclude")
        if let v = p.last("--shard") {
            guard let shard = Shard(v) else {
                throw UsageError(
                    zh: "'--shard' 的值应为 K/N（1 ≤ K ≤ N），例如 2/8；不能是 '\(v)'", en: "'--shard' takes K/N with 1 ≤ K ≤ N, such as 2/8; not '\(v)'"
                )
            }
            o.shard = shard
        }
        o.progress = p.lastFlag("--progress", "--no-progress")
        o.config = p.flag("--no-config") ? "" : p.last("--config")
        o.baseline = p.last("--baseline")
        o.writeBaseline = p.last("--write-baseline")
        o.strictBaseline = p.flag("--strict-baseline")
        o.noIgnore = p.flag("--no-ignore")
        o.maxResults = try p.number("--max-results", in: 1...25_000)
        o.root = p.last("--root")
        o.stdinFilename = p.last("--stdin-filename")

        if o.paths.isEmpty { throw UsageError(zh: "没有给出要检查的文件；见 'reportlint --help'", en: "no input given; try 'reportlint --help'") }
        if o.baseline != nil && o.writeBaseline != nil {
            throw UsageError(
                zh: "'--baseline' 和 '--write-baseline' 不能同时使用", en: "'--baseline' and '--write-baseline' cannot be used together")
        }
        if o.strictBaseline && o.baseline == nil {
            throw UsageError(zh: "'--strict-baseline' 需要 '--baseline FILE'", en: "'--strict-baseline' needs '--baseline FILE'")
        }
        if o.verified && ![.json, .jsonl, .html].contains(o.format) {
            throw UsageError(
                zh: "'--verified' 只用于 json、jsonl 和 html 格式", en: "'--verified' applies to the json, jsonl and html formats only")
        }
        if o.maxResults != nil && ![.sarif, .github].contains(o.format) {
            throw UsageError(
                zh: "'--max-results' 只用于 sarif 和 github 格式", en: "'--max-results' applies to the sarif and github formats only")
        }
        if o.stdinFilename != nil && !o.paths.contains("-") {
            throw UsageError(zh: "'--stdin-filename' 需要以 '-' 读标准输入", en: "'--stdin-filename' needs '-' (standard input) among the paths")
        }
        return o
    }

    static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    /// The words of a command line sorted into options (by the table) and positionals.
    struct Parsed {
        var values: [(name: String, value: String?)] = []
        var positionals: [String] = []
        let language: Language

        init(_ args: [String], for command: Subcommand, language: Language) throws(UsageError) {
            self.language = language
            var i = 0
            var onlyPaths = false
            while i < args.count {
                let a = args[i]
                defer { i += 1 }
                if onlyPaths || a == "-" || !a.hasPrefix("-") {
                    positionals.append(a)
                    continue
                }
                if a == "--" {
                    onlyPaths = true
                    continue
                }
                guard let spec = OptionTable.spec(a, for: command) else {
                    if OptionTable.anySpec(a) != nil {
                        throw UsageError(
                            zh: "'\(a)' 不适用于 '\(command.rawValue)'；见 'reportlint \(command.rawValue) --help'",
                            en: "'\(a)' does not apply to '\(command.rawValue)'; see 'reportlint \(command.rawValue) --help'")
                    }
                    throw Arguments.unknownOption(a, for: command)
                }
                guard spec.takesValue else {
                    values.append((spec.name, nil))
                    continue
                }
                guard i + 1 < args.count else { throw UsageError(zh: "'\(a)' 需要一个值", en: "'\(a)' needs a value") }
                i += 1
                values.append((spec.name, args[i]))
            }
        }

        func flag(_ name: String) -> Bool { values.contains { $0.name == name } }
        func all(_ name: String) -> [String] { values.filter { $0.name == name }.compactMap(\.value) }
        func last(_ name: String) -> String? { all(name).last }

        /// The later of a pair of opposite flags: true, false, or nil when neither is given.
        func lastFlag(_ on: String, _ off: String) -> Bool? {
            values.last { $0.name == on || $0.name == off }.map { $0.name == on }
        }

        func choice<T: RawRepresentable>(_ name: String, _ allowed: [T]) throws(UsageError) -> T? where T.RawValue == String {
            guard let v = last(name) else { return nil }
            guard let c = allowed.first(where: { $0.rawValue == v }) else {
                let names = allowed.map(\.rawValue)
                let hint = Suggestion.closest(to: v, in: names).flatMap { Levenshtein.distance($0, v) <= 2 ? $0 : nil }
                throw UsageError(
                    zh: "'\(name)' 只能是 \(names.joined(separator: "、")) 之一，不能是 '\(v)'" + (hint.map { "；是不是 '\($0)'？" } ?? ""),
                    en: "'\(name)' must be one of \(names.joined(separator: ", ")), not '\(v)'"
                        + (hint.map { "; did you mean '\($0)'?" } ?? ""))
            }
            return c
        }

        func number(_ name: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
            guard let v = last(name) else { return nil }
            guard let n = Int(v), range.contains(n) else {
                throw UsageError(
                    zh: "'\(name)' 需要 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，不能是 '\(v)'",
                    en: "'\(name)' needs a whole number from \(range.lowerBound) to \(range.upperBound), not '\(v)'")
            }
            return n
        }

        func expectPositionals(_ n: Int, zh: String, en: String) throws(UsageError) {
            guard positionals.count == n else { throw UsageError(zh: zh, en: en) }
        }
    }

    static func unknownOption(_ a: String, for command: Subcommand) -> UsageError {
        let names = OptionTable.names(for: command)
        guard let best = Suggestion.closest(to: a, in: names), Levenshtein.distance(best, a) <= 3 else {
            let help = command == .audit ? "reportlint --help" : "reportlint \(command.rawValue) --help"
            return UsageError(zh: "未知选项 '\(a)'；见 '\(help)'", en: "unknown option '\(a)'; try '\(help)'")
        }
        return UsageError(zh: "未知选项 '\(a)'；是不是 '\(best)'？", en: "unknown option '\(a)'; did you mean '\(best)'?")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " { s.removeFirst() }
        while let l = s.last, l == " " { s.removeLast() }
        return String(s)
    }
}

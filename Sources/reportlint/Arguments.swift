import Lint

/// A usage error: one line with a hint, exit code 64.
struct UsageError: Error {
    var message: String
}

enum OutputFormat: String, CaseIterable {
    case text, json, jsonl, sarif, html
}

/// What the command line asks for.
enum Command {
    case audit(AuditOptions)
    case listChecks(format: OutputFormat, language: Language)
    case explain(id: String, language: Language)
    case dump(path: String, text: Bool, coverage: OutputFormat?)
    case profile(path: String, repeat: Int)
    case initialize(force: Bool)
    case help
    case version
}

struct AuditOptions {
    var paths: [String] = []
    var format: OutputFormat = .text
    var output: String?
    /// nil: from the configuration, else zh.
    var language: Language?
    /// nil: from each file's configuration, else error.
    var failOn: FailOn?
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
}

/// Hand-written parsing: subcommand first (optional), then options and paths in any order.
enum Arguments {
    static func parse(_ args: [String]) throws(UsageError) -> Command {
        var rest = args
        guard let first = rest.first else { throw UsageError(message: "no input given; try 'reportlint --help'") }
        switch first {
        case "--help", "-h", "help": return .help
        case "--version", "-V": return .version
        case "checks":
            rest.removeFirst()
            var format = OutputFormat.text
            var language = Language.zh
            var i = 0
            while i < rest.count {
                switch rest[i] {
                case "--format": format = try choice(rest, &i, [.text, .json])
                case "--lang": language = try choice(rest, &i, Language.allCases)
                default: throw UsageError(message: "unknown option '\(rest[i])' for 'checks'")
                }
                i += 1
            }
            return .listChecks(format: format, language: language)
        case "explain":
            rest.removeFirst()
            var id: String?
            var language = Language.zh
            var i = 0
            while i < rest.count {
                if rest[i] == "--lang" { language = try choice(rest, &i, Language.allCases) } else if id == nil && !rest[i].hasPrefix("-") { id = rest[i] } else {
                    throw UsageError(message: "unexpected '\(rest[i])' for 'explain'")
                }
                i += 1
            }
            guard let check = id else { throw UsageError(message: "'explain' needs a check id; see 'reportlint checks'") }
            return .explain(id: check, language: language)
        case "dump":
            rest.removeFirst()
            let text = rest.contains("--text")
            rest.removeAll { $0 == "--text" }
            // --coverage: the figures no checked relation reads, as text (default) or JSON.
            var coverage: OutputFormat? = rest.contains("--coverage") ? .text : nil
            rest.removeAll { $0 == "--coverage" }
            if let f = rest.firstIndex(of: "--format") {
                var i = f
                let format: OutputFormat = try choice(rest, &i, [.text, .json])
                guard coverage != nil else { throw UsageError(message: "'dump' takes '--format' only with '--coverage'") }
                coverage = format
                rest.removeSubrange(f...(f + 1))
            }
            guard rest.count == 1, let path = rest.first, !path.hasPrefix("-") || path == "-" else {
                throw UsageError(message: "'dump' takes exactly one file")
            }
            guard !(text && coverage != nil) else { throw UsageError(message: "'dump' takes '--text' or '--coverage', not both") }
            return .dump(path: path, text: text, coverage: coverage)
        case "profile":
            rest.removeFirst()
            var count = 1
            if let r = rest.firstIndex(of: "--repeat") {
                guard r + 1 < rest.count, let n = Int(rest[r + 1]), n > 0 else { throw UsageError(message: "'--repeat' takes a positive number") }
                count = n
                rest.removeSubrange(r...(r + 1))
            }
            guard rest.count == 1, let path = rest.first, !path.hasPrefix("-") else {
                throw UsageError(message: "'profile' takes exactly one file")
            }
            return .profile(path: path, repeat: count)
        case "init":
            rest.removeFirst()
            let force = rest.contains("--force")
            rest.removeAll { $0 == "--force" }
            guard rest.isEmpty else { throw UsageError(message: "'init' takes only --force") }
            return .initialize(force: force)
        case "check":
            rest.removeFirst()
        default:
            break
        }
        var o = AuditOptions()
        var i = 0
        var onlyPaths = false
        while i < rest.count {
            let a = rest[i]
            if onlyPaths || a == "-" || !a.hasPrefix("-") {
                o.paths.append(a)
                i += 1
                continue
            }
            switch a {
            case "--": onlyPaths = true
            case "--format", "-f": o.format = try choice(rest, &i, OutputFormat.allCases)
            case "--output", "-o": o.output = try value(rest, &i)
            case "--lang": o.language = try choice(rest, &i, Language.allCases)
            case "--fail-on": o.failOn = try choice(rest, &i, FailOn.allCases)
            case "--select": o.select = try list(rest, &i)
            case "--ignore": o.ignore = try list(rest, &i)
            case "--color": o.color = true
            case "--no-color": o.color = false
            case "--verified": o.verified = true
            case "--jobs", "-j":
                let v = try value(rest, &i)
                guard let n = Int(v), n >= 1, n <= 1024 else { throw UsageError(message: "'--jobs' needs a whole number from 1 to 1024, not '\(v)'") }
                o.jobs = n
            case "--include": o.include.append(try value(rest, &i))
            case "--exclude": o.exclude.append(try value(rest, &i))
            case "--shard":
                let v = try value(rest, &i)
                guard let shard = Shard(v) else { throw UsageError(message: "'--shard' takes K/N with 1 ≤ K ≤ N, such as 2/8; not '\(v)'") }
                o.shard = shard
            case "--progress": o.progress = true
            case "--no-progress": o.progress = false
            case "--config": o.config = try value(rest, &i)
            case "--no-config": o.config = ""
            case "--baseline": o.baseline = try value(rest, &i)
            case "--write-baseline": o.writeBaseline = try value(rest, &i)
            case "--strict-baseline": o.strictBaseline = true
            case "--no-ignore": o.noIgnore = true
            default:
                if let eq = a.firstIndex(of: "="), a.hasPrefix("--") {
                    // --format=json
                    var expanded = rest
                    expanded.replaceSubrange(i...i, with: [String(a[..<eq]), String(a[a.index(after: eq)...])])
                    rest = expanded
                    continue
                }
                throw UsageError(message: "unknown option '\(a)'" + suggestion(a))
            }
            i += 1
        }
        if o.paths.isEmpty { throw UsageError(message: "no input given; try 'reportlint --help'") }
        if o.baseline != nil && o.writeBaseline != nil { throw UsageError(message: "'--baseline' and '--write-baseline' cannot be used together") }
        if o.strictBaseline && o.baseline == nil { throw UsageError(message: "'--strict-baseline' needs '--baseline FILE'") }
        return .audit(o)
    }

    static let knownOptions = ["--format", "--output", "--lang", "--fail-on", "--select", "--ignore", "--color", "--no-color",
                               "--verified", "--jobs", "--include", "--exclude", "--shard", "--progress", "--no-progress",
                               "--config", "--no-config", "--baseline", "--write-baseline", "--strict-baseline", "--no-ignore",
                               "--help", "--version"]

    static func suggestion(_ a: String) -> String {
        guard let best = knownOptions.min(by: { Levenshtein.distance($0, a) < Levenshtein.distance($1, a) }),
              Levenshtein.distance(best, a) <= 3 else { return "; try 'reportlint --help'" }
        return "; did you mean '\(best)'?"
    }

    static func value(_ args: [String], _ i: inout Int) throws(UsageError) -> String {
        guard i + 1 < args.count else { throw UsageError(message: "'\(args[i])' needs a value") }
        i += 1
        return args[i]
    }

    static func choice<T: RawRepresentable>(_ args: [String], _ i: inout Int, _ allowed: [T]) throws(UsageError) -> T where T.RawValue == String {
        let option = args[i]
        let v = try value(args, &i)
        guard let c = allowed.first(where: { $0.rawValue == v }) else {
            throw UsageError(message: "'\(option)' must be one of \(allowed.map(\.rawValue).joined(separator: ", ")), not '\(v)'")
        }
        return c
    }

    static func list(_ args: [String], _ i: inout Int) throws(UsageError) -> [String] {
        try value(args, &i).split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    static let help = """
    reportlint — audit the numbers in 部门决算 and 绩效自评 reports

    USAGE
      reportlint [check] [options] <path>...   audit files and directories ("-" reads standard input)
      reportlint checks [--format text|json]   list every check
      reportlint explain <check-id>            rationale and examples of one check
      reportlint dump <file> [--text]          the parsed model as JSON; --text: the text audited
                                           (for a .docx or PDF, its rendering, which line numbers refer to)
      reportlint dump --coverage <file> [--format text|json]
                                           the figures no checked relation reads, in place,
                                           and the table columns that bind none
      reportlint profile <file> [--repeat N]   time per stage and per check (for developers)
      reportlint init [--force]                write a starter .reportlint.json here and show how
                                               to run reportlint in CI and as a pre-commit hook

    OPTIONS
      --format text|json|jsonl|sarif|html
                                       output format (default text); html: a page to open
                                       and share, with findings marked in the document
      --output FILE                    write the report to FILE instead of standard output;
                                       html with several files: a directory of pages and
                                       an index.html
      --lang zh|en                     message language (default: the configuration's, else zh)
      --fail-on error|warning|note|never
                                       exit 1 when a finding at or above this severity is
                                       reported (default: each file's configuration, else error)
      --select ID,...                  run only these checks
      --ignore ID,...                  do not run these checks
      --color / --no-color             force colour on or off (default: on a terminal)
      --verified                       json/jsonl: also list the relations found consistent
      --jobs N                         audit N files at a time (default: the number of cores);
                                       the report is the same whatever N is
      --include GLOB / --exclude GLOB  filter the files found in directories (repeatable);
                                       directories are searched for *.txt, *.docx, *.xlsx and *.pdf
      --no-ignore                      also walk what .gitignore files ignore
      --shard K/N                      audit only shard K of N: files whose path hashes
                                       (FNV-1a 64, mod N) to K-1
      --progress / --no-progress       a progress line on standard error (default: on a terminal)
      --config FILE / --no-config      use FILE for every input / ignore .reportlint.json files
                                       (default: the nearest one above each file, up to the
                                       repository root)
      --write-baseline FILE            record the current findings (by fingerprint) in FILE
      --baseline FILE                  report only findings not recorded in FILE, and count
                                       the recorded ones that no longer occur
      --strict-baseline                with --baseline: also fail when some no longer occur
      --help, --version

    EXIT CODES
      0  nothing at or above --fail-on     1  findings at or above --fail-on
      2  an input could not be read (the others are still audited)
      64 usage error, or an invalid configuration or baseline

    """
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " { s.removeFirst() }
        while let l = s.last, l == " " { s.removeLast() }
        return String(s)
    }
}

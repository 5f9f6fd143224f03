import Lint

/// The subcommands. An audit needs none (`reportlint [check] PATH…`).
enum Subcommand: String, CaseIterable {
    case audit = "check"
    case checks, explain, concepts, rules, dump, profile
    case initialize = "init"

    /// How it is called, for usage lines and messages.
    var usage: String {
        switch self {
        case .audit: "reportlint [check] [options] <path>..."
        case .checks: "reportlint checks [--format text|json]"
        case .explain: "reportlint explain <check-id> [--config FILE]"
        case .concepts: "reportlint concepts [--format text|json]"
        case .rules: "reportlint rules [test] [--config FILE] [--format text|json]"
        case .dump: "reportlint dump <file> [--text | --coverage [--format text|json]]"
        case .profile: "reportlint profile <file> [--repeat N]"
        case .initialize: "reportlint init [--force]"
        }
    }

    var summary: LocalizedText {
        switch self {
        case .audit: LocalizedText(zh: "检查文件和目录（\"-\" 读标准输入）", en: "audit files and directories (\"-\" reads standard input)")
        case .checks: LocalizedText(zh: "列出所有检查", en: "list every check")
        case .explain:
            LocalizedText(
                zh: "一项检查的依据和示例；配置文件中的规则（local/…）：按 reportlint 的理解说明它",
                en: "rationale and examples of one check; a rule of the configuration (local/…): as reportlint understood it")
        case .concepts:
            LocalizedText(
                zh: "规则可以使用的概念、限定词和表格列，每个概念附一个例句",
                en: "the concepts, qualifiers and table columns a rule may use, with a sentence that states each concept")
        case .rules:
            LocalizedText(
                zh: "列出配置文件中的规则；test：运行每条规则的示例，有失败时退出码为 1",
                en: "list the rules of the configuration; test: run each rule's examples, exit 1 when one fails")
        case .dump:
            LocalizedText(
                zh: "解析结果（JSON）；--text：实际检查的文本；--coverage：没有任何关系核对到的数字",
                en: "the parsed model as JSON; --text: the text audited; --coverage: the figures no checked relation reads")
        case .profile:
            LocalizedText(zh: "各阶段、各检查的耗时与各阶段后的内存（供开发者用）", en: "time per stage and per check, memory after each stage (for developers)")
        case .initialize:
            LocalizedText(
                zh: "在当前目录写一个起步用的 .reportlint.json，并说明如何在 CI 和 pre-commit 中运行",
                en: "write a starter .reportlint.json here and show how to run reportlint in CI and as a pre-commit hook")
        }
    }
}

/// One command-line option: the single list that parsing, `--help`, the "did you mean"
/// hints and the README's option table (checked by a test) all read.
struct OptionSpec {
    var name: String
    var short: String? = nil
    /// What the value looks like in help ("FILE", "text|json"); nil: a flag.
    var value: String? = nil
    /// The subcommands that take it; every subcommand takes a global option.
    var commands: Set<Subcommand>
    var help: LocalizedText

    var takesValue: Bool { value != nil }
    var names: [String] { [name] + (short.map { [$0] } ?? []) }

    static let everywhere = Set(Subcommand.allCases)
}

enum OptionTable {
    static let all: [OptionSpec] = [
        OptionSpec(
            name: "--format", short: "-f", value: "text|json|jsonl|sarif|html|github", commands: [.audit],
            help: LocalizedText(
                zh: "输出格式（默认 text）；html：可打开和分享的页面；github：GitHub Actions 的工作流注释",
                en: "output format (default text); html: a page to open and share; github: GitHub Actions workflow annotations")),
        OptionSpec(
            name: "--format", value: "text|json", commands: [.checks, .dump, .concepts, .rules],
            help: LocalizedText(zh: "输出格式（默认 text）", en: "output format (default text)")),
        OptionSpec(
            name: "--output", short: "-o", value: "FILE", commands: [.audit],
            help: LocalizedText(
                zh: "把报告写入 FILE 而不是标准输出（不能是输入文件；写完后改名到位）；html 检查多个文件时为目录",
                en:
                    "write the report to FILE instead of standard output (never an input; written whole, then renamed into place); html with several files: a directory"
            )),
        OptionSpec(
            name: "--lang", value: "zh|en", commands: OptionSpec.everywhere,
            help: LocalizedText(
                zh: "消息、帮助和用法错误的语言（默认：配置文件中的，否则 zh）",
                en: "language of messages, help and usage errors (default: the configuration's, else zh)")),
        OptionSpec(
            name: "--fail-on", value: "error|warning|note|never", commands: [.audit],
            help: LocalizedText(
                zh: "有该级别及以上的问题时退出码为 1（默认：配置文件中的，否则 error）；never：总是 0，即使有文件无法读取",
                en:
                    "exit 1 on a finding at or above this severity (default: the configuration's, else error); never: always exit 0, even when an input cannot be read"
            )),
        OptionSpec(
            name: "--min-severity", value: "error|warning|note", commands: [.audit],
            help: LocalizedText(
                zh: "只报告该级别及以上的问题（所有格式；低于它的不计入 --fail-on）",
                en: "report only findings at or above this severity (every format; the others do not count for --fail-on)")),
        OptionSpec(
            name: "--quiet", short: "-q", commands: [.audit],
            help: LocalizedText(zh: "只报告错误，不打印汇总行", en: "report errors only, without the summary line")),
        OptionSpec(
            name: "--statistics", commands: [.audit],
            help: LocalizedText(
                zh: "按检查和按文件统计问题数（text 打印表格；json 加 summary.byCheck、summary.byFile）",
                en: "count findings per check and per file (text: a table; json: summary.byCheck and summary.byFile)")),
        OptionSpec(
            name: "--select", value: "ID,...", commands: [.audit],
            help: LocalizedText(zh: "只运行这些检查", en: "run only these checks")),
        OptionSpec(
            name: "--ignore", value: "ID,...", commands: [.audit],
            help: LocalizedText(zh: "不运行这些检查", en: "do not run these checks")),
        OptionSpec(
            name: "--color", commands: [.audit],
            help: LocalizedText(zh: "强制使用颜色（默认：终端上使用）", en: "force colour on (default: on a terminal)")),
        OptionSpec(
            name: "--no-color", commands: [.audit],
            help: LocalizedText(zh: "不使用颜色", en: "force colour off")),
        OptionSpec(
            name: "--verified", commands: [.audit],
            help: LocalizedText(zh: "json/jsonl/html：同时列出核对无误的关系", en: "json/jsonl/html: also list the relations found consistent")),
        OptionSpec(
            name: "--jobs", short: "-j", value: "N", commands: [.audit],
            help: LocalizedText(
                zh: "同时检查 N 个文件（默认：CPU 核数）；结果与 N 无关",
                en: "audit N files at a time (default: the number of cores); the report is the same whatever N is")),
        OptionSpec(
            name: "--include", value: "GLOB", commands: [.audit],
            help: LocalizedText(
                zh: "只检查目录中匹配的文件（可重复）；目录中查找 *.txt、*.docx、*.xlsx 和 *.pdf",
                en:
                    "audit only the files found in directories that match (repeatable); directories are searched for *.txt, *.docx, *.xlsx and *.pdf"
            )),
        OptionSpec(
            name: "--exclude", value: "GLOB", commands: [.audit],
            help: LocalizedText(zh: "跳过目录中匹配的文件（可重复）", en: "leave out the files found in directories that match (repeatable)")),
        OptionSpec(
            name: "--no-ignore", commands: [.audit],
            help: LocalizedText(zh: "遍历目录时不理会 .gitignore", en: "also walk what .gitignore files ignore")),
        OptionSpec(
            name: "--shard", value: "K/N", commands: [.audit],
            help: LocalizedText(
                zh: "只检查 N 份中的第 K 份：路径的 FNV-1a 64 位哈希除以 N 余 K-1 的文件",
                en: "audit only shard K of N: files whose path hashes (FNV-1a 64, mod N) to K-1")),
        OptionSpec(
            name: "--progress", commands: [.audit],
            help: LocalizedText(zh: "在标准错误上显示进度（默认：终端上显示）", en: "a progress line on standard error (default: on a terminal)")),
        OptionSpec(
            name: "--no-progress", commands: [.audit],
            help: LocalizedText(zh: "不显示进度", en: "no progress line")),
        OptionSpec(
            name: "--config", value: "FILE", commands: [.audit],
            help: LocalizedText(
                zh: "所有输入都用 FILE 作配置（默认：每个文件上方最近的 .reportlint.json，直到仓库根目录）",
                en: "use FILE for every input (default: the nearest .reportlint.json above each file, up to the repository root)")),
        OptionSpec(
            name: "--config", value: "FILE", commands: [.explain, .rules],
            help: LocalizedText(
                zh: "读 FILE 中的规则（默认：当前目录或其上方最近的 .reportlint.json）",
                en: "the rules of FILE (default: the nearest .reportlint.json in or above the working directory)")),
        OptionSpec(
            name: "--no-config", commands: [.audit],
            help: LocalizedText(zh: "不读任何 .reportlint.json", en: "ignore every .reportlint.json")),
        OptionSpec(
            name: "--write-baseline", value: "FILE", commands: [.audit],
            help: LocalizedText(zh: "把当前的问题（指纹和数字）记入基线 FILE", en: "record the current findings (fingerprint and figures) in FILE")),
        OptionSpec(
            name: "--baseline", value: "FILE", commands: [.audit],
            help: LocalizedText(
                zh: "只报告基线 FILE 中没有的问题，并统计已不再出现的条目",
                en: "report only findings not recorded in FILE, and count the recorded ones that no longer occur")),
        OptionSpec(
            name: "--strict-baseline", commands: [.audit],
            help: LocalizedText(zh: "与 --baseline 同用：有条目不再出现时也失败", en: "with --baseline: also fail when some no longer occur")),
        OptionSpec(
            name: "--max-results", value: "N", commands: [.audit],
            help: LocalizedText(
                zh: "sarif/github：最多报告 N 个问题（默认 5000，GitHub 的上限），按级别保留，并说明省略了多少",
                en:
                    "sarif/github: report at most N findings (default 5000, GitHub's limit), kept by severity, saying how many were left out"
            )),
        OptionSpec(
            name: "--root", value: "DIR", commands: [.audit],
            help: LocalizedText(
                zh: "sarif/github：路径相对于 DIR（默认：所在的 git 工作树的根目录，否则当前目录）",
                en: "sarif/github: paths relative to DIR (default: the root of the enclosing git work tree, else the working directory)")),
        OptionSpec(
            name: "--stdin-filename", value: "PATH", commands: [.audit],
            help: LocalizedText(zh: "标准输入（\"-\"）在报告中显示的路径", en: "the path standard input (\"-\") is reported as")),
        OptionSpec(
            name: "--text", commands: [.dump],
            help: LocalizedText(
                zh: "实际检查的文本（.docx 或 PDF 的渲染，行号以它为准）",
                en: "the text audited (for a .docx or PDF, its rendering, which line numbers refer to)")),
        OptionSpec(
            name: "--coverage", commands: [.dump],
            help: LocalizedText(
                zh: "没有任何关系核对到的数字，以及不绑定任何关系的表格列",
                en: "the figures no checked relation reads, in place, and the table columns that bind none")),
        OptionSpec(
            name: "--repeat", value: "N", commands: [.profile],
            help: LocalizedText(zh: "重复 N 次，取最快的一次", en: "run N times and keep the fastest")),
        OptionSpec(
            name: "--force", commands: [.initialize],
            help: LocalizedText(zh: "覆盖已有的 .reportlint.json", en: "overwrite an existing .reportlint.json")),
        OptionSpec(
            name: "--help", short: "-h", commands: OptionSpec.everywhere,
            help: LocalizedText(zh: "显示帮助（在子命令后：该子命令的帮助）", en: "show help (after a subcommand: that subcommand's)")),
        OptionSpec(
            name: "--version", short: "-V", commands: OptionSpec.everywhere,
            help: LocalizedText(zh: "显示版本", en: "show the version"))
    ]

    /// The option a command-line word names for a subcommand, if it takes it.
    static func spec(_ word: String, for command: Subcommand) -> OptionSpec? {
        all.first { $0.commands.contains(command) && $0.names.contains(word) }
    }

    /// The option a word names for any subcommand (to tell "not here" from "unknown").
    static func anySpec(_ word: String) -> OptionSpec? {
        all.first { $0.names.contains(word) }
    }

    static func names(for command: Subcommand) -> [String] {
        all.filter { $0.commands.contains(command) }.flatMap(\.names)
    }
}

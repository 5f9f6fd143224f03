import Engine
import Extraction
import Model
import Readers

/// `--format github`: one GitHub Actions workflow command per finding
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), which GitHub shows
/// as annotations on the pull request's files without code scanning. Paths are relative to
/// the repository's root; an unreadable input is an `::error` on its file; the summary is a
/// plain line. With `maxResults`, the graver findings are kept and a warning says how many
/// were left out.
public final class GitHubReporter: Reporter {
    let out: Output
    let language: Language
    let paths: RepositoryPaths
    let maxResults: Int?
    /// When capped: every command as written, with its severity, until the end decides.
    var held: [(severity: Severity, line: String)] = []

    public init(out: Output, language: Language, paths: RepositoryPaths, maxResults: Int? = nil) {
        self.out = out
        self.language = language
        self.paths = paths
        self.maxResults = maxResults
    }

    public func begin() {}

    public func report(_ result: FileResult) {
        let file = paths.relative(result.path) ?? paths.absolute(result.path)
        if let e = result.error {
            out.write(
                "::error file=\(Self.property(file)),title=\(Self.property("reportlint: " + e.kind.rawValue))::\(Self.data(e.message.text(language)))\n"
            )
            return
        }
        guard let source = result.source else { return }
        for f in result.findings {
            let start = source.position(of: f.span.start)
            let end = source.position(of: max(f.span.start, f.span.end))
            let level: String
            switch f.severity {
            case .error: level = "error"
            case .warning: level = "warning"
            case .note: level = "notice"
            }
            var message = f.message.text(language)
            if let reason = f.suppression { message += language == .zh ? "（已接受：\(reason)）" : " (accepted: \(reason))" }
            let title = "reportlint " + f.checkID
            let line =
                "::\(level) file=\(Self.property(file)),line=\(start.line),col=\(start.column),endLine=\(end.line),"
                + "endColumn=\(end.column),title=\(Self.property(title))::\(Self.data(message))\n"
            if maxResults != nil { held.append((f.severity, line)) } else { out.write(line) }
        }
    }

    public func end(_ summary: Summary) {
        if let limit = maxResults {
            var keep = [Bool](repeating: held.count <= limit, count: held.count)
            var room = limit
            for level in [Severity.error, .warning, .note] where held.count > limit {
                for i in held.indices where held[i].severity == level && room > 0 {
                    keep[i] = true
                    room -= 1
                }
            }
            for (i, h) in held.enumerated() where keep[i] { out.write(h.line) }
            if held.count > limit {
                let text = LocalizedText(
                    zh: "共 \(held.count) 个问题，超过 --max-results \(limit)，按级别保留，省略了 \(held.count - limit) 个",
                    en: "\(held.count) findings exceed --max-results \(limit); kept by severity, \(held.count - limit) left out")
                out.write("::warning title=reportlint::\(Self.data(text.text(language)))\n")
            }
        }
        for notice in summary.notices { out.write("::notice title=reportlint::\(Self.data(notice.text(language)))\n") }
        if summary.statistics { out.write(summary.statisticsText(language)) }
        out.write(summary.line(language) + "\n")
    }

    /// A workflow command's message: %, CR and LF escaped; other control characters from a
    /// report shown as their pictures (`TerminalText`: an escape sequence is not replayed in
    /// the log).
    static func data(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(TerminalText.replacement(for: c) ?? c)
            }
        }
        return out
    }

    /// A workflow command's property value: also ":" and ",".
    static func property(_ s: String) -> String {
        data(s).replacingColonsAndCommas()
    }
}

extension String {
    fileprivate func replacingColonsAndCommas() -> String {
        var out = ""
        for c in unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

import Engine
import Extraction
import Model
import Readers

/// `path:line:col: error: message [check-id]`, the source line with a caret
/// underline, the related places, and a summary line. Colour only on a terminal. Text that
/// comes from a report or a file name is made safe (`TerminalText`): it never moves the
/// cursor, recolours the screen or starts a line of its own.
public final class TextReporter: Reporter {
    let out: Output
    let language: Language
    let color: Bool
    /// Show the source excerpt under each finding.
    let excerpts: Bool
    /// End with the notices and the summary line (not with --quiet).
    let summary: Bool

    public init(out: Output, language: Language, color: Bool, excerpts: Bool = true, summary: Bool = true) {
        self.out = out
        self.language = language
        self.color = color
        self.excerpts = excerpts
        self.summary = summary
    }

    public func begin() {}

    public func report(_ result: FileResult) {
        guard let source = result.source else { return }
        for f in result.findings {
            let p = source.position(of: f.span.start)
            let severity = f.suppression == nil ? f.severity.rawValue : "accepted " + f.severity.rawValue
            var line =
                "\(result.path):\(p.line):\(p.column): \(paint(severity, f.severity)): \(TerminalText.safe(f.message.text(language))) [\(f.checkID)]"
            if let s = f.section { line += TerminalText.safe(language == .zh ? "（\(s)）" : " (\(s))") }
            if let l = f.logical { line += TerminalText.safe(language == .zh ? "（\(l.name.zh)）" : " (\(l.name.en))") }
            if let reason = f.suppression { line += TerminalText.safe(language == .zh ? "（已接受：\(reason)）" : " (accepted: \(reason))") }
            out.write(bold(line) + "\n")
            if excerpts { out.write(excerpt(source, f.span)) }
            for r in f.related {
                let q = source.position(of: r.span.start)
                let place = r.logical.map { language == .zh ? "（\($0.name.zh)）" : " (\($0.name.en))" } ?? ""
                out.write(
                    TerminalText.safe(
                        "    \(language == .zh ? "相关" : "related"): \(result.path):\(q.line):\(q.column)\(place): \(r.message.text(language))"
                    ) + "\n")
            }
            if f.relatedOmitted > 0 {
                out.write(language == .zh ? "    …另有 \(f.relatedOmitted) 处相关位置\n" : "    … and \(f.relatedOmitted) more related places\n")
            }
        }
    }

    public func end(_ summary: Summary) {
        if summary.statistics { out.write(summary.statisticsText(language)) }
        guard self.summary else { return }
        for notice in summary.notices { out.write((language == .zh ? "提示：" : "note: ") + TerminalText.safe(notice.text(language)) + "\n") }
        out.write(summary.line(language) + "\n")
    }

    /// The line of the span, clipped to about 80 columns around it, with carets under the span.
    func excerpt(_ source: SourceText, _ span: Span) -> String {
        let li = source.lineIndex(of: span.start)
        let lineStart = source.lineStarts[li]
        let lineEnd = source.lineEnd(li)
        let scalars = Array(source.text(lineStart..<lineEnd).unicodeScalars)
        let startCol = source.position(of: span.start).column - 1
        let endCol = max(startCol + 1, min(scalars.count, span.end > lineEnd ? scalars.count : source.position(of: span.end).column - 1))
        let windowStart = max(0, startCol - 30)
        let windowEnd = min(scalars.count, max(endCol + 30, windowStart + 60))
        var shown = ""
        var pad = 0
        var width = 0
        if windowStart > 0 {
            shown += "…"
            pad += 1
        }
        for i in windowStart..<windowEnd {
            let s = scalars[i].value == 0x09 ? " " : TerminalText.replacement(for: scalars[i]) ?? scalars[i]
            let w = Chars.displayWidth(s.value)
            shown.unicodeScalars.append(s)
            if i < startCol { pad += w } else if i < endCol { width += w }
        }
        if windowEnd < scalars.count { shown += "…" }
        let number = String(li + 1)
        let gutter = String(repeating: " ", count: number.count)
        return
            " \(number) | \(shown)\n \(gutter) | \(String(repeating: " ", count: pad))\(paint(String(repeating: "^", count: max(1, width)), .error))\n"
    }

    func paint(_ s: String, _ severity: Severity) -> String {
        guard color else { return s }
        let code: String
        switch severity {
        case .error: code = "31"
        case .warning: code = "33"
        case .note: code = "36"
        }
        return "\u{1B}[\(code)m\(s)\u{1B}[0m"
    }

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
}

import Engine
import Extraction
import Model

/// How one example of a check came out.
public struct ExampleOutcome: Sendable {
    public var check: String
    /// A triggering example (else non-triggering), and its position among them (from 1).
    public var triggering: Bool
    public var number: Int
    public var passed: Bool
    /// What was found, where (line:column in the example) — or what was missing.
    public var detail: LocalizedText
}

/// Runs a check's examples the way the test suite runs the built-in checks' (and
/// `reportlint rules test` the configuration's): a triggering example must give a finding of
/// the check at each `↓` (and nowhere else) — or, without any `↓`, at least one finding; a
/// non-triggering example must give none.
public enum ExampleRunner {
    public static func run(_ check: any Check) -> [ExampleOutcome] {
        let d = check.description
        var out: [ExampleOutcome] = []
        for (n, example) in d.triggering.enumerated() {
            let (text, markers) = example.stripped
            let (source, findings) = lint(text, check)
            var problems: [LocalizedText] = []
            let starts = Set(findings.map(\.span.start))
            for m in markers where !starts.contains(m) {
                let p = source.position(of: m)
                problems.append(LocalizedText(zh: "\(p.line):\(p.column) 处没有报告", en: "no finding at \(p.line):\(p.column)"))
            }
            if !markers.isEmpty {
                for f in findings where !markers.contains(f.span.start) {
                    problems.append(
                        LocalizedText(zh: "\(place(f, source)) 处多报：", en: "unexpected finding at \(place(f, source)): ") + f.message)
                }
            } else if findings.isEmpty {
                problems.append(LocalizedText(zh: "没有报告", en: "no finding"))
            }
            let want = example.severity ?? d.severity
            for f in findings where f.severity != want && (markers.isEmpty || markers.contains(f.span.start)) {
                problems.append(
                    LocalizedText(
                        zh: "\(place(f, source)) 处级别为 \(f.severity.rawValue)，应为 \(want.rawValue)",
                        en: "severity \(f.severity.rawValue) instead of \(want.rawValue) at \(place(f, source))"))
            }
            let detail =
                problems.isEmpty
                ? summary(findings, source) : problems.reduce(LocalizedText("")) { $0.zh.isEmpty ? $1 : $0 + LocalizedText("; ") + $1 }
            out.append(ExampleOutcome(check: d.id, triggering: true, number: n + 1, passed: problems.isEmpty, detail: detail))
        }
        for (n, example) in d.nonTriggering.enumerated() {
            let (source, findings) = lint(example.stripped.text, check)
            let detail =
                findings.isEmpty
                ? LocalizedText(zh: "没有报告", en: "no finding")
                : findings.map {
                    LocalizedText(zh: "\(place($0, source)) 处多报：", en: "unexpected finding at \(place($0, source)): ") + $0.message
                }
                .reduce(LocalizedText("")) { $0.zh.isEmpty ? $1 : $0 + LocalizedText("; ") + $1 }
            out.append(ExampleOutcome(check: d.id, triggering: false, number: n + 1, passed: findings.isEmpty, detail: detail))
        }
        return out
    }

    static func lint(_ text: String, _ check: any Check) -> (SourceText, [Finding]) {
        let bytes = Array(text.utf8)
        let result = Pipeline(linter: Linter(checks: [check])).audit(bytes: bytes, displayPath: "example.txt")
        return (result.source ?? SourceText(path: "example.txt", bytes: bytes), result.findings)
    }

    static func place(_ f: Finding, _ source: SourceText) -> String {
        let p = source.position(of: f.span.start)
        return "\(p.line):\(p.column)"
    }

    static func summary(_ findings: [Finding], _ source: SourceText) -> LocalizedText {
        guard let f = findings.first else { return LocalizedText(zh: "没有报告", en: "no finding") }
        return LocalizedText(zh: "\(place(f, source))：", en: "\(place(f, source)): ") + f.message
    }
}

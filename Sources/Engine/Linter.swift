import Extraction
import Model
import Readers

/// Runs checks over a model and returns findings in document order, fingerprinted.
public struct Linter: Sendable {
    /// Related places kept per finding: enough to act on, and a report's size stays linear in its length.
    public static let maxRelated = 20

    public var checks: [any Check]
    /// Per-check severity overrides (from --config).
    public var severities: [String: Severity]

    public init(checks: [any Check], severities: [String: Severity] = [:]) {
        self.checks = checks
        self.severities = severities
    }

    public func lint(_ model: AuditModel, path: String) -> [Finding] {
        lintWithEvidence(model, path: path, recordVerified: false).findings
    }

    /// Findings, and the relations the checks verified as consistent (when asked for).
    /// `lap`, when given, is called after each check with "check ID".
    public func lintWithEvidence(
        _ model: AuditModel, path: String, recordVerified: Bool = true,
        lap: ((String) -> Void)? = nil
    ) -> (findings: [Finding], verified: [VerifiedRelation]) {
        var findings: [Finding] = []
        var verified: [VerifiedRelation] = []
        for check in checks {
            var report = CheckReport(check: check.id, severity: check.description.severity, recordsVerified: recordVerified)
            check.check(model, &report)
            verified.append(contentsOf: report.verified)
            var produced = report.findings
            if let s = severities[check.id] {
                // An override moves the default; the ladder's notes stay notes.
                for i in produced.indices where produced[i].severity == check.description.severity {
                    produced[i].severity = s
                }
            }
            for i in produced.indices where produced[i].related.count > Linter.maxRelated {
                produced[i].relatedOmitted = produced[i].related.count - Linter.maxRelated
                produced[i].related.removeSubrange(Linter.maxRelated...)
            }
            findings.append(contentsOf: produced)
            lap?("check " + check.id)
        }
        findings.sort(by: Linter.documentOrder)
        Linter.fingerprint(&findings, path: path)
        return (findings, verified)
    }

    /// Document order: by span, then check id, then message — total and stable.
    public static func documentOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        if a.span.end != b.span.end { return a.span.end < b.span.end }
        if a.checkID != b.checkID { return a.checkID < b.checkID }
        return a.message.en < b.message.en
    }

    /// fingerprint = FNV-1a(check id, logical key, occurrence of that key). The path is not
    /// part of it: baselines and acceptances pair it with the file, so moving a report keeps
    /// its fingerprints, and two copies of one report have the same ones.
    static func fingerprint(_ findings: inout [Finding], path: String) {
        var seen: [String: Int] = [:]
        for i in findings.indices {
            let base = findings[i].checkID + "\u{0}" + findings[i].key
            let n = seen[base, default: 0]
            seen[base] = n + 1
            findings[i].fingerprint = FNV1a.hex(base + "\u{0}" + String(n))
        }
    }
}

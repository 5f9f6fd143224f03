import Extraction
import Model
import Readers

/// The findings configurations accept, by file and fingerprint: marks them suppressed with
/// their reason, and remembers which acceptances matched so that stale ones can be named.
public struct AcceptanceLedger: Sendable {
    struct Key: Hashable, Sendable {
        var path: String
        var fingerprint: String
    }

    private var reasons: [Key: String] = [:]
    /// The same reasons by file, then fingerprint.
    private var byFile: [String: [String: String]] = [:]
    private var sources: [Key: (config: String, index: Int, check: String?)] = [:]
    private var used = Set<Key>()

    public init() {}

    /// Adds a configuration's acceptances (once per configuration file).
    public mutating func add(_ config: Configuration) {
        for (i, a) in config.accepted.enumerated() {
            let key = Key(path: a.absolutePath, fingerprint: a.fingerprint)
            if reasons[key] == nil {
                reasons[key] = a.reason
                byFile[a.absolutePath, default: [:]][a.fingerprint] = a.reason
                sources[key] = (config.file, i, a.check)
            }
        }
    }

    /// The accepted fingerprints of one file and their reasons, for `Pipeline.audit(accepted:)`.
    public func reasons(forFile absolutePath: String) -> [String: String] {
        byFile[absolutePath] ?? [:]
    }

    /// Notes which acceptances a file's audit used (its suppressed findings).
    public mutating func record(_ findings: [Finding], file absolutePath: String) {
        for f in findings where f.suppression != nil {
            let key = Key(path: absolutePath, fingerprint: f.fingerprint)
            if reasons[key] != nil { used.insert(key) }
        }
    }

    /// Acceptances the run covered (their file audited and their check run there: `--select`
    /// says nothing about the other checks' acceptances) that matched nothing, or about files
    /// that are gone. An acceptance that does not name its check is covered only when every
    /// check ran on its file.
    public func unused(in scope: AuditScope, display: (String) -> String) -> [LocalizedText] {
        reasons.keys.filter { key in
            guard !used.contains(key), let source = sources[key] else { return false }
            return scope.covers(file: key.path, check: source.check ?? "") || (!scope.audited(key.path) && !FileSystem.exists(key.path))
        }
        .sorted { ($0.path, $0.fingerprint) < ($1.path, $1.fingerprint) }
        .compactMap { key in
            guard let (config, index, _) = sources[key] else { return nil }
            let file = display(key.path)
            let place = "\(display(config)): accepted[\(index)]"
            return LocalizedText(
                zh: "\(place)：\(file) 中没有指纹为 \(key.fingerprint) 的问题，这条接受记录已不再需要，可以删除",
                en: "\(place): no finding in \(file) has fingerprint \(key.fingerprint); the acceptance is no longer needed")
        }
    }
}

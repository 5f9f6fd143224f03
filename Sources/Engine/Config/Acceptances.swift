import Model
import Readers
import Extraction

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
    private var sources: [Key: (config: String, index: Int)] = [:]
    private var used = Set<Key>()
    private var audited = Set<String>()

    public init() {}

    /// Adds a configuration's acceptances (once per configuration file).
    public mutating func add(_ config: Configuration) {
        for (i, a) in config.accepted.enumerated() {
            let key = Key(path: a.absolutePath, fingerprint: a.fingerprint)
            if reasons[key] == nil {
                reasons[key] = a.reason
                byFile[a.absolutePath, default: [:]][a.fingerprint] = a.reason
                sources[key] = (config.file, i)
            }
        }
    }

    /// The accepted fingerprints of one file and their reasons, for `Pipeline.audit(accepted:)`.
    public func reasons(forFile absolutePath: String) -> [String: String] {
        byFile[absolutePath] ?? [:]
    }

    /// Notes which acceptances a file's audit used (its suppressed findings).
    public mutating func record(_ findings: [Finding], file absolutePath: String) {
        audited.insert(absolutePath)
        for f in findings where f.suppression != nil {
            let key = Key(path: absolutePath, fingerprint: f.fingerprint)
            if reasons[key] != nil { used.insert(key) }
        }
    }

    /// Acceptances about audited files that matched nothing, or about files that are gone.
    public func unused(display: (String) -> String) -> [LocalizedText] {
        reasons.keys.filter { !used.contains($0) && (audited.contains($0.path) || !FileSystem.exists($0.path)) }
            .sorted { ($0.path, $0.fingerprint) < ($1.path, $1.fingerprint) }
            .map { key in
                let (config, index) = sources[key]!
                let file = display(key.path), where_ = "\(display(config)): accepted[\(index)]"
                return LocalizedText(zh: "\(where_)：\(file) 中没有指纹为 \(key.fingerprint) 的问题，这条接受记录已不再需要，可以删除",
                                     en: "\(where_): no finding in \(file) has fingerprint \(key.fingerprint); the acceptance is no longer needed")
            }
    }
}

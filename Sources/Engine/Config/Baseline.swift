import Foundation
import Model
import Readers
import Extraction

/// Findings recorded by `--write-baseline`, so that a gate fails only on new ones. An entry
/// is a file (relative to the baseline's folder) and a fingerprint, which names the finding
/// by its check and what it is about, never by line: edits elsewhere do not disturb it.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var check: String
        public var fingerprint: String
        /// For the reviewer of the file's diff; not used for matching.
        public var message: String

        public init(path: String, check: String, fingerprint: String, message: String) {
            self.path = path
            self.check = check
            self.fingerprint = fingerprint
            self.message = message
        }
    }

    public static let formatKey = "reportlint-baseline"
    public static let format = 1

    /// The baseline file's folder: entry paths are relative to it.
    public var directory: String
    public var entries: [Entry]

    public init(directory: String, entries: [Entry]) {
        self.directory = directory
        self.entries = entries.sorted { ($0.path, $0.check, $0.fingerprint) < ($1.path, $1.check, $1.fingerprint) }
    }

    public static func read(absolute: String, display: String) throws(ConfigError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw ConfigError(file: display, key: "", problem: "cannot be read (write one with --write-baseline)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigError(file: display, key: "", problem: "is not a JSON object")
        }
        guard root[formatKey] as? Int == format else {
            throw ConfigError(file: display, key: formatKey, problem: "must be \(format): this is not a reportlint baseline, or a newer one")
        }
        guard let list = root["findings"] as? [[String: Any]] else {
            throw ConfigError(file: display, key: "findings", problem: "must be an array of objects")
        }
        var entries: [Entry] = []
        for (i, item) in list.enumerated() {
            guard let path = item["path"] as? String, let fingerprint = item["fingerprint"] as? String else {
                throw ConfigError(file: display, key: "findings[\(i)]", problem: "needs \"path\" and \"fingerprint\"")
            }
            entries.append(Entry(path: path, check: item["check"] as? String ?? "", fingerprint: fingerprint,
                                 message: item["message"] as? String ?? ""))
        }
        return Baseline(directory: PathText.parent(absolute), entries: entries)
    }

    /// Matches a run's findings against the baseline. Feed every audited file's findings;
    /// what is left unmatched among the audited files' entries is stale.
    public struct Matcher {
        private var remaining: [String: [String: Int]] = [:]
        private var audited = Set<String>()
        private let directory: String

        public init(_ baseline: Baseline) {
            directory = baseline.directory
            for e in baseline.entries {
                remaining[PathText.join(directory, e.path), default: [:]][e.fingerprint, default: 0] += 1
            }
        }

        /// Removes the baselined findings of one file (by absolute path); returns the rest and how many were dropped.
        public mutating func filter(_ findings: [Finding], file absolutePath: String) -> (kept: [Finding], baselined: Int) {
            audited.insert(absolutePath)
            var kept: [Finding] = []
            var dropped = 0
            for f in findings {
                if let n = remaining[absolutePath]?[f.fingerprint], n > 0 {
                    remaining[absolutePath]![f.fingerprint] = n - 1
                    dropped += 1
                } else {
                    kept.append(f)
                }
            }
            return (kept, dropped)
        }

        /// Entries of audited files that no longer occur, and entries of files that no longer exist.
        public var stale: Int {
            remaining.reduce(0) { total, item in
                let (path, counts) = item
                guard audited.contains(path) || !FileSystem.exists(path) else { return total }
                return total + counts.values.reduce(0, +)
            }
        }
    }
}

import Model
import Readers
import Extraction

/// Findings recorded by `--write-baseline`, so that a gate fails only on new ones. An entry
/// is a file (relative to the baseline's folder), a fingerprint — the finding's check and
/// what it is about, never its line, so that edits elsewhere do not disturb it — and the
/// figures involved: the same sentence with a new wrong figure is a new finding.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Hashable {
        public var path: String
        public var check: String
        public var fingerprint: String
        /// The printed figures of the finding's places (`BaselineFigures`); nil in a baseline
        /// written before they were recorded, which then matches by fingerprint alone.
        public var figures: [String]?
        /// For the reviewer of the file's diff; not used for matching.
        public var message: String

        public init(path: String, check: String, fingerprint: String, figures: [String]?, message: String) {
            self.path = path
            self.check = check
            self.fingerprint = fingerprint
            self.figures = figures
            self.message = message
        }
    }

    public static let formatKey = "reportlint-baseline"
    /// 2: entries carry their figures. Format 1 (fingerprints only) is still read.
    public static let format = 2
    static let readableFormats = ["1", "2"]

    /// The baseline file's folder: entry paths are relative to it.
    public var directory: String
    public var entries: [Entry]

    public init(directory: String, entries: [Entry]) {
        self.directory = directory
        self.entries = entries.sorted {
            ($0.path, $0.check, $0.fingerprint, ($0.figures ?? []).joined(separator: " "))
                < ($1.path, $1.check, $1.fingerprint, ($1.figures ?? []).joined(separator: " "))
        }
    }

    public static func read(absolute: String, display: String) throws(ConfigError) -> Baseline {
        guard case .success(let bytes) = FileInput.read(absolute, limit: 256 << 20) else {
            throw ConfigError(file: display, key: "", problem: "cannot be read (write one with --write-baseline)")
        }
        return try parse(bytes, absolute: absolute, display: display)
    }

    public static func parse(_ bytes: [UInt8], absolute: String, display: String) throws(ConfigError) -> Baseline {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ConfigError(file: display, key: "", problem: "is not valid JSON (\(error.description))")
        }
        guard root.members != nil else { throw ConfigError(file: display, key: "", problem: "is not a JSON object") }
        guard case .number(let n)? = root[formatKey]?.value, readableFormats.contains(n) else {
            throw ConfigError(file: display, key: formatKey,
                              problem: "must be \(format) (or 1): this is not a reportlint baseline, or a newer one")
        }
        guard let list = root["findings"]?.array else {
            throw ConfigError(file: display, key: "findings", problem: "must be an array of objects")
        }
        var entries: [Entry] = []
        for (i, item) in list.enumerated() {
            guard let path = item["path"]?.string, let fingerprint = item["fingerprint"]?.string else {
                throw ConfigError(file: display, key: "findings[\(i)]", problem: "needs \"path\" and \"fingerprint\"")
            }
            var figures: [String]?
            if let node = item["figures"] {
                guard let array = node.array, array.allSatisfy({ $0.string != nil }) else {
                    throw ConfigError(file: display, key: "findings[\(i)].figures", problem: "must be an array of strings")
                }
                figures = array.compactMap(\.string)
            }
            entries.append(Entry(path: path, check: item["check"]?.string ?? "", fingerprint: fingerprint, figures: figures,
                                 message: item["message"]?.string ?? ""))
        }
        return Baseline(directory: PathText.parent(absolute), entries: entries)
    }

    /// The baseline a run writes over `previous` (the file it replaces, if any): this run's
    /// findings for what it audited, and the previous entries of everything it did not look
    /// at — the checks `--select`/`--ignore` left out of a file, and files outside this run
    /// (another shard, a narrower path) that still exist. A narrower run never shrinks it.
    public static func merged(previous: Baseline?, recorded: [Entry], directory: String, scope: AuditScope) -> Baseline {
        var entries = recorded
        for e in previous?.entries ?? [] {
            let file = PathText.join(previous?.directory ?? directory, e.path)
            guard !scope.covers(file: file, check: e.check) else { continue }
            if !scope.audited(file) && !FileSystem.exists(file) { continue }
            var kept = e
            kept.path = PathText.relative(file, to: directory) ?? file
            entries.append(kept)
        }
        return Baseline(directory: directory, entries: entries)
    }
}

/// What a run looked at, file by file: which files it audited and which checks the command
/// line (`--select`, `--ignore`) kept from running on each. Baseline entries and acceptances
/// outside it are neither matched nor stale: the run cannot know about them.
public struct AuditScope: Sendable {
    /// Audited files (absolute) and the checks the command line skipped on each.
    private var skipped: [String: Set<String>] = [:]

    public init() {}

    public mutating func audited(_ file: String, skipping checks: Set<String>) {
        skipped[file, default: []].formUnion(checks)
    }

    public func audited(_ file: String) -> Bool { skipped[file] != nil }

    /// Whether the run would have produced this check's findings in this file. An entry that
    /// does not name its check is covered only when no check was skipped there.
    public func covers(file: String, check: String) -> Bool {
        guard let skips = skipped[file] else { return false }
        return check.isEmpty ? skips.isEmpty : !skips.contains(check)
    }
}

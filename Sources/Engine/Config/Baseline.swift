import Extraction
import Model
import Readers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Reads a baseline file as a stream (`BaselineReader`), checking it against its schema.
    /// `messages`: keep each entry's message (only a baseline that will be written back needs
    /// them; matching does not, and a million of them would cost hundreds of megabytes).
    public static func read(absolute: String, display: String, messages: Bool = false) throws(ConfigError) -> Baseline {
        var st = stat()
        guard stat(absolute, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw ConfigError(file: display, key: "", problem: "cannot be read (write one with --write-baseline)")
        }
        let fd = open(absolute, O_RDONLY)
        guard fd >= 0 else { throw ConfigError(file: display, key: "", problem: "cannot be read (write one with --write-baseline)") }
        defer { close(fd) }
        let entries = try BaselineReader.read(fd: fd, display: display, messages: messages)
        return Baseline(directory: PathText.parent(absolute), asRead: entries)
    }

    /// Entries as read from a file, kept in the file's order (sorting a million costs seconds
    /// and matching does not need it).
    init(directory: String, asRead entries: [Entry]) {
        self.directory = directory
        self.entries = entries
    }

    static func hexDigit(_ b: UInt8) -> UInt64? {
        switch b {
        case 0x30...0x39: return UInt64(b - 0x30)
        case 0x61...0x66: return UInt64(b - 0x61 + 10)
        default: return nil
        }
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

import Extraction
import Model
import Readers

/// A `.reportlint.json`: which checks run at which severity, what fails a run, which
/// files a directory walk audits, per-path overrides, and findings accepted with a reason.
/// Paths and globs in it are relative to the folder it is in.
public struct Configuration: Sendable {
    /// Absolute path of the file, and its folder.
    public var file: String
    public var directory: String
    public var language: Language?
    public var failOn: FailOn?
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var checks = CheckSettings()
    public var overrides: [Override] = []
    public var accepted: [Acceptance] = []
    /// The bureau's own rules (`rules`), run as checks with their `local/…` ids on every file
    /// this configuration applies to; `checks` and `overrides` turn them off and on like any check.
    public var rules: [LocalRule] = []

    public init(file: String, directory: String) {
        self.file = file
        self.directory = directory
    }

    /// Older reports audited with fewer checks, a folder of drafts that never fails the run …
    public struct Override: Sendable {
        public var files: [Glob]
        public var checks = CheckSettings()
        public var failOn: FailOn?
    }

    /// A finding reviewed and accepted: reported as suppressed, with the reason.
    public struct Acceptance: Sendable, Hashable {
        /// As written (relative to the configuration's folder), and resolved.
        public var path: String
        public var absolutePath: String
        public var fingerprint: String
        public var check: String?
        public var reason: String
    }

    /// The settings for a file at `relative` (to this configuration's folder), on top of `base`.
    public func settings(forRelativePath relative: String, base: FileSettings) -> FileSettings {
        var s = base
        checks.apply(to: &s)
        if let f = failOn { s.failOn = f }
        for o in overrides where o.files.contains(where: { $0.matches(relative) }) {
            o.checks.apply(to: &s)
            if let f = o.failOn { s.failOn = f }
        }
        return s
    }

    /// Whether a file found by walking a directory is audited, by `include` / `exclude`.
    public func admits(relativePath relative: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { $0.matches(relative) }) { return false }
        return !exclude.contains { $0.matches(relative) }
    }
}

/// The "checks" section: `only` (run just these), `disable`, `enable` (again, after an
/// earlier disable or a narrower `only`), and `severity` per check.
public struct CheckSettings: Sendable, Equatable {
    public var only: [String]?
    public var disable: [String] = []
    public var enable: [String] = []
    public var severity: [String: Severity] = [:]

    public init() {}

    public func apply(to s: inout FileSettings) {
        if let only { s.enabled = s.enabled.intersection(only) }
        s.enabled.subtract(disable)
        s.enabled.formUnion(enable)
        s.severities.merge(severity) { _, new in new }
    }
}

/// What one file is audited with, once the configuration and the command line are applied.
public struct FileSettings: Sendable, Hashable {
    public var enabled: Set<String>
    public var severities: [String: Severity] = [:]
    public var failOn: FailOn

    public init(enabled: Set<String>, severities: [String: Severity] = [:], failOn: FailOn) {
        self.enabled = enabled
        self.severities = severities
        self.failOn = failOn
    }
}

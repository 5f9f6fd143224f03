import Model

extension Baseline {
    /// Matches a run's findings against the baseline. Feed every audited file's findings
    /// (with its source, for their figures); what is left unmatched among the entries the run
    /// covers (`AuditScope`: the files it audited, the checks it ran there) is stale.
    public struct Matcher: Sendable {
        /// Per file (absolute), per fingerprint: how many entries with each list of figures
        /// are left (nil figures: an old entry that matches whatever the figures).
        private var remaining: [String: [String: [FiguresKey: Int]]] = [:]
        /// The check of each fingerprint's entries, for the stale count under a scope.
        private var checks: [String: [String: String]] = [:]

        struct FiguresKey: Hashable, Sendable {
            var figures: [String]?
        }

        public init(_ baseline: Baseline) {
            for e in baseline.entries {
                let file = PathText.join(baseline.directory, e.path)
                remaining[file, default: [:]][e.fingerprint, default: [:]][FiguresKey(figures: e.figures), default: 0] += 1
                checks[file, default: [:]][e.fingerprint] = e.check
            }
        }

        /// Removes the baselined findings of one file (by absolute path); returns the rest and how
        /// many were dropped. A finding is baselined when an entry has its fingerprint and its
        /// figures (or, in an old baseline, its fingerprint alone).
        public mutating func filter(_ findings: [Finding], source: SourceText?, file absolutePath: String) -> (
            kept: [Finding], baselined: Int
        ) {
            var kept: [Finding] = []
            var dropped = 0
            for f in findings {
                let exact = FiguresKey(figures: source.map { BaselineFigures.of(f, in: $0) } ?? [])
                let any = FiguresKey(figures: nil)
                if take(absolutePath, f.fingerprint, exact) || take(absolutePath, f.fingerprint, any) {
                    dropped += 1
                } else {
                    kept.append(f)
                }
            }
            return (kept, dropped)
        }

        private mutating func take(_ file: String, _ fingerprint: String, _ key: FiguresKey) -> Bool {
            guard let n = remaining[file]?[fingerprint]?[key], n > 0 else { return false }
            remaining[file]![fingerprint]![key] = n - 1
            return true
        }

        /// Entries the run covered that no finding matched, and entries of files that no longer exist.
        public func stale(in scope: AuditScope) -> Int {
            var total = 0
            for (file, byFingerprint) in remaining {
                let gone = !scope.audited(file) && !FileSystem.exists(file)
                for (fingerprint, counts) in byFingerprint
                where gone || scope.covers(file: file, check: checks[file]?[fingerprint] ?? "") {
                    total += counts.values.reduce(0, +)
                }
            }
            return total
        }
    }
}

import Model
import Readers

#if canImport(Glibc)
    import Glibc
#endif

/// Where the time and memory of one audit go: decoding, reading, extraction and each check,
/// for `reportlint profile` (a developer's tool; the benchmark measures whole runs).
/// It times the same `Pipeline` every audit runs, through its stage laps, and notes the resident
/// memory at the end of each stage (what the model built so far holds).
public struct StageProfile: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
        /// Bytes resident when the stage ended (the last run's; 0 where unknown).
        public var residentAfter: Int
    }

    public var stages: [Stage] = []
    /// How much of each work budget the document used (the last run's).
    public var budget: [(kind: WorkBudget.Kind, used: Int, limit: Int)] = []
    /// The input's size, and the resident memory before the last run began (the input read).
    public var inputBytes = 0
    public var residentAtStart = 0

    /// Runs the pipeline `repeat` times and keeps the fastest time of each stage, to damp noise.
    public static func measure(bytes: [UInt8], pipeline: Pipeline, repeat count: Int = 1) -> Result<StageProfile, InputError> {
        final class Laps {
            let clock = ContinuousClock()
            var last: ContinuousClock.Instant
            var best: [String: Double] = [:]
            var resident: [String: Int] = [:]
            var order: [String] = []

            init() { last = clock.now }

            func lap(_ name: String) {
                let d = clock.now - last
                let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
                if best[name] == nil { order.append(name) }
                best[name] = min(best[name] ?? .infinity, s)
                resident[name] = ResidentMemory.current()
                last = clock.now // the memory's measure is not charged to the next stage
            }
        }
        let laps = Laps()
        var budget = WorkBudget(inputBytes: bytes.count)
        var residentAtStart = 0
        for _ in 0..<max(1, count) {
            residentAtStart = ResidentMemory.current()
            laps.last = laps.clock.now
            budget = WorkBudget(inputBytes: bytes.count)
            let result = pipeline.audit(bytes: bytes, displayPath: "", budget: budget, lap: laps.lap)
            if let error = result.error { return .failure(error) }
        }
        var profile = StageProfile(
            stages: laps.order.map { Stage(name: $0, seconds: laps.best[$0] ?? 0, residentAfter: laps.resident[$0] ?? 0) })
        profile.budget = WorkBudget.Kind.allCases.map { ($0, budget.used($0), budget.limit($0)) }
        profile.inputBytes = bytes.count
        profile.residentAtStart = residentAtStart
        return .success(profile)
    }
}

/// The process's resident memory, from /proc/self/statm and getrusage (0 where the system
/// does not say). glibc maps large blocks (arrays of a large document) on their own and
/// returns them when freed, so the resident size follows what the model holds.
public enum ResidentMemory {
    /// Bytes resident now.
    public static func current() -> Int {
        #if canImport(Glibc)
            let fd = open("/proc/self/statm", O_RDONLY)
            guard fd >= 0 else { return 0 }
            defer { close(fd) }
            var buffer = [UInt8](repeating: 0, count: 128)
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { return 0 }
            // "size resident shared …" in pages: the second field.
            let fields = buffer[0..<n].split(separator: 0x20)
            guard fields.count > 1 else { return 0 }
            let pages = fields[1].reduce(0) { $0 * 10 + Int($1) - 48 }
            return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
            return 0
        #endif
    }

    /// The peak resident size so far, in bytes.
    public static func peak() -> Int {
        #if canImport(Glibc)
            var usage = rusage()
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return current() }
            // The kernel updates its high-water mark lazily: never below what is resident now.
            return max(Int(usage.ru_maxrss) * 1024, current())
        #else
            return 0
        #endif
    }
}

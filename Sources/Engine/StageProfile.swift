import Model
import Readers

/// Where the time of one audit goes: decoding, reading, extraction and each check,
/// for `reportlint profile` (a developer's tool; the benchmark measures whole runs).
/// It times the same `Pipeline` every audit runs, through its stage laps.
public struct StageProfile: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
    }

    public var stages: [Stage] = []
    /// How much of each work budget the document used (the last run's).
    public var budget: [(kind: WorkBudget.Kind, used: Int, limit: Int)] = []

    /// Runs the pipeline `repeat` times and keeps the fastest time of each stage, to damp noise.
    public static func measure(bytes: [UInt8], pipeline: Pipeline, repeat count: Int = 1) -> Result<StageProfile, InputError> {
        final class Laps {
            let clock = ContinuousClock()
            var last: ContinuousClock.Instant
            var best: [String: Double] = [:]
            var order: [String] = []

            init() { last = clock.now }

            func lap(_ name: String) {
                let now = clock.now
                let d = now - last
                last = now
                let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
                if best[name] == nil { order.append(name) }
                best[name] = min(best[name] ?? .infinity, s)
            }
        }
        let laps = Laps()
        var budget = WorkBudget(inputBytes: bytes.count)
        for _ in 0..<max(1, count) {
            laps.last = laps.clock.now
            budget = WorkBudget(inputBytes: bytes.count)
            let result = pipeline.audit(bytes: bytes, displayPath: "", budget: budget, lap: laps.lap)
            if let error = result.error { return .failure(error) }
        }
        var profile = StageProfile(stages: laps.order.map { Stage(name: $0, seconds: laps.best[$0] ?? 0) })
        profile.budget = WorkBudget.Kind.allCases.map { ($0, budget.used($0), budget.limit($0)) }
        return .success(profile)
    }
}

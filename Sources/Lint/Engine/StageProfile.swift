/// Where the time of one audit goes: decoding, reading, extraction and each check,
/// for `reportlint profile` (a developer's tool; the benchmark measures whole runs).
public struct StageProfile: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var seconds: Double
    }

    public var stages: [Stage] = []

    /// Runs every stage `repeat` times and keeps the fastest of each, to damp noise.
    public static func measure(bytes: [UInt8], linter: Linter, repeat count: Int = 1) -> Result<StageProfile, InputError> {
        var best: [String: Double] = [:]
        var order: [String] = []
        func record(_ name: String, _ d: Duration) {
            let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            if best[name] == nil { order.append(name) }
            best[name] = min(best[name] ?? .infinity, s)
        }
        let clock = ContinuousClock()
        for _ in 0..<max(1, count) {
            var document: Document?
            if BinarySniffer.isZip(bytes) {
                var last = clock.now
                do {
                    document = try DocxReader.read(bytes, path: "") { stage in
                        let now = clock.now
                        record(stage, now - last)
                        last = now
                    }
                } catch {
                    return .failure(error)
                }
            } else {
                var decoded: Result<TextDecoder.Decoded, InputError> = .failure(InputError(.unreadable, LocalizedText(zh: "", en: "")))
                record("decode", clock.measure { decoded = Result { () throws(InputError) in try TextDecoder.decode(bytes) } })
                guard case .success(let text) = decoded else {
                    if case .failure(let e) = decoded { return .failure(e) }
                    break
                }
                record("read", clock.measure { document = TextReader.read(SourceText(path: "", bytes: text.bytes, encoding: text.encoding)) })
            }
            guard let document else { break }
            var last = clock.now
            let model = Extractor.extract(document) { stage in
                let now = clock.now
                record("extract " + stage, now - last)
                last = now
            }
            for check in linter.checks {
                record("check " + check.id, clock.measure {
                    var report = CheckReport(check: check.id, recordsVerified: false)
                    check.check(model, &report)
                })
            }
        }
        return .success(StageProfile(stages: order.map { Stage(name: $0, seconds: best[$0] ?? 0) }))
    }
}

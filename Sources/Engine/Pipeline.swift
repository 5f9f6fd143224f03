import Extraction
import Model
import Readers

/// The audit of one input: its findings, or the reason it could not be read.
public struct FileResult: Sendable {
    /// The path as reported (relative to the working directory when possible).
    public var path: String
    public var source: SourceText?
    public var findings: [Finding]
    public var error: InputError?
    /// Relations the checks found consistent (kept only when asked for: evaluation).
    public var verified: [VerifiedRelation] = []

    public init(path: String, source: SourceText?, findings: [Finding], error: InputError?) {
        self.path = path
        self.source = source
        self.findings = findings
        self.error = error
    }
}

/// Called with a stage's name when it ends (`reportlint profile` times the stages; an
/// ordinary audit passes none, and then no stage even builds its name).
public typealias StageLap = (String) -> Void

/// One audit, from bytes to finished findings, in the same stages for every caller (a
/// single file, a batch, `profile`): read → extract → check → locate → accept.
/// It never throws and never traps on bad input: every failure becomes an `InputError`
/// naming the file.
public struct Pipeline: Sendable {
    public var linter: Linter
    /// Inputs larger than this are refused (a report is kilobytes; this bounds memory).
    public var maxBytes: Int
    /// Keep the verified relations in each result (for `--verified` and the evaluation).
    public var keepVerified = false

    public init(linter: Linter, maxBytes: Int = 512 << 20) {
        self.linter = linter
        self.maxBytes = maxBytes
    }

    /// Audits a file. `accepted` maps fingerprints to the reason a configuration accepts them.
    public func audit(path: String, displayPath: String, accepted: [String: String] = [:], lap: StageLap? = nil) -> FileResult {
        switch FileInput.read(path, limit: maxBytes) {
        case .success(let bytes): return audit(bytes: bytes, displayPath: displayPath, accepted: accepted, lap: lap)
        case .failure(let error): return FileResult(path: displayPath, source: nil, findings: [], error: error)
        }
    }

    /// Reading and extraction stay within a `WorkBudget` for the input's size (pass one to
    /// see what was used); exceeding it is the file's input error.
    public func audit(
        bytes: [UInt8], displayPath: String, accepted: [String: String] = [:], budget: WorkBudget? = nil,
        lap: StageLap? = nil
    ) -> FileResult {
        let budget = budget ?? WorkBudget(inputBytes: bytes.count)
        // read
        let document: Document
        switch DocumentReader.read(bytes: bytes, path: displayPath, budget: budget, lap: lap) {
        case .failure(let error): return FileResult(path: displayPath, source: nil, findings: [], error: error)
        case .success(let d): document = d
        }
        // extract
        let model: AuditModel
        do {
            model = try AuditModel.extract(document, budget: budget, lap: lap.map { lap in { lap("extract " + $0) } })
        } catch {
            return FileResult(path: displayPath, source: nil, findings: [], error: error)
        }
        // check
        var (findings, verified) = linter.lintWithEvidence(model, path: displayPath, recordVerified: keepVerified, lap: lap)
        // locate
        let locator = LogicalLocator(document)
        for i in findings.indices {
            findings[i].logical = locator.location(at: findings[i].span.start)
            if case .cell? = findings[i].logical?.kind {} else { findings[i].section = document.sectionLabel(at: findings[i].span.start) }
            for j in findings[i].related.indices {
                findings[i].related[j].logical = locator.location(at: findings[i].related[j].span.start)
            }
        }
        lap?("locate")
        // accept
        if !accepted.isEmpty {
            for i in findings.indices {
                if let reason = accepted[findings[i].fingerprint] { findings[i].suppression = reason }
            }
        }
        var result = FileResult(path: displayPath, source: document.source, findings: findings, error: nil)
        if keepVerified { result.verified = verified }
        return result
    }
}

import Engine
import Extraction
import Model
import Readers

/// Writes a baseline as pretty JSON, one finding per block, sorted by path, check and
/// fingerprint, so that its diff in a review shows exactly which findings came and went.
public enum BaselineWriter {
    public static func json(_ baseline: Baseline) -> String {
        let findings: [JSON] = baseline.entries.map { e in
            .object([("path", .string(e.path)), ("check", .string(e.check)), ("fingerprint", .string(e.fingerprint)),
                     ("message", .string(e.message))])
        }
        return JSON.object([
            (Baseline.formatKey, .int(Baseline.format)),
            ("_comment", .string("Findings reportlint reported when this file was written: a run with --baseline reports only others. "
                + "Entries match by path (relative to this file) and fingerprint, never by line. Regenerate with --write-baseline.")),
            ("findings", .array(findings)),
        ]).serialized() + "\n"
    }
}

import Engine
import Extraction
import Model
import Readers

/// Writes a baseline as pretty JSON, one finding per block, sorted by path, check and
/// fingerprint, so that its diff in a review shows exactly which findings came and went.
public enum BaselineWriter {
    public static func json(_ baseline: Baseline) -> String {
        let findings: [JSON] = baseline.entries.map { e in
            var members: [(String, JSON)] = [
                ("path", .string(e.path)), ("check", .string(e.check)), ("fingerprint", .string(e.fingerprint))
            ]
            if let figures = e.figures { members.append(("figures", .array(figures.map(JSON.string)))) }
            members.append(("message", .string(e.message)))
            return .object(members)
        }
        return JSON.object([
            (Baseline.formatKey, .int(Baseline.format)),
            (
                "_comment",
                .string(
                    "Findings reportlint reported when this file was written: a run with --baseline reports only others. "
                        + "Entries match by path (relative to this file), fingerprint and figures, never by line: a changed figure is a new finding. "
                        + "Regenerate with --write-baseline (entries of checks or files a run leaves out are kept).")
            ),
            ("findings", .array(findings))
        ]).serialized() + "\n"
    }
}

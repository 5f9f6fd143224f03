import Extraction
import Model
import Readers

/// The least severe finding that makes a run fail (exit code 1).
public enum FailOn: String, Sendable, CaseIterable {
    case error, warning, note, never

    public func fails(_ severity: Severity) -> Bool {
        switch self {
        case .never: return false
        case .error: return severity >= .error
        case .warning: return severity >= .warning
        case .note: return true
        }
    }
}

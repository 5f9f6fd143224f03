import Extraction
import Model
import Readers

public enum Severity: String, Sendable, Comparable, CaseIterable {
    case note
    case warning
    case error

    var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    public var zh: String {
        switch self {
        case .error: return "错误"
        case .warning: return "警告"
        case .note: return "提示"
        }
    }
}

/// Another place a finding involves: the total, a part, the other statement of a figure.
public struct RelatedLocation: Hashable, Sendable {
    /// What this place is to the finding: "total", "part", "share", "stated-elsewhere" …
    public var role: String
    public var span: Span
    public var message: LocalizedText
    /// Set by the auditor: the table cell or .docx paragraph of `span`.
    public var logical: LogicalLocation?

    public init(role: String, span: Span, message: LocalizedText) {
        self.role = role
        self.span = span
        self.message = message
    }
}

/// One problem found in a report.
public struct Finding: Sendable {
    public var checkID: String
    public var severity: Severity
    public var message: LocalizedText
    /// Where the finding lands: the number that is wrong (or the first number of the relation).
    public var span: Span
    public var related: [RelatedLocation]
    /// Related places left out beyond `Linter.maxRelated` (a total with hundreds of parts).
    public var relatedOmitted = 0
    /// The value the report should state there, when one follows from the arithmetic ("43.92%").
    public var expected: String?
    /// A logical key naming what the finding is about (section, labels), never line
    /// numbers; with the check id and the file path it makes the fingerprint.
    public var key: String
    /// Set by the linter: stable across edits elsewhere in the file.
    public var fingerprint: String = ""
    /// Set by the linter when the configuration accepts this finding.
    public var suppression: String?
    /// Set by the auditor: the table cell or .docx paragraph of `span` ("表3 第5行 第4列").
    public var logical: LogicalLocation?
    /// Set by the auditor outside table cells: the headings above `span` (`Document.sectionLabel(at:)`).
    public var section: String?

    public init(
        check: String, severity: Severity, message: LocalizedText, span: Span,
        related: [RelatedLocation] = [], expected: String? = nil, key: String
    ) {
        self.checkID = check
        self.severity = severity
        self.message = message
        self.span = span
        self.related = related
        self.expected = expected
        self.key = key
    }
}

/// FNV-1a, 64 bit: a fixed, documented hash for fingerprints and shards.
public enum FNV1a {
    public static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    public static func hex(_ s: String) -> String {
        let h = String(hash(s), radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h
    }
}

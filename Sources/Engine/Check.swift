import Extraction
import Model
import Readers

/// A check: a description that documents it, and a function from the extracted
/// model to findings. Checks never read raw text; they read `AuditModel`.
///
/// A check reports its findings, and also every relation it verified as
/// consistent (with the numbers involved), which the accuracy evaluation mutates.
///
/// A relation's verdict goes to `CheckReport.judge`, which applies the severity ladder once
/// for every check. How a check is written (typed messages, compact table rows): the comment
/// on `Registry` in Sources/Checks.
public protocol Check: Sendable {
    /// What the check is and does: its id, titles, rationale, default severity and the
    /// examples the test suite runs (`CheckExamplesTests`) and `reportlint explain` prints.
    static var description: CheckDescription { get }
    /// This instance's description: the type's, unless instances differ (a rule of the
    /// configuration is one type with a description per rule).
    var description: CheckDescription { get }
    /// Reads the model and reports: `report.judge(verdict, …)` for a relation tested with
    /// `Relations` (it applies the severity ladder), `report.add(…)` for anything else.
    /// Findings need a `key` naming what they are about in words (section, labels — never a
    /// line), from which the fingerprint that baselines and acceptances use is made.
    func check(_ model: AuditModel, _ report: inout CheckReport)
}

/// What one check says about one document.
public struct CheckReport: Sendable {
    public private(set) var findings: [Finding] = []
    public private(set) var verified: [VerifiedRelation] = []
    public let check: String
    /// The check's own severity: a failed relation's, unless the check says otherwise.
    public let severity: Severity
    /// Whether verified relations are kept (the accuracy evaluation asks for them; a normal
    /// audit does not, and then neither their numbers nor their keys are even built).
    public let recordsVerified: Bool

    public init(check: String, severity: Severity, recordsVerified: Bool = true) {
        self.check = check
        self.severity = severity
        self.recordsVerified = recordsVerified
    }

    public mutating func add(_ finding: Finding) { findings.append(finding) }

    /// Records a relation found consistent, naming the numbers it rests on.
    public mutating func verified(_ numbers: @autoclosure () -> [Quantity], key: @autoclosure () -> String) {
        guard recordsVerified else { return }
        verified.append(VerifiedRelation(check: check, key: key(), numbers: numbers().map(\.numberSpan)))
    }
}

/// A relation a check tested and found consistent.
public struct VerifiedRelation: Sendable, Hashable {
    public var check: String
    public var key: String
    /// Source spans of the digits of each number involved.
    public var numbers: [Span]
}

extension Check {
    public var description: CheckDescription { Self.description }
    public var id: String { description.id }
}

/// Everything a user needs to know about a check, and examples the test suite runs.
public struct CheckDescription: Sendable {
    public var id: String
    public var title: LocalizedText
    public var rationale: LocalizedText
    public var severity: Severity
    public var tags: [String]
    /// Reports that must produce a finding of this check at each `↓` marker, and nowhere else.
    public var triggering: [Example]
    /// Reports that must produce no finding of this check.
    public var nonTriggering: [Example]

    public init(
        id: String, title: LocalizedText, rationale: LocalizedText, severity: Severity, tags: [String],
        triggering: [Example], nonTriggering: [Example]
    ) {
        self.id = id
        self.title = title
        self.rationale = rationale
        self.severity = severity
        self.tags = tags
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }

    /// A finding of this check.
    public func finding(
        _ severity: Severity? = nil, _ message: LocalizedText, at span: Span,
        related: [RelatedLocation] = [], expected: String? = nil, key: String
    ) -> Finding {
        Finding(
            check: id, severity: severity ?? self.severity, message: message, span: span,
            related: related, expected: expected, key: key)
    }
}

/// A small report in the Word-export text form. `↓` marks where a finding must land
/// (immediately before the text its span starts with); it is removed before linting.
public struct Example: Sendable {
    public static let marker: Character = "↓"

    public var text: String
    /// Expected severity of the findings at the markers (nil: the check's default).
    public var severity: Severity?

    public init(_ text: String, severity: Severity? = nil) {
        self.text = text
        self.severity = severity
    }

    /// The text without markers, and the byte offsets at which markers stood.
    public var stripped: (text: String, markers: [Int]) {
        var out = ""
        var markers: [Int] = []
        for ch in text {
            if ch == Example.marker {
                markers.append(out.utf8.count)
            } else {
                out.append(ch)
            }
        }
        return (out, markers)
    }
}

import Model

extension CheckReport {
    /// The severity ladder, written once for every check (domain.md §1): a relation that
    ///
    /// - `.holds` is recorded as verified (its numbers and key are built only when the accuracy
    ///   evaluation asks for verified relations, never in a normal audit);
    /// - `.undefined` says nothing;
    /// - `.fails` is a finding at `severity` (nil: the check's own);
    /// - `.holdsIfTruncated` is a finding at `ifTruncated` (`.note`; nil: not reported, for the
    ///   relations whose figures are never truncated in print).
    ///
    /// The finding's message, place, related places, expected value and key are autoclosures:
    /// they are built only for a finding. Returns whether a finding was added, for checks that
    /// stop at the first broken relation of a claim.
    @discardableResult
    public mutating func judge(
        _ verdict: Verdict,
        severity: @autoclosure () -> Severity? = nil,
        ifTruncated: Severity? = .note,
        numbers: @autoclosure () -> [Quantity],
        key: @autoclosure () -> String,
        message: @autoclosure () -> LocalizedText,
        at span: @autoclosure () -> Span,
        related: @autoclosure () -> [RelatedLocation] = [],
        expected: @autoclosure () -> String? = nil,
        relatedOmitted: Int = 0
    ) -> Bool {
        let level: Severity
        switch verdict {
        case .holds:
            verified(numbers(), key: key())
            return false
        case .undefined:
            return false
        case .fails:
            level = severity() ?? self.severity
        case .holdsIfTruncated:
            guard let note = ifTruncated else { return false }
            level = note
        }
        add(level, message(), at: span(), related: related(), expected: expected(), key: key(), relatedOmitted: relatedOmitted)
        return true
    }

    /// A finding that is no relation's verdict (a missing value, a word against a number),
    /// at the check's own severity.
    public mutating func add(
        _ message: LocalizedText, at span: Span, related: [RelatedLocation] = [],
        expected: String? = nil, key: String, relatedOmitted: Int = 0
    ) {
        add(nil, message, at: span, related: related, expected: expected, key: key, relatedOmitted: relatedOmitted)
    }

    /// A finding that is no relation's verdict at `severity` (nil: the check's own).
    public mutating func add(
        _ severity: Severity?, _ message: LocalizedText, at span: Span,
        related: [RelatedLocation] = [], expected: String? = nil, key: String,
        relatedOmitted: Int = 0
    ) {
        var finding = Finding(
            check: check, severity: severity ?? self.severity, message: message, span: span,
            related: related, expected: expected, key: key)
        finding.relatedOmitted = relatedOmitted
        add(finding)
    }
}

extension Verdict {
    /// An exact relation (a count, an assigned score): it holds or it fails, no rounding between.
    public static func exact(_ holds: Bool) -> Verdict { holds ? .holds : .fails }
}

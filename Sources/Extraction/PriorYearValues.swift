import Model

/// A standard quantity's value for a year before the report's: stated in a sentence of its
/// own ("2023年度“三公”经费支出5.10万元"), or implied by a year-on-year sentence about the
/// report's year ("…4.60万元，比上年减少0.50万元" states 5.10 万元 for the year before, within
/// the rounding of both figures).
public struct PriorYearValue: Sendable {
    public enum Source: Sendable {
        /// A statement of that year (a fact with its own year).
        case stated(Fact)
        /// A change claim: the current amount and the change (or rate, or 持平) it states.
        case change(ChangeClaim, current: Mention)
    }

    public var concept: Concept
    public var year: Int
    public var basis: Basis
    public var source: Source

    /// Where a reader sees the value: the stated figure, else the change amount (or rate).
    public var span: Span {
        switch source {
        case .stated(let f): return f.mention.span
        case .change(let c, let current): return c.change?.span ?? c.rate?.span ?? c.flat ?? current.span
        }
    }

    /// The mentions the value rests on (for related places in a message).
    public var mentions: [Mention] {
        switch source {
        case .stated(let f): return [f.mention]
        case .change(let c, let current): return [current] + [c.change, c.rate].compactMap { $0 }
        }
    }

    /// The values it can take when each figure it rests on is read as `reading` (nil: none).
    public func range(_ reading: Reading) -> RationalInterval? {
        compute { RationalInterval($0.interval(reading)) }
    }

    /// The value from the printed figures as they stand (for messages).
    public var central: Rational? { compute { RationalInterval(exactly: $0.value) }?.lo }

    /// The value, each figure read through `read` (money in 万元, a rate as a fraction).
    func compute(_ read: (Figure) -> RationalInterval) -> RationalInterval? {
        switch source {
        case .stated(let f):
            return read(f.mention.quantity.comparable)
        case .change(let c, let current):
            let a = read(current.quantity.comparable)
            if let p = c.prior { return read(p.quantity.comparable) }
            if let change = c.change {
                let d = read(change.quantity.comparable)
                switch change.direction {
                case .up?: return a - d
                case .down?: return a + d
                default: return nil
                }
            }
            if let rate = c.rate {
                // A = P·(1 ± Y/100), so P = A ÷ (1 ± Y/100).
                let y = read(Figure(value: rate.quantity.figure.value.shifted(by: -2), ulp: rate.quantity.figure.ulp.shifted(by: -2)))
                let one = RationalInterval(exactly: .one)
                let result: RationalInterval
                switch rate.direction {
                case .up?: result = a / (one + y)
                case .down?: result = a / (one - y)
                default: return nil
                }
                return result.isValid ? result : nil
            }
            return c.flat != nil ? a : nil
        }
    }

    /// How the value was found, for messages: "5.10万元" or "4.60万元 − 0.50万元".
    public var derivation: LocalizedText {
        switch source {
        case .stated(let f):
            return LocalizedText(zh: f.mention.quantity.printed, en: f.mention.quantity.printed)
        case .change(let c, let current):
            let a = current.quantity.printed
            if let p = c.prior { return LocalizedText(zh: p.quantity.printed, en: p.quantity.printed) }
            if let change = c.change {
                let sign = change.direction == .down ? " + " : " − "
                return LocalizedText(zh: a + sign + change.quantity.printed, en: a + sign + change.quantity.printed)
            }
            if let rate = c.rate {
                let sign = rate.direction == .down ? " − " : " + "
                let text = a + " ÷ (1" + sign + rate.quantity.printed + ")"
                return LocalizedText(zh: text, en: text)
            }
            return LocalizedText(zh: a + "（持平）", en: a + " (unchanged)")
        }
    }
}

public enum PriorYearValues {
    /// The value of `conceptID` for `year` on `basis`: the first statement of that year, else
    /// the first year-on-year sentence that compares the next year's amount with it.
    public static func find(_ conceptID: String, year: Int, basis: Basis, in model: AuditModel) -> PriorYearValue? {
        guard let concept = Catalogue.concept(conceptID) else { return nil }
        if let fact = model.facts.first(conceptID, year: year, basis: basis, includeEquivalents: true, exactYear: true) {
            return PriorYearValue(concept: concept, year: year, basis: basis, source: .stated(fact))
        }
        let related = Set([conceptID] + (FactIndex.equivalents[conceptID] ?? []))
        for claim in model.changeClaims {
            guard claim.referenceYear == year, let subject = claim.subject, related.contains(subject.id),
                let current = claim.current, current.concept.map({ related.contains($0.id) }) ?? false,
                FactIndex.basis(of: current) == basis
            else { continue }
            // The amount compared must be of the year after (or of no stated year in a report of that year).
            let currentYear = FactIndex.year(of: current, in: model.unit(of: current)) ?? model.reportYear
            guard currentYear == nil || currentYear == year + 1 else { continue }
            if let change = claim.change, !BreakdownReader.sameFamily(change.quantity.unit, current.quantity.unit) { continue }
            let value = PriorYearValue(concept: concept, year: year, basis: basis, source: .change(claim, current: current))
            guard value.range(.rounded) != nil else { continue }
            return value
        }
        return nil
    }
}

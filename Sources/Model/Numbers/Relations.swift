/// The outcome of testing a relation between printed figures (domain brief §1).
public enum Verdict: Sendable, Equatable {
    /// The intervals meet when every figure is read as rounded to nearest.
    case holds
    /// Only holds if some figure was truncated instead of rounded: a note.
    case holdsIfTruncated
    /// Inconsistent under rounding and under truncation: an error.
    case fails
    /// Cannot be evaluated (a zero or near-zero base, an overflow).
    case undefined
}

/// Relations between printed figures, evaluated with interval arithmetic and the
/// severity ladder: rounded first, truncated second. No fixed tolerance anywhere.
public enum Relations {
    /// Applies the ladder to a test that answers for one reading (nil: undefined).
    public static func ladder(_ test: (Reading) -> Bool?) -> Verdict {
        guard let rounded = test(.rounded) else { return .undefined }
        if rounded { return .holds }
        guard let truncated = test(.truncated) else { return .fails }
        return truncated ? .holdsIfTruncated : .fails
    }

    public static func sumInterval(_ figures: [Figure], _ reading: Reading) -> Interval { sum(figures, reading) }

    static func sum(_ figures: [Figure], _ reading: Reading) -> Interval {
        var acc = Interval(exactly: .zero)
        for f in figures { acc = acc + f.interval(reading) }
        return acc
    }

    /// Σ parts = total (or Σ parts ≤ total when the list may be partial).
    public static func sum(parts: [Figure], total: Figure, partial: Bool = false) -> Verdict {
        ladder { reading in
            let s = sum(parts, reading)
            let t = total.interval(reading)
            guard s.isValid && t.isValid else { return nil }
            return partial ? !(t.hi < s.lo) : s.intersects(t)
        }
    }

    /// a − b = c.
    public static func difference(_ a: Figure, _ b: Figure, equals c: Figure) -> Verdict {
        ladder { reading in
            let d = a.interval(reading) - b.interval(reading)
            let ci = c.interval(reading)
            guard d.isValid && ci.isValid else { return nil }
            return d.intersects(ci)
        }
    }

    /// part ÷ whole = percent/100, tested by cross-multiplying (never by dividing).
    /// Undefined when the whole is zero or its interval reaches zero.
    public static func ratio(_ part: Figure, of whole: Figure, percent: Figure) -> Verdict {
        ratio(part: part.interval, whole: whole.interval, percent: percent)
    }

    /// The same for derived quantities: `part` and `whole` give an interval for each reading
    /// (a prior year derived as A − C, a change derived as |A − P|).
    public static func ratio(part: (Reading) -> Interval, whole: (Reading) -> Interval, percent: Figure) -> Verdict {
        ladder { reading in
            let x = part(reading)
            let t = whole(reading)
            let y = percent.interval(reading)
            guard x.isValid, t.isValid, y.isValid, Dec.zero < t.lo else { return nil }
            // With t > 0 the smallest 100x/t is 100·x.lo over t.hi (t.lo when x.lo < 0), the
            // largest 100·x.hi over t.lo (t.hi when x.hi < 0); that range must meet [y.lo, y.hi].
            let tForMin = x.lo.isNegative ? t.lo : t.hi
            let tForMax = x.hi.isNegative ? t.hi : t.lo
            let lowSide = Dec.hundred * x.lo
            let lowBound = y.hi * tForMin
            let highSide = y.lo * tForMax
            let highBound = Dec.hundred * x.hi
            guard lowSide.isValid, lowBound.isValid, highSide.isValid, highBound.isValid else { return nil }
            return lowSide <= lowBound && highSide <= highBound
        }
    }

    /// How a total stands to the sum of its parts.
    public enum Comparison: String, Sendable {
        case equal = "="
        /// total ≥ Σ parts
        case atLeast = "≥"
        /// total ≤ Σ parts (one part: total ≤ part)
        case atMost = "≤"
    }

    /// Σ parts compared with a total under `relation` (=, total ≥ Σ, total ≤ Σ).
    public static func compare(parts: [Figure], total: Figure, relation: Comparison) -> Verdict {
        ladder { reading in
            let s = sum(parts, reading)
            let t = total.interval(reading)
            guard s.isValid && t.isValid else { return nil }
            switch relation {
            case .equal: return s.intersects(t)
            case .atLeast: return !(t.hi < s.lo)
            case .atMost: return !(s.hi < t.lo)
            }
        }
    }

    /// Percent shares meant to cover a whole sum to 100 (or at most 100 when the list may be partial).
    /// `slack` widens the target when the shares were computed from rounded amounts (domain §1).
    public static func percentSum(_ percents: [Figure], slack: Dec = .zero, partial: Bool = false) -> Verdict {
        ladder { reading in
            let s = sum(percents, reading)
            guard s.isValid else { return nil }
            let target = Interval(Dec.hundred - slack, Dec.hundred + slack)
            return partial ? !(target.hi < s.lo) : s.intersects(target)
        }
    }

    /// Slack for a percent list whose shares were computed from rounded amounts:
    /// 100·(Σh(parts) + h(total)) / (total − h(total)), rounded up.
    public static func percentSlack(parts: [Figure], total: Figure) -> Dec {
        var h = total.halfWidth
        for p in parts { h = h + p.halfWidth }
        let denominator = total.value - total.halfWidth
        guard Dec.zero < denominator else { return .invalid }
        let q = Dec.divide(Dec.hundred * h, denominator, decimals: 10)
        return q + Dec.unit(decimals: 10)
    }

    /// `part / whole × 100`, rounded to `decimals` (for messages and expected values).
    public static func percent(_ part: Dec, of whole: Dec, decimals: Int) -> Dec {
        Dec.divide(Dec.hundred * part, whole, decimals: decimals)
    }
}

/// An exact fraction of two decimals, `n / d` with `d > 0`: what a quotient of printed
/// figures is, when a relation divides (a rate derived as one amount over another).
/// Comparisons cross-multiply; nothing is ever rounded. Arithmetic that overflows yields
/// an invalid value (as `Dec` does), which every comparison refuses to decide.
public struct Rational: Sendable, Hashable, CustomStringConvertible {
    public var n: Dec
    public var d: Dec

    /// `n / d`; a negative denominator moves its sign to the numerator. A zero denominator
    /// is invalid.
    public init(_ n: Dec, over d: Dec) {
        if d.isNegative {
            self.n = -n
            self.d = -d
        } else {
            self.n = n
            self.d = d.isZero ? .invalid : d
        }
    }

    public init(_ v: Dec) { self.init(v, over: .one) }

    public static let invalid = Rational(.invalid, over: .one)

    public var isValid: Bool { n.isValid && d.isValid && Dec.zero < d }
    public var isZero: Bool { isValid && n.isZero }
    public var isNegative: Bool { isValid && n.isNegative }

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.d == b.d { return Rational(a.n + b.n, over: a.d) }
        return Rational(a.n * b.d + b.n * a.d, over: a.d * b.d)
    }

    public static prefix func - (a: Rational) -> Rational { Rational(-a.n, over: a.d) }
    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
    public static func * (a: Rational, b: Rational) -> Rational { Rational(a.n * b.n, over: a.d * b.d) }

    /// `a / b`; invalid when `b` is zero.
    public static func / (a: Rational, b: Rational) -> Rational {
        guard b.isValid, !b.n.isZero else { return .invalid }
        return Rational(a.n * b.d, over: a.d * b.n)
    }

    /// Whether `a < b`, or nil when either is invalid (or the cross products overflow).
    public static func less(_ a: Rational, _ b: Rational) -> Bool? {
        guard a.isValid, b.isValid else { return nil }
        let x = a.n * b.d
        let y = b.n * a.d
        guard x.isValid, y.isValid else { return nil }
        return x < y
    }

    /// `a ≤ b`, or nil when undecidable.
    public static func lessOrEqual(_ a: Rational, _ b: Rational) -> Bool? { less(b, a).map { !$0 } }

    /// The value rounded half away from zero to `decimals` places (for messages only).
    public func rounded(decimals: Int) -> Dec { isValid ? Dec.divide(n, d, decimals: decimals) : .invalid }

    public var description: String { d == .one ? n.description : "\(n)/\(d)" }
}

/// A closed interval of exact fractions: the values a derived quantity can take when each
/// printed figure it is computed from may be anywhere in its own interval (domain brief §1).
/// Sums, differences, products and quotients are exact; a quotient by an interval that
/// reaches zero, or an overflow, is invalid.
public struct RationalInterval: Sendable, Hashable, CustomStringConvertible {
    public var lo: Rational
    public var hi: Rational

    public init(_ lo: Rational, _ hi: Rational) {
        self.lo = lo
        self.hi = hi
    }

    public init(_ i: Interval) {
        self.init(Rational(i.lo), Rational(i.hi))
    }

    public init(exactly v: Dec) {
        self.init(Rational(v), Rational(v))
    }

    public static let invalid = RationalInterval(.invalid, .invalid)

    public var isValid: Bool { lo.isValid && hi.isValid }
    /// One value, exactly (a constant, an exact count).
    public var isExact: Bool {
        guard isValid else { return false }
        let x = lo.n * hi.d
        let y = hi.n * lo.d
        return x.isValid && y.isValid && x == y
    }

    public static func + (a: RationalInterval, b: RationalInterval) -> RationalInterval {
        RationalInterval(a.lo + b.lo, a.hi + b.hi)
    }

    public static prefix func - (a: RationalInterval) -> RationalInterval { RationalInterval(-a.hi, -a.lo) }

    public static func - (a: RationalInterval, b: RationalInterval) -> RationalInterval { a + (-b) }

    public static func * (a: RationalInterval, b: RationalInterval) -> RationalInterval {
        let corners = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi]
        return RationalInterval.hull(corners)
    }

    /// `a / b`, invalid when `b` reaches zero.
    public static func / (a: RationalInterval, b: RationalInterval) -> RationalInterval {
        guard b.isValid, let positive = Rational.less(Rational(Dec.zero), b.lo), let negative = Rational.less(b.hi, Rational(Dec.zero)),
            positive || negative
        else { return .invalid }
        let corners = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi]
        return RationalInterval.hull(corners)
    }

    /// The smallest interval holding every value, or invalid when one cannot be ordered.
    static func hull(_ values: [Rational]) -> RationalInterval {
        guard var lo = values.first, var hi = values.first else { return .invalid }
        for v in values.dropFirst() {
            guard let below = Rational.less(v, lo), let above = Rational.less(hi, v) else { return .invalid }
            if below { lo = v }
            if above { hi = v }
        }
        return RationalInterval(lo, hi)
    }

    public var description: String { "[\(lo), \(hi)]" }
}

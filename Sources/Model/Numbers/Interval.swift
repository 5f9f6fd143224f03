/// A closed interval of exact decimals.
public struct Interval: Hashable, Sendable, CustomStringConvertible {
    public var lo: Dec
    public var hi: Dec

    public init(_ lo: Dec, _ hi: Dec) {
        self.lo = lo
        self.hi = hi
    }

    public init(exactly v: Dec) {
        self.lo = v
        self.hi = v
    }

    public var isValid: Bool { lo.isValid && hi.isValid }
    public var width: Dec { hi - lo }

    public func intersects(_ other: Interval) -> Bool {
        guard isValid && other.isValid else { return false }
        return !(hi < other.lo) && !(other.hi < lo)
    }

    public func contains(_ v: Dec) -> Bool { !(v < lo) && !(hi < v) }

    public static func + (a: Interval, b: Interval) -> Interval { Interval(a.lo + b.lo, a.hi + b.hi) }
    public static func - (a: Interval, b: Interval) -> Interval { Interval(a.lo - b.hi, a.hi - b.lo) }
    public static prefix func - (a: Interval) -> Interval { Interval(-a.hi, -a.lo) }

    /// Multiplies by a non-negative constant.
    public func scaled(by k: Dec) -> Interval { Interval(lo * k, hi * k) }

    /// Distance between the intervals (zero when they meet).
    public func gap(to other: Interval) -> Dec {
        if hi < other.lo { return other.lo - hi }
        if other.hi < lo { return lo - other.hi }
        return .zero
    }

    public var description: String { "[\(lo), \(hi)]" }
}

/// How a printed figure is read: rounded to nearest (the convention) or truncated.
public enum Reading: Sendable {
    case rounded
    case truncated
}

/// A number as printed: its exact value and the precision it was printed with.
///
/// `1281.97` stands for [1281.965, 1281.975]; a count such as `22个` is exact.
/// A figure converted to another unit keeps its precision scaled along with it.
public struct Figure: Hashable, Sendable, CustomStringConvertible {
    public var value: Dec
    /// One unit in the last printed place, in the figure's own unit; zero when exact.
    public var ulp: Dec
    /// A magnitude that cannot be below zero (an amount spent, a count, a share): a printed
    /// "0" then stands for [0, 0.5], not [−0.5, 0.5].
    public var nonNegative = false

    public init(value: Dec, decimals: Int, exact: Bool = false) {
        self.value = value
        self.ulp = exact ? .zero : Dec.unit(decimals: decimals)
    }

    public init(value: Dec, ulp: Dec) {
        self.value = value
        self.ulp = ulp
    }

    public static func exact(_ v: Dec) -> Figure { Figure(value: v, ulp: .zero) }

    public var isExact: Bool { ulp.isZero }
    public var halfWidth: Dec { ulp * Dec(mantissa: 5, scale: 1) }

    /// Decimals implied by the ulp (for formatting results at the same precision).
    public var decimals: Int {
        guard !ulp.isZero, ulp.isValid else { return 0 }
        return ulp.scale
    }

    public func interval(_ reading: Reading = .rounded) -> Interval {
        var i: Interval
        switch reading {
        case .rounded:
            let h = halfWidth
            i = Interval(value - h, value + h)
        case .truncated:
            // Truncation drops digits toward zero: the true value lies beyond the printed one.
            i = value.isNegative ? Interval(value - ulp, value) : Interval(value, value + ulp)
        }
        if nonNegative && i.lo.isNegative { i.lo = .zero }
        return i
    }

    /// The same figure expressed in a unit `10^power` times smaller (e.g. 元 → 万元 is power -4).
    public func shifted(by power: Int) -> Figure {
        var f = Figure(value: value.shifted(by: power), ulp: ulp.shifted(by: power))
        f.nonNegative = nonNegative
        return f
    }

    public var description: String { value.formatted(minDecimals: decimals) }
}

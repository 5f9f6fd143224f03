/// An exact decimal number: `mantissa × 10^-scale`.
///
/// Reports are audited with exact arithmetic only (never `Double`), so that a
/// rounding question is answered by the printed digits and nothing else.
/// Arithmetic that would overflow 128 bits yields `Dec.invalid`, which
/// propagates; relations involving it are reported as indeterminate instead of
/// trapping on hostile input.
public struct Dec: Hashable, Sendable {
    // Two words and a byte rather than Int128 and Int: 24 bytes instead of 32 (Int128 is
    // 16-aligned), and a report holds a Dec in every one of its quantities.
    private var low: UInt64
    private var high: Int64
    private var scaleByte: Int8

    public private(set) var mantissa: Int128 {
        get { Int128(high) << 64 | Int128(low) }
        set {
            low = UInt64(truncatingIfNeeded: newValue)
            high = Int64(truncatingIfNeeded: newValue >> 64)
        }
    }

    /// Number of decimal digits after the point; `-1` marks an invalid value.
    public private(set) var scale: Int {
        get { Int(scaleByte) }
        set { scaleByte = Int8(clamping: newValue) }
    }

    public static let invalid = Dec(rawMantissa: 0, scale: -1)
    public static let zero = Dec(0)
    public static let one = Dec(1)
    public static let hundred = Dec(100)

    public var isValid: Bool { scale >= 0 }

    init(rawMantissa: Int128, scale: Int) {
        low = UInt64(truncatingIfNeeded: rawMantissa)
        high = Int64(truncatingIfNeeded: rawMantissa >> 64)
        scaleByte = Int8(clamping: scale)
    }

    public init(_ integer: Int) {
        self.init(rawMantissa: Int128(integer), scale: 0)
    }

    public init(mantissa: Int128, scale: Int) {
        precondition(scale >= 0 && scale <= 127)
        self.init(rawMantissa: mantissa, scale: scale)
        normalize()
    }

    /// Parses plain decimal text such as `-12.50`; returns nil for anything else.
    public init?(_ text: String) {
        var m: Int128 = 0
        var s = 0
        var seenPoint = false
        var negative = false
        var digits = 0
        for (i, ch) in text.utf8.enumerated() {
            switch ch {
            case UInt8(ascii: "-") where i == 0: negative = true
            case UInt8(ascii: "+") where i == 0: continue
            case UInt8(ascii: "."):
                if seenPoint { return nil }
                seenPoint = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if digits > 30 { return nil }
                m = m * 10 + Int128(ch - UInt8(ascii: "0"))
                if seenPoint { s += 1 }
            default: return nil
            }
        }
        if digits == 0 { return nil }
        self.init(rawMantissa: negative ? -m : m, scale: s)
        normalize()
    }

    /// `10^-decimals`: one unit in the last printed place.
    public static func unit(decimals: Int) -> Dec {
        Dec(rawMantissa: 1, scale: max(0, decimals))
    }

    /// `½·10^-decimals`: the half-width of a value printed with `decimals` places.
    public static func halfUnit(decimals: Int) -> Dec {
        Dec(rawMantissa: 5, scale: max(0, decimals) + 1)
    }

    private mutating func normalize() {
        guard scale > 0 else { return }
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
    }

    private static func pow10(_ n: Int) -> Int128? {
        guard n >= 0 && n <= 38 else { return nil }
        var r: Int128 = 1
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// Both operands at the same scale, or nil on overflow.
    private static func aligned(_ a: Dec, _ b: Dec) -> (Int128, Int128, Int)? {
        guard a.isValid && b.isValid else { return nil }
        if a.scale == b.scale { return (a.mantissa, b.mantissa, a.scale) }
        if a.scale < b.scale {
            guard let f = pow10(b.scale - a.scale) else { return nil }
            let (m, o) = a.mantissa.multipliedReportingOverflow(by: f)
            return o ? nil : (m, b.mantissa, b.scale)
        } else {
            guard let f = pow10(a.scale - b.scale) else { return nil }
            let (m, o) = b.mantissa.multipliedReportingOverflow(by: f)
            return o ? nil : (a.mantissa, m, a.scale)
        }
    }

    public static func + (a: Dec, b: Dec) -> Dec {
        guard let (x, y, s) = aligned(a, b) else { return .invalid }
        let (r, o) = x.addingReportingOverflow(y)
        return o ? .invalid : Dec(mantissa: r, scale: s)
    }

    public static func - (a: Dec, b: Dec) -> Dec {
        guard let (x, y, s) = aligned(a, b) else { return .invalid }
        let (r, o) = x.subtractingReportingOverflow(y)
        return o ? .invalid : Dec(mantissa: r, scale: s)
    }

    public static prefix func - (a: Dec) -> Dec {
        a.isValid ? Dec(rawMantissa: -a.mantissa, scale: a.scale) : .invalid
    }

    public static func * (a: Dec, b: Dec) -> Dec {
        guard a.isValid && b.isValid else { return .invalid }
        let (r, o) = a.mantissa.multipliedReportingOverflow(by: b.mantissa)
        guard !o, a.scale + b.scale <= 38 else { return .invalid }
        return Dec(mantissa: r, scale: a.scale + b.scale)
    }

    /// Multiplies by `10^power` (negative powers divide exactly by moving the point).
    public func shifted(by power: Int) -> Dec {
        guard isValid else { return .invalid }
        if power <= 0 { return Dec(mantissa: mantissa, scale: scale - power) }
        if power <= scale { return Dec(mantissa: mantissa, scale: scale - power) }
        guard let f = Dec.pow10(power - scale) else { return .invalid }
        let (r, o) = mantissa.multipliedReportingOverflow(by: f)
        return o ? .invalid : Dec(mantissa: r, scale: 0)
    }

    /// `a / b` rounded half away from zero to `decimals` places; for messages and expected values.
    public static func divide(_ a: Dec, _ b: Dec, decimals: Int) -> Dec {
        guard a.isValid, b.isValid, b.mantissa != 0, decimals >= 0, decimals <= 12 else { return .invalid }
        // a/b = (ma/10^sa) / (mb/10^sb) = ma·10^(sb-sa) / mb ; scale the numerator to get `decimals`+1 digits.
        let exponent = b.scale - a.scale + decimals + 1
        var num = a.mantissa
        var den = b.mantissa
        if exponent >= 0 {
            guard let f = pow10(exponent) else { return .invalid }
            let (r, o) = num.multipliedReportingOverflow(by: f)
            if o { return .invalid }
            num = r
        } else {
            guard let f = pow10(-exponent) else { return .invalid }
            let (r, o) = den.multipliedReportingOverflow(by: f)
            if o { return .invalid }
            den = r
        }
        var q = num / den // truncated, with one guard digit
        let negative = (q < 0)
        if negative { q = -q }
        q = (q + 5) / 10
        return Dec(mantissa: negative ? -q : q, scale: decimals)
    }

    /// Rounds half away from zero to `decimals` places.
    public func rounded(decimals: Int) -> Dec {
        guard isValid else { return .invalid }
        if scale <= decimals { return self }
        return Dec.divide(self, .one, decimals: decimals)
    }

    public var isZero: Bool { isValid && mantissa == 0 }
    public var isNegative: Bool { isValid && mantissa < 0 }
    public var magnitude: Dec { isNegative ? -self : self }

    /// Plain text with at least `minDecimals` decimals (no exponent, no grouping).
    public func formatted(minDecimals: Int = 0) -> String {
        guard isValid else { return "NaN" }
        let negative = mantissa < 0
        var magnitude = negative ? -mantissa : mantissa
        // Digits, least significant first, written straight as bytes (messages print many numbers).
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        let fraction = max(scale, minDecimals)
        for _ in scale..<max(scale, minDecimals) { digits.append(0x30) }
        if magnitude <= Int128(UInt64.max) {
            var small = UInt64(magnitude)
            repeat {
                digits.append(0x30 + UInt8(small % 10))
                small /= 10
            } while small > 0
        } else {
            repeat {
                digits.append(0x30 + UInt8(magnitude % 10))
                magnitude /= 10
            } while magnitude > 0
        }
        while digits.count <= fraction { digits.append(0x30) }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + 2)
        if negative { out.append(0x2D) }
        for i in stride(from: digits.count - 1, through: fraction, by: -1) { out.append(digits[i]) }
        if fraction > 0 {
            out.append(0x2E)
            for i in stride(from: fraction - 1, through: 0, by: -1) { out.append(digits[i]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// As `formatted`, but with exactly `decimals` decimals (rounded half away from zero).
    public func formatted(decimals: Int) -> String {
        rounded(decimals: decimals).formatted(minDecimals: decimals)
    }
}

extension Dec: Comparable {
    public static func < (a: Dec, b: Dec) -> Bool {
        guard let (x, y, _) = aligned(a, b) else { return false }
        return x < y
    }

    public static func == (a: Dec, b: Dec) -> Bool {
        guard a.isValid, b.isValid else { return a.isValid == b.isValid }
        // Normalized on construction, so equal values have equal representations.
        return a.mantissa == b.mantissa && a.scale == b.scale
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mantissa)
        hasher.combine(scale)
    }
}

extension Dec: CustomStringConvertible {
    public var description: String { formatted() }
}

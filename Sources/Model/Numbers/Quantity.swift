/// What a printed number measures.
public enum Unit: Hashable, Sendable, CustomStringConvertible {
    case none
    case percent
    /// Money; the associated power of ten is relative to 元 (万元 = 4, 亿元 = 8).
    case money(power: Int)
    /// A bare 万 (money in cost indicators, people in "人才总量达7.4万").
    case tenThousand
    /// A count of things: 人, 个, 次, 辆 …
    case count(String)
    /// Score points: 分.
    case points
    /// A duration: 年, 个月, 天, 小时.
    case duration(String)

    public static let yuan = Unit.money(power: 0)
    public static let wanYuan = Unit.money(power: 4)
    public static let yiYuan = Unit.money(power: 8)

    public var isMoney: Bool { if case .money = self { return true } else { return false } }
    public var isCount: Bool { if case .count = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .none: return ""
        case .percent: return "%"
        case .money(let p): return p == 8 ? "亿元" : p == 4 ? "万元" : p == 0 ? "元" : "×10^\(p)元"
        case .tenThousand: return "万"
        case .count(let u): return u
        case .points: return "分"
        case .duration(let u): return u
        }
    }

    /// A stable identifier for the JSON output.
    public var code: String {
        switch self {
        case .none: return "none"
        case .percent: return "percent"
        case .money(let p): return p == 8 ? "yi-yuan" : p == 4 ? "wan-yuan" : p == 0 ? "yuan" : "money\(p)"
        case .tenThousand: return "wan"
        case .count: return "count"
        case .points: return "points"
        case .duration: return "duration"
        }
    }
}

/// A comparison written before (or as 以上/以下 after) a number.
public enum Comparator: String, Hashable, Sendable {
    case ge = "≥"
    case le = "≤"
    case gt = ">"
    case lt = "<"
    case eq = "="

    public var isLowerBound: Bool { self == .ge || self == .gt }
    public var isUpperBound: Bool { self == .le || self == .lt }
}

/// A number printed in the report, with everything needed to reason about it.
public struct Quantity: Hashable, Sendable {
    /// The value in the printed unit (1,154.91 → 1154.91; 86%% → 86).
    public var value: Dec
    /// Decimals as printed (1281.97 → 2; 100 → 0).
    public var decimals: Int {
        get { Int(decimalsStored) }
        set { decimalsStored = Int16(clamping: newValue) }
    }
    private var decimalsStored: Int16
    public var unit: Unit
    /// Extra power of ten carried by the number itself (2万人次 → 4, 6千名 → 3).
    public var multiplier: Int {
        get { Int(multiplierStored) }
        set { multiplierStored = Int8(clamping: newValue) }
    }
    private var multiplierStored: Int8 = 0
    public var comparator: Comparator?
    /// "100余人", "近10篇", "约5万元": not an exact statement.
    public var approximate = false
    /// The lower end of a range ("5-10年" → 5; value holds 10).
    public var rangeLow: Dec?
    /// "元/人", "万元/场": a rate, not an amount.
    public var perUnit: String?
    /// Indices in the text it was read from: the whole quantity, and the digits only.
    public var textRange: Range<Int> {
        get { textBounds.range }
        set { textBounds = Bounds32(newValue) }
    }
    public var numberRange: Range<Int> {
        get { numberBounds.range }
        set { numberBounds = Bounds32(newValue) }
    }
    // 32-bit bounds and small integers: a report holds many thousand quantities.
    private var textBounds: Bounds32
    private var numberBounds: Bounds32
    public var span: Span
    /// Source span of the digits alone (what a mutation test rewrites).
    public var numberSpan: Span = Span(0, 0)

    public init(value: Dec, decimals: Int, unit: Unit, textRange: Range<Int>, numberRange: Range<Int>, span: Span) {
        self.value = value
        self.decimalsStored = Int16(clamping: decimals)
        self.unit = unit
        self.textBounds = Bounds32(textRange)
        self.numberBounds = Bounds32(numberRange)
        self.span = span
    }

    /// Counts are exact; everything else is rounded to its printed precision.
    public var isExactCount: Bool { unit.isCount && multiplier == 0 && !approximate }

    /// The printed figure in its own unit.
    /// A number printed without a minus sign is a magnitude (an amount, a count, a share,
    /// the size of a change): it cannot be below zero.
    public var figure: Figure {
        var f = Figure(value: value, decimals: decimals, exact: isExactCount)
        f.nonNegative = !value.isNegative
        if multiplier != 0 { f = f.shifted(by: multiplier) }
        return f
    }

    /// The figure converted to 万元 when it is money (bare 万 counts as 万元), else as printed.
    public var amountInWan: Figure? {
        switch unit {
        case .money(let p): return figure.shifted(by: p - 4)
        case .tenThousand: return figure
        default: return nil
        }
    }

    /// Same figure with a unit a reader recognises, for messages ("563.04万元", "43.92%").
    public var printed: String {
        let number = value.formatted(minDecimals: decimals)
        return (comparator?.rawValue ?? "") + number + unit.description
    }
}

/// A calendar year mentioned in text: "2024年度", "2023年末", "〔2025〕".
public struct YearMention: Hashable, Sendable {
    public enum Form: String, Sendable {
        case year = "年"
        case fiscalYear = "年度"
        case yearEnd = "年末"
        case yearStart = "年初"
        case bracketed = "〔〕"
        case bare = ""
    }

    public var year: Int
    public var form: Form
    public var textRange: Range<Int>
    public var span: Span
}

/// A date or part of one: "2024年12月31日", "12月31日", "8月19".
public struct DateMention: Hashable, Sendable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    public var textRange: Range<Int>
    public var span: Span
}

/// A range of text indices in 32 bits.
package struct Bounds32: Hashable, Sendable {
    package var lower: Int32
    package var upper: Int32

    package init(_ r: Range<Int>) {
        lower = Int32(clamping: r.lowerBound)
        upper = Int32(clamping: r.upperBound)
    }

    package var range: Range<Int> { Int(lower)..<Int(upper) }
}

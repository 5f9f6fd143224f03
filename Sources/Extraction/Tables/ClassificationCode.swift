import Model

/// A 政府收支分类 code: 功能分类 (类 201 / 款 20131 / 项 2013101) or 经济分类 (类 301 / 款 30101).
/// Tables print it whole ("2013101"), spaced ("201 31 01"), or split over 类|款|项 columns.
public struct ClassificationCode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let digits: String

    /// 1 类, 2 款, 3 项.
    public var level: Int { digits.count <= 3 ? 1 : digits.count <= 5 ? 2 : 3 }

    /// 经济分类 codes start with 3 (部门预算支出经济分类) or 5 (政府预算支出经济分类).
    public var isEconomic: Bool { digits.hasPrefix("3") || digits.hasPrefix("5") }

    /// The 类 code ("201").
    public var classCode: String { String(digits.prefix(3)) }

    /// The code one level up ("2013101" → "20131", "20131" → "201"), nil for a 类.
    public var parent: ClassificationCode? {
        level == 1 ? nil : ClassificationCode(unchecked: String(digits.prefix(level == 2 ? 3 : 5)))
    }

    public func isChild(of other: ClassificationCode) -> Bool { parent == other }

    init(unchecked digits: String) { self.digits = digits }

    /// From the digit groups read off a row's label cells, in order: ["2013101"], ["201", "31", "01"],
    /// ["201", "", "01"] is not a code. A 功能分类 code has 3, 5 or 7 digits, a 经济分类 code 3 or 5.
    public init?(groups: [String]) {
        var digits = ""
        for (k, g) in groups.enumerated() {
            guard !g.isEmpty, g.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            // A 款 or 项 segment is two digits (a table may print "02" as "2"); the first group carries the 类.
            if k > 0 && g.count > 2 { return nil }
            digits += k > 0 && g.count == 1 ? "0" + g : g
        }
        guard digits.count == 3 || digits.count == 5 || digits.count == 7 else { return nil }
        let first = digits.first!
        guard first >= "1" && first <= "5" else { return nil }
        if (first == "3" || first == "5") && digits.count == 7 { return nil }
        self.digits = digits
    }

    public static func < (a: ClassificationCode, b: ClassificationCode) -> Bool { a.digits < b.digits }

    public var description: String { digits }
}

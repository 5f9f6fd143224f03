import Model

/// One numbered 功能分类 line of 五（三）: "1.一般公共服务(201）党委办公厅（室）及相关机构事务(31）
/// 行政运行(01）：支出决算为402.23万元" or "一般公共服务（类）组织事务（款）行政运行（项）:…".
public struct ClassificationItem: Sendable {
    public struct Level: Sendable, Hashable {
        public var name: String
        public var code: String?
    }

    public var unit: Int
    /// 类, 款, 项 (款 and 项 may be missing when a line stops at a coarser level).
    public var levels: [Level]
    public var amount: Mention
    /// Span of the classification path in the text.
    public var pathSpan: Span

    public var className: String { levels.first?.name ?? "" }
}

/// The 2024 government expenditure classification, 类 level (政府收支分类科目).
public enum ExpenditureClasses {
    public static let names: [String: String] = [
        "201": "一般公共服务", "202": "外交", "203": "国防", "204": "公共安全", "205": "教育", "206": "科学技术",
        "207": "文化旅游体育与传媒", "208": "社会保障和就业", "209": "社会保险基金", "210": "卫生健康", "211": "节能环保",
        "212": "城乡社区", "213": "农林水", "214": "交通运输", "215": "资源勘探工业信息等", "216": "商业服务业等",
        "217": "金融", "219": "援助其他地区", "220": "自然资源海洋气象等", "221": "住房保障", "222": "粮油物资储备",
        "223": "国有资本经营预算", "224": "灾害防治及应急管理", "227": "预备费", "229": "其他", "230": "转移性",
        "231": "债务还本", "232": "债务付息", "233": "债务发行费用"
    ]

    /// "一般公共服务" → "201".
    public static let codeByName: [String: String] = Dictionary(names.map { ($1, $0) }, uniquingKeysWith: { a, _ in a })

    /// "一般公共服务支出", "住房保障支出" → "一般公共服务", "住房保障".
    public static func normalize(_ name: String) -> String {
        var s = name
        for suffix in ["支出", "类"] where s.hasSuffix(suffix) && s.count > suffix.count { s.removeLast(suffix.count) }
        return s
    }
}

enum ClassificationReader {
    static let levelWords: [[UInt32]] = ["(类)", "(款)", "(项)"].map(Chars.of)

    static func read(units: [TextUnit], byUnit: MentionsByUnit) -> [ClassificationItem] {
        var out: [ClassificationItem] = []
        for unit in units where unit.location.isParagraph {
            let t = unit.text
            // The path ends at the first colon, and must be followed by an amount.
            var colon = 0
            while colon < t.count && t[colon] != 0xFF1A && t[colon] != 0x3A { colon += 1 }
            guard colon < t.count, colon < 120 else { continue }
            guard
                let amount = byUnit[unit.index].first(where: {
                    $0.quantity.textRange.lowerBound > colon && BreakdownReader.isAmount($0) && $0.quantity.unit.isMoney
                })
            else { continue }
            var start = 0
            if let (_, markerEnd) = Numbering.parse(t) { start = markerEnd }
            let path = Array(t.scalars[start..<colon])
            guard let levels = parse(path), !levels.isEmpty else { continue }
            out.append(ClassificationItem(unit: unit.index, levels: levels, amount: amount, pathSpan: t.span(start..<colon)))
        }
        return out
    }

    /// Splits a path at "(类)(款)(项)" markers or at numeric codes "(201)(31)(01)".
    static func parse(_ path: [UInt32]) -> [ClassificationItem.Level]? {
        func string(_ r: Range<Int>) -> String {
            var s = Chars.string(path[r])
            while s.hasPrefix(" ") { s.removeFirst() }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        // Form 1: 名称(类)名称(款)名称(项)
        var levels: [ClassificationItem.Level] = []
        var from = 0
        var i = 0
        var usedWords = false
        while i < path.count {
            if path[i] == 0x28,
                let w = levelWords.first(where: { i + $0.count <= path.count && path[i..<(i + $0.count)].elementsEqual($0) })
            {
                levels.append(.init(name: string(from..<i), code: nil))
                i += w.count
                from = i
                usedWords = true
                continue
            }
            i += 1
        }
        if usedWords { return levels.isEmpty ? nil : levels }
        // Form 2: 名称(201)名称(31)名称(01): a parenthesised number closes each level.
        levels = []
        from = 0
        i = 0
        while i < path.count {
            if path[i] == 0x28 {
                var k = i + 1
                while k < path.count && Chars.isDigit(path[k]) { k += 1 }
                if k > i + 1 && k < path.count && path[k] == 0x29 && k - i - 1 <= 3 {
                    let code = string((i + 1)..<k)
                    levels.append(.init(name: string(from..<i), code: code))
                    i = k + 1
                    from = i
                    continue
                }
            }
            i += 1
        }
        guard let first = levels.first, let code = first.code, code.count == 3, code.hasPrefix("2") else { return nil }
        return levels
    }
}

import Model

/// A standard quantity of a 部门决算 report, with the names it goes by. One shared
/// instance per catalogue entry: every mention refers to it rather than copying it.
public final class Concept: Hashable, Sendable, Comparable {
    public enum Kind: String, Sendable {
        case money
        case count
        /// A percentage the report states of itself (结转结余率): read by `StatedRates`, never
        /// bound to the mentions other checks read.
        case rate
    }

    public let id: String
    public let zh: String
    public let en: String
    public let kind: Kind
    public let aliases: [String]

    init(id: String, zh: String, en: String, kind: Kind, aliases: [String]) {
        self.id = id
        self.zh = zh
        self.en = en
        self.kind = kind
        self.aliases = aliases
    }

    public static func == (a: Concept, b: Concept) -> Bool { a.id == b.id }
    public static func < (a: Concept, b: Concept) -> Bool { a.id < b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}

/// The catalogue of standard quantities (domain brief §2–3). Matching picks the
/// longest alias found in a label, so "一般公共预算财政拨款基本支出" is not "基本支出".
public enum Catalogue {
    static func money(_ id: String, _ zh: String, _ en: String, _ aliases: [String] = []) -> Concept {
        Concept(id: id, zh: zh, en: en, kind: .money, aliases: [zh] + aliases)
    }

    public static let concepts: [Concept] = [
        money(
            "income-expenditure-total", "收支总计", "total income and expenditure",
            ["收、支总计", "收入、支出总计", "收入支出总计", "收入、支出决算总计", "收入支出决算总计", "收支决算总计"]),
        money("income-total", "收入总计", "total income", ["收入决算总计"]),
        money("expenditure-total", "支出总计", "total expenditure", ["支出决算总计"]),
        money("current-income", "本年收入合计", "income of the year", ["本年收入"]),
        money("current-expenditure", "本年支出合计", "expenditure of the year", ["本年支出"]),
        money(
            "fiscal-total", "财政拨款收支总计", "total fiscal appropriation income and expenditure",
            ["财政拨款收、支总计", "财政拨款收入、支出总计", "财政拨款收入支出总计", "财政拨款收入、支出决算总计", "财政拨款收支决算总计"]),
        money("fiscal-income", "财政拨款收入", "fiscal appropriation income"),
        money("fiscal-expenditure", "财政拨款支出", "fiscal appropriation expenditure"),
        money("gpb-income", "一般公共预算财政拨款收入", "general public budget appropriation income", ["一般公共预算收入"]),
        money(
            "gpb-expenditure", "一般公共预算财政拨款支出", "general public budget appropriation expenditure",
            ["一般公共预算支出", "一般公共预算财政拨款支出决算"]),
        money("gpb-basic", "一般公共预算财政拨款基本支出", "general public budget basic expenditure", ["一般公共预算基本支出"]),
        money("gf-income", "政府性基金预算财政拨款收入", "government fund budget appropriation income", ["政府性基金预算收入", "政府性基金收入"]),
        money(
            "gf-expenditure", "政府性基金预算财政拨款支出", "government fund budget appropriation expenditure",
            ["政府性基金预算支出", "政府性基金支出"]),
        money("soc-income", "国有资本经营预算财政拨款收入", "state capital budget appropriation income", ["国有资本经营预算收入"]),
        money("soc-expenditure", "国有资本经营预算财政拨款支出", "state capital budget appropriation expenditure", ["国有资本经营预算支出"]),
        money("basic-expenditure", "基本支出", "basic expenditure"),
        money("project-expenditure", "项目支出", "project expenditure"),
        money("business-expenditure", "经营支出", "business expenditure"),
        money("personnel", "人员经费", "personnel costs"),
        money("public-funds", "公用经费", "public costs"),
        money("sangong", "“三公”经费", "the “three public” costs", ["三公经费", "三公经费财政拨款支出"]),
        money("abroad", "因公出国(境)费", "official travel abroad", ["因公出国(境)经费", "因公出国(境)费用", "因公出国(境)支出"]),
        money("official-cars", "公务用车购置及运行维护费", "official vehicle purchase and running costs", ["公务用车购置及运行费"]),
        money("car-purchase", "公务用车购置费", "official vehicle purchase", ["公务用车购置支出", "公务用车购置"]),
        money("car-running", "公务用车运行维护费", "official vehicle running costs", ["公务用车运行费", "公务用车运行维护"]),
        money("reception", "公务接待费", "official reception", ["公务接待费支出"]),
        money("domestic-reception", "国内公务接待费", "domestic official reception", ["国内公务接待支出", "国内公务接待"]),
        money("foreign-reception", "外事接待费", "foreign affairs reception", ["外事接待支出", "外事接待"]),
        money("operating-costs", "机关运行经费", "administrative operating costs"),
        money("procurement", "政府采购支出总额", "government procurement", ["政府采购支出"]),
        money("procurement-goods", "政府采购货物支出", "procurement of goods"),
        money("procurement-works", "政府采购工程支出", "procurement of works"),
        money("procurement-services", "政府采购服务支出", "procurement of services"),
        money("sme-contracts", "授予中小企业合同金额", "contracts awarded to SMEs"),
        money("small-micro-contracts", "授予小微企业合同金额", "contracts awarded to small and micro firms"),
        money("carry-forward-start", "年初结转和结余", "balance carried in"),
        money("carry-forward-end", "年末结转和结余", "balance carried out"),
        money("surplus-distribution", "结余分配", "surplus distribution"),
        money("non-fiscal-surplus-use", "使用非财政拨款结余", "use of non-appropriation surplus")
    ]

    /// Rates a report states of the department as a whole. Kept apart from `concepts`: a label
    /// that names one never binds an amount, and the checks that read mentions never see them.
    public static let rates: [Concept] = [
        Concept(id: "carry-over-rate", zh: "结转结余率", en: "carry-over rate", kind: .rate, aliases: ["结转结余率", "结转结余比率"]),
        Concept(
            id: "budget-execution-rate", zh: "预算执行率", en: "budget execution rate", kind: .rate,
            aliases: ["预算执行率", "部门预算执行率", "全年预算执行率"]),
        Concept(
            id: "sangong-control-rate", zh: "“三公”经费控制率", en: "three public costs control rate", kind: .rate,
            aliases: ["“三公”经费控制率", "三公经费控制率"]),
        Concept(
            id: "procurement-execution-rate", zh: "政府采购执行率", en: "procurement execution rate", kind: .rate,
            aliases: ["政府采购执行率"])
    ]

    public static func concept(_ id: String) -> Concept? { byID[id] }

    static let byID: [String: Concept] = Dictionary(uniqueKeysWithValues: (concepts + rates).map { ($0.id, $0) })

    /// The rate a label names: the longest rate alias it contains.
    public static func matchRate(_ label: [UInt32]) -> Concept? {
        let text = normalize(label)
        var best: (Concept, Int)?
        for c in rates {
            for a in c.aliases {
                let alias = normalize(Chars.of(a))
                guard alias.count <= text.count, best.map({ alias.count > $0.1 }) ?? true else { continue }
                if text.withUnsafeBufferPointer({ h in alias.withUnsafeBufferPointer { Search.first($0, in: h) != nil } }) {
                    best = (c, alias.count)
                }
            }
        }
        return best?.0
    }

    struct Alias {
        var scalars: [UInt32]
        var concept: Concept
    }

    /// Aliases, longest first.
    static let aliases: [Alias] = concepts.flatMap { c in
        c.aliases.map { Alias(scalars: normalize(Chars.of($0)), concept: c) }
    }.sorted { $0.scalars.count > $1.scalars.count }

    /// Quotes and spaces do not distinguish names ("“三公”经费" = "三公经费").
    static func normalize(_ s: [UInt32]) -> [UInt32] {
        s.filter { !(Chars.isSpace($0) || $0 == 0x201C || $0 == 0x201D || $0 == 0x22 || $0 == 0x2018 || $0 == 0x2019 || $0 == 0x27) }
    }

    public struct Match: Sendable {
        public var concept: Concept
        /// Position of the match in the normalized label, and its length.
        public var position: Int
        public var length: Int
    }

    /// Aliases grouped by their first scalar (longest first in each group), and for each BMP
    /// scalar its group: a label is matched by looking only at the aliases that can start at
    /// each of its positions, with no hashing and no allocation.
    static let groups: [[Int]] = {
        var byFirst: [UInt32: [Int]] = [:]
        for (i, a) in aliases.enumerated() { byFirst[a.scalars[0], default: []].append(i) }
        return byFirst.keys.sorted().map { byFirst[$0]! }
    }()

    static let groupOf: [Int16] = {
        var table = [Int16](repeating: -1, count: 0x10000)
        for (g, members) in groups.enumerated() {
            let first = aliases[members[0]].scalars[0]
            if first < 0x10000 { table[Int(first)] = Int16(g) }
        }
        return table
    }()

    /// The concept a label names: the longest alias it contains, nearest its end on ties.
    public static func match(_ label: [UInt32]) -> Match? {
        let text = normalize(label)
        guard text.count >= 2 else { return nil }
        var best: Match?
        for i in 0..<text.count {
            let s = text[i]
            guard s < 0x10000 else { continue }
            let g = Int(groupOf[Int(s)])
            guard g >= 0 else { continue }
            for a in groups[g] {
                let alias = aliases[a].scalars
                if let b = best, alias.count < b.length { break }
                guard i + alias.count <= text.count else { continue }
                var k = 1
                while k < alias.count && text[i + k] == alias[k] { k += 1 }
                guard k == alias.count else { continue }
                if best == nil || alias.count > best!.length || i > best!.position {
                    best = Match(concept: aliases[a].concept, position: i, length: alias.count)
                }
                break
            }
        }
        return best
    }
}

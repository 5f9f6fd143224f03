import Engine
import Extraction
import Model

/// One quantity, stated in two places, with values that cannot both be right.
public struct FigureConsistency: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "figure-consistency",
        title: LocalizedText(zh: "同一数字前后不一致", en: "The same figure is stated differently"),
        rationale: LocalizedText(
            zh: """
                同一个量（同一年度、同为决算数或预算数、同为部门口径）在不同章节重复出现时，数值必须一致：两处的舍入区间不相交是错误；\
                恰好相接（如636.02与636.03，各为±0.005）多半是在不同表中分别四舍五入，报提示。同一段里说两遍的数也一样：预算说明中\
                “…（项）”的金额就是该项当年的“预算安排”。全部支出都是一般公共预算支出时，\
                “一般公共预算财政拨款基本支出”就是“基本支出”，两者一并比较。
                """,
            en: """
                A quantity (same year, same basis, department-wide) repeated in several sections must agree: intervals that do not meet \
                are an error; intervals that just touch (636.02 and 636.03, ±0.005 each) were usually rounded separately in different \
                tables: a note. So must a figure stated twice in one paragraph: a budget item's amount (“…（项）” X万元) is that \
                year's 预算安排. When all expenditure is general public budget expenditure, the general public budget basic expenditure is \
                the basic expenditure, and the two are compared.
                """),
        severity: .error,
        tags: ["cross-reference", "prose"],
        triggering: [
            Example(
                """
                三、支出决算情况说明
                2024年度本年支出合计889.16万元，其中：基本支出636.03万元，占71.53%；项目支出253.13万元，占28.47%。
                六、基本支出决算情况说明
                2024年度基本支出↓636.02万元。
                """, severity: .note),
            Example(
                """
                一、收入支出决算总体情况说明
                2024年度收、支总计均为1562.40万元。
                四、机关运行经费
                本单位2024年度收、支总计为↓1526.40万元。
                """),
            Example(
                """
                12.“住房保障支出（类）住房改革支出（款）住房公积金（项）”215.60万元。主要用于：住房公积金。2025年当年预算执行数为\
                204.10万元，2026年预算安排↓210.50万元，比2025年预算执行数增加3.14%。
                """)
        ],
        nonTriggering: [
            Example(
                """
                3.“公共安全支出（类）司法（款）普法宣传（项）”98.00万元。主要用于：普法宣传。2025年当年预算执行数为90.00万元，\
                2026年预算安排98.00万元，比2025年预算执行数增加8.89%。
                """),
            Example(
                """
                2024年度本年支出合计1281.97万元，其中：基本支出563.04万元，占43.92%；项目支出718.94万元，占56.08%。
                2024年度一般公共预算财政拨款基本支出563.04万元，其中：
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        // One figure stated twice in a paragraph: a budget item's amount and its 预算安排.
        for r in model.restatements {
            let item = r.name.map { LocalizedText(zh: "“\($0)”\(r.first.quantity.printed)", en: "“\($0)” \(r.first.quantity.printed)") }
            compare(r.again, with: r.first, named: item, key: "restated|\(Say.section(model, r.first))|\(r.name ?? r.first.name)", &report)
        }
        var groups: [String: [Fact]] = [:]
        var order: [String] = []
        let allGPB = allExpenditureIsGeneralPublicBudget(model)
        for f in model.facts.facts {
            var concept = f.concept.id
            if concept == "income-total" || concept == "expenditure-total" { concept = "income-expenditure-total" }
            if concept == "gpb-basic" && allGPB { concept = "basic-expenditure" }
            lazy var key = "\(concept)|\(f.year.map(String.init) ?? "")|\(f.basis.rawValue)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(f)
        }
        for key in order {
            guard let facts = groups[key], let reference = facts.first, facts.count >= 2 else { continue }
            let stated = reference.mention.quantity.comparable
            let ref = stated.interval()
            for other in facts.dropFirst() {
                let figure = other.mention.quantity.comparable
                let q = figure.interval()
                let fingerprint = "\(key)|\(other.mention.name)"
                let (severity, message): (Severity?, Message)
                if !ref.intersects(q) {
                    let gap = Say.amount((figure.value - stated.value).magnitude, like: other.mention.quantity)
                    (severity, message) = (
                        nil,
                        .disagrees(
                            other: Say.named(other.mention), earlier: Say.named(reference.mention),
                            gap: gap)
                    )
                } else if ref.hi == q.lo || q.hi == ref.lo, ref.width > .zero || q.width > .zero, figure.value != stated.value {
                    (severity, message) = (.note, .oneUnitApart(other: Say.named(other.mention), earlier: Say.named(reference.mention)))
                } else {
                    report.verified([reference.mention.quantity, other.mention.quantity], key: fingerprint)
                    continue
                }
                report.add(
                    severity, message.text, at: other.mention.span,
                    related: [Say.related("stated-elsewhere", reference.mention, zh: "另处", en: "elsewhere")],
                    expected: reference.mention.quantity.printed, key: fingerprint)
            }
        }
    }

    /// `other` against `reference`: intervals apart an error, touching a note, meeting a verified relation.
    func compare(_ other: Mention, with reference: Mention, named: LocalizedText? = nil, key: String, _ report: inout CheckReport) {
        let earlier = named ?? Say.named(reference)
        let stated = reference.quantity.comparable
        let figure = other.quantity.comparable
        let ref = stated.interval()
        let q = figure.interval()
        let (severity, message): (Severity?, Message)
        if !ref.intersects(q) {
            let gap = Say.amount((figure.value - stated.value).magnitude, like: other.quantity)
            (severity, message) = (nil, .disagrees(other: Say.named(other), earlier: earlier, gap: gap))
        } else if ref.hi == q.lo || q.hi == ref.lo, ref.width > .zero || q.width > .zero, figure.value != stated.value {
            (severity, message) = (.note, .oneUnitApart(other: Say.named(other), earlier: earlier))
        } else {
            report.verified([reference.quantity, other.quantity], key: key)
            return
        }
        report.add(
            severity, message.text, at: other.span, related: [Say.related("stated-elsewhere", reference, zh: "另处", en: "elsewhere")],
            expected: reference.quantity.printed, key: key)
    }

    /// 一般公共预算财政拨款支出 equals 本年支出合计: then its basic expenditure is all basic expenditure.
    func allExpenditureIsGeneralPublicBudget(_ model: AuditModel) -> Bool {
        guard let gpb = model.facts.first("gpb-expenditure", year: model.reportYear),
            let all = model.facts.first("current-expenditure", year: model.reportYear)
        else { return false }
        return gpb.mention.quantity.comparable.value == all.mention.quantity.comparable.value
    }
}

extension FigureConsistency {
    enum Message {
        /// Intervals that do not meet: an error.
        case disagrees(other: LocalizedText, earlier: LocalizedText, gap: String)
        /// Intervals that just touch: rounded separately, a note.
        case oneUnitApart(other: LocalizedText, earlier: LocalizedText)

        var text: LocalizedText {
            switch self {
            case .disagrees(let other, let earlier, let gap):
                LocalizedText(
                    zh: "\(other.zh)与前文\(earlier.zh)不一致（差\(gap)）。",
                    en: "\(other.en) disagrees with \(earlier.en) stated earlier (by \(gap)).")
            case .oneUnitApart(let other, let earlier):
                LocalizedText(
                    zh: "\(other.zh)与前文\(earlier.zh)差一个末位单位：两处各自舍入时可能出现，但同一个数应写成一样。",
                    en: "\(other.en) and \(earlier.en) stated earlier differ by one unit in the last place: "
                        + "separate rounding can cause it, but one figure should be printed one way.")
            }
        }
    }
}

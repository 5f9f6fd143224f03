import Engine
import Extraction
import Model

/// The accounting identities of a 部门决算 (基本支出 = 人员经费 + 公用经费 …), whenever
/// the document states every term.
public struct IdentityCheck: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "identity",
        title: LocalizedText(zh: "决算恒等式不成立", en: "An accounting identity does not hold"),
        rationale: LocalizedText(
            zh: """
                部门决算各表之间有固定的恒等关系：基本支出 = 人员经费 + 公用经费；“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 \
                + 公务接待费；公务用车费 = 购置 + 运行维护；政府采购 = 货物 + 工程 + 服务；授予小微企业 ≤ 授予中小企业 ≤ 采购总额；\
                机关运行经费 ≤ 公用经费；财政拨款支出总计 ≥ 三类财政拨款支出之和。文中分散在各章节的数字只要给出了全部项，\
                就按区间算术核对。“其中”恰好列出一条等式的（基本支出，其中：人员经费、公用经费），也由本检查按该句的数字核对，\
                不论 breakdown-sum 是否开启；列出更多分项的，由 breakdown-sum 报告。
                """,
            en: """
                The tables of a 部门决算 obey fixed identities: basic expenditure = personnel + public costs; the three public costs = \
                travel abroad + official vehicles + reception; vehicles = purchase + running; procurement = goods + works + services; \
                small and micro ≤ SMEs ≤ procurement; operating costs ≤ public costs; total appropriation ≥ the three appropriation \
                expenditures. Whenever the text states every term, wherever they are, the identity is tested with interval arithmetic. \
                A 其中 that lists exactly the terms of an equality (基本支出, 其中：人员经费、公用经费) is tested here too, with that \
                sentence's figures, whether breakdown-sum runs or not; a list with further parts is breakdown-sum's.
                """),
        severity: .error,
        tags: ["arithmetic", "prose", "identity"],
        triggering: [
            Example(
                """
                （一）“三公”经费财政拨款支出决算总体情况说明
                2024年度“三公”经费财政拨款支出决算为4.60万元。
                1.因公出国（境）经费支出0万元。
                2.公务用车购置及运行维护费支出3.10万元。
                3.公务接待费支出↓2.50万元。
                """),
            Example(
                """
                六、一般公共预算财政拨款基本支出决算情况说明
                2024年度一般公共预算财政拨款基本支出↓684.35万元，其中：
                人员经费598.12万元，主要包括：基本工资、津贴补贴等。
                公用经费83.15万元，主要包括：办公费、印刷费等。
                """),
            Example(
                """
                公用经费77.27万元，主要包括：办公费、印刷费等。
                （一）机关运行经费支出情况
                2024年度，本单位机关运行经费支出↓80.36万元。
                """, severity: .warning)
        ],
        nonTriggering: [
            Example(
                """
                2024年度“三公”经费财政拨款支出决算为4.60万元。
                1.因公出国（境）经费支出0万元。
                2.公务用车购置及运行维护费支出3.10万元。
                3.公务接待费支出1.50万元。
                """),
            Example(
                """
                2024年度一般公共预算财政拨款基本支出636.02万元，其中：
                人员经费555.34万元。
                公用经费80.69万元。
                """)
        ])

    /// Identities whose breach may be a matter of definition rather than arithmetic
    /// (机关运行经费 is counted on a narrower scope than 公用经费) are warnings.
    static let warningIdentities: Set<String> = ["operating-costs"]

    static func severity(of identity: Identity) -> Severity {
        warningIdentities.contains(identity.id) ? .warning : description.severity
    }

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        // The identities a 其中 lists exactly: tested with that sentence's figures, on its total.
        var listed = Set<String>()
        for b in model.breakdowns {
            guard let identity = Identities.listed(by: b) else { continue }
            listed.insert(identity.id)
            let stated = b.headConcept.flatMap { model.facts.nearest($0.id, to: b.parts[0].amount, year: model.reportYear)?.mention }
            guard let total = b.head ?? stated, !b.parts.contains(where: { $0.amount.quantity.approximate }) else { continue }
            judge(identity, total: total, parts: b.parts.map(\.amount), at: total, &report)
        }
        // Elsewhere, the first statement of each term, wherever it is.
        for identity in Identities.all where !listed.contains(identity.id) {
            guard let total = identity.totals.lazy.compactMap({ model.facts.first($0, year: model.reportYear) }).first else { continue }
            var parts: [Fact] = []
            for id in identity.parts {
                guard let f = model.facts.first(id, year: model.reportYear) else { break }
                parts.append(f)
            }
            guard parts.count == identity.parts.count else { continue }
            if coveredByBreakdown(identity, total, model) { continue }
            // Land on the term stated last: that is where a reader meets the contradiction.
            let last = parts.reduce(total) { $1.mention.id > $0.mention.id ? $1 : $0 }
            judge(identity, total: total.mention, parts: parts.map(\.mention), at: last.mention, &report)
        }
    }

    func judge(_ identity: Identity, total: Mention, parts: [Mention], at landing: Mention, _ report: inout CheckReport) {
        let figures = parts.map { $0.quantity.comparable }
        let totalFigure = total.quantity.comparable
        let verdict = Relations.compare(parts: figures, total: totalFigure, relation: identity.relation)
        lazy var sum = Say.exactSum(figures)
        lazy var d = max(Say.decimals(figures), totalFigure.decimals)
        lazy var sumText = Say.amount(sum, like: total.quantity, decimals: d)
        report.judge(
            verdict, severity: Self.severity(of: identity),
            numbers: parts.map(\.quantity) + [total.quantity], key: identity.id,
            message: Message.broken(
                identity: identity.description, total: Say.named(total), relation: identity.relation.broken,
                parts: LocalizedText(zh: Say.sum(parts), en: Say.sum(parts, english: true)),
                sum: parts.count == 1 ? nil : sumText,
                gap: Say.amount((sum - totalFigure.value).magnitude, like: total.quantity, decimals: d)
            ).text,
            at: landing.span,
            related: ([total] + parts).filter { $0.id != landing.id }.map {
                Say.related($0.id == total.id ? "total" : "part", $0, zh: "", en: "")
            },
            expected: identity.relation == .equal && parts.count > 1 ? sumText : nil)
    }

    /// A breakdown sentence lists this total with these parts and more: breakdown-sum speaks for it
    /// (the identity would read the other parts as a gap).
    func coveredByBreakdown(_ identity: Identity, _ total: Fact, _ model: AuditModel) -> Bool {
        model.breakdowns.contains { b in
            guard let head = b.head?.concept ?? b.headConcept, identity.totals.contains(head.id) || head.id == total.concept.id else {
                return false
            }
            let partConcepts = Set(b.parts.compactMap { $0.amount.concept?.id })
            return Set(identity.parts).isSubset(of: partConcepts)
        }
    }
}

extension Relations.Comparison {
    /// The sign that shows this relation broken: total ≠, <, > the parts.
    var broken: String {
        switch self {
        case .equal: "≠"
        case .atLeast: "<"
        case .atMost: ">"
        }
    }
}

extension IdentityCheck {
    enum Message {
        /// `sum` is nil for an identity of one part (≤ one figure: nothing is added).
        case broken(identity: LocalizedText, total: LocalizedText, relation: String, parts: LocalizedText, sum: String?, gap: String)

        var text: LocalizedText {
            switch self {
            case .broken(let identity, let total, let relation, let parts, let sum?, let gap):
                LocalizedText(
                    zh: "\(identity.zh)不成立：\(total.zh) \(relation) \(parts.zh) = \(sum)（差\(gap)）。",
                    en: "\(identity.en) does not hold: \(total.en) \(relation) \(parts.en) = \(sum) (off by \(gap)).")
            case .broken(let identity, let total, let relation, let parts, nil, let gap):
                LocalizedText(
                    zh: "\(identity.zh)不成立：\(total.zh) \(relation) \(parts.zh)（差\(gap)）。",
                    en: "\(identity.en) does not hold: \(total.en) \(relation) \(parts.en) (by \(gap)).")
            }
        }
    }
}

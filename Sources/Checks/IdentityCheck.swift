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
            zh: "部门决算各表之间有固定的恒等关系：基本支出 = 人员经费 + 公用经费；“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车费 = 购置 + 运行维护；政府采购 = 货物 + 工程 + 服务；授予小微企业 ≤ 授予中小企业 ≤ 采购总额；机关运行经费 ≤ 公用经费；财政拨款支出总计 ≥ 三类财政拨款支出之和。文中分散在各章节的数字只要给出了全部项，就按区间算术核对；同一句“其中”已列明的，由 breakdown-sum 报告。",
            en: "The tables of a 部门决算 obey fixed identities: basic expenditure = personnel + public costs; the three public costs = travel abroad + official vehicles + reception; vehicles = purchase + running; procurement = goods + works + services; small and micro ≤ SMEs ≤ procurement; operating costs ≤ public costs; total appropriation ≥ the three appropriation expenditures. Whenever the text states every term, wherever they are, the identity is tested with interval arithmetic; a breakdown stated in one sentence is left to breakdown-sum."),
        severity: .error,
        tags: ["arithmetic", "prose", "identity"],
        triggering: [
            Example("""
            （一）“三公”经费财政拨款支出决算总体情况说明
            2024年度“三公”经费财政拨款支出决算为4.60万元。
            1.因公出国（境）经费支出0万元。
            2.公务用车购置及运行维护费支出3.10万元。
            3.公务接待费支出↓2.50万元。
            """),
            Example("""
            公用经费77.27万元，主要包括：办公费、印刷费等。
            （一）机关运行经费支出情况
            2024年度，本单位机关运行经费支出↓80.36万元。
            """, severity: .warning),
        ],
        nonTriggering: [
            Example("""
            2024年度“三公”经费财政拨款支出决算为4.60万元。
            1.因公出国（境）经费支出0万元。
            2.公务用车购置及运行维护费支出3.10万元。
            3.公务接待费支出1.50万元。
            """),
            Example("""
            2024年度一般公共预算财政拨款基本支出636.02万元，其中：
            人员经费555.34万元。
            公用经费80.69万元。
            """),
        ])

    /// Identities whose breach may be a matter of definition rather than arithmetic
    /// (机关运行经费 is counted on a narrower scope than 公用经费) are warnings.
    static let warningIdentities: Set<String> = ["operating-costs"]

    static func severity(of identity: Identity) -> Severity {
        warningIdentities.contains(identity.id) ? .warning : description.severity
    }

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for identity in Identities.all {
            guard let total = identity.totals.lazy.compactMap({ model.facts.first($0, year: model.reportYear) }).first else { continue }
            var parts: [Fact] = []
            for id in identity.parts {
                guard let f = model.facts.first(id, year: model.reportYear) else { break }
                parts.append(f)
            }
            guard parts.count == identity.parts.count else { continue }
            if coveredByBreakdown(identity, total, model) { continue }
            let figures = parts.map { $0.mention.quantity.comparable }
            let totalFigure = total.mention.quantity.comparable
            let key = "\(identity.id)"
            let verdict = Relations.compare(parts: figures, total: totalFigure, relation: identity.relation)
            switch verdict {
            case .holds:
                report.verified(parts.map(\.mention.quantity) + [total.mention.quantity], key: key)
            case .undefined:
                continue
            case .fails, .holdsIfTruncated:
                // Land on the term stated last: that is where a reader meets the contradiction.
                let all = [total] + parts
                let last = all.max { $0.mention.id < $1.mention.id }!
                lazy var related = all.filter { $0.mention.id != last.mention.id }.map {
                    Say.related($0.mention.id == total.mention.id ? "total" : "part", $0.mention, zh: "", en: "")
                }
                let sum = Say.exactSum(figures)
                let d = max(Say.decimals(figures), totalFigure.decimals)
                let sumText = Say.amount(sum, like: total.mention.quantity, decimals: d)
                let partsText = Say.sum(parts.map(\.mention))
                let partsEnglish = Say.sum(parts.map(\.mention), english: true)
                let relation: (zh: String, en: String)
                switch identity.relation {
                case .equal: relation = ("≠", "≠")
                case .atLeast: relation = ("<", "<")
                case .atMost: relation = (">", ">")
                }
                let gap = Say.amount((sum - totalFigure.value).magnitude, like: total.mention.quantity, decimals: d)
                let severity: Severity = verdict == .holdsIfTruncated ? .note : Self.severity(of: identity)
                let message = parts.count == 1
                    ? LocalizedText(zh: "\(identity.description.zh)不成立：\(total.mention.named) \(relation.zh) \(partsText)（差\(gap)）。",
                                    en: "\(identity.description.en) does not hold: \(total.mention.namedEnglish) \(relation.en) \(partsEnglish) (by \(gap)).")
                    : LocalizedText(zh: "\(identity.description.zh)不成立：\(total.mention.named) \(relation.zh) \(partsText) = \(sumText)（差\(gap)）。",
                                    en: "\(identity.description.en) does not hold: \(total.mention.namedEnglish) \(relation.en) \(partsEnglish) = \(sumText) (off by \(gap)).")
                report.add(Self.description.finding(severity, message, at: last.mention.span, related: related,
                                                    expected: identity.relation == .equal && parts.count > 1 ? sumText : nil, key: key))
            }
        }
    }

    /// A breakdown sentence already lists this total and these parts: breakdown-sum speaks for it.
    func coveredByBreakdown(_ identity: Identity, _ total: Fact, _ model: AuditModel) -> Bool {
        model.breakdowns.contains { b in
            guard let head = b.head?.concept ?? b.headConcept, identity.totals.contains(head.id) || head.id == total.concept.id else { return false }
            let partConcepts = Set(b.parts.compactMap { $0.amount.concept?.id })
            return Set(identity.parts).isSubset(of: partConcepts)
        }
    }
}

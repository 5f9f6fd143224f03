import Model

/// An accounting identity between standard quantities (domain brief §2). How grave a
/// breach is belongs to the check that reports it, not to the identity.
public struct Identity: Sendable {
    public var id: String
    /// The first of these the document states is the total.
    public var totals: [String]
    public var parts: [String]
    public var relation: Relations.Comparison
    public var description: LocalizedText
}

public enum Identities {
    public static let all: [Identity] = [
        Identity(
            id: "basic", totals: ["gpb-basic", "basic-expenditure"], parts: ["personnel", "public-funds"], relation: .equal,
            description: LocalizedText(zh: "基本支出 = 人员经费 + 公用经费", en: "basic expenditure = personnel + public costs")),
        Identity(
            id: "expenditure", totals: ["current-expenditure"], parts: ["basic-expenditure", "project-expenditure"], relation: .atLeast,
            description: LocalizedText(zh: "本年支出合计 ≥ 基本支出 + 项目支出", en: "expenditure of the year ≥ basic + project expenditure")),
        Identity(
            id: "sangong", totals: ["sangong"], parts: ["abroad", "official-cars", "reception"], relation: .equal,
            description: LocalizedText(
                zh: "“三公”经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费",
                en: "the three public costs = travel abroad + official vehicles + reception")),
        Identity(
            id: "official-cars", totals: ["official-cars"], parts: ["car-purchase", "car-running"], relation: .equal,
            description: LocalizedText(zh: "公务用车购置及运行维护费 = 购置费 + 运行维护费", en: "official vehicles = purchase + running costs")),
        Identity(
            id: "reception", totals: ["reception"], parts: ["domestic-reception", "foreign-reception"], relation: .equal,
            description: LocalizedText(zh: "公务接待费 = 国内公务接待费 + 外事接待费", en: "reception = domestic + foreign affairs reception")),
        Identity(
            id: "fiscal", totals: ["fiscal-total"], parts: ["gpb-expenditure", "gf-expenditure", "soc-expenditure"], relation: .atLeast,
            description: LocalizedText(
                zh: "财政拨款支出总计 ≥ 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款支出",
                en: "total appropriation ≥ general public + government fund + state capital appropriation expenditure")),
        Identity(
            id: "fiscal-income", totals: ["fiscal-total"], parts: ["gpb-income", "gf-income", "soc-income"], relation: .atLeast,
            description: LocalizedText(zh: "财政拨款收入总计 ≥ 三类财政拨款收入之和", en: "total appropriation ≥ the three appropriation incomes")),
        Identity(
            id: "procurement", totals: ["procurement"], parts: ["procurement-goods", "procurement-works", "procurement-services"],
            relation: .equal,
            description: LocalizedText(zh: "政府采购支出总额 = 货物 + 工程 + 服务", en: "procurement = goods + works + services")),
        Identity(
            id: "sme", totals: ["procurement"], parts: ["sme-contracts"], relation: .atLeast,
            description: LocalizedText(zh: "授予中小企业合同金额 ≤ 政府采购支出总额", en: "contracts to SMEs ≤ total procurement")),
        Identity(
            id: "small-micro", totals: ["sme-contracts"], parts: ["small-micro-contracts"], relation: .atLeast,
            description: LocalizedText(zh: "授予小微企业合同金额 ≤ 授予中小企业合同金额", en: "contracts to small and micro firms ≤ contracts to SMEs")),
        Identity(
            id: "operating-costs", totals: ["public-funds"], parts: ["operating-costs"], relation: .atLeast,
            description: LocalizedText(
                zh: "机关运行经费 ≤ 公用经费（机关运行经费是行政单位公用经费的一部分）",
                en: "administrative operating costs ≤ public costs (they are part of the public costs)"))
    ]
}

extension Identity {
    /// Whether a breakdown lists exactly this identity: its total is one of the identity's
    /// totals and its parts are the identity's parts, each once ("基本支出X，其中：人员经费A；
    /// 公用经费B"). Only an equality is owned this way: a "≥" identity stated as a complete
    /// list is a stricter sum, which breakdown-sum tests.
    public func isListed(by b: Breakdown) -> Bool {
        guard relation == .equal, let head = b.head?.concept ?? b.headConcept, totals.contains(head.id),
            b.parts.count == parts.count
        else { return false }
        let listed = b.parts.compactMap { $0.amount.concept?.id }
        return listed.count == parts.count && Set(listed) == Set(parts)
    }
}

extension Identities {
    /// The identity a breakdown lists exactly, if any: the identity check owns it, whatever
    /// sentence lists it, so that turning breakdown-sum off never loses it.
    public static func listed(by b: Breakdown) -> Identity? {
        all.first { $0.isListed(by: b) }
    }
}

import Model

/// What a column of a finance table holds, read from its header words (`TableVocabulary`).
public enum ColumnRole: String, Sendable, Hashable, CaseIterable {
    // Labels
    /// 项目: the named items of a summary table.
    case item
    /// 科目编码 (the whole code in one column).
    case code
    /// 类 / 款 / 项: a code split over columns.
    case codeClass, codeSegment, codeItem
    /// 科目名称.
    case name
    /// 行次 / 栏次.
    case lineNumber

    // Amounts
    /// 合计 / 小计: the sum of its sibling columns.
    case total
    /// 决算数 / 预算数 / 金额: the one amount of a summary side.
    case amount
    case currentIncome, currentExpenditure
    case basic, project, remit, business, subsidiary
    case fiscalIncome, superiorGrant, serviceIncome, businessIncome, subsidiaryRemit, otherIncome
    case gpb, governmentFund, stateCapital
    case carryIn, carryOut
    case personnel, publicFunds
    case sangong, abroad, cars, carPurchase, carRunning, reception, operatingCosts

    public var isLabel: Bool {
        switch self {
        case .item, .code, .codeClass, .codeSegment, .codeItem, .name, .lineNumber: return true
        default: return false
        }
    }

    public var zh: String {
        switch self {
        case .item: return "项目"
        case .code: return "科目编码"
        case .codeClass: return "类"
        case .codeSegment: return "款"
        case .codeItem: return "项"
        case .name: return "科目名称"
        case .lineNumber: return "行次"
        case .total: return "合计"
        case .amount: return "金额"
        case .currentIncome: return "本年收入"
        case .currentExpenditure: return "本年支出"
        case .basic: return "基本支出"
        case .project: return "项目支出"
        case .remit: return "上缴上级支出"
        case .business: return "经营支出"
        case .subsidiary: return "对附属单位补助支出"
        case .fiscalIncome: return "财政拨款收入"
        case .superiorGrant: return "上级补助收入"
        case .serviceIncome: return "事业收入"
        case .businessIncome: return "经营收入"
        case .subsidiaryRemit: return "附属单位上缴收入"
        case .otherIncome: return "其他收入"
        case .gpb: return "一般公共预算财政拨款"
        case .governmentFund: return "政府性基金预算财政拨款"
        case .stateCapital: return "国有资本经营预算财政拨款"
        case .carryIn: return "年初结转和结余"
        case .carryOut: return "年末结转和结余"
        case .personnel: return "人员经费"
        case .publicFunds: return "公用经费"
        case .sangong: return "“三公”经费"
        case .abroad: return "因公出国（境）费"
        case .cars: return "公务用车购置及运行维护费"
        case .carPurchase: return "公务用车购置费"
        case .carRunning: return "公务用车运行维护费"
        case .reception: return "公务接待费"
        case .operatingCosts: return "机关运行经费"
        }
    }

    public var en: String {
        switch self {
        case .item: return "item"
        case .code: return "code"
        case .codeClass: return "class"
        case .codeSegment: return "segment"
        case .codeItem: return "item code"
        case .name: return "name"
        case .lineNumber: return "line"
        case .total: return "total"
        case .amount: return "amount"
        case .currentIncome: return "income of the year"
        case .currentExpenditure: return "expenditure of the year"
        case .basic: return "basic expenditure"
        case .project: return "project expenditure"
        case .remit: return "remittance to the superior"
        case .business: return "business expenditure"
        case .subsidiary: return "grants to subsidiaries"
        case .fiscalIncome: return "fiscal appropriation income"
        case .superiorGrant: return "grants from the superior"
        case .serviceIncome: return "service income"
        case .businessIncome: return "business income"
        case .subsidiaryRemit: return "remittances from subsidiaries"
        case .otherIncome: return "other income"
        case .gpb: return "general public budget"
        case .governmentFund: return "government fund budget"
        case .stateCapital: return "state capital budget"
        case .carryIn: return "balance carried in"
        case .carryOut: return "balance carried out"
        case .personnel: return "personnel costs"
        case .publicFunds: return "public costs"
        case .sangong: return "three public costs"
        case .abroad: return "travel abroad"
        case .cars: return "official vehicles"
        case .carPurchase: return "vehicle purchase"
        case .carRunning: return "vehicle running costs"
        case .reception: return "reception"
        case .operatingCosts: return "operating costs"
        }
    }
}

/// Which figure of a quantity a column holds.
public enum ColumnBasis: String, Sendable, Hashable {
    /// 决算数
    case actual
    /// 预算数 (a 预算's own figures, or a 决算's budget column)
    case budget
    /// 年初预算数
    case initialBudget
    /// 调整预算数 / 全年预算数
    case adjustedBudget

    public var zh: String {
        switch self {
        case .actual: return "决算数"
        case .budget: return "预算数"
        case .initialBudget: return "年初预算数"
        case .adjustedBudget: return "调整预算数"
        }
    }

    public var en: String {
        switch self {
        case .actual: return "outturn"
        case .budget: return "budget"
        case .initialBudget: return "initial budget"
        case .adjustedBudget: return "adjusted budget"
        }
    }

    /// The fact index's basis of a figure in this column.
    public var factBasis: Basis { self == .actual ? .actual : .budget }
}

import Model

/// The standard tables of a 部门决算 (the nine 公开表, domain brief §2) and of a 部门预算
/// (§7), by what they hold. Titles and header words that recognise each are in
/// `TableVocabulary`; what must hold within and between them, in `TableRules`.
public enum FinanceTableKind: String, Sendable, CaseIterable, Hashable {
    // 部门决算
    case summary = "T1"
    case income = "T2"
    case expenditure = "T3"
    case fiscalSummary = "T4"
    case gpbExpenditure = "T5"
    case gpbBasic = "T6"
    case sangong = "T7"
    case governmentFund = "T8"
    case stateCapital = "T9"
    // 部门预算
    case budgetSummary = "B1"
    case budgetIncome = "B2"
    case budgetExpenditure = "B3"
    case budgetFiscalSummary = "B4"
    case budgetGPBExpenditure = "B5"
    case budgetGPBBasic = "B6"
    case budgetGovernmentFund = "B7"
    case budgetStateCapital = "B8"
    case budgetSangong = "B9"

    /// The nine tables every 部门决算 publishes, in their order (公开01–09表).
    public static let finalAccountsSet: [FinanceTableKind] = [
        .summary, .income, .expenditure, .fiscalSummary, .gpbExpenditure, .gpbBasic, .sangong, .governmentFund, .stateCapital
    ]

    public var isFinalAccounts: Bool { rawValue.hasPrefix("T") }

    /// What the amounts are when a column does not say: outturns in a 决算, budgets in a 预算.
    public var basis: ColumnBasis { isFinalAccounts ? .actual : .budget }

    /// Two-sided tables (收入 | 支出) whose rows are named items rather than classification codes.
    public var isSummary: Bool {
        switch self {
        case .summary, .fiscalSummary, .budgetSummary, .budgetFiscalSummary: return true
        default: return false
        }
    }

    /// Rows keyed by 经济分类 rather than 功能分类 codes.
    public var isEconomic: Bool { self == .gpbBasic || self == .budgetGPBBasic }

    /// The standard title.
    public var name: LocalizedText {
        switch self {
        case .summary: return LocalizedText(zh: "收入支出决算总表", en: "income and expenditure summary")
        case .income: return LocalizedText(zh: "收入决算表", en: "income table")
        case .expenditure: return LocalizedText(zh: "支出决算表", en: "expenditure table")
        case .fiscalSummary: return LocalizedText(zh: "财政拨款收入支出决算总表", en: "fiscal appropriation summary")
        case .gpbExpenditure: return LocalizedText(zh: "一般公共预算财政拨款支出决算表", en: "general public budget expenditure table")
        case .gpbBasic: return LocalizedText(zh: "一般公共预算财政拨款基本支出决算表", en: "general public budget basic expenditure table")
        case .sangong: return LocalizedText(zh: "财政拨款“三公”经费支出决算表", en: "“three public costs” table")
        case .governmentFund: return LocalizedText(zh: "政府性基金预算财政拨款收入支出决算表", en: "government fund appropriation table")
        case .stateCapital: return LocalizedText(zh: "国有资本经营预算财政拨款收入支出决算表", en: "state capital appropriation table")
        case .budgetSummary: return LocalizedText(zh: "收支预算总表", en: "budget summary")
        case .budgetIncome: return LocalizedText(zh: "收入预算总表", en: "income budget table")
        case .budgetExpenditure: return LocalizedText(zh: "支出预算总表", en: "expenditure budget table")
        case .budgetFiscalSummary: return LocalizedText(zh: "财政拨款收支预算总表", en: "fiscal appropriation budget summary")
        case .budgetGPBExpenditure: return LocalizedText(zh: "一般公共预算支出功能分类预算表", en: "general public budget expenditure budget table")
        case .budgetGPBBasic: return LocalizedText(zh: "一般公共预算基本支出经济分类预算表", en: "general public budget basic expenditure budget table")
        case .budgetGovernmentFund: return LocalizedText(zh: "政府性基金预算支出功能分类预算表", en: "government fund expenditure budget table")
        case .budgetStateCapital: return LocalizedText(zh: "国有资本经营预算支出功能分类预算表", en: "state capital expenditure budget table")
        case .budgetSangong: return LocalizedText(zh: "“三公”经费和机关运行经费预算表", en: "“three public costs” and operating costs budget table")
        }
    }

    /// "公开03表" for the nine 决算 tables.
    public var formNumber: Int? { FinanceTableKind.finalAccountsSet.firstIndex(of: self).map { $0 + 1 } }
}

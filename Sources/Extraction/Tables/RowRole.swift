/// What a row of a finance table states, from its label (`TableVocabulary.rowWords`).
public enum RowRole: String, Sendable, Hashable {
    /// A classification line (a code) or a listed item ("一、事业收入").
    case item
    /// 合计: the sum of the table's top-level lines.
    case total
    /// 总计 / 收入总计 / 支出总计.
    case grandTotal
    /// 本年收入合计 / 本年支出合计.
    case currentTotal
    /// 年初结转和结余 (年初财政拨款结转和结余).
    case carryIn
    /// 年末结转和结余.
    case carryOut
    /// 使用非财政拨款结余.
    case nonFiscalSurplus
    /// 结余分配.
    case surplusDistribution
    /// 人员经费合计 / 公用经费合计 (基本支出 table).
    case personnelTotal, publicFundsTotal
    /// 栏次: column numbers, not amounts.
    case columnNumbers

    public var zh: String {
        switch self {
        case .item: return "明细行"
        case .total: return "合计"
        case .grandTotal: return "总计"
        case .currentTotal: return "本年合计"
        case .carryIn: return "年初结转和结余"
        case .carryOut: return "年末结转和结余"
        case .nonFiscalSurplus: return "使用非财政拨款结余"
        case .surplusDistribution: return "结余分配"
        case .personnelTotal: return "人员经费合计"
        case .publicFundsTotal: return "公用经费合计"
        case .columnNumbers: return "栏次"
        }
    }
}

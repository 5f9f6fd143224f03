import Model

/// Chart labels name quantities more loosely than prose: a bar chart's "收入" and
/// "支出" are the 收支总计, and "财政拨款收入" there is the 财政拨款收支总计.
public enum ChartConcepts {
    static let totals: [String: Set<String>] = [
        "收入": ["income-expenditure-total", "income-total"],
        "支出": ["income-expenditure-total", "expenditure-total"],
        "收入(万元)": ["income-expenditure-total", "income-total"],
        "支出(万元)": ["income-expenditure-total", "expenditure-total"],
        "财政拨款收入": ["fiscal-total", "fiscal-income"],
        "财政拨款支出": ["fiscal-total", "fiscal-expenditure"]
    ]

    public static func concepts(of label: String) -> Set<String> {
        let folded = Chars.string(Chars.of(label))
        if let ids = totals[folded] { return ids }
        if let match = Catalogue.match(Chars.of(label)) { return [match.concept.id] }
        return []
    }

}

import Model

/// Every word by which a finance table is recognised: titles, column headers, row labels,
/// units and "no data" notes. A template with other words is supported by adding them here
/// (and one fixture that uses them); nothing else in the reader names a word.
///
/// Words are compared after `TableVocabulary.fold`: white space, line breaks and quotes
/// removed, full-width brackets folded (“三公”经费 = 三公经费, （境） = (境)).
public enum TableVocabulary {
    // MARK: titles

    /// Title words of each kind. The longest word found in a title decides, so
    /// "财政拨款收入支出决算总表" is table 4, not table 1.
    static let titles: [(String, FinanceTableKind)] = [
        ("收入支出决算总表", .summary), ("收支决算总表", .summary), ("部门收支决算总表", .summary),
        ("收入决算表", .income), ("部门收入决算表", .income),
        ("支出决算表", .expenditure), ("部门支出决算表", .expenditure),
        ("财政拨款收入支出决算总表", .fiscalSummary), ("财政拨款收支决算总表", .fiscalSummary),
        ("一般公共预算财政拨款支出决算表", .gpbExpenditure), ("一般公共预算支出决算表", .gpbExpenditure),
        ("一般公共预算财政拨款基本支出决算表", .gpbBasic), ("一般公共预算基本支出决算表", .gpbBasic),
        ("三公经费支出决算表", .sangong), ("财政拨款三公经费支出决算表", .sangong), ("三公经费决算表", .sangong),
        ("政府性基金预算财政拨款收入支出决算表", .governmentFund), ("政府性基金预算财政拨款支出决算表", .governmentFund),
        ("国有资本经营预算财政拨款收入支出决算表", .stateCapital), ("国有资本经营预算财政拨款支出决算表", .stateCapital),
        ("收支预算总表", .budgetSummary), ("财务收支预算总表", .budgetSummary), ("部门收支总表", .budgetSummary),
        ("收入预算总表", .budgetIncome), ("部门收入总表", .budgetIncome), ("收入预算表", .budgetIncome),
        ("支出预算总表", .budgetExpenditure), ("部门支出总表", .budgetExpenditure), ("支出预算表", .budgetExpenditure),
        ("财政拨款收支预算总表", .budgetFiscalSummary), ("财政拨款收支总表", .budgetFiscalSummary),
        ("一般公共预算支出功能分类预算表", .budgetGPBExpenditure), ("一般公共预算支出表", .budgetGPBExpenditure),
        ("一般公共预算基本支出经济分类预算表", .budgetGPBBasic), ("一般公共预算基本支出部门预算经济分类预算表", .budgetGPBBasic),
        ("一般公共预算基本支出表", .budgetGPBBasic),
        ("政府性基金预算支出功能分类预算表", .budgetGovernmentFund), ("政府性基金预算支出表", .budgetGovernmentFund),
        ("国有资本经营预算支出功能分类预算表", .budgetStateCapital), ("国有资本经营预算支出表", .budgetStateCapital),
        ("三公经费和机关运行经费预算表", .budgetSangong), ("三公经费预算表", .budgetSangong), ("三公经费支出预算表", .budgetSangong)
    ]

    /// A title with one of these is another table that merely shares words ("…支出决算明细表").
    static let notTitles = ["明细表", "项目支出决算表", "情况说明", "绩效"]

    // MARK: column headers

    /// Header words of each column role; the longest word found in a header cell decides
    /// ("公务用车购置及运行维护费" is the vehicles subtotal, not its 运行维护费).
    static let columns: [(String, ColumnRole)] = [
        ("本年收入合计", .currentIncome), ("本年收入", .currentIncome), ("收入合计", .currentIncome),
        ("本年支出合计", .currentExpenditure), ("本年支出", .currentExpenditure), ("支出合计", .currentExpenditure),
        ("基本支出", .basic), ("项目支出", .project), ("上缴上级支出", .remit), ("经营支出", .business),
        ("对附属单位补助支出", .subsidiary), ("对附属单位补助", .subsidiary),
        ("财政拨款收入", .fiscalIncome), ("财政拨款", .fiscalIncome),
        ("上级补助收入", .superiorGrant), ("事业收入", .serviceIncome),
        ("经营收入", .businessIncome), ("事业单位经营收入", .businessIncome),
        ("附属单位上缴收入", .subsidiaryRemit), ("其他收入", .otherIncome),
        ("一般公共预算", .gpb), ("一般公共预算财政拨款", .gpb),
        ("政府性基金", .governmentFund), ("政府性基金预算财政拨款", .governmentFund),
        ("国有资本经营", .stateCapital), ("国有资本经营预算财政拨款", .stateCapital),
        ("年初结转和结余", .carryIn), ("年初财政拨款结转和结余", .carryIn), ("年初结转结余", .carryIn),
        ("年末结转和结余", .carryOut), ("年末财政拨款结转和结余", .carryOut), ("年末结转结余", .carryOut),
        ("人员经费", .personnel), ("公用经费", .publicFunds),
        ("三公经费", .sangong),
        ("因公出国(境)费", .abroad), ("因公出国(境)", .abroad), ("因公出国", .abroad),
        ("公务用车购置及运行维护费", .cars), ("公务用车购置及运行费", .cars), ("公务用车购置及运行", .cars),
        ("公务用车购置费", .carPurchase), ("购置费", .carPurchase), ("公务用车购置", .carPurchase),
        ("公务用车运行维护费", .carRunning), ("公务用车运行费", .carRunning), ("运行维护费", .carRunning), ("运行费", .carRunning),
        ("公务接待费", .reception), ("公务接待", .reception),
        ("机关运行经费", .operatingCosts),
        ("合计", .total), ("小计", .total), ("总计", .total),
        ("决算数", .amount), ("预算数", .amount), ("金额", .amount), ("决算金额", .amount), ("预算金额", .amount)
    ]

    /// Label columns are named by a whole cell (a 项目 header is not the 项目支出 column).
    static let labelColumns: [(String, ColumnRole)] = [
        ("项目", .item), ("项目名称", .item),
        ("科目编码", .code), ("功能分类科目编码", .code), ("经济分类科目编码", .code), ("支出功能分类科目编码", .code),
        ("部门预算经济分类科目编码", .code), ("编码", .code), ("科目代码", .code), ("代码", .code), ("功能分类", .code),
        ("经济分类", .code), ("支出功能分类", .code),
        ("类", .codeClass), ("款", .codeSegment), ("项", .codeItem),
        ("科目名称", .name), ("功能分类科目名称", .name), ("经济分类科目名称", .name), ("名称", .name),
        ("行次", .lineNumber), ("栏次", .lineNumber), ("序号", .lineNumber)
    ]

    /// A generic 合计/小计 under one of these groups is that group's total column.
    static let totalledGroups: Set<ColumnRole> = [.currentIncome, .currentExpenditure, .cars]

    /// Words that say which figure a column holds (basis), longest first.
    static let bases: [(String, ColumnBasis)] = [
        ("年初预算数", .initialBudget), ("年初预算", .initialBudget),
        ("调整后预算数", .adjustedBudget), ("调整预算数", .adjustedBudget), ("全年预算数", .adjustedBudget), ("调整后预算", .adjustedBudget),
        ("预算数", .budget), ("决算数", .actual), ("执行数", .actual)
    ]

    /// The top header of each side of a summary table ("收入 | 支出").
    static let incomeSides = ["收入", "本年收入", "财政拨款收入", "收入决算", "收入预算"]
    static let expenditureSides = ["支出", "本年支出", "财政拨款支出", "支出决算", "支出预算"]

    /// Column roles in the order of each kind's standard template: used when a header cannot
    /// be aligned with its columns (merged cells dropped in a text export, a rebuilt PDF row).
    static let canonicalColumns: [FinanceTableKind: [(ColumnRole, ColumnBasis?)]] = [
        .sangong: [
            (.total, .budget), (.total, .actual), (.abroad, .budget), (.abroad, .actual), (.cars, .budget), (.cars, .actual),
            (.carPurchase, .budget), (.carPurchase, .actual), (.carRunning, .budget), (.carRunning, .actual),
            (.reception, .budget), (.reception, .actual)
        ],
        .budgetSangong: [
            (.total, nil), (.abroad, nil), (.reception, nil), (.cars, nil), (.carPurchase, nil), (.carRunning, nil),
            (.operatingCosts, nil)
        ],
        .income: [
            (.currentIncome, nil), (.fiscalIncome, nil), (.superiorGrant, nil), (.serviceIncome, nil), (.businessIncome, nil),
            (.subsidiaryRemit, nil), (.otherIncome, nil)
        ],
        .expenditure: [(.currentExpenditure, nil), (.basic, nil), (.project, nil), (.remit, nil), (.business, nil), (.subsidiary, nil)],
        .gpbExpenditure: [(.total, nil), (.basic, nil), (.project, nil)],
        .governmentFund: [
            (.carryIn, nil), (.currentIncome, nil), (.currentExpenditure, nil), (.basic, nil), (.project, nil), (.carryOut, nil)
        ],
        .stateCapital: [
            (.carryIn, nil), (.currentIncome, nil), (.currentExpenditure, nil), (.basic, nil), (.project, nil), (.carryOut, nil)
        ],
        .budgetExpenditure: [(.total, nil), (.basic, nil), (.project, nil)],
        .budgetGPBExpenditure: [(.total, nil), (.basic, nil), (.project, nil)],
        .budgetGovernmentFund: [(.total, nil), (.basic, nil), (.project, nil)],
        .budgetStateCapital: [(.total, nil), (.basic, nil), (.project, nil)],
        .budgetGPBBasic: [(.total, nil), (.personnel, nil), (.publicFunds, nil)]
    ]

    // MARK: row labels

    /// Row labels (the whole label, without numbering), longest first.
    static let rows: [(String, RowRole)] = [
        ("本年收入合计", .currentTotal), ("本年支出合计", .currentTotal),
        ("收入总计", .grandTotal), ("支出总计", .grandTotal), ("总计", .grandTotal),
        ("合计", .total),
        ("使用非财政拨款结余", .nonFiscalSurplus), ("使用非财政拨款结余(含专用结余)", .nonFiscalSurplus), ("用事业基金弥补收支差额", .nonFiscalSurplus),
        ("结余分配", .surplusDistribution),
        ("年初结转和结余", .carryIn), ("年初财政拨款结转和结余", .carryIn), ("上年结转", .carryIn), ("上年结转结余", .carryIn),
        ("年末结转和结余", .carryOut), ("年末财政拨款结转和结余", .carryOut), ("结转下年", .carryOut),
        ("人员经费合计", .personnelTotal), ("人员经费", .personnelTotal),
        ("公用经费合计", .publicFundsTotal), ("公用经费", .publicFundsTotal),
        ("栏次", .columnNumbers)
    ]

    /// The income source a summary row names ("一、一般公共预算财政拨款收入", "1. 一般公共预算资金").
    /// In order: the first word found decides (a fund names its appropriation before 财政拨款 does).
    static let incomeSources: [(String, ColumnRole)] = [
        ("一般公共预算", .gpb), ("政府性基金", .governmentFund), ("国有资本经营", .stateCapital),
        ("上级补助收入", .superiorGrant), ("事业单位经营收入", .businessIncome), ("事业收入", .serviceIncome), ("经营收入", .businessIncome),
        ("附属单位上缴收入", .subsidiaryRemit), ("其他收入", .otherIncome),
        ("财政拨款收入", .fiscalIncome), ("财政拨款", .fiscalIncome)
    ]

    /// The 经济分类 类 whose sum is 人员经费; every other class of a 基本支出 table is 公用经费.
    static let personnelClasses: Set<String> = ["301", "303"]

    // MARK: units and notes

    /// "单位：万元", "金额单位：元", "（万元）" → power of ten relative to 元.
    static let units: [(String, Int)] = [("亿元", 8), ("万元", 4), ("千元", 3), ("元", 0)]
    static let unitMarkers = ["单位:", "单位：", "单位"]

    /// A note saying a table is empty on purpose ("本表无数据", "故本表为空表", "无此项支出").
    static let noDataWords = ["无数据", "为空表", "本表为空", "空表", "无此项", "无相关数据", "没有数据", "不涉及", "未发生"]

    // MARK: folding

    /// White space, line breaks and quotes removed; brackets folded (CleanText folds full-width forms already).
    static func fold(_ scalars: some Sequence<UInt32>) -> [UInt32] {
        scalars.compactMap { s -> UInt32? in
            if Chars.isSpace(s) || s == 0x0A || s == 0x3000 || s == 0x201C || s == 0x201D || s == 0x22 || s == 0x2018 || s == 0x2019 {
                return nil
            }
            if s == 0xFF08 { return 0x28 }
            if s == 0xFF09 { return 0x29 }
            return s
        }
    }

    static func foldedWords<T>(_ list: [(String, T)]) -> [(words: [UInt32], value: T)] {
        list.map { (fold(Chars.of($0.0)), $0.1) }.sorted { $0.words.count > $1.words.count }
    }

    static let foldedTitles = foldedWords(titles)
    static let foldedColumns = foldedWords(columns)
    static let foldedLabelColumns = foldedWords(labelColumns)
    static let foldedBases = foldedWords(bases)
    static let foldedRows = foldedWords(rows)
    static let foldedIncomeSources = incomeSources.map { (words: fold(Chars.of($0.0)), value: $0.1) }
    static let foldedUnits = foldedWords(units)
    static let foldedUnitMarkers = unitMarkers.map { fold(Chars.of($0)) }
    /// A character every title has (表) and one every unit has (元): text without it names
    /// none, and is refused before it is folded and searched (most paragraphs and cells).
    static let titleKey = commonScalar(foldedTitles.map(\.words))
    static let unitKey = commonScalar(foldedUnits.map(\.words))

    static func commonScalar(_ words: [[UInt32]]) -> UInt32? {
        guard var common = words.first.map(Set.init) else { return nil }
        for w in words.dropFirst() { common.formIntersection(w) }
        return common.min()
    }
    static let foldedNotTitles = notTitles.map { fold(Chars.of($0)) }
    static let foldedNoData = noDataWords.map { fold(Chars.of($0)) }
    static let foldedIncomeSides = Set(incomeSides.map { fold(Chars.of($0)) })
    static let foldedExpenditureSides = Set(expenditureSides.map { fold(Chars.of($0)) })

    /// The longest listed word contained in `text`.
    static func longest<T>(in text: [UInt32], _ list: [(words: [UInt32], value: T)]) -> T? {
        for entry in list where entry.words.count <= text.count && contains(text, entry.words) { return entry.value }
        return nil
    }

    /// The listed word equal to `text`.
    static func exact<T>(_ text: [UInt32], _ list: [(words: [UInt32], value: T)]) -> T? {
        list.first { $0.words == text }?.value
    }

    static func contains(_ text: [UInt32], _ word: [UInt32]) -> Bool {
        guard !word.isEmpty, word.count <= text.count else { return false }
        return text.withUnsafeBufferPointer { t in word.withUnsafeBufferPointer { Search.first($0, in: t) != nil } }
    }
}

import Model

/// What must hold in and between the finance tables (domain brief §2, §7), as data the checks
/// evaluate: columns that sum others in every row, the same figure in two tables, the table
/// cell a concept of the narrative restates.
public enum TableRules {
    /// A column that is the sum of others in every row ("本年支出合计 = 基本 + 项目 + …"), per
    /// basis. The first total role the table has is the total; the parts it has are summed.
    public struct ColumnSum: Sendable {
        public var id: String
        public var totals: [ColumnRole]
        public var parts: [ColumnRole]
    }

    public static let columnSums: [ColumnSum] = [
        ColumnSum(
            id: "income-sources", totals: [.currentIncome, .total],
            parts: [.fiscalIncome, .superiorGrant, .serviceIncome, .businessIncome, .subsidiaryRemit, .otherIncome]),
        ColumnSum(
            id: "expenditure-kinds", totals: [.currentExpenditure, .total], parts: [.basic, .project, .remit, .business, .subsidiary]),
        ColumnSum(id: "funds", totals: [.total], parts: [.gpb, .governmentFund, .stateCapital]),
        ColumnSum(id: "basic-split", totals: [.total], parts: [.personnel, .publicFunds]),
        ColumnSum(id: "sangong", totals: [.total, .sangong], parts: [.abroad, .cars, .reception]),
        ColumnSum(id: "official-cars", totals: [.cars], parts: [.carPurchase, .carRunning])
    ]

    /// Which row of a table side a reference means.
    public enum RowSelector: Sendable, Hashable {
        case role(RowRole)
        /// 本年收入/支出合计, or 总计 when the side has no 本年 row and nothing carried.
        case current
        /// A listed item of a summary side naming an income source ("一、一般公共预算财政拨款收入").
        case source(ColumnRole)
    }

    /// One cell (or the sum of several) of one kind of table.
    public struct CellRef: Sendable {
        public var kind: FinanceTableKind
        public var side: PanelSide?
        public var rows: [RowSelector]
        public var column: ColumnRole
        public var basis: ColumnBasis?

        public init(
            _ kind: FinanceTableKind, _ side: PanelSide? = nil, _ rows: [RowSelector], _ column: ColumnRole, basis: ColumnBasis? = nil
        ) {
            self.kind = kind
            self.side = side
            self.rows = rows
            self.column = column
            self.basis = basis
        }
    }

    /// The 经济分类 类 whose sum is 人员经费 (the vocabulary's list); every other class of a
    /// 基本支出 table is 公用经费.
    public static var personnelClasses: Set<String> { TableVocabulary.personnelClasses }

    /// The same figure in two tables; `atMost`: the first may only not exceed the second.
    public struct Link: Sendable {
        public var id: String
        public var a: CellRef
        public var b: CellRef
        public var atMost = false
    }

    static func ref(_ kind: FinanceTableKind, _ side: PanelSide? = nil, _ row: RowSelector, _ column: ColumnRole) -> CellRef {
        CellRef(kind, side, [row], column)
    }

    public static let links: [Link] = {
        var out: [Link] = [
            Link(id: "T1-T2 本年收入合计", a: ref(.summary, .income, .current, .amount), b: ref(.income, nil, .role(.total), .currentIncome)),
            Link(
                id: "T1-T3 本年支出合计", a: ref(.summary, .expenditure, .current, .amount),
                b: ref(.expenditure, nil, .role(.total), .currentExpenditure)),
            Link(
                id: "T2-T4 财政拨款收入", a: ref(.income, nil, .role(.total), .fiscalIncome), b: ref(.fiscalSummary, .income, .current, .amount)),
            Link(
                id: "T4-T5 一般公共预算财政拨款支出", a: ref(.fiscalSummary, .expenditure, .current, .gpb),
                b: ref(.gpbExpenditure, nil, .role(.total), .total)),
            Link(
                id: "T5-T3 基本支出", a: ref(.gpbExpenditure, nil, .role(.total), .basic), b: ref(.expenditure, nil, .role(.total), .basic),
                atMost: true),
            Link(
                id: "T5-T3 项目支出", a: ref(.gpbExpenditure, nil, .role(.total), .project), b: ref(.expenditure, nil, .role(.total), .project),
                atMost: true),
            Link(
                id: "T5-T6 基本支出", a: ref(.gpbExpenditure, nil, .role(.total), .basic),
                b: CellRef(.gpbBasic, nil, [.role(.personnelTotal), .role(.publicFundsTotal)], .amount)),
            Link(
                id: "T4-T8 政府性基金支出", a: ref(.fiscalSummary, .expenditure, .current, .governmentFund),
                b: ref(.governmentFund, nil, .role(.total), .currentExpenditure)),
            Link(
                id: "T4-T9 国有资本经营支出", a: ref(.fiscalSummary, .expenditure, .current, .stateCapital),
                b: ref(.stateCapital, nil, .role(.total), .currentExpenditure)),
            Link(
                id: "T4-T8 政府性基金收入", a: ref(.fiscalSummary, .income, .source(.governmentFund), .amount),
                b: ref(.governmentFund, nil, .role(.total), .currentIncome)),
            Link(
                id: "T4-T9 国有资本经营收入", a: ref(.fiscalSummary, .income, .source(.stateCapital), .amount),
                b: ref(.stateCapital, nil, .role(.total), .currentIncome)),
            Link(
                id: "B4-B5 一般公共预算支出", a: ref(.budgetFiscalSummary, .expenditure, .current, .gpb),
                b: ref(.budgetGPBExpenditure, nil, .role(.total), .total)),
            Link(
                id: "B5-B6 基本支出", a: ref(.budgetGPBExpenditure, nil, .role(.total), .basic),
                b: ref(.budgetGPBBasic, nil, .role(.total), .total)),
            Link(
                id: "B1-B3 支出合计", a: ref(.budgetSummary, .expenditure, .current, .amount),
                b: ref(.budgetExpenditure, nil, .role(.total), .total)),
            Link(id: "B1-B2 收入合计", a: ref(.budgetSummary, .income, .current, .amount), b: ref(.budgetIncome, nil, .role(.total), .total))
        ]
        // The income sources of table 1 against table 4 (appropriations) and table 2 (the rest).
        for fund in [ColumnRole.gpb, .governmentFund, .stateCapital] {
            out.append(
                Link(
                    id: "T1-T4 \(fund.zh)", a: ref(.summary, .income, .source(fund), .amount),
                    b: ref(.fiscalSummary, .income, .source(fund), .amount)))
        }
        for source in [ColumnRole.superiorGrant, .serviceIncome, .businessIncome, .subsidiaryRemit, .otherIncome] {
            out.append(
                Link(
                    id: "T1-T2 \(source.zh)", a: ref(.summary, .income, .source(source), .amount),
                    b: ref(.income, nil, .role(.total), source)))
        }
        return out
    }()

    /// The 类 lines of a summary side against the 类 rows of a classification table.
    public struct ClassLink: Sendable {
        public var id: String
        public var summary: FinanceTableKind
        public var column: ColumnRole
        public var table: FinanceTableKind
        public var tableColumn: ColumnRole
    }

    public static let classLinks: [ClassLink] = [
        ClassLink(id: "T1-T3 类", summary: .summary, column: .amount, table: .expenditure, tableColumn: .currentExpenditure),
        ClassLink(id: "T4-T5 类", summary: .fiscalSummary, column: .gpb, table: .gpbExpenditure, tableColumn: .total),
        ClassLink(
            id: "T4-T8 类", summary: .fiscalSummary, column: .governmentFund, table: .governmentFund, tableColumn: .currentExpenditure),
        ClassLink(id: "B1-B3 类", summary: .budgetSummary, column: .amount, table: .budgetExpenditure, tableColumn: .total),
        ClassLink(id: "B4-B5 类", summary: .budgetFiscalSummary, column: .gpb, table: .budgetGPBExpenditure, tableColumn: .total)
    ]

    /// The table cells each concept of the narrative restates, first found first (domain brief §3).
    public static let concepts: [String: [CellRef]] = {
        var m: [String: [CellRef]] = [:]
        m["income-expenditure-total"] = [
            ref(.summary, .income, .role(.grandTotal), .amount), ref(.summary, .expenditure, .role(.grandTotal), .amount)
        ]
        m["income-total"] = [ref(.summary, .income, .role(.grandTotal), .amount), ref(.budgetSummary, .income, .role(.grandTotal), .amount)]
        m["expenditure-total"] = [
            ref(.summary, .expenditure, .role(.grandTotal), .amount), ref(.budgetSummary, .expenditure, .role(.grandTotal), .amount)
        ]
        m["current-income"] = [
            ref(.summary, .income, .current, .amount), ref(.income, nil, .role(.total), .currentIncome),
            ref(.budgetSummary, .income, .current, .amount)
        ]
        m["current-expenditure"] = [
            ref(.summary, .expenditure, .current, .amount), ref(.expenditure, nil, .role(.total), .currentExpenditure),
            ref(.budgetSummary, .expenditure, .current, .amount)
        ]
        m["fiscal-income"] = [ref(.income, nil, .role(.total), .fiscalIncome), ref(.fiscalSummary, .income, .current, .amount)]
        m["fiscal-total"] = [
            ref(.fiscalSummary, .income, .role(.grandTotal), .amount), ref(.fiscalSummary, .expenditure, .role(.grandTotal), .total),
            ref(.budgetFiscalSummary, .income, .role(.grandTotal), .amount)
        ]
        m["fiscal-expenditure"] = [ref(.fiscalSummary, .expenditure, .current, .total)]
        m["gpb-income"] = [ref(.fiscalSummary, .income, .source(.gpb), .amount), ref(.summary, .income, .source(.gpb), .amount)]
        m["gpb-expenditure"] = [
            ref(.gpbExpenditure, nil, .role(.total), .total), ref(.fiscalSummary, .expenditure, .current, .gpb),
            ref(.budgetGPBExpenditure, nil, .role(.total), .total)
        ]
        m["gpb-basic"] = [ref(.gpbExpenditure, nil, .role(.total), .basic), ref(.budgetGPBExpenditure, nil, .role(.total), .basic)]
        m["basic-expenditure"] = [ref(.expenditure, nil, .role(.total), .basic), ref(.budgetExpenditure, nil, .role(.total), .basic)]
        m["project-expenditure"] = [ref(.expenditure, nil, .role(.total), .project), ref(.budgetExpenditure, nil, .role(.total), .project)]
        m["business-expenditure"] = [ref(.expenditure, nil, .role(.total), .business)]
        m["personnel"] = [ref(.gpbBasic, nil, .role(.personnelTotal), .amount), ref(.budgetGPBBasic, nil, .role(.total), .personnel)]
        m["public-funds"] = [ref(.gpbBasic, nil, .role(.publicFundsTotal), .amount), ref(.budgetGPBBasic, nil, .role(.total), .publicFunds)]
        m["gf-income"] = [
            ref(.fiscalSummary, .income, .source(.governmentFund), .amount), ref(.governmentFund, nil, .role(.total), .currentIncome)
        ]
        m["gf-expenditure"] = [
            ref(.governmentFund, nil, .role(.total), .currentExpenditure), ref(.fiscalSummary, .expenditure, .current, .governmentFund)
        ]
        m["soc-income"] = [
            ref(.fiscalSummary, .income, .source(.stateCapital), .amount), ref(.stateCapital, nil, .role(.total), .currentIncome)
        ]
        m["soc-expenditure"] = [
            ref(.stateCapital, nil, .role(.total), .currentExpenditure), ref(.fiscalSummary, .expenditure, .current, .stateCapital)
        ]
        m["carry-forward-start"] = [ref(.summary, .income, .role(.carryIn), .amount)]
        m["carry-forward-end"] = [ref(.summary, .expenditure, .role(.carryOut), .amount)]
        m["non-fiscal-surplus-use"] = [ref(.summary, .income, .role(.nonFiscalSurplus), .amount)]
        m["surplus-distribution"] = [ref(.summary, .expenditure, .role(.surplusDistribution), .amount)]
        // The 三公 table has a row of its own: any row, the first with figures.
        for (concept, role) in [
            ("sangong", ColumnRole.total), ("abroad", .abroad), ("official-cars", .cars), ("car-purchase", .carPurchase),
            ("car-running", .carRunning), ("reception", .reception)
        ] {
            m[concept] = [CellRef(.sangong, nil, [], role), CellRef(.budgetSangong, nil, [], role)]
        }
        m["operating-costs"] = [CellRef(.budgetSangong, nil, [], .operatingCosts)]
        return m
    }()
}

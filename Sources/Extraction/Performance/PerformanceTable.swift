import Model

/// A table cell as the performance model sees it: its text, its first number, where it is.
public struct CellValue: Sendable {
    /// The cell's clean text; `text` spells it out when a message needs it.
    public let clean: CleanText
    /// Every number in the cell, with source spans; `quantity` is the first. A bare number
    /// carries the unit of its column's header ("87" under 执行率（%） is 87%).
    public internal(set) var quantities: [Quantity]
    public let span: Span
    private let storedRow: Int32
    private let storedColumn: Int32
    private let storedUnit: Int32

    init(clean: CleanText, quantities: [Quantity], span: Span, row: Int, column: Int, unit: Int?) {
        self.clean = clean
        self.quantities = quantities
        self.span = span
        storedRow = Int32(row)
        storedColumn = Int32(column)
        storedUnit = Int32(unit ?? -1)
    }

    public var text: String { clean.string }
    public var quantity: Quantity? { quantities.first }
    public var row: Int { Int(storedRow) }
    public var column: Int { Int(storedColumn) }
    /// The cell's text unit in `AuditModel.units` (nil when the cell has no digit).
    public var unit: Int? { storedUnit < 0 ? nil : Int(storedUnit) }

    public var isEmpty: Bool { clean.isEmpty }
    /// "/", "-", "—", "\\", "无": the form's way of saying "not applicable".
    public var isPlaceholder: Bool { clean.count == 1 && CellValue.placeholders.contains(clean[0]) }
    public var isBlank: Bool { isEmpty || isPlaceholder }

    static let placeholders: Set<UInt32> = Set(Chars.of("/-—－\\无"))
}

/// The kind of an indicator, from its 一级/二级 names.
public enum IndicatorKind: String, Sendable {
    case quantity = "数量"
    case quality = "质量"
    case timeliness = "时效"
    case cost = "成本"
    case benefit = "效益"
    case satisfaction = "满意度"
    case other = "其他"
}

/// How a target is stated: the form's 指标性质 column, or the sign inside the value.
public enum TargetOperator: String, Sendable {
    case atLeast = "≥"
    case atMost = "≤"
    case greater = ">"
    case less = "<"
    case equal = "="
    case qualitative = "定性"
}

/// One row of a 绩效指标 block.
public struct Indicator: Sendable {
    public var row: Int
    public var level1: String
    public var level2: String
    public var name: String
    public var nameCell: CellValue?
    public var kind: IndicatorKind
    /// Index into `PerformanceTable.sections` (the 一级 group this row belongs to).
    public var section: Int?
    public var op: TargetOperator?
    public var opCell: CellValue?
    /// The target: its number (with unit) when it has one, and the cell(s) it was read from.
    public var target: Quantity?
    public var targetCell: CellValue?
    public var unitText: String?
    public var actual: CellValue?
    public var actualQuantity: Quantity?
    public var weight: CellValue?
    public var score: CellValue?
    /// 完成率（%）: the form's own ratio of actual to target.
    public var completionRate: CellValue?
    public var reason: CellValue?
    public var span: Span
    /// 预算执行率, “三公”经费控制率 …: an indicator of the whole department, by its name.
    public var wholeDepartment: WholeDepartmentIndicator?
    /// What its reason or value says about payment (未支付, 已全部拨付).
    public var paymentNote: PaymentNote?
}

/// "产出指标（50分）": a group of indicators with the points the form gives it.
public struct IndicatorSection: Sendable {
    public var name: String
    public var points: Quantity?
    /// The label cell (or the "(50分)" part of it).
    public var span: Span
}

/// One fund row of the 预算执行情况 block (总额, 其中：财政资金 …).
public struct FundRow: Sendable {
    public var row: Int
    public var label: String
    /// The cell the label was read from (where a reader looks for the row).
    public var labelCell: CellValue?
    public var initial: CellValue?
    public var adjusted: CellValue?
    public var executed: CellValue?
    public var rate: CellValue?
    public var weight: CellValue?
    public var score: CellValue?
    public var reason: CellValue?
    public var span: Span
    /// What its reason says about payment (未支付, 已全部拨付).
    public var paymentNote: PaymentNote?

    public var isTotal: Bool { label.hasPrefix("总额") || label.hasPrefix("年度资金总额") || label == "合计" }
}

public struct BudgetBlock: Sendable {
    /// "预算执行情况（10分）"
    public var points: Quantity?
    public var header: Span
    public var rows: [FundRow]
    public var total: FundRow? { rows.first(where: \.isTotal) ?? rows.first }
}

/// The 合计 / 总分 row.
public struct TotalRow: Sendable {
    public var label: CellValue
    public var weight: CellValue?
    public var score: CellValue?
    public var reason: CellValue?
    public var span: Span
}

/// One amount of the 部门整体 table's breakdown of its funds, written inside its label cell
/// ("其中：一般公共预算：1234.56") or in the cell after it.
public struct FundShare: Sendable {
    public enum Side: String, Sendable {
        /// 按收入性质分: where the money came from (一般公共预算, 政府性基金预算 …).
        case income = "按收入性质分"
        /// 按支出性质分: what it was spent on (基本支出, 项目支出).
        case expenditure = "按支出性质分"
    }

    public var side: Side
    public var label: String
    public var cell: CellValue
    public var amount: Quantity
}

/// A 项目支出绩效自评表 (or a 部门整体 table with the same blocks), whatever its layout.
public struct PerformanceTable: Sendable {
    public enum Scope: String, Sendable {
        case project
        /// 部门整体支出绩效自评表: the whole department's funds and indicators.
        case department
    }

    public enum Layout: String, Sendable {
        /// Targets split into 指标性质 | 指标值 | 度量单位 columns.
        case separateColumns = "split targets"
        /// Targets as free text ("≥12个", "不低于95%") in one 指标值 column.
        case freeText = "targets as text"
    }

    /// Index into `Document.tables`.
    public var table: Int
    public var layout: Layout
    public var scope: Scope = .project
    public var title: String?
    public var projectName: String?
    public var projectCode: String?
    public var nameSpan: Span?
    public var budget: BudgetBlock?
    /// The 部门整体 table's funds by income and by expenditure nature.
    public var fundShares: [FundShare] = []
    /// What each column of the two blocks holds, and how each row was aligned under it.
    public var budgetColumns: BlockColumns?
    public var indicatorColumns: BlockColumns?
    /// "绩效指标（90分）"
    public var indicatorPoints: Quantity?
    public var indicatorHeader: Span?
    /// Column spans of the indicator header, by role ("actual" → the 完成值 header cell).
    public var headerCells: [String: CellValue]
    public var sections: [IndicatorSection]
    public var indicators: [Indicator]
    /// Indicator rows that were present but entirely empty.
    public var emptyIndicatorRows: [Int]
    public var total: TotalRow?
    /// 项目年度目标 and 年度目标完成情况 (or 预期目标 / 实际完成情况).
    public var goal: CellValue?
    public var goalCompletion: CellValue?
    public var conclusion: CellValue?
    public var span: Span
}

/// The 部门整体支出绩效自评表: nested 一级/二级/三级 rows with group points in the labels.
public struct DepartmentTable: Sendable {
    public struct Group: Sendable {
        public var name: String
        public var points: Quantity?
        public var span: Span
        public var parent: Int?
        public var level: Int
    }

    public struct Row: Sendable {
        public var row: Int
        public var name: String
        public var group: Int?
        public var weight: CellValue?
        public var score: CellValue?
        public var span: Span
    }

    public var table: Int
    public var groups: [Group]
    public var rows: [Row]
    public var total: TotalRow?
    /// What each column holds, and how each row was aligned under the header.
    public var columns: BlockColumns?
    public var span: Span
}

/// A self-evaluation table, or part of one, that could not be understood: said, never skipped.
public struct UnreadTable: Sendable {
    public enum Problem: Sendable, Equatable {
        /// Titled like a self-evaluation table, but neither block's header was found.
        case noBlock
        /// Header cells of a block whose words name no known column (their numbers are not read).
        case unmappedHeader(PerformanceBlockKind, [String])
        /// Rows inside a block that could not be laid under its header (their numbers are not read).
        case unalignedRows(PerformanceBlockKind, [Int])
    }

    public var table: Int
    public var title: String
    public var span: Span
    public var problem: Problem
    public var reason: LocalizedText
}

/// A whole-department indicator (部门整体支出绩效自评表) whose value is a ratio of figures the
/// report's accounts or the table's own funds state.
public enum WholeDepartmentIndicator: String, Sendable {
    /// 预算执行率 = 全年执行数 ÷ 全年预算数 (the table's 年度资金总额).
    case budgetExecution = "预算执行率"
    /// 结转结余率 = 年末结转和结余 ÷ 全年预算数.
    case carryForward = "结转结余率"
    /// “三公”经费控制率 = “三公”经费决算数 ÷ 预算数.
    case sangongControl = "“三公”经费控制率"
    /// 政府采购执行率 = 政府采购支出 ÷ 政府采购预算.
    case procurementExecution = "政府采购执行率"
    /// Named like one, but no ratio of stated figures (结转结余变动率).
    case none = ""
}

/// What a note (a reason cell, a cost indicator's value) says about the money: not paid yet
/// (未支付, 尚未拨付 …) or paid in full (已全部拨付 …). A note that says both says neither.
public struct PaymentNote: Sendable {
    public enum Says: String, Sendable {
        case notPaid = "not paid"
        case paid = "paid in full"
    }

    public var says: Says
    /// The words that say it, as written.
    public var words: String
    public var cell: CellValue
}

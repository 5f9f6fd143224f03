import Model

/// What a column of a 绩效自评表 holds, as its header words name it (`PerformanceVocabulary`).
/// The reader reads columns by role, never by position, so a template with other words or
/// another column count is read as soon as its words are in the vocabulary.
public enum PerformanceRole: String, Sendable, CaseIterable {
    /// The block's own name in its first column: 预算执行情况（10分）, 绩效指标（90分）, 项目资金（万元）.
    case blockLabel = "block"
    /// The column naming each fund row (年度预算数（万元）, 资金来源): 总额, 其中：财政拨款 …
    case fundLabel = "fund"
    case initialBudget = "initial"
    case adjustedBudget = "adjusted"
    case executed
    case executionRate = "rate"
    case weight
    case score
    case level1
    case level2
    case level3
    /// 指标性质: ≥, ≤, ＝, 定性 in a column of its own.
    case targetOperator = "operator"
    case target
    /// 度量单位 of the target, in a column of its own.
    case unit
    case actual
    /// 完成率: actual ÷ target (target ÷ actual for a ≤ target), 100% when met.
    case completionRate = "completion"
    case reason
    /// 指标解释, 评分说明, 备注: words, never checked.
    case explanation
    case scoringRule = "scoring"
    case remark

    /// Roles whose cells hold a number (or nothing, or a "not applicable" mark).
    public var holdsNumber: Bool {
        switch self {
        case .initialBudget, .adjustedBudget, .executed, .executionRate, .weight, .score, .completionRate: return true
        default: return false
        }
    }

    /// Budget amounts: counted in the block's money unit when the cell has none.
    public var isAmount: Bool { self == .initialBudget || self == .adjustedBudget || self == .executed }

    /// Roles that name a row rather than measure it: a row exported without its leading merged
    /// cells loses these first, and they carry over from the row above.
    public var isLabel: Bool {
        switch self {
        case .blockLabel, .fundLabel, .level1, .level2, .level3: return true
        default: return false
        }
    }
}

/// The two blocks of a self-evaluation table.
public enum PerformanceBlockKind: String, Sendable {
    /// 预算执行情况 / 项目资金 / 年度预算申请: fund rows with budget, execution and rate.
    case budget
    /// 绩效指标: indicator rows with targets, actual values, weights and scores.
    case indicators
}

/// One column of a block's header: its words, the role they name (nil: not understood) and
/// the unit the header gives to bare numbers below it ("执行率（%）", "项目资金（万元）").
public struct PerformanceColumn: Sendable {
    public var column: Int
    public var header: CellValue?
    public var role: PerformanceRole?
    public var unit: Unit?
    /// The header words came from the header row above (a two-row header).
    public var fromRowAbove: Bool

    public init(column: Int, header: CellValue?, role: PerformanceRole?, unit: Unit?, fromRowAbove: Bool = false) {
        self.column = column
        self.header = header
        self.role = role
        self.unit = unit
        self.fromRowAbove = fromRowAbove
    }

    public var headerText: String { header.map { Header.squeeze($0.text) } ?? "" }
}

/// How a row's cells were laid under the header's columns: a row of vertically merged cells
/// may come without its leading (empty) cells, a Word grid may carry more cells than a header
/// whose cells span several columns, and text flattened from a PDF drops every empty cell.
public struct RowAlignment: Sendable, Equatable {
    public enum Method: String, Sendable {
        /// As many cells as the header, one under each.
        case asHeader = "as header"
        /// Fewer (or more) cells than the header, aligned from the right: the trailing columns
        /// are always present, the leading merged labels are not. Cell `c + offset` lies under
        /// header column `c`.
        case fromRight = "from the right"
        /// Aligned from the left (trailing cells missing).
        case fromLeft = "from the left"
        /// Cells missing anywhere (a flattened row): each placed where what it holds fits
        /// (`placement`: the header column of each cell, in order).
        case byContent = "by content"
    }

    public var row: Int
    public var offset: Int
    public var method: Method
    public var placement: [Int]?

    public init(row: Int, offset: Int, method: Method, placement: [Int]? = nil) {
        self.row = row
        self.offset = offset
        self.method = method
        self.placement = placement
    }

    /// The index of the row's cell under header column `column`, if the row has one there.
    public func cell(under column: Int, width: Int) -> Int? {
        if let placement { return placement.firstIndex(of: column) }
        let c = column + offset
        return c >= 0 && c < width ? c : nil
    }
}

/// A block's header as understood: which column holds what, and how each of its rows lies
/// under it.
public struct BlockColumns: Sendable {
    public var kind: PerformanceBlockKind
    /// The header row, and the row above it when the header spans two rows.
    public var headerRow: Int
    public var headerRowAbove: Int?
    public var columns: [PerformanceColumn]
    /// The header column of the row labels (fund names; for indicators, the 三级 name).
    public var labelColumn: Int?
    public var alignments: [RowAlignment]
    /// Rows inside the block that could not be laid under the header.
    public var unalignedRows: [Int]

    public init(
        kind: PerformanceBlockKind, headerRow: Int, headerRowAbove: Int? = nil, columns: [PerformanceColumn],
        labelColumn: Int?, alignments: [RowAlignment] = [], unalignedRows: [Int] = []
    ) {
        self.kind = kind
        self.headerRow = headerRow
        self.headerRowAbove = headerRowAbove
        self.columns = columns
        self.labelColumn = labelColumn
        self.alignments = alignments
        self.unalignedRows = unalignedRows
    }

    /// The first header column with `role`.
    public func column(_ role: PerformanceRole) -> Int? { columns.first { $0.role == role }?.column }

    public func has(_ role: PerformanceRole) -> Bool { column(role) != nil }

    /// Header cells with words that name no role (reported, never skipped silently).
    public var unmapped: [PerformanceColumn] {
        let firstData = columns.first { $0.role.map { !$0.isLabel } ?? false }?.column ?? 0
        return columns.filter { $0.role == nil && $0.column >= firstData && !$0.headerText.isEmpty }
    }

    public func alignment(of row: Int) -> RowAlignment? { alignments.first { $0.row == row } }
}

import Model

/// An amount printed in a cell of a finance table, in the table's unit and in 万元.
public struct TableFigure: Sendable {
    /// The number as printed (its unit is the table's, not the cell's).
    public let quantity: Quantity
    /// The whole cell, for messages and related places.
    public let cellSpan: Span
    /// Row and column in the document table (0-based).
    public let row: Int
    public let column: Int
    /// Power of ten of the table's unit relative to 元 (万元 = 4).
    public let unitPower: Int
    /// Printed on a line of its own, apart from its row's label (text extracted from a PDF):
    /// which row it belongs to was guessed, so no relation is judged on it.
    public var guessed = false

    /// The printed figure converted to 万元, its precision scaled along.
    public var figure: Figure {
        var f = quantity.figure
        // A cell in a percent or 万元 unit of its own keeps it; a bare number takes the table's.
        switch quantity.unit {
        case .money(let p): f = f.shifted(by: p - 4)
        case .none: f = f.shifted(by: unitPower - 4)
        default: break
        }
        return f
    }

    /// "2,961.68" as printed.
    public var printed: String { quantity.value.formatted(minDecimals: quantity.decimals) }

    /// The printed value in 万元 for messages ("2961.68万元").
    public var wan: String {
        let f = figure
        return f.value.formatted(minDecimals: f.decimals) + "万元"
    }
}

/// A column of a finance table: where it is and what it holds.
public struct TableColumn: Sendable {
    /// Column in the document table (0-based, after spans are expanded).
    public var index: Int
    public var role: ColumnRole
    public var basis: ColumnBasis
    /// The header words it was read from, joined ("本年支出 › 基本支出").
    public var header: String
    /// The role came from the template's standard order, not from the header words.
    public var byPosition = false
    /// The side its header puts it on ("收入" | "支出"), in a summary table.
    public var side: PanelSide?
    /// Its lowest header word, as printed ("本年支出合计", "决算数").
    public var leaf = ""

    public init(
        index: Int, role: ColumnRole, basis: ColumnBasis, header: String, byPosition: Bool = false,
        side: PanelSide? = nil, leaf: String = ""
    ) {
        self.index = index
        self.role = role
        self.basis = basis
        self.header = header
        self.byPosition = byPosition
        self.side = side
        self.leaf = leaf
    }

    /// How messages name it: its own header word when that names it ("本年支出合计"), else its role.
    public var name: LocalizedText {
        let generic = ["决算数", "预算数", "金额", "小计", "合计"].contains(leaf) && role != .total
        return LocalizedText(zh: leaf.isEmpty || generic || byPosition ? role.zh : leaf, en: role.en)
    }
}

/// One row of one side of a finance table.
public struct FinanceRow: Sendable {
    /// Row in the document table (0-based).
    public var row: Int
    public var role: RowRole
    /// The label as printed, numbering included ("一、一般公共服务支出", "行政运行").
    public var label: String
    /// The label without its numbering ("一般公共服务支出").
    public var name: String
    public var code: ClassificationCode?
    /// For a summary table's listed item: the income source it names (财政拨款 …) or the 类 of
    /// the expenditure it names ("一般公共服务支出" → 201).
    public var source: ColumnRole?
    public var classCode: String?
    /// The listed item this one is part of ("1. 一般公共预算资金" under "一、财政拨款收入";
    /// the funds under 年初结转和结余), as an index into the panel's rows.
    public var parent: Int?
    /// 行次 as printed.
    public var lineNumber: Int?
    /// Amounts by document column.
    public var values: [Int: TableFigure]
    /// Amounts read on the row whose column could not be told (text extracted from a PDF): they
    /// still count among the row's parts.
    public var unplaced: [TableFigure] = []
    /// The label cell's span, for messages.
    public var labelSpan: Span
    public var span: Span

    public func value(_ column: TableColumn?) -> TableFigure? { column.flatMap { values[$0.index] } }

    /// How a message names the row: its code and name ("201 一般公共服务支出"), or its label.
    public var title: String {
        if let code { return name.isEmpty ? code.digits : code.digits + " " + name }
        return name.isEmpty ? label : name
    }
}

/// The side of a two-sided table.
public enum PanelSide: String, Sendable {
    case income, expenditure, whole, left, right
}

/// One side of a table: its label and amount columns and its rows (a one-sided table has one).
public struct TablePanel: Sendable {
    public var side: PanelSide
    public var columns: [TableColumn]
    public var rows: [FinanceRow]
    /// The amount columns whose figures are known to be in them, when not all are (a table
    /// rebuilt from text extracted from a PDF: a row's first figure is its total, the others
    /// are its parts, in which columns is a guess). nil: every column.
    public var trusted: Set<Int>?

    public init(side: PanelSide, columns: [TableColumn], rows: [FinanceRow], trusted: Set<Int>? = nil) {
        self.side = side
        self.columns = columns
        self.rows = rows
        self.trusted = trusted
    }

    /// Whether figures of this column are known to be in it.
    public func trusts(_ column: TableColumn) -> Bool { trusted?.contains(column.index) ?? true }

    /// The amount column with this role (and basis, when given).
    public func column(_ role: ColumnRole, basis: ColumnBasis? = nil) -> TableColumn? {
        columns.first { $0.role == role && (basis == nil || $0.basis == basis!) }
    }

    public var valueColumns: [TableColumn] { columns.filter { !$0.role.isLabel } }

    public func row(_ role: RowRole) -> FinanceRow? { rows.first { $0.role == role } }

    public func row(code: String) -> FinanceRow? { rows.first { $0.code?.digits == code } }
}

/// A 部门决算 or 部门预算 table recognised by its title and read by its header words.
public struct FinanceTable: Sendable {
    public var kind: FinanceTableKind
    /// Index into `Document.tables` of its first part (a table split across pages is joined).
    public var table: Int
    /// Further document tables joined to it, in order.
    public var continuations: [Int]
    /// "表3" in messages.
    public var number: Int
    public var title: String
    public var titleSpan: Span?
    /// Power of ten of its unit relative to 元 ("单位：万元" → 4); 万元 when the table does not say.
    public var unitPower: Int
    public var unitStated: Bool
    public var panels: [TablePanel]
    /// Amount columns whose header words were not understood: their table's footing is not
    /// tested (a missing part would make a false error).
    public var unreadColumns: [String]
    /// A note saying the table is empty on purpose ("本表无数据").
    public var noDataNote: Span?
    /// Its columns were placed by where figures stand on their lines (text extracted from a
    /// PDF), not read from cells: a row may have been matched to the wrong column.
    public var positional = false
    public var span: Span

    /// Every amount cell is blank.
    public var isBlank: Bool { panels.allSatisfy { $0.rows.allSatisfy { $0.values.isEmpty } } }

    public func panel(_ side: PanelSide) -> TablePanel? { panels.first { $0.side == side } }

    /// The panel holding a column with this role, for one-sided lookups.
    public var main: TablePanel? { panels.first }

    /// "表4（财政拨款收入支出决算总表）"
    public var named: LocalizedText {
        LocalizedText(zh: "表\(number)（\(kind.name.zh)）", en: "table \(number) (\(kind.name.en))")
    }
}

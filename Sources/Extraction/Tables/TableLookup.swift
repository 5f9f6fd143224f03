import Model

/// A resolved reference: the cells it names (one, or the parts of a sum), in which table.
public struct TableCells: Sendable {
    public var table: FinanceTable
    public var rows: [FinanceRow]
    public var figures: [TableFigure]
    public var column: TableColumn

    public init(table: FinanceTable, rows: [FinanceRow], figures: [TableFigure], column: TableColumn) {
        self.table = table
        self.rows = rows
        self.figures = figures
        self.column = column
    }

    /// Each cell's figure in 万元.
    public var inWan: [Figure] { figures.map(\.figure) }

    /// "表1（收入支出决算总表）本年支出合计" for messages.
    public var named: LocalizedText {
        let rowName = rows.map { $0.title }.joined(separator: "+")
        let columnName = column.role == .amount ? "" : column.name.zh + (column.basis == table.kind.basis ? "" : "（\(column.basis.zh)）")
        let columnEnglish =
            column.role == .amount ? "" : ", " + column.role.en + (column.basis == table.kind.basis ? "" : " (\(column.basis.en))")
        return LocalizedText(
            zh: "\(table.named.zh)「\(rowName)」\(columnName)",
            en: "\(table.named.en), row “\(rowName)”\(columnEnglish)")
    }
}

extension FinanceTables {
    /// The cells a reference names, when the table, row and column exist and every cell is stated.
    public func resolve(_ ref: TableRules.CellRef, basis wanted: ColumnBasis? = nil) -> TableCells? {
        guard let table = first(ref.kind) else { return nil }
        let panels = ref.side.map { side in table.panels.filter { $0.side == side } } ?? table.panels
        let basis = ref.basis ?? wanted
        var rows: [FinanceRow] = []
        var figures: [TableFigure] = []
        var column: TableColumn?
        if ref.rows.isEmpty {
            // Any row: the first with a figure in the column (a one-row table such as the 三公 table).
            for panel in panels {
                guard let c = panel.column(ref.column, basis: basis), panel.trusts(c) else { continue }
                if let row = panel.rows.first(where: { $0.values[c.index] != nil }) {
                    return TableCells(table: table, rows: [row], figures: [row.values[c.index]!], column: c)
                }
            }
            return nil
        }
        for selector in ref.rows {
            var found = false
            for panel in panels {
                guard let c = panel.column(ref.column, basis: basis), panel.trusts(c), let row = panel.select(selector) else { continue }
                guard let f = row.values[c.index] else { return nil }
                rows.append(row)
                figures.append(f)
                column = column ?? c
                found = true
                break
            }
            if !found { return nil }
        }
        guard let column else { return nil }
        return TableCells(table: table, rows: rows, figures: figures, column: column)
    }
}

extension TablePanel {
    func select(_ selector: TableRules.RowSelector) -> FinanceRow? {
        switch selector {
        case .role(let role): return row(role)
        case .current:
            if let r = row(.currentTotal) { return r }
            // Only 总计: it is the year's total when nothing is carried in or out.
            let carried: [RowRole] = [.carryIn, .carryOut, .nonFiscalSurplus, .surplusDistribution]
            guard !rows.contains(where: { carried.contains($0.role) && !$0.values.isEmpty }) else { return nil }
            return row(.grandTotal)
        case .source(let source):
            return rows.first { $0.role == .item && $0.parent == nil && $0.source == source }
        }
    }
}

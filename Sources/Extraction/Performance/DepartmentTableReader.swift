import Model

/// The 部门整体支出绩效自评表 laid out as groups with points in their labels (一级 "总体绩效（56分）",
/// 二级 "履职效能（10分）") over 三级 rows with a weight and a score, and no targets: the indicator
/// block read by role, rows aligned by content.
enum DepartmentTableReader {
    /// Group-and-points layout: levels and weights, but no target, actual value or budget block.
    static func isGroupLayout(_ columns: BlockColumns) -> Bool {
        columns.has(.weight) && !columns.has(.target) && !columns.has(.actual) && !columns.has(.completionRate)
            && !columns.has(.targetOperator)
    }

    static func read(_ g: Grid, _ block: BlockRead) -> DepartmentTable? {
        var d = DepartmentTable(table: g.index, groups: [], rows: [], total: nil, columns: block.columns, span: g.table.span)
        var level1: Int?
        var level2: Int?
        for a in block.rows {
            let r = a.row
            var level1Cell = block.cell(g, a, .level1)
            var level2Cell = block.cell(g, a, .level2)
            // A row placed by content whose only group label landed in the first level may be a
            // second-level group whose first level was merged away: it is, when its points still fit
            // in the open first-level group beside its siblings.
            if a.method != .asHeader, let c = level1Cell, !c.isEmpty, level2Cell?.isEmpty ?? true, let q = Header.points(c)?.value,
                let open = level1, let p = d.groups[open].points?.value, Header.name(c.text) != d.groups[open].name
            {
                var taken = Dec.zero
                for child in d.groups where child.parent == open { taken = taken + (child.points?.value ?? .zero) }
                if taken + q <= p {
                    level2Cell = c
                    level1Cell = nil
                }
            }
            if let c = level1Cell, !c.isEmpty {
                let name = Header.name(c.text)
                let points = Header.points(c)
                // A label repeated after a page break is the same group.
                if let i = level1, d.groups[i].name == name && d.groups[i].points?.value == points?.value {
                } else {
                    d.groups.append(.init(name: name, points: points, span: points?.span ?? c.span, parent: nil, level: 1))
                    level1 = d.groups.count - 1
                }
                level2 = nil
            }
            if let c = level2Cell, !c.isEmpty, block.columns.has(.level3) {
                let name = Header.name(c.text)
                let points = Header.points(c)
                if let i = level2, d.groups[i].name == name && d.groups[i].points?.value == points?.value {
                } else if let i = d.groups.lastIndex(where: {
                    $0.level == 2 && $0.name == name && $0.parent == level1 && $0.points?.value == points?.value
                }) {
                    level2 = i
                } else {
                    d.groups.append(.init(name: name, points: points, span: points?.span ?? c.span, parent: level1, level: 2))
                    level2 = d.groups.count - 1
                }
            }
            let weight = block.cell(g, a, .weight)
            let score = block.cell(g, a, .score)
            let name = (block.cell(g, a, .level3) ?? block.cell(g, a, .level2)).map { Header.squeeze($0.text) } ?? ""
            guard !name.isEmpty || !(weight?.isEmpty ?? true) || !(score?.isEmpty ?? true) else { continue }
            d.rows.append(.init(row: r, name: name, group: level2 ?? level1, weight: weight, score: score, span: g.table.rows[r].span))
        }
        if let t = block.totalRow { d.total = BlockReader.total(g, row: t, block) }
        return d.rows.isEmpty ? nil : d
    }
}

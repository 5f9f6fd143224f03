import Model

/// A rate the report states of itself (`Catalogue.rates`): "结转结余率为12.30%" in the prose,
/// or the 完成值 of an indicator named 结转结余率 in a self-evaluation table.
public struct StatedRate: Sendable {
    /// Where the rate is stated: a sentence of the prose, or an indicator row of a table.
    public enum Place: Sendable {
        case prose(Mention)
        /// The table (index into `AuditModel.projectTables`), the indicator's row, and its
        /// 原因 cell (nil when the table has none).
        case indicator(table: Int, row: Int, reason: CellValue?)
    }

    public var concept: Concept
    public var quantity: Quantity
    public var year: Int?
    public var place: Place
}

/// Reads every stated rate of `Catalogue.rates`. Not part of the `AuditModel` built for every
/// report: the configuration's rules are the only readers, and they ask for it (a report
/// audited without rules pays nothing for it).
public enum StatedRates {
    public static func read(_ model: AuditModel) -> [StatedRate] {
        var out: [StatedRate] = []
        for m in model.mentions where m.quantity.unit == .percent && m.quantity.comparator == nil && !m.quantity.approximate {
            // A share ("占…"), a change ("下降2.1%") or a completion of a budget is not the rate itself.
            guard m.role == .percent || m.role == .executionRate, model.unit(of: m).location.isParagraph,
                let concept = Catalogue.matchRate(m.labelScalars)
            else { continue }
            out.append(
                StatedRate(
                    concept: concept, quantity: m.quantity,
                    year: FactIndex.year(of: m, in: model.unit(of: m)) ?? model.reportYear, place: .prose(m)))
        }
        for (ti, table) in model.projectTables.enumerated() {
            for indicator in table.indicators {
                guard let q = indicator.actualQuantity ?? indicator.actual?.quantity, q.unit == .percent, q.comparator == nil,
                    let concept = Catalogue.matchRate(Chars.of(indicator.name))
                else { continue }
                out.append(
                    StatedRate(
                        concept: concept, quantity: q, year: model.reportYear,
                        place: .indicator(table: ti, row: indicator.row, reason: indicator.reason)))
            }
        }
        return out.sorted { $0.quantity.span.start < $1.quantity.span.start }
    }
}

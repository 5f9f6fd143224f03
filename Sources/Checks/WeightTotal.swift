import Engine
import Extraction
import Model

/// Indicator weights add up to their section's stated points, and everything to the stated total.
public struct WeightTotal: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "weight-total",
        title: LocalizedText(zh: "指标分值之和与标注分值不符", en: "Indicator weights do not add up to the stated points"),
        rationale: LocalizedText(
            zh: """
                绩效自评表的分值是分配出来的：每个一级指标标注的分值（如“产出指标（50分）”）等于其下各指标分值之和；\
                “绩效指标（90分）”等于全部指标分值之和；预算执行分值加全部指标分值等于合计/总分的分值（通常100）。部门整体自评表的二级、\
                一级分组同样核对。分组之和不符报警告，总数不符报错误。指标区为空的表由 score-total 报告。
                """,
            en: """
                Weights are allocated: each group's stated points (产出指标（50分）) equal the weights under it, 绩效指标（90分） equals \
                all indicator weights, and the budget weight plus every indicator weight equals the 合计/总分 weight (usually 100). The \
                department table's groups are checked the same way. A group that does not add up is a warning, the total an error. Tables \
                whose indicator block is empty are left to score-total.
                """),
        severity: .error,
        tags: ["arithmetic", "performance-table", "score"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标⏎⏎(↓50分) | 数量指标 | 举办培训班 | ≥12个 | 13个 | 30 | 30 | |
                    | | | 质量指标 | 培训合格率 | ≥95% | 98% | 30 | 30 | |
                    """), severity: .warning),
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标 | 数量指标 | 举办培训班 | ≥12个 | 13个 | 60 | 60 | |
                    | | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥95% | 97% | 50 | 50 | |
                    | 总分 | ↓100 | 100 | |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标⏎⏎(50分) | 数量指标 | 举办培训班 | ≥12个 | 13个 | 50 | 50 | |
                    | 总分 | 50 | 50 | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables where !p.indicators.isEmpty {
            // Each section against its stated points: a group that does not add up is a warning,
            // truncation or not (weights are allocated, not measured). Rows are grouped once (a
            // table may repeat a section label on every row: a filter per section was quadratic),
            // and only their weight cells are kept (one section may hold every row).
            var weightsOfSection = [[CellValue?]](repeating: [], count: p.sections.count)
            for row in p.indicators {
                if let si = row.section, si >= 0, si < weightsOfSection.count { weightsOfSection[si].append(row.weight) }
            }
            for (si, section) in p.sections.enumerated() {
                guard let points = section.points else { continue }
                let rows = weightsOfSection[si]
                let weights = rows.compactMap { TableSay.points($0) }
                guard weights.count == rows.count, !rows.isEmpty else { continue }
                let stated = Figure(value: points.value, decimals: points.decimals, exact: points.decimals == 0)
                report.judge(
                    Relations.sum(parts: weights, total: stated), severity: .warning, ifTruncated: .warning,
                    numbers: rows.compactMap { $0?.quantity } + [points], key: TableSay.key(p, "section|\(section.name)"),
                    message: Message.section(
                        project: TableSay.project(p), section: section.name, stated: points.printed,
                        weights: TableSay.joined(rows.compactMap { $0 }),
                        sum: Say.exactSum(weights).formatted()
                    ).text,
                    at: section.span,
                    related: rows.compactMap { $0.map { TableSay.related("weight", $0, zh: "分值", en: "weight") } },
                    expected: points.value.formatted() + "分")
            }
            let indicatorWeights = p.indicators.compactMap { TableSay.points($0.weight) }
            guard indicatorWeights.count == p.indicators.count else { continue }
            // The 绩效指标（90分） block (its header is read with its points).
            if let points = p.indicatorPoints, let header = p.indicatorHeader {
                let stated = Figure(value: points.value, decimals: 0, exact: true)
                report.judge(
                    Relations.sum(parts: indicatorWeights, total: stated), ifTruncated: nil,
                    numbers: p.indicators.compactMap { $0.weight?.quantity } + [points], key: TableSay.key(p, "block"),
                    message: Message.block(
                        project: TableSay.project(p), stated: points.printed,
                        sum: Say.exactSum(indicatorWeights).formatted()
                    ).text,
                    at: Span(header.start, header.start), expected: points.value.formatted() + "分")
            }
            // Budget weight + indicator weights = the total's weight.
            guard let total = p.total, let weightCell = total.weight, let weightQ = weightCell.quantity,
                let totalWeight = TableSay.points(weightCell)
            else { continue }
            var parts = indicatorWeights
            var cells = p.indicators.compactMap(\.weight)
            if let w = p.budget?.total?.weight, let f = TableSay.points(w) {
                parts.insert(f, at: 0)
                cells.insert(w, at: 0)
            }
            report.judge(
                Relations.sum(parts: parts, total: totalWeight), numbers: cells.compactMap(\.quantity) + [weightQ],
                key: TableSay.key(p, "total-weight"),
                message: Message.total(
                    project: TableSay.project(p), total: total.label.text, stated: weightCell.text,
                    sum: Say.exactSum(parts).formatted(), weights: TableSay.joined(cells)
                ).text,
                at: weightCell.span,
                related: [RelatedLocation(role: "total", span: total.label.span, message: LocalizedText(total.label.text))],
                expected: Say.exactSum(parts).formatted())
        }
        for d in model.departmentTables { department(d, model, &report) }
    }

    /// The department table: rows under each group against its points, groups under their parent.
    func department(_ d: DepartmentTable, _ model: AuditModel, _ report: inout CheckReport) {
        // Children and rows of each group, gathered in one pass each.
        var childrenOf = [[DepartmentTable.Group]](repeating: [], count: d.groups.count)
        for g in d.groups { if let parent = g.parent, parent >= 0, parent < childrenOf.count { childrenOf[parent].append(g) } }
        var rowsOf = [[DepartmentTable.Row]](repeating: [], count: d.groups.count)
        for row in d.rows { if let gi = row.group, gi >= 0, gi < rowsOf.count { rowsOf[gi].append(row) } }
        for (gi, group) in d.groups.enumerated() {
            guard let points = group.points else { continue }
            let children = childrenOf[gi]
            let parts: [Figure]
            let numbers: [Quantity]
            let shown: String
            if !children.isEmpty {
                let childPoints = children.compactMap(\.points)
                guard childPoints.count == children.count else { continue }
                parts = childPoints.map { Figure.exact($0.value) }
                numbers = childPoints
                shown = Say.terms(zip(children, childPoints).map { "\($0.name)\($1.printed)" }, separator: " + ")
            } else {
                let rows = rowsOf[gi]
                let weights = rows.compactMap { TableSay.points($0.weight) }
                guard !weights.isEmpty else { continue }
                parts = weights
                numbers = rows.compactMap { $0.weight?.quantity }
                shown = Say.terms(rows.compactMap(\.weight).map(\.text), separator: " + ")
            }
            report.judge(
                Relations.sum(parts: parts, total: Figure.exact(points.value)), severity: .warning, ifTruncated: nil,
                numbers: numbers + [points], key: "department|\(group.name)",
                message: Message.departmentGroup(
                    group: group.name, stated: points.printed, parts: shown,
                    sum: Say.exactSum(parts).formatted()
                ).text,
                at: group.span, expected: points.value.formatted() + "分")
        }
    }
}

extension WeightTotal {
    enum Message {
        case section(project: LocalizedText, section: String, stated: String, weights: String, sum: String)
        case block(project: LocalizedText, stated: String, sum: String)
        case total(project: LocalizedText, total: String, stated: String, sum: String, weights: String)
        case departmentGroup(group: String, stated: String, parts: String, sum: String)

        var text: LocalizedText {
            switch self {
            case .section(let project, let section, let stated, let weights, let sum):
                LocalizedText(
                    zh: "\(project.zh)“\(section)”标注\(stated)，其下各指标分值之和 \(weights) = \(sum)分。",
                    en: "\(project.en): “\(section)” is marked \(stated), but the weights under it sum to \(weights) = \(sum).")
            case .block(let project, let stated, let sum):
                LocalizedText(
                    zh: "\(project.zh)绩效指标标注\(stated)，各指标分值之和为\(sum)分。",
                    en: "\(project.en): the indicator block is marked \(stated), but its weights sum to \(sum).")
            case .total(let project, let total, let stated, let sum, let weights):
                LocalizedText(
                    zh: "\(project.zh)\(total)分值为\(stated)，而预算执行与各指标分值之和为\(sum)分（\(weights)）。",
                    en: "\(project.en): the \(total) weight is \(stated), but the budget and indicator weights sum to \(sum) "
                        + "(\(weights)).")
            case .departmentGroup(let group, let stated, let parts, let sum):
                LocalizedText(
                    zh: "部门整体自评表“\(group)”标注\(stated)，其下分值之和 \(parts) = \(sum)分。",
                    en: "department table: “\(group)” is marked \(stated), but what it contains sums to \(parts) = \(sum).")
            }
        }
    }
}

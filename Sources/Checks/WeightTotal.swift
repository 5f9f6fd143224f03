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
            zh: "绩效自评表的分值是分配出来的：每个一级指标标注的分值（如“产出指标（50分）”）等于其下各指标分值之和；“绩效指标（90分）”等于全部指标分值之和；预算执行分值加全部指标分值等于合计/总分的分值（通常100）。部门整体自评表的二级、一级分组同样核对。分组之和不符报警告，总数不符报错误。指标区为空的表由 score-total 报告。",
            en: "Weights are allocated: each group's stated points (产出指标（50分）) equal the weights under it, 绩效指标（90分） equals all indicator weights, and the budget weight plus every indicator weight equals the 合计/总分 weight (usually 100). The department table's groups are checked the same way. A group that does not add up is a warning, the total an error. Tables whose indicator block is empty are left to score-total."),
        severity: .error,
        tags: ["arithmetic", "performance-table", "score"],
        triggering: [
            Example(ExampleTables.freeTextIndicators + """
            \t
            \t产出指标

            (↓50分)
            \t数量指标
            \t举办培训班
            \t≥12个
            \t13个
            \t30
            \t30
            \t

            \t
            \t
            \t质量指标
            \t培训合格率
            \t≥95%
            \t98%
            \t30
            \t30
            \t

            """, severity: .warning),
            Example(ExampleTables.freeTextIndicators + """
            \t
            \t产出指标
            \t数量指标
            \t举办培训班
            \t≥12个
            \t13个
            \t60
            \t60
            \t

            \t
            \t满意度指标
            \t服务对象满意度指标
            \t学员满意度
            \t≥95%
            \t97%
            \t50
            \t50
            \t

            \t总分
            \t↓100
            \t100
            \t

            """),
        ],
        nonTriggering: [
            Example(ExampleTables.freeTextIndicators + """
            \t
            \t产出指标

            (50分)
            \t数量指标
            \t举办培训班
            \t≥12个
            \t13个
            \t50
            \t50
            \t

            \t总分
            \t50
            \t50
            \t

            """),
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables where !p.indicators.isEmpty {
            lazy var name = TableSay.project(p)
            // Each section against its stated points.
            for (si, section) in p.sections.enumerated() {
                guard let points = section.points else { continue }
                let rows = p.indicators.filter { $0.section == si }
                let weights = rows.compactMap { TableSay.points($0.weight) }
                guard weights.count == rows.count, !rows.isEmpty else { continue }
                lazy var key = TableSay.key(p, "section|\(section.name)")
                let stated = Figure(value: points.value, decimals: points.decimals, exact: points.decimals == 0)
                let verdict = Relations.sum(parts: weights, total: stated)
                if verdict == .holds { report.verified(rows.compactMap { $0.weight?.quantity } + [points], key: key); continue }
                guard verdict != .undefined else { continue }
                let sum = Say.exactSum(weights)
                report.add(Self.description.finding(.warning, LocalizedText(
                    zh: "\(name.zh)“\(section.name)”标注\(points.printed)，其下各指标分值之和 \(TableSay.joined(rows.compactMap(\.weight))) = \(sum.formatted())分。",
                    en: "\(name.en): “\(section.name)” is marked \(points.printed), but the weights under it sum to \(TableSay.joined(rows.compactMap(\.weight))) = \(sum.formatted())."),
                    at: section.span, related: rows.compactMap { $0.weight.map { TableSay.related("weight", $0, zh: "分值", en: "weight") } },
                    expected: points.value.formatted() + "分", key: key))
            }
            let indicatorWeights = p.indicators.compactMap { TableSay.points($0.weight) }
            guard indicatorWeights.count == p.indicators.count else { continue }
            let indicatorSum = Say.exactSum(indicatorWeights)
            // The 绩效指标（90分） block.
            if let points = p.indicatorPoints {
                lazy var key = TableSay.key(p, "block")
                let verdict = Relations.sum(parts: indicatorWeights, total: Figure(value: points.value, decimals: 0, exact: true))
                if verdict == .holds {
                    report.verified(p.indicators.compactMap { $0.weight?.quantity } + [points], key: key)
                } else if verdict == .fails, let header = p.indicatorHeader {
                    report.add(Self.description.finding(nil, LocalizedText(
                        zh: "\(name.zh)绩效指标标注\(points.printed)，各指标分值之和为\(indicatorSum.formatted())分。",
                        en: "\(name.en): the indicator block is marked \(points.printed), but its weights sum to \(indicatorSum.formatted())."),
                        at: Span(header.start, header.start), expected: points.value.formatted() + "分", key: key))
                }
            }
            // Budget weight + indicator weights = the total's weight.
            guard let total = p.total, let totalWeight = TableSay.points(total.weight) else { continue }
            var parts = indicatorWeights
            var cells = p.indicators.compactMap(\.weight)
            if let w = p.budget?.total?.weight, let f = TableSay.points(w) {
                parts.insert(f, at: 0)
                cells.insert(w, at: 0)
            }
            lazy var key = TableSay.key(p, "total-weight")
            let verdict = Relations.sum(parts: parts, total: totalWeight)
            switch verdict {
            case .holds: report.verified(cells.compactMap(\.quantity) + [total.weight!.quantity!], key: key)
            case .undefined: continue
            case .fails, .holdsIfTruncated:
                let sum = Say.exactSum(parts)
                report.add(Self.description.finding(nil, LocalizedText(
                    zh: "\(name.zh)\(total.label.text)分值为\(total.weight!.text)，而预算执行与各指标分值之和为\(sum.formatted())分（\(TableSay.joined(cells))）。",
                    en: "\(name.en): the \(total.label.text) weight is \(total.weight!.text), but the budget and indicator weights sum to \(sum.formatted()) (\(TableSay.joined(cells)))."),
                    at: total.weight!.span, related: [RelatedLocation(role: "total", span: total.label.span, message: LocalizedText(zh: total.label.text, en: total.label.text))],
                    expected: sum.formatted(), key: key))
            }
        }
        for d in model.departmentTables { department(d, model, &report) }
    }

    /// The department table: rows under each group against its points, groups under their parent.
    func department(_ d: DepartmentTable, _ model: AuditModel, _ report: inout CheckReport) {
        for (gi, group) in d.groups.enumerated() {
            guard let points = group.points else { continue }
            let children = d.groups.enumerated().filter { $0.element.parent == gi }
            let parts: [Figure]
            let numbers: [Quantity]
            let shown: String
            if !children.isEmpty {
                guard children.allSatisfy({ $0.element.points != nil }) else { continue }
                parts = children.map { Figure.exact($0.element.points!.value) }
                numbers = children.map { $0.element.points! }
                shown = children.map { "\($0.element.name)\($0.element.points!.printed)" }.joined(separator: " + ")
            } else {
                let rows = d.rows.filter { $0.group == gi }
                let weights = rows.compactMap { TableSay.points($0.weight) }
                guard !weights.isEmpty else { continue }
                parts = weights
                numbers = rows.compactMap { $0.weight?.quantity }
                shown = rows.compactMap(\.weight).map(\.text).joined(separator: " + ")
            }
            lazy var key = "department|\(group.name)"
            let verdict = Relations.sum(parts: parts, total: Figure.exact(points.value))
            if verdict == .holds { report.verified(numbers + [points], key: key); continue }
            guard verdict == .fails else { continue }
            report.add(Self.description.finding(.warning, LocalizedText(
                zh: "部门整体自评表“\(group.name)”标注\(points.printed)，其下分值之和 \(shown) = \(Say.exactSum(parts).formatted())分。",
                en: "department table: “\(group.name)” is marked \(points.printed), but what it contains sums to \(shown) = \(Say.exactSum(parts).formatted())."),
                at: group.span, expected: points.value.formatted() + "分", key: key))
        }
    }
}

import Engine
import Extraction
import Model

/// The 合计 / 总分 equals the budget score plus every indicator score.
public struct ScoreTotal: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "score-total",
        title: LocalizedText(zh: "合计得分与各项得分之和不符", en: "Total score is not the sum of the row scores"),
        rationale: LocalizedText(
            zh: "合计（总分）得分 = 预算执行得分 + 各绩效指标得分；部门整体自评表的总分 = 各行得分之和。绩效指标区一行也没有、合计却仍给满分（如100/100），这90分没有任何依据，报错误；合计得分与已列出的得分相符、只是指标区为空，报提示。",
            en: "The total (合计 / 总分) score is the budget score plus every indicator score; the department table's total is the sum of its rows. An indicator block with no rows under a total that still claims its points (100/100) has 90 points with no basis at all: an error. When the total matches what is listed but the block is empty: a note."),
        severity: .error,
        tags: ["arithmetic", "performance-table", "score"],
        triggering: [
            Example(ExampleTables.budgetBlock + """
            \t
            \t总额
            \t0.00
            \t15.00
            \t15.00
            \t100.00%
            \t10
            \t10
            \t

            \t绩效指标（90分）
            \t一级指标
            \t二级指标
            \t三级指标
            \t指标性质
            \t指标值
            \t度量单位
            \t完成值
            \t权重
            \t得分
            \t未完成原因分析

            \t
            \t
            \t
            \t
            \t
            \t
            \t
            \t
            \t
            \t
            \t

            \t↓合计
            \t100
            \t100
            \t

            """),
        ],
        nonTriggering: [
            Example(ExampleTables.budgetBlock + """
            \t
            \t总额
            \t10.00
            \t10.00
            \t10.00
            \t100.00%
            \t10
            \t10
            \t

            \t绩效指标（90分）
            \t一级指标
            \t二级指标
            \t三级指标
            \t指标性质
            \t指标值
            \t度量单位
            \t完成值
            \t权重
            \t得分
            \t未完成原因分析

            \t
            \t产出指标
            \t数量指标
            \t演出场次
            \t≥
            \t120
            \t场
            \t126场
            \t90
            \t90
            \t

            \t合计
            \t100
            \t100
            \t

            """),
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let total = p.total, let totalScore = TableSay.points(total.score) else { continue }
            lazy var name = TableSay.project(p)
            lazy var key = TableSay.key(p, "total-score")
            var cells: [CellValue] = []
            if let s = p.budget?.total?.score, TableSay.points(s) != nil { cells.append(s) }
            cells += p.indicators.compactMap { i in i.score.flatMap { TableSay.points($0) != nil ? $0 : nil } }
            let parts = cells.compactMap { TableSay.points($0) }
            let sum = Say.exactSum(parts)
            lazy var related = [RelatedLocation(role: "total", span: total.label.span, message: LocalizedText(zh: total.label.text, en: total.label.text))]
                + cells.map { TableSay.related("score", $0, zh: "得分", en: "score") }
            if p.indicators.isEmpty && p.indicatorHeader != nil {
                // The indicator block exists but holds no rows.
                let budgetWeight = TableSay.points(p.budget?.total?.weight)?.value ?? .zero
                let claimedWeight = TableSay.points(total.weight)?.value
                if sum < totalScore.value {
                    report.add(Self.description.finding(nil, LocalizedText(
                        zh: "\(name.zh)绩效指标区没有任何指标，\(total.label.text)却为\(total.weight?.text ?? "")分/\(total.score!.text)分：已列出的得分只有\(sum.formatted())分，其余\((totalScore.value - sum).formatted())分没有依据。",
                        en: "\(name.en): the indicator block has no indicators, yet the \(total.label.text) claims \(total.weight?.text ?? "")/\(total.score!.text): the listed scores come to \(sum.formatted()), leaving \((totalScore.value - sum).formatted()) points with no basis."),
                        at: total.label.span, related: related, expected: sum.formatted(), key: key))
                } else if let w = claimedWeight, budgetWeight < w {
                    report.add(Self.description.finding(.note, LocalizedText(
                        zh: "\(name.zh)绩效指标区没有任何指标，\(total.label.text)的\(total.weight!.text)分中有\((w - budgetWeight).formatted())分未分配到指标。",
                        en: "\(name.en): the indicator block has no indicators, so \((w - budgetWeight).formatted()) of the \(total.weight!.text) points of the \(total.label.text) are allocated to nothing."),
                        at: total.label.span, related: related, key: key))
                }
                continue
            }
            guard !parts.isEmpty else { continue }
            let verdict = Relations.sum(parts: parts, total: totalScore)
            switch verdict {
            case .holds: report.verified(cells.compactMap(\.quantity) + [total.score!.quantity!], key: key)
            case .undefined: continue
            case .fails, .holdsIfTruncated:
                report.add(Self.description.finding(verdict == .fails ? nil : .note, LocalizedText(
                    zh: "\(name.zh)\(total.label.text)得分为\(total.score!.text)，而各项得分之和为\(sum.formatted())分（\(TableSay.joined(cells))）。",
                    en: "\(name.en): the \(total.label.text) score is \(total.score!.text), but the row scores sum to \(sum.formatted()) (\(TableSay.joined(cells)))."),
                    at: total.score!.span, related: related, expected: sum.formatted(), key: key))
            }
        }
        for d in model.departmentTables {
            guard let total = d.total, let totalScore = TableSay.points(total.score) else { continue }
            let cells = d.rows.compactMap { r in r.score.flatMap { TableSay.points($0) != nil ? $0 : nil } }
            let parts = cells.compactMap { TableSay.points($0) }
            guard !parts.isEmpty else { continue }
            let verdict = Relations.sum(parts: parts, total: totalScore)
            let key = "department|total-score"
            switch verdict {
            case .holds: report.verified(cells.compactMap(\.quantity) + [total.score!.quantity!], key: key)
            case .undefined: continue
            case .fails, .holdsIfTruncated:
                report.add(Self.description.finding(verdict == .fails ? nil : .note, LocalizedText(
                    zh: "部门整体自评表总分为\(total.score!.text)，而各行得分之和为\(Say.exactSum(parts).formatted())分。",
                    en: "department table: the total is \(total.score!.text), but the rows sum to \(Say.exactSum(parts).formatted())."),
                    at: total.score!.span, expected: Say.exactSum(parts).formatted(), key: key))
            }
        }
    }
}

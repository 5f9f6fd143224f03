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
            zh: """
                合计（总分）得分 = 预算执行得分 + 各绩效指标得分；部门整体自评表的总分 = 各行得分之和。绩效指标区一行也没有、\
                合计却仍给满分（如100/100），这90分没有任何依据，报错误；合计得分与已列出的得分相符、只是指标区为空，报提示。
                """,
            en: """
                The total (合计 / 总分) score is the budget score plus every indicator score; the department table's total is the sum of \
                its rows. An indicator block with no rows under a total that still claims its points (100/100) has 90 points with no basis \
                at all: an error. When the total matches what is listed but the block is empty: a note.
                """),
        severity: .error,
        tags: ["arithmetic", "performance-table", "score"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 0.00 | 15.00 | 15.00 | 100.00% | 10 | 10 | |
                    """, ExampleTables.splitTargetIndicators,
                    """
                    | | | | | | | | | | | |
                    | ↓合计 | 100 | 100 | |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 10.00 | 10.00 | 10.00 | 100.00% | 10 | 10 | |
                    """, ExampleTables.splitTargetIndicators,
                    """
                    | | 产出指标 | 数量指标 | 演出场次 | ≥ | 120 | 场 | 126场 | 90 | 90 | |
                    | 合计 | 100 | 100 | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let total = p.total, let scoreCell = total.score, let scoreQ = scoreCell.quantity,
                let totalScore = TableSay.points(scoreCell)
            else { continue }
            lazy var key = TableSay.key(p, "total-score")
            var cells: [CellValue] = []
            if let s = p.budget?.total?.score, TableSay.points(s) != nil { cells.append(s) }
            cells += p.indicators.compactMap { i in i.score.flatMap { TableSay.points($0) != nil ? $0 : nil } }
            let parts = cells.compactMap { TableSay.points($0) }
            let sum = Say.exactSum(parts)
            lazy var related =
                [RelatedLocation(role: "total", span: total.label.span, message: LocalizedText(total.label.text))]
                + cells.map { TableSay.related("score", $0, zh: "得分", en: "score") }
            if p.indicators.isEmpty && p.indicatorHeader != nil {
                // The indicator block exists but holds no rows.
                let budgetWeight = TableSay.points(p.budget?.total?.weight)?.value ?? .zero
                if sum < totalScore.value {
                    report.add(
                        Message.noIndicators(
                            project: TableSay.project(p), total: total.label.text, weight: total.weight?.text ?? "",
                            score: scoreCell.text, listed: sum.formatted(),
                            unfounded: (totalScore.value - sum).formatted()
                        ).text,
                        at: total.label.span, related: related, expected: sum.formatted(), key: key)
                } else if let weightCell = total.weight, let w = TableSay.points(weightCell)?.value, budgetWeight < w {
                    report.add(
                        .note,
                        Message.unallocated(
                            project: TableSay.project(p), total: total.label.text, weight: weightCell.text,
                            points: (w - budgetWeight).formatted()
                        ).text,
                        at: total.label.span, related: related, key: key)
                }
                continue
            }
            guard !parts.isEmpty else { continue }
            report.judge(
                Relations.sum(parts: parts, total: totalScore), numbers: cells.compactMap(\.quantity) + [scoreQ], key: key,
                message: Message.mismatch(
                    project: TableSay.project(p), total: total.label.text, stated: scoreCell.text,
                    sum: sum.formatted(), scores: TableSay.joined(cells)
                ).text,
                at: scoreCell.span, related: related, expected: sum.formatted())
        }
        for d in model.departmentTables {
            guard let scoreCell = d.total?.score, let scoreQ = scoreCell.quantity, let totalScore = TableSay.points(scoreCell) else {
                continue
            }
            let cells = d.rows.compactMap { r in r.score.flatMap { TableSay.points($0) != nil ? $0 : nil } }
            let parts = cells.compactMap { TableSay.points($0) }
            guard !parts.isEmpty else { continue }
            report.judge(
                Relations.sum(parts: parts, total: totalScore), numbers: cells.compactMap(\.quantity) + [scoreQ],
                key: "department|total-score",
                message: Message.department(stated: scoreCell.text, sum: Say.exactSum(parts).formatted()).text,
                at: scoreCell.span, expected: Say.exactSum(parts).formatted())
        }
    }
}

extension ScoreTotal {
    enum Message {
        /// A total above the listed scores over an empty indicator block.
        case noIndicators(project: LocalizedText, total: String, weight: String, score: String, listed: String, unfounded: String)
        /// A total that matches what is listed, over an empty indicator block.
        case unallocated(project: LocalizedText, total: String, weight: String, points: String)
        case mismatch(project: LocalizedText, total: String, stated: String, sum: String, scores: String)
        case department(stated: String, sum: String)

        var text: LocalizedText {
            switch self {
            case .noIndicators(let project, let total, let weight, let score, let listed, let unfounded):
                LocalizedText(
                    zh: "\(project.zh)绩效指标区没有任何指标，\(total)却为\(weight)分/\(score)分：已列出的得分只有\(listed)分，"
                        + "其余\(unfounded)分没有依据。",
                    en: "\(project.en): the indicator block has no indicators, yet the \(total) claims \(weight)/\(score): "
                        + "the listed scores come to \(listed), leaving \(unfounded) points with no basis.")
            case .unallocated(let project, let total, let weight, let points):
                LocalizedText(
                    zh: "\(project.zh)绩效指标区没有任何指标，\(total)的\(weight)分中有\(points)分未分配到指标。",
                    en: "\(project.en): the indicator block has no indicators, so \(points) of the \(weight) points of the \(total) are "
                        + "allocated to nothing.")
            case .mismatch(let project, let total, let stated, let sum, let scores):
                LocalizedText(
                    zh: "\(project.zh)\(total)得分为\(stated)，而各项得分之和为\(sum)分（\(scores)）。",
                    en: "\(project.en): the \(total) score is \(stated), but the row scores sum to \(sum) (\(scores)).")
            case .department(let stated, let sum):
                LocalizedText(
                    zh: "部门整体自评表总分为\(stated)，而各行得分之和为\(sum)分。",
                    en: "department table: the total is \(stated), but the rows sum to \(sum).")
            }
        }
    }
}

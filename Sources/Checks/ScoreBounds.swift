import Engine
import Extraction
import Model

/// 0 ≤ score ≤ weight on every row.
public struct ScoreBounds: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "score-bounds",
        title: LocalizedText(zh: "得分超出分值范围", en: "Score outside 0 … weight"),
        rationale: LocalizedText(
            zh: """
                每一行的得分不能为负，也不能超过该行的分值（权重）。部门整体自评表中几行共用一个分值（合并单元格）时，\
                这几行得分之和不能超过该分值。
                """,
            en: """
                No row may score below 0 or above its weight. Where rows of the department table share one weight (a merged cell), their \
                scores together may not exceed it.
                """),
        severity: .error,
        tags: ["arithmetic", "performance-table", "score"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.splitTargetIndicators,
                    """
                    | | 产出指标 | 数量指标 | 演出场次 | ≥ | 120 | 场 | 126场 | 20 | ↓22 | |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.splitTargetIndicators,
                    """
                    | | 产出指标 | 数量指标 | 演出场次 | ≥ | 120 | 场 | 110场 | 20 | 18.33 | 场次未达标 |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            var rows: [(String, CellValue?, CellValue?)] = p.indicators.map { ($0.name, $0.weight, $0.score) }
            if let b = p.budget?.total { rows.insert(("预算执行", b.weight, b.score), at: 0) }
            for (label, weightCell, scoreCell) in rows {
                guard let weightCell, let scoreCell, let w = TableSay.points(weightCell), let s = TableSay.points(scoreCell) else {
                    continue
                }
                check(TableSay.project(p), label, w, weightCell, s, scoreCell, key: TableSay.key(p, "bounds|\(label)"), &report)
            }
        }
        for d in model.departmentTables {
            // Rows without a weight share the weight of the row above them in the same group.
            var i = 0
            while i < d.rows.count {
                let row = d.rows[i]
                guard let weightCell = row.weight, let w = TableSay.points(weightCell) else {
                    i += 1
                    continue
                }
                var members = [row]
                var j = i + 1
                while j < d.rows.count, d.rows[j].group == row.group, d.rows[j].weight?.isEmpty ?? true {
                    members.append(d.rows[j])
                    j += 1
                }
                let scores = members.compactMap { TableSay.points($0.score) }
                if scores.count == members.count, let scoreCell = members.count == 1 ? row.score : members.last?.score {
                    let s = members.count == 1 ? scores[0] : Figure.exact(Say.exactSum(scores))
                    check(
                        LocalizedText(zh: "部门整体自评表", en: "department table"), row.name, w, weightCell, s, scoreCell,
                        key: "department|bounds|\(row.name)", &report)
                }
                i = j
            }
        }
    }

    /// The name and key are autoclosures: most rows hold, and building their text for every row was a measurable cost.
    func check(
        _ name: @autoclosure () -> LocalizedText, _ label: String, _ w: Figure, _ weightCell: CellValue, _ s: Figure,
        _ scoreCell: CellValue, key: @autoclosure () -> String, _ report: inout CheckReport
    ) {
        if s.value.isNegative {
            report.add(Message.negative(project: name(), row: label, score: scoreCell.text).text, at: scoreCell.span, key: key())
            return
        }
        guard let weightQ = weightCell.quantity, let scoreQ = scoreCell.quantity else { return }
        report.judge(
            Relations.compare(parts: [s], total: w, relation: .atLeast), numbers: [weightQ, scoreQ], key: key(),
            message: Message.aboveWeight(project: name(), row: label, score: TableSay.text(s), weight: weightCell.text).text,
            at: scoreCell.span, related: [TableSay.related("weight", weightCell, zh: "分值", en: "weight")],
            expected: "≤" + weightCell.text)
    }
}

extension ScoreBounds {
    enum Message {
        case negative(project: LocalizedText, row: String, score: String)
        case aboveWeight(project: LocalizedText, row: String, score: String, weight: String)

        var text: LocalizedText {
            switch self {
            case .negative(let project, let row, let score):
                LocalizedText(zh: "\(project.zh)“\(row)”得分\(score)为负。", en: "\(project.en) “\(row)”: the score \(score) is negative.")
            case .aboveWeight(let project, let row, let score, let weight):
                LocalizedText(
                    zh: "\(project.zh)“\(row)”得分\(score)超过分值\(weight)。",
                    en: "\(project.en) “\(row)”: the score \(score) exceeds the weight \(weight).")
            }
        }
    }
}

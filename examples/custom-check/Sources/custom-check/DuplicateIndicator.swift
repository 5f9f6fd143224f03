import Checks
import Lint

/// A check a bureau wrote for itself: no 项目支出绩效自评表 lists the same indicator twice
/// (a row copied and not edited scores the same work twice). It reads the extracted model —
/// the tables by column role — never the raw text, and documents itself with examples that
/// `ExampleRunner` (and so the bureau's own tests) runs.
struct DuplicateIndicator: Check {
    static let description = CheckDescription(
        id: "qinghe/duplicate-indicator",
        title: LocalizedText(zh: "绩效指标重复", en: "An indicator is listed twice"),
        rationale: LocalizedText(
            zh: "同一张项目支出绩效自评表中，同一个二级指标下不应出现两个同名的三级指标：复制后未修改的行会重复计分。",
            en:
                "A project self-evaluation table should not list two indicators of the same name under one second-level group: a copied row scores the same work twice."
        ),
        severity: .warning,
        tags: ["performance-table", "qinghe"],
        triggering: [Example(table(rows: [("农技培训人次", "1200人次"), ("农技培训人次", "↓1200人次")]))],
        nonTriggering: [Example(table(rows: [("农技培训人次", "1200人次"), ("示范户数量", "60户")]))])

    func check(_ model: AuditModel, _ report: inout CheckReport) {
        for table in model.projectTables {
            var seen: [String: Indicator] = [:]
            for indicator in table.indicators where !indicator.name.isEmpty {
                let name = indicator.level2 + "|" + indicator.name
                guard let first = seen[name] else {
                    seen[name] = indicator
                    continue
                }
                let at = indicator.actual?.span ?? indicator.nameCell?.span ?? indicator.span
                let related = [
                    RelatedLocation(
                        role: "first", span: first.nameCell?.span ?? first.span,
                        message: LocalizedText(zh: "第一次列出", en: "listed first here"))
                ]
                report.add(
                    LocalizedText(
                        zh: "指标“\(indicator.name)”在本表中重复列出。", en: "The indicator “\(indicator.name)” is listed twice in this table."),
                    at: at, related: related, key: (table.projectName ?? "table") + "|" + name)
            }
        }
    }

    /// A small 项目支出绩效自评表 (Word-export text form) with the given indicator rows.
    static func table(rows: [(String, String)]) -> String {
        var s = "\t项目支出绩效自评表（2024年度）\n\n\t项目名称\n\t农技推广项目\n\n"
        s += "\t绩效指标（90分）\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t完成值\n\t分值\n\t得分\n\t偏差原因分析及改进措施\n\n"
        for (name, actual) in rows {
            s += "\t\n\t产出指标\n\t数量指标\n\t\(name)\n\t≥1000人次\n\t\(actual)\n\t20\n\t20\n\t\n\n"
        }
        return s
    }
}

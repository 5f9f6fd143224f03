import Engine
import Extraction
import Model

/// A self-evaluation table reportlint could not understand: said, never silently skipped.
public struct UnreadableTable: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "unreadable-table",
        title: LocalizedText(zh: "未能识别的绩效表", en: "Self-evaluation table not understood"),
        rationale: LocalizedText(
            zh: """
                标题像绩效自评表、却找不到“预算执行情况”或“绩效指标”表头的表格，其中的数字都没有核对。报提示，提醒人工检查；`reportlint \
                dump` 可以看到读出的行列。
                """,
            en: """
                A table titled like a self-evaluation table in which neither a 预算执行情况 nor a 绩效指标 header was found: none of its \
                numbers were checked. A note, so that a person looks at it; `reportlint dump` shows the rows and cells that were read.
                """),
        severity: .note,
        tags: ["performance-table"],
        triggering: [
            Example(Rows.table("""
                ↓| 项目支出绩效自评表（2024年度） |
                | 项目名称 | 文化下乡 |
                | 资金情况 | 20万元 |
                """)),
        ],
        nonTriggering: [
            Example(Rows.table("""
                | 收入支出决算总表 |
                | 项目 | 金额 |
                """)),
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for t in model.unreadTables {
            report.add(Message.notUnderstood(title: t.title, reason: t.reason).text, at: Span(t.span.start, t.span.start),
                       key: "unread|\(t.title)")
        }
    }
}

extension UnreadableTable {
    enum Message {
        case notUnderstood(title: String, reason: LocalizedText)

        var text: LocalizedText {
            switch self {
            case let .notUnderstood(title, reason):
                LocalizedText(zh: "未能识别的绩效表“\(title)”：\(reason.zh)，表中数字未经核对。",
                              en: "self-evaluation table “\(title)” not understood: \(reason.en); its numbers were not checked.")
            }
        }
    }
}

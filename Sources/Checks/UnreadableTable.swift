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
                绩效自评表按列的角色读取（表头词见 PerformanceVocabulary）。凡是没读懂的都要说出来，而不是静静跳过：标题像绩效自评表、\
                却找不到“预算执行情况”或“绩效指标”表头的表格，其中的数字都没有核对；表头里有不认识的词，那一列没有读取；某一区的行无法\
                与表头对齐，那些行没有读取。报提示，提醒人工检查；`reportlint dump` 可以看到每列的角色、每行的对齐方式。
                """,
            en: """
                Self-evaluation tables are read by column role (the header words are in PerformanceVocabulary). Whatever is not \
                understood is said, never skipped: a table titled like a self-evaluation table in which neither a 预算执行情况 nor a \
                绩效指标 header was found (none of its numbers were checked); a header word of no known role (that column was not \
                read); rows of a block that could not be aligned with its header (those rows were not read). A note, so that a person \
                looks at it; `reportlint dump` shows each column's role and how each row was aligned.
                """),
        severity: .note,
        tags: ["performance-table"],
        triggering: [
            Example(
                Rows.table(
                    """
                    ↓| 项目支出绩效自评表（2024年度） |
                    | 项目名称 | 文化下乡 |
                    | 资金情况 | 20万元 |
                    """)),
            Example(
                Rows.table(
                    """
                    | 项目支出绩效自评表（2024年度） |
                    | 项目资金（万元） | 全年预算数 | 全年执行数 | 执行率 | ↓资金到位时间 |
                    | 财政资金 | 20.00 | 19.00 | 95.00% | 2024年3月 |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    """
                    | 收入支出决算总表 |
                    | 项目 | 金额 |
                    """)),
            Example(
                Rows.table(
                    "| 项目支出绩效自评表（2024年度） |", ExampleTables.unscoredFundBlock,
                    """
                    | 上级财政资金 | 40.00 | 40.00 | 100 |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for t in model.unreadTables {
            switch t.problem {
            case .noBlock:
                report.add(Message.noBlock(title: t.title).text, at: Span(t.span.start, t.span.start), key: "unread|\(t.title)")
            case .unmappedHeader(let block, let words):
                report.add(
                    Message.unmappedHeader(title: t.title, block: block, words: words).text, at: t.span,
                    key: "unread|\(t.title)|header|\(words.joined(separator: "|"))")
            case .unalignedRows(let block, let rows):
                report.add(
                    Message.unalignedRows(title: t.title, block: block, rows: rows.map { $0 + 1 }).text,
                    at: Span(t.span.start, t.span.start), key: "unread|\(t.title)|rows|\(block.rawValue)")
            }
        }
    }
}

extension UnreadableTable {
    enum Message {
        case noBlock(title: String)
        case unmappedHeader(title: String, block: PerformanceBlockKind, words: [String])
        case unalignedRows(title: String, block: PerformanceBlockKind, rows: [Int])

        static func block(_ b: PerformanceBlockKind) -> LocalizedText {
            switch b {
            case .budget: LocalizedText(zh: "预算执行情况区", en: "budget block")
            case .indicators: LocalizedText(zh: "绩效指标区", en: "indicator block")
            }
        }

        var text: LocalizedText {
            switch self {
            case .noBlock(let title):
                LocalizedText(
                    zh: "未能识别的绩效表“\(title)”：未找到“预算执行情况”或“绩效指标”表头，表中数字未经核对。",
                    en: "self-evaluation table “\(title)” not understood: neither a 预算执行情况 nor a 绩效指标 header was found; "
                        + "its numbers were not checked.")
            case .unmappedHeader(let title, let block, let words):
                LocalizedText(
                    zh: "绩效表“\(title)”\(Self.block(block).zh)的表头“\(words.joined(separator: "”“"))”不是已知的列，该列数字未经核对。",
                    en: "self-evaluation table “\(title)”: the \(Self.block(block).en) header "
                        + "\(words.map { "“\($0)”" }.joined(separator: ", ")) names no known column; its figures were not checked.")
            case .unalignedRows(let title, let block, let rows):
                LocalizedText(
                    zh: "绩效表“\(title)”\(Self.block(block).zh)有\(rows.count)行（第\(rows.map(String.init).joined(separator: "、"))行）"
                        + "无法与表头对齐，这些行的数字未经核对。",
                    en: "self-evaluation table “\(title)”: \(rows.count) row(s) of the \(Self.block(block).en) (table row "
                        + "\(rows.map(String.init).joined(separator: ", "))) could not be aligned with its header; their figures "
                        + "were not checked.")
            }
        }
    }
}

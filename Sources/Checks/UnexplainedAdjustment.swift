import Engine
import Extraction
import Model

/// A budget changed during the year by a tenth or more, with no reason given.
public struct UnexplainedAdjustment: Check {
    public init() {}

    /// The change, as a share of the initial budget, from which an adjustment needs an explanation.
    static let materiality = Dec(mantissa: 10, scale: 2)

    public static let description = CheckDescription(
        id: "unexplained-adjustment",
        title: LocalizedText(zh: "预算调整未说明理由", en: "Budget adjustment without a reason"),
        rationale: LocalizedText(
            zh: """
                自评表要求“年中发生预算调整的（追加或调减），应单独说明理由”。调整后预算与年初预算相差10%及以上、\
                而原因栏为空或只留着填表说明时：调减报警告（执行率是按调减后的预算算的，100%可能掩盖了未完成的任务），\
                年初为0的追加或调增报提示。10%是重要性阈值，不是舍入容差。
                """,
            en: """
                The form requires a reason for any mid-year adjustment (追加或调减). When the adjusted budget differs from the initial one \
                by 10% or more and the reason cell is empty or still holds the form's instructions: a cut is a warning (the execution rate \
                is computed on the cut budget, so 100% can hide unfinished work); an increase, or a budget added from zero, is a note. The \
                10% is a materiality threshold, not a rounding tolerance.
                """),
        severity: .warning,
        tags: ["performance-table", "budget", "evidence"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.fundBlock,
                    """
                    | | 年度资金总额 | 20 | ↓12 | 12 | 10 | 100% | 10 |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.budgetBlock,
                    """
                    | | 总额 | 67.50 | 38.26 | 38.26 | 100.00% | 10 | 10 | 选调生人数由9人减为5人，年中调减预算29.24万元 |
                    """))
        ])

    static let templateWords = ["预算执行率=", "应单独说明理由", "100字以内"]

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            guard let row = p.budget?.total, let initialCell = row.initial, let adjustedCell = row.adjusted,
                let initial = TableSay.amount(initialCell), let adjusted = TableSay.amount(adjustedCell)
            else { continue }
            let reason = row.reason?.text ?? ""
            let explained = !reason.isEmpty && !(row.reason?.isPlaceholder ?? false) && !Self.templateWords.contains { reason.includes($0) }
            guard !explained else { continue }
            lazy var key = TableSay.key(p, "adjustment")
            // Not adjusted: nothing to explain, and a changed figure would be a finding.
            if initial.value == adjusted.value {
                if let i = initialCell.quantity, let a = adjustedCell.quantity { report.verified([i, a], key: key) }
                continue
            }
            lazy var related = [TableSay.related("initial", initialCell, zh: "年初预算", en: "initial budget")]
            if initial.value.isZero {
                let message = Message.addedFromZero(project: TableSay.project(p), initial: initialCell.text, adjusted: adjustedCell.text)
                report.add(.note, message.text, at: adjustedCell.span, related: related, key: key)
                continue
            }
            // |change| ≥ 10% of the initial budget, compared without dividing.
            let change = adjusted.value - initial.value
            guard !(change.magnitude < Self.materiality * initial.value) else { continue }
            let cut = change.isNegative
            let percent = Relations.percent(change.magnitude, of: initial.value, decimals: 2).formatted(minDecimals: 2)
            let message = Message.adjusted(
                project: TableSay.project(p), cut: cut, initial: initialCell.text, adjusted: adjustedCell.text,
                percent: percent)
            report.add(cut ? .warning : .note, message.text, at: adjustedCell.span, related: related, key: key)
        }
    }
}

extension UnexplainedAdjustment {
    enum Message {
        case addedFromZero(project: LocalizedText, initial: String, adjusted: String)
        /// `percent`: the change as a share of the initial budget, without its sign.
        case adjusted(project: LocalizedText, cut: Bool, initial: String, adjusted: String, percent: String)

        var text: LocalizedText {
            switch self {
            case .addedFromZero(let project, let initial, let adjusted):
                LocalizedText(
                    zh: "\(project.zh)年初预算为\(initial)，调整后为\(adjusted)万元，年中追加未说明理由。",
                    en: "\(project.en): the initial budget was \(initial) and the adjusted one is \(adjusted)万元; "
                        + "the mid-year addition is not explained.")
            case .adjusted(let project, let cut, let initial, let adjusted, let percent):
                LocalizedText(
                    zh: "\(project.zh)预算由年初\(initial)\(cut ? "调减" : "调增")为\(adjusted)（\(cut ? "−" : "+")\(percent)%），原因栏未说明理由。",
                    en: "\(project.en): the budget was \(cut ? "cut" : "raised") from \(initial) to \(adjusted) "
                        + "(\(cut ? "−" : "+")\(percent)%) with no reason given.")
            }
        }
    }
}

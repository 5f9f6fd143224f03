import Engine
import Extraction
import Model

/// The target's direction fits the indicator: 满意度 ≥, 成本 ≤, 时效 ≤, 数量 ≥; no impossible rates.
public struct IndicatorDirection: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "indicator-direction",
        title: LocalizedText(zh: "指标方向与指标类别不符", en: "Target direction does not fit the indicator"),
        rationale: LocalizedText(
            zh: """
                绩效指标的方向有约定：满意度、质量、数量指标取“≥”，成本指标取“≤”，时效指标取“≤”（期限）。\
                满意度写成“≤90%”是错误（满意度越低越好？）；比率目标超过100%不可能达到，是错误；“≥100%”只有恰好100%才算达成，报提示。\
                成本写“≥”报警告，数量写“≤”、时效写“≥”报提示。成本指标写“≤”是正确的，不报。
                """,
            en: """
                Indicators have conventional directions: satisfaction, quality and quantity targets are “≥”, cost targets “≤”, time \
                targets “≤” (a deadline). A satisfaction target written “≤90%” is an error; a rate target above 100% cannot be met, an \
                error; “≥100%” can only be met by exactly 100%, a note. A cost target with “≥” is a warning, a quantity with “≤” or a \
                deadline with “≥” a note. “≤” on a cost is correct and never reported.
                """),
        severity: .error,
        tags: ["performance-table", "indicator"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.splitTargetIndicators,
                    """
                    | | 满意度指标 | 满意度指标 | 服务对象满意 | ↓≤ | 90 | % | 100.00% | 10 | 10 | |
                    """)),
            Example(
                Rows.table(
                    ExampleTables.splitTargetIndicators,
                    """
                    | | 成本指标 | 经济成本指标 | 办公费 | ↓≥ | 3.5 | 万元 | 3.5万元 | 5 | 5 | |
                    """), severity: .warning)
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标 | 成本指标 | 老干部慰问经费 | ≦16万 | 15.8万 | 10 | 10 | |
                    | | 满意度⏎指标 | 服务对象满意度指标 | 群众满意度 | ≥95% | 97% | 10 | 10 | |
                    """))
        ])

    static let boundedRateWords = ["满意", "率", "覆盖", "合格", "到位", "参与度"]

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            for i in p.indicators {
                guard let op = i.op, op != .qualitative else { continue }
                let at = i.opCell.map { $0.isEmpty ? nil : $0.span } ?? nil
                guard let span = at ?? i.targetCell?.span else { continue }
                let lower = op == .atLeast || op == .greater
                let upper = op == .atMost || op == .less
                // The severity and the message of what is wrong, if anything.
                var finding: (Severity, (LocalizedText, String, String) -> Message)?
                if let t = i.target, t.unit == .percent, lower,
                    Self.boundedRateWords.contains(where: { i.name.includes($0) }) || i.kind == .satisfaction
                {
                    if Dec.hundred < t.value {
                        finding = (.error, Message.aboveHundred)
                    } else if t.value == Dec.hundred && op == .atLeast {
                        finding = (.note, Message.exactlyHundred)
                    }
                }
                if finding == nil {
                    switch i.kind {
                    case .satisfaction where upper: finding = (.error, Message.satisfactionCeiling)
                    case .cost where lower: finding = (.warning, Message.costFloor)
                    case .timeliness where lower: finding = (.note, Message.deadlineFloor)
                    case .quantity where upper: finding = (.note, Message.quantityCeiling)
                    default: break
                    }
                }
                guard let (severity, message) = finding else { continue }
                let shown = (i.opCell.map { $0.text } ?? "") + (i.targetCell?.text ?? "") + (i.unitText ?? "")
                report.add(
                    severity, message(TableSay.project(p), i.name, shown).text,
                    at: span, key: TableSay.key(p, "direction|\(i.name)"))
            }
        }
    }
}

extension IndicatorDirection {
    enum Message {
        /// A rate target above 100%.
        case aboveHundred(project: LocalizedText, indicator: String, target: String)
        /// “≥100%”: met only by exactly 100%.
        case exactlyHundred(project: LocalizedText, indicator: String, target: String)
        case satisfactionCeiling(project: LocalizedText, indicator: String, target: String)
        case costFloor(project: LocalizedText, indicator: String, target: String)
        case deadlineFloor(project: LocalizedText, indicator: String, target: String)
        case quantityCeiling(project: LocalizedText, indicator: String, target: String)

        var text: LocalizedText {
            switch self {
            case .aboveHundred(let p, let i, let t):
                LocalizedText(
                    zh: "\(p.zh)“\(i)”目标“\(t)”超过100%，不可能达到。",
                    en: "\(p.en) “\(i)”: the target “\(t)” is above 100% and cannot be met.")
            case .exactlyHundred(let p, let i, let t):
                LocalizedText(
                    zh: "\(p.zh)“\(i)”目标“\(t)”只有恰好100%才算达成，宜写“＝100%”或“≥9x%”。",
                    en: "\(p.en) “\(i)”: the target “\(t)” is met only by exactly 100%; write “=100%” or “≥9x%”.")
            case .satisfactionCeiling(let p, let i, let t):
                LocalizedText(
                    zh: "\(p.zh)满意度指标“\(i)”的目标写成“\(t)”，方向反了，应为“≥”。",
                    en: "\(p.en) satisfaction indicator “\(i)”: the target “\(t)” points the wrong way; it should be “≥”.")
            case .costFloor(let p, let i, let t):
                LocalizedText(
                    zh: "\(p.zh)成本指标“\(i)”的目标写成“\(t)”，成本通常是上限（“≤”）。",
                    en: "\(p.en) cost indicator “\(i)”: the target “\(t)” is a floor; a cost is normally a ceiling (“≤”).")
            case .deadlineFloor(let p, let i, let t):
                LocalizedText(
                    zh: "\(p.zh)时效指标“\(i)”的目标写成“\(t)”，时限通常是“≤”。",
                    en: "\(p.en) time indicator “\(i)”: the target “\(t)” is a floor; a deadline is normally “≤”.")
            case .quantityCeiling(let p, let i, let t):
                LocalizedText(
                    zh: "\(p.zh)数量指标“\(i)”的目标写成“\(t)”，产出数量通常是下限（“≥”），请确认。",
                    en: "\(p.en) quantity indicator “\(i)”: the target “\(t)” is a ceiling; an output quantity is normally a floor (“≥”).")
            }
        }
    }
}

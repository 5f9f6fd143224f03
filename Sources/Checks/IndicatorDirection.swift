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
            zh: "绩效指标的方向有约定：满意度、质量、数量指标取“≥”，成本指标取“≤”，时效指标取“≤”（期限）。满意度写成“≤90%”是错误（满意度越低越好？）；比率目标超过100%不可能达到，是错误；“≥100%”只有恰好100%才算达成，报提示。成本写“≥”报警告，数量写“≤”、时效写“≥”报提示。成本指标写“≤”是正确的，不报。",
            en: "Indicators have conventional directions: satisfaction, quality and quantity targets are “≥”, cost targets “≤”, time targets “≤” (a deadline). A satisfaction target written “≤90%” is an error; a rate target above 100% cannot be met, an error; “≥100%” can only be met by exactly 100%, a note. A cost target with “≥” is a warning, a quantity with “≤” or a deadline with “≥” a note. “≤” on a cost is correct and never reported."),
        severity: .error,
        tags: ["performance-table", "indicator"],
        triggering: [
            Example(ExampleTables.splitTargetIndicators + """
            \t
            \t满意度指标
            \t满意度指标
            \t服务对象满意
            \t↓≤
            \t90
            \t%
            \t100.00%
            \t10
            \t10
            \t

            """),
            Example(ExampleTables.splitTargetIndicators + """
            \t
            \t成本指标
            \t经济成本指标
            \t办公费
            \t↓≥
            \t3.5
            \t万元
            \t3.5万元
            \t5
            \t5
            \t

            """, severity: .warning),
        ],
        nonTriggering: [
            Example(ExampleTables.freeTextIndicators + """
            \t
            \t产出指标
            \t成本指标
            \t老干部慰问经费
            \t≦16万
            \t15.8万
            \t10
            \t10
            \t

            \t
            \t满意度
            指标
            \t服务对象满意度指标
            \t群众满意度
            \t≥95%
            \t97%
            \t10
            \t10
            \t

            """),
        ])

    static let boundedRateWords = ["满意", "率", "覆盖", "合格", "到位", "参与度"]

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            lazy var name = TableSay.project(p)
            for i in p.indicators {
                guard let op = i.op, op != .qualitative else { continue }
                let at = i.opCell.map { $0.isEmpty ? nil : $0.span } ?? nil
                guard let span = at ?? i.targetCell?.span else { continue }
                lazy var key = TableSay.key(p, "direction|\(i.name)")
                let target = i.target
                let shown = (i.opCell.map { $0.text } ?? "") + (i.targetCell?.text ?? "") + (i.unitText ?? "")
                let lower = op == .atLeast || op == .greater, upper = op == .atMost || op == .less
                var finding: (Severity, LocalizedText)?
                if let t = target, t.unit == .percent, lower, Self.boundedRateWords.contains(where: { i.name.includes($0) }) || i.kind == .satisfaction {
                    if Dec.hundred < t.value {
                        finding = (.error, LocalizedText(zh: "\(name.zh)“\(i.name)”目标“\(shown)”超过100%，不可能达到。",
                                                         en: "\(name.en) “\(i.name)”: the target “\(shown)” is above 100% and cannot be met."))
                    } else if t.value == Dec.hundred && op == .atLeast {
                        finding = (.note, LocalizedText(zh: "\(name.zh)“\(i.name)”目标“\(shown)”只有恰好100%才算达成，宜写“＝100%”或“≥9x%”。",
                                                        en: "\(name.en) “\(i.name)”: the target “\(shown)” is met only by exactly 100%; write “=100%” or “≥9x%”."))
                    }
                }
                if finding == nil {
                    switch i.kind {
                    case .satisfaction where upper:
                        finding = (.error, LocalizedText(zh: "\(name.zh)满意度指标“\(i.name)”的目标写成“\(shown)”，方向反了，应为“≥”。",
                                                         en: "\(name.en) satisfaction indicator “\(i.name)”: the target “\(shown)” points the wrong way; it should be “≥”."))
                    case .cost where lower:
                        finding = (.warning, LocalizedText(zh: "\(name.zh)成本指标“\(i.name)”的目标写成“\(shown)”，成本通常是上限（“≤”）。",
                                                           en: "\(name.en) cost indicator “\(i.name)”: the target “\(shown)” is a floor; a cost is normally a ceiling (“≤”)."))
                    case .timeliness where lower:
                        finding = (.note, LocalizedText(zh: "\(name.zh)时效指标“\(i.name)”的目标写成“\(shown)”，时限通常是“≤”。",
                                                        en: "\(name.en) time indicator “\(i.name)”: the target “\(shown)” is a floor; a deadline is normally “≤”."))
                    case .quantity where upper:
                        finding = (.note, LocalizedText(zh: "\(name.zh)数量指标“\(i.name)”的目标写成“\(shown)”，产出数量通常是下限（“≥”），请确认。",
                                                        en: "\(name.en) quantity indicator “\(i.name)”: the target “\(shown)” is a ceiling; an output quantity is normally a floor (“≥”)."))
                    default: break
                    }
                }
                guard let (severity, message) = finding else { continue }
                report.add(Self.description.finding(severity, message, at: span, key: key))
            }
        }
    }
}

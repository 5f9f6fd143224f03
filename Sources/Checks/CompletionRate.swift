import Engine
import Extraction
import Model

/// 完成率 = actual ÷ target for a "≥" target (target ÷ actual for "≤"), 100% when the target is met.
public struct CompletionRate: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "completion-rate",
        title: LocalizedText(zh: "指标完成率与目标值、实际完成值不符", en: "Completion rate does not match target and actual value"),
        rationale: LocalizedText(
            zh: """
                不少模板在绩效指标区有“完成率（%）”一列：“≥”类指标为 实际完成值 ÷ 目标值，“≤”类为 目标值 ÷ 实际完成值，\
                达到目标的可填100%。按区间算术核对：完成值与目标值单位相同（个、人次、%、万元……）时，表中完成率须等于其比值，\
                或在目标达成时为100%。达成目标却写0、未达成却写100%且不说明原因、比值算错，均报警告；未达成写100%但填了原因，报提示；\
                只有截断才成立，报提示。定性指标、单位不同或完成值只重复目标不等式的，不核对。
                """,
            en: """
                Many templates give each indicator a 完成率（%） column: actual ÷ target for a “≥” target, target ÷ actual for a “≤” \
                target, and 100% may be written once the target is met. With interval arithmetic, when actual and target are counted \
                in the same unit, the rate must equal their ratio, or be 100% when the target is met. A met target at 0, a missed \
                target at 100% with no reason given, or a wrong ratio is a warning; a missed target at 100% with a reason is a note, \
                and so is a rate that holds only if truncated. Qualitative targets, other units and values that only repeat the \
                target's inequality are not checked.
                """),
        severity: .warning,
        tags: ["arithmetic", "performance-table"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.completionIndicators,
                    """
                    | 产出指标 | 数量指标 | 新建助餐服务点 | ≥12个 | 9个 | ↓100 | |
                    | | 质量指标 | 抽检合格率 | 100% | 100% | ↓0 | |
                    | 效益指标 | 社会效益指标 | 就餐覆盖率 | ≥60% | 45% | ↓80 | 场地未落实 |
                    """)),
            Example(
                Rows.table(
                    ExampleTables.completionIndicators,
                    """
                    | 产出指标 | 数量指标 | 培训人次 | ≥200人次 | 150人次 | ↓100 | 讲师临时调整，部分课程延至下年 |
                    """), severity: .note)
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.completionIndicators,
                    """
                    | 产出指标 | 数量指标 | 助餐服务人次 | ≥5000人次 | 5200人次 | 100 | |
                    | | | 服务人次（按实计） | ≥5000人次 | 5200人次 | 104 | |
                    | | 成本指标 | 设备采购成本 | ≤30万元 | 32万元 | 93.75 | 设备涨价 |
                    | 效益指标 | 社会效益指标 | 就餐覆盖率 | ≥60% | 45% | 75 | 场地未落实 |
                    | 满意度指标 | 服务对象满意度指标 | 老人满意度 | ≥90% | ≥90% | 100 | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            for i in p.indicators {
                guard let rateCell = i.completionRate, let rateQ = rateCell.quantity, !rateCell.isPlaceholder,
                    rateQ.unit == .percent || rateQ.unit == .none, rateQ.comparator == nil,
                    let target = i.target, let actualCell = i.actual, let actual = actualCell.quantity,
                    actual.comparator == nil, actualCell.quantities.count == 1, Self.comparable(target.unit, actual.unit)
                else { continue }
                let op: TargetOperator = i.op ?? (i.kind == .quantity || i.kind == .benefit ? .atLeast : .equal)
                guard op != .qualitative else { continue }
                let t = target.comparable
                let a = actual.comparable
                let r = rateQ.figure
                let below = op == .atMost || op == .less
                // The rate as a ratio: actual over target ("≥", and "＝" missed from below), target over actual ("≤").
                var ratio = below ? Relations.ratio(t, of: a, percent: r) : Relations.ratio(a, of: t, percent: r)
                if op == .equal && ratio != .holds {
                    let other = Relations.ratio(t, of: a, percent: r)
                    if other == .holds || ratio == .undefined { ratio = other }
                }
                // Or 100% once the target is met.
                let met = Relations.ladder { reading in
                    let ai = a.interval(reading)
                    let ti = t.interval(reading)
                    let ri = r.interval(reading)
                    guard ai.isValid, ti.isValid, ri.isValid else { return nil }
                    return Self.canMeet(op, actual: ai, target: ti) && ri.contains(.hundred)
                }
                let verdict = Self.either(ratio, met)
                let surelyMissed = !Self.canMeet(op, actual: a.interval(), target: t.interval())
                let explained = !(i.reason?.isBlank ?? true)
                let expected = surelyMissed ? Self.expected(op, actual: a, target: t, decimals: max(rateQ.decimals, 0)) : "100%"
                let message: Message
                if !surelyMissed {
                    message = .metNotHundred(
                        project: TableSay.project(p), indicator: i.name, actual: actualCell.text,
                        target: target.printed, stated: rateCell.text)
                } else if r.interval().contains(.hundred) {
                    message = .missedAtHundred(
                        project: TableSay.project(p), indicator: i.name, actual: actualCell.text,
                        target: target.printed, expected: expected, stated: rateCell.text, explained: explained)
                } else {
                    message = .mismatch(
                        project: TableSay.project(p), indicator: i.name, actual: actualCell.text, target: target.printed,
                        below: below, expected: expected, stated: rateCell.text)
                }
                let related = [
                    i.targetCell.map { TableSay.related("target", $0, zh: "目标值", en: "target") },
                    TableSay.related("actual", actualCell, zh: "实际完成值", en: "actual")
                ].compactMap { $0 }
                report.judge(
                    verdict, severity: surelyMissed && explained && r.interval().contains(.hundred) ? .note : nil,
                    numbers: [target, actual, rateQ], key: TableSay.key(p, "completion|\(i.name)"),
                    message: message.text, at: rateCell.span, related: related, expected: expected)
            }
        }
    }

    /// Target and actual counted alike: the same unit, money in any unit, or one of them bare.
    static func comparable(_ a: Unit, _ b: Unit) -> Bool {
        switch (a, b) {
        case (.none, _), (_, .none): return true
        case (.money, .money), (.money, .tenThousand), (.tenThousand, .money), (.tenThousand, .tenThousand): return true
        default: return a == b
        }
    }

    /// Whether an actual value in `actual` can meet a target in `target`.
    static func canMeet(_ op: TargetOperator, actual: Interval, target: Interval) -> Bool {
        switch op {
        case .atLeast, .greater: return !(actual.hi < target.lo)
        case .atMost, .less: return !(target.hi < actual.lo)
        case .equal, .qualitative: return actual.intersects(target)
        }
    }

    /// The strongest of two ways a stated rate may hold.
    static func either(_ a: Verdict, _ b: Verdict) -> Verdict {
        if a == .holds || b == .holds { return .holds }
        if a == .holdsIfTruncated || b == .holdsIfTruncated { return .holdsIfTruncated }
        if a == .undefined && b == .undefined { return .undefined }
        return .fails
    }

    static func expected(_ op: TargetOperator, actual: Figure, target: Figure, decimals: Int) -> String {
        let (part, whole) = op == .atMost || op == .less ? (target.value, actual.value) : (actual.value, target.value)
        guard !whole.isZero else { return "—" }
        return Say.percent(part, of: whole, decimals: decimals)
    }
}

extension CompletionRate {
    enum Message {
        case metNotHundred(project: LocalizedText, indicator: String, actual: String, target: String, stated: String)
        case missedAtHundred(
            project: LocalizedText, indicator: String, actual: String, target: String, expected: String, stated: String,
            explained: Bool)
        case mismatch(
            project: LocalizedText, indicator: String, actual: String, target: String, below: Bool, expected: String,
            stated: String)

        var text: LocalizedText {
            switch self {
            case .metNotHundred(let project, let indicator, let actual, let target, let stated):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”实际完成值\(actual)已达到目标\(target)，完成率应为100%（或按比值计算），表中为\(stated)。",
                    en: "\(project.en) “\(indicator)”: the actual value \(actual) meets the target \(target), so the completion "
                        + "rate is 100% (or the ratio), but the table says \(stated).")
            case .missedAtHundred(let project, let indicator, let actual, let target, let expected, let stated, let explained):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”实际完成值\(actual)未达到目标\(target)，完成率应为\(expected)，表中却为\(stated)"
                        + (explained ? "。" : "，也未说明原因。"),
                    en: "\(project.en) “\(indicator)”: the actual value \(actual) misses the target \(target), so the completion "
                        + "rate is \(expected), yet the table says \(stated)" + (explained ? "." : " and gives no reason."))
            case .mismatch(let project, let indicator, let actual, let target, let below, let expected, let stated):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”完成率不符：" + (below ? "目标值\(target) ÷ 实际完成值\(actual)" : "实际完成值\(actual) ÷ 目标值\(target)")
                        + " = \(expected)，表中为\(stated)。",
                    en: "\(project.en) “\(indicator)”: the completion rate does not match: "
                        + (below ? "target \(target) ÷ actual \(actual)" : "actual \(actual) ÷ target \(target)")
                        + " = \(expected), but the table says \(stated).")
            }
        }
    }
}

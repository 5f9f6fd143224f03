import Engine
import Extraction
import Model

/// A numeric completion value that misses its target, while the row keeps full points (or gives no reason).
public struct TargetNotMet: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "target-not-met",
        title: LocalizedText(zh: "未达到目标却得满分", en: "Target missed but full points kept"),
        rationale: LocalizedText(
            zh: """
                完成值是数字时，与目标比较（同单位，万元与元等先换算）：“≥”目标下完成值更小、“≤”目标下更大，即未达标。未达标却保留满分，\
                报警告；扣了分但“原因”为空，报提示。完成值与目标的计量单位不同（目标“个”，完成值“期”“人次”）而得满分，也无法证明达标，\
                报警告。
                """,
            en: """
                When the completion value is a number it is compared with the target (same unit family, 元 and 万元 converted): below a \
                “≥” target or above a “≤” target is a miss. A miss that keeps full points is a warning; a miss with points deducted but no \
                reason is a note. A completion value in a different unit than the target (个 against 期 or 人次) cannot show the target \
                was met either: a warning when the row keeps full points.
                """),
        severity: .warning,
        tags: ["performance-table", "evidence"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标 | 数量指标 | 发放生活补贴人数 | 共20名 | ↓共19名 | 10 | 10 | 去世一名 |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标 | 数量指标 | 干部交流人数 | ≥30人 | 30人 | 5 | 5 | |
                    | | | 成本指标 | 全年专项工作经费 | ≦50万 | 50万 | 5 | 5 | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables {
            for i in p.indicators {
                guard let target = i.target, let actualCell = i.actual, let actual = actualCell.quantity else { continue }
                guard let w = TableSay.points(i.weight), let s = TableSay.points(i.score) else { continue }
                let fullPoints = s.value == w.value && !w.value.isZero
                lazy var key = TableSay.key(p, "target|\(i.name)")
                lazy var related = i.targetCell.map { [TableSay.related("target", $0, zh: "指标值", en: "target")] } ?? []
                // Counted in other units than the target ("≥8个" against "12期，650余人次"): no evidence either way.
                if case .count(let tu) = target.unit, !actualCell.quantities.isEmpty,
                    actualCell.quantities.allSatisfy({ q in
                        if case .count(let au) = q.unit { return au != tu } else { return false }
                    })
                {
                    if fullPoints {
                        let units = actualCell.quantities.compactMap { q -> String? in
                            if case .count(let u) = q.unit { return u } else { return nil }
                        }
                        let message = Message.otherUnit(
                            project: TableSay.project(p), indicator: i.name, target: target.printed,
                            actual: actualCell.text, units: Say.terms(units, separator: "、"))
                        report.add(message.text, at: actualCell.span, related: related, key: key)
                    }
                    continue
                }
                guard actual.comparator == nil, actualCell.quantities.count == 1 || i.kind == .cost else { continue }
                guard BreakdownReaderAccess.sameFamily(target.unit, actual.unit), target.unit != .none || actual.unit == .none,
                    !(target.unit == .none && actual.unit == .percent)
                else { continue }
                let t = target.comparable
                let a = actual.comparable
                let op: TargetOperator = i.op ?? (i.kind == .quantity || i.kind == .benefit ? .atLeast : .equal)
                let ai = a.interval()
                let ti = t.interval()
                let missed: Bool
                switch op {
                case .atLeast, .greater: missed = ai.hi < ti.lo || (op == .greater && ai.hi <= ti.lo && t.isExact && a.isExact)
                case .atMost, .less: missed = ti.hi < ai.lo
                case .equal: missed = !ai.intersects(ti) && (i.kind == .quantity || i.kind == .benefit ? ai.hi < ti.lo : true)
                case .qualitative: missed = false
                }
                guard missed else {
                    if op != .qualitative { report.verified([target, actual], key: key) }
                    continue
                }
                if fullPoints {
                    report.add(
                        Message.missedWithFullPoints(
                            project: TableSay.project(p), indicator: i.name, actual: actualCell.text,
                            target: target.printed, score: i.score?.text ?? ""
                        ).text,
                        at: actualCell.span, related: related, key: key)
                } else if i.reason?.isBlank ?? true {
                    report.add(
                        .note,
                        Message.missedWithoutReason(
                            project: TableSay.project(p), indicator: i.name, actual: actualCell.text,
                            target: target.printed
                        ).text,
                        at: actualCell.span, related: related, key: key)
                }
            }
        }
    }
}

extension TargetNotMet {
    enum Message {
        /// The completion value is counted in other units than the target, and the row keeps full points.
        case otherUnit(project: LocalizedText, indicator: String, target: String, actual: String, units: String)
        case missedWithFullPoints(project: LocalizedText, indicator: String, actual: String, target: String, score: String)
        case missedWithoutReason(project: LocalizedText, indicator: String, actual: String, target: String)

        var text: LocalizedText {
            switch self {
            case .otherUnit(let project, let indicator, let target, let actual, let units):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”目标为\(target)，完成值“\(actual)”的单位不同（\(units)），无法证明达标，却得了满分。",
                    en: "\(project.en) “\(indicator)”: the target is \(target) but the completion value “\(actual)” is counted in "
                        + "\(units), so it cannot show the target was met; the row still has full points.")
            case .missedWithFullPoints(let project, let indicator, let actual, let target, let score):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”完成值\(actual)未达到目标\(target)，却保留满分\(score)分。",
                    en: "\(project.en) “\(indicator)”: the completion value \(actual) misses the target \(target), "
                        + "yet the row keeps full points (\(score)).")
            case .missedWithoutReason(let project, let indicator, let actual, let target):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”完成值\(actual)未达到目标\(target)，但没有填写原因。",
                    en: "\(project.en) “\(indicator)”: the completion value \(actual) misses the target \(target) and no reason is given.")
            }
        }
    }
}

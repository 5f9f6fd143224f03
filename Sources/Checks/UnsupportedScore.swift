import Engine
import Extraction
import Model

/// A full score needs a completion value that shows the target was met.
public struct UnsupportedScore: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "unsupported-score",
        title: LocalizedText(zh: "得分缺少完成值依据", en: "Score without evidence in the completion value"),
        rationale: LocalizedText(
            zh: """
                得满分的指标需要完成值证明目标已达成。完成值为空却得满分，报警告（整张表都是如此时，在“完成值”表头报一次，列出各行）；\
                完成值只是重复目标不等式（“≥12个”）而不是实测数，报提示；完成值一律填完成比例（100%）、而指标是人数、次数、金额时，\
                同样没有给出实测值，每张表报一次提示。
                """,
            en: """
                A full score needs a completion value showing the target was met. An empty completion value with full points is a warning \
                (reported once at the 完成值 header when the whole table is like that, listing the rows). A completion value that only \
                repeats the target inequality (“≥12个”) instead of a measurement is a note; a column filled with completion ratios (100%) \
                for indicators counted in people, times or money gives no measurement either: one note per table.
                """),
        severity: .warning,
        tags: ["performance-table", "evidence"],
        triggering: [
            Example(
                Rows.table(
                    """
                    | 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ↓完成值 | 权重 | 得分 | 未完成原因分析 |
                    | | 产出指标 | 数量指标 | 开展调研 | ≥ | 3 | 次 | | 10 | 10 | |
                    | | | 质量指标 | 调研成果质量 | 定性 | 较好 | | | 20 | 20 | |
                    """)),
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标 | 数量指标 | 举办主题活动次数 | ≥4次 | ↓全年≥4次 | 10 | 10 | |
                    """), severity: .note)
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.freeTextIndicators,
                    """
                    | | 产出指标 | 数量指标 | 主题党日活动 | ≥2600期 | 2612期 | 10 | 10 | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables where !p.indicators.isEmpty {
            // Rows visited lazily, not copied: a table may hold tens of thousands, and an
            // Indicator is large.
            let full = p.indicators.lazy.filter { i in
                guard let w = TableSay.points(i.weight), let s = TableSay.points(i.score) else { return false }
                return !w.value.isZero && s.value == w.value
            }
            // Empty completion values with full points.
            let empty = full.compactMap { i in i.actual.flatMap { $0.isEmpty ? (i.name, i.score?.text ?? "", $0) : nil } }.map { $0 }
            if !empty.isEmpty {
                if empty.count == p.indicators.count && empty.count >= 2, let header = p.headerCells["actual"] {
                    report.add(
                        .warning, Message.allEmpty(project: TableSay.project(p), count: empty.count).text, at: header.span,
                        related: empty.map { name, _, actual in
                            RelatedLocation(
                                role: "row", span: actual.span,
                                message: LocalizedText(zh: "“\(name)”完成值为空", en: "“\(name)”: empty"))
                        },
                        key: TableSay.key(p, "empty-actual"))
                } else {
                    for (name, score, actual) in empty {
                        let message = Message.empty(project: TableSay.project(p), indicator: name, score: score)
                        report.add(.warning, message.text, at: actual.span, key: TableSay.key(p, "empty-actual|\(name)"))
                    }
                }
            }
            // Completion values that repeat the target inequality.
            for i in full {
                guard let actual = i.actual, let q = actual.quantity, q.comparator != nil, q.comparator != .eq else { continue }
                let message = Message.inequality(project: TableSay.project(p), indicator: i.name, actual: actual.text)
                report.add(
                    .note, message.text, at: actual.span,
                    related: i.targetCell.map { [TableSay.related("target", $0, zh: "指标值", en: "target")] } ?? [],
                    key: TableSay.key(p, "inequality|\(i.name)"))
            }
            // A completion column of bare ratios where the targets are counted or priced.
            let ratios = p.indicators.lazy.filter { i in
                guard let a = i.actual, let q = a.quantity else { return false }
                return q.unit == .percent && q.value == Dec.hundred && q.comparator == nil && a.quantities.count == 1
            }
            let measured = p.indicators.compactMap { i -> (String, Quantity)? in
                guard let t = i.target, t.unit != .percent && t.unit != .none else { return nil }
                return (i.name, t)
            }
            if ratios.count == p.indicators.count, let (name, target) = measured.first, let header = p.headerCells["actual"] {
                let message = Message.ratiosOnly(
                    project: TableSay.project(p), measured: measured.count, example: name,
                    target: target.printed)
                report.add(
                    .note, message.text, at: header.span,
                    related: ratios.compactMap { i in i.actual.map { TableSay.related("row", $0, zh: i.name, en: i.name) } },
                    key: TableSay.key(p, "ratio-only"))
            }
        }
    }
}

extension UnsupportedScore {
    enum Message {
        case allEmpty(project: LocalizedText, count: Int)
        case empty(project: LocalizedText, indicator: String, score: String)
        case inequality(project: LocalizedText, indicator: String, actual: String)
        /// `example` and `target`: the first indicator counted in people, times or money.
        case ratiosOnly(project: LocalizedText, measured: Int, example: String, target: String)

        var text: LocalizedText {
            switch self {
            case .allEmpty(let project, let count):
                LocalizedText(
                    zh: "\(project.zh)全部\(count)项指标的完成值均为空，却都得了满分：满分没有依据。",
                    en: "\(project.en): all \(count) indicators have an empty completion value, yet each has full points: "
                        + "the scores have no basis.")
            case .empty(let project, let indicator, let score):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”完成值为空，却得了满分\(score)分。",
                    en: "\(project.en) “\(indicator)”: the completion value is empty, yet the row has full points (\(score)).")
            case .inequality(let project, let indicator, let actual):
                LocalizedText(
                    zh: "\(project.zh)“\(indicator)”的完成值“\(actual)”只是重复目标不等式，没有给出实际完成数。",
                    en: "\(project.en) “\(indicator)”: the completion value “\(actual)” repeats the target inequality instead of giving "
                        + "a measured value.")
            case .ratiosOnly(let project, let measured, let example, let target):
                LocalizedText(
                    zh: "\(project.zh)完成值一律填“100%”，而\(measured)项指标以人数、次数或金额计（如“\(example)”\(target)），没有给出实际完成数。",
                    en: "\(project.en): every completion value is “100%”, while \(measured) indicators are counted in people, "
                        + "times or money (e.g. “\(example)” \(target)): no measured values are given.")
            }
        }
    }
}

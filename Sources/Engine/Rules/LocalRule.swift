import Extraction
import Model

/// A rule a configuration adds (`rules: [...]` in `.reportlint.json`): a check with its own id
/// (`local/…`), severity, messages and examples, written without Swift. It is one of
///
/// - `expect`: a relation over concepts of the text (`三公经费.决算 <= 三公经费.上年决算`,
///   `结转结余率 <= 10%`), tested with interval arithmetic — a relation that holds within
///   rounding is silent — and optionally excused `unless` a reason is stated nearby;
/// - `each-row`: a condition on every row of the self-evaluation tables
///   (`得分 < 分值 => 偏差原因 != ''`);
/// - `require`: a concept or a quoted phrase that must be stated in each section (or run-in
///   paragraph) whose title names `section`.
///
/// `RuleCheck` (in Checks) runs it as any other check.
public struct LocalRule: Sendable {
    public enum Body: Sendable {
        case expect(RuleCondition)
        case eachRow(RuleCondition, tables: TableScope, rows: RowScope)
        case require(RequiredStatement, section: String?)
    }

    public enum TableScope: String, Sendable, CaseIterable {
        /// 项目支出绩效自评表
        case project
        /// 部门整体支出绩效自评表
        case department
        case all
    }

    public enum RowScope: String, Sendable, CaseIterable {
        /// Rows of the 绩效指标 block.
        case indicators
        /// Rows of the 预算执行情况 block.
        case funds
        case all
    }

    /// What must be stated: a concept (with a figure), or a phrase (its words, anywhere).
    public enum RequiredStatement: Sendable {
        case concept(Concept)
        case phrase(String)

        public var written: String {
            switch self {
            case .concept(let c): return c.zh
            case .phrase(let p): return "‘\(p)’"
            }
        }
    }

    /// `unless: "reason-nearby"`: a breach is excused when its sentence, the rest of its
    /// paragraph or the next paragraph gives a reason (one of `words`), or, in a table, the
    /// row's 原因 cell says something.
    public struct ReasonNearby: Sendable, Equatable {
        public var words: [String]
        public static let defaultWords = ["原因", "由于", "因为", "主要是", "系因", "鉴于", "是因"]
    }

    public var id: String
    public var title: LocalizedText
    public var severity: Severity
    public var body: Body
    public var unless: ReasonNearby?
    /// The messages' templates (nil: a message made from the expression).
    public var message: (zh: MessageTemplate, en: MessageTemplate)?
    public var triggering: [Example]
    public var nonTriggering: [Example]
    /// The configuration file that declares it, as displayed.
    public var file: String

    /// The placeholders a message may use for this kind of rule.
    public static func placeholders(for body: Body) -> [String] {
        switch body {
        case .expect(let c):
            var names = ["left", "right"]
            for rel in [c.premise, c.conclusion].compactMap({ $0 }) {
                for ref in rel.left.concepts + rel.right.concepts where !names.contains(ref.written) { names.append(ref.written) }
            }
            return names
        case .eachRow(let c, _, _):
            var names = ["row", "table"]
            for rel in [c.premise, c.conclusion].compactMap({ $0 }) {
                for f in rel.left.fields + rel.right.fields {
                    for n in f.names + [f.rawValue] where !names.contains(n) { names.append(n) }
                }
            }
            return names
        case .require:
            return ["section", "required"]
        }
    }

    /// The expression (or requirement) as written.
    public var expression: String {
        switch body {
        case .expect(let c), .eachRow(let c, _, _): return c.text
        case .require(let r, let section): return r.written + (section.map { " @ \($0)" } ?? "")
        }
    }

    public var kindName: String {
        switch body {
        case .expect: return "expect"
        case .eachRow: return "each-row"
        case .require: return "require"
        }
    }

    /// The rule as a check describes itself: `reportlint explain`, SARIF rules, the HTML page.
    public var description: CheckDescription {
        let rationale: LocalizedText
        switch body {
        case .expect(let c):
            rationale = LocalizedText(
                zh: "配置文件 \(file) 中的规则：\(c.text)。按印刷数字的区间计算，四舍五入范围内成立的不报告；报告未给出其中某项数字时不检查。"
                    + (unless != nil ? "附近说明了原因（\(unless!.words.joined(separator: "、"))）的不报告。" : ""),
                en:
                    "A rule of \(file): \(c.text). Tested on the intervals the printed digits allow: a relation that holds within rounding is silent, and a report that does not state every term is not judged."
                    + (unless != nil
                        ? " A breach whose sentence, paragraph or next paragraph gives a reason (\(unless!.words.joined(separator: ", "))) is excused."
                        : ""))
        case .eachRow(let c, let tables, let rows):
            rationale = LocalizedText(
                zh: "配置文件 \(file) 中的表格规则：\(tables.zh)的每一\(rows.zh)都应满足 \(c.text)。分值与得分按给定数值精确比较，其他数字按印刷精度的区间比较。",
                en:
                    "A table rule of \(file): every \(rows.rawValue) row of the \(tables.en) must satisfy \(c.text). Weights and scores compare exactly, other figures on their printed intervals."
            )
        case .require(let r, let section):
            let place = section.map { "标题含“\($0)”的每一节（或以其开头的段落）" } ?? "报告"
            let placeEn = section.map { "every section whose title names “\($0)” (or paragraph that opens with it)" } ?? "the report"
            rationale = LocalizedText(
                zh: "配置文件 \(file) 中的规则：\(place)应说明 \(r.written)。",
                en: "A rule of \(file): \(placeEn) must state \(r.written).")
        }
        return CheckDescription(
            id: id, title: title, rationale: rationale, severity: severity, tags: ["local", kindName],
            triggering: triggering, nonTriggering: nonTriggering)
    }
}

extension LocalRule.TableScope {
    var zh: String {
        switch self {
        case .project: return "项目支出绩效自评表"
        case .department: return "部门整体支出绩效自评表"
        case .all: return "绩效自评表"
        }
    }

    var en: String {
        switch self {
        case .project: return "project self-evaluation tables"
        case .department: return "department self-evaluation tables"
        case .all: return "self-evaluation tables"
        }
    }
}

extension LocalRule.RowScope {
    var zh: String {
        switch self {
        case .indicators: return "个绩效指标行"
        case .funds: return "个资金行"
        case .all: return "行"
        }
    }
}

import Extraction
import Model

/// A column of a self-evaluation table's row, as a table rule names it: by the header words
/// of its role (分值, 得分, 偏差原因 …; the roles of the 绩效自评表 model, domain brief §5),
/// whatever words the table itself prints in its header.
public enum RowField: String, Sendable, CaseIterable {
    case weight
    case score
    case reason
    case target
    case actual
    /// The indicator's name (三级指标), or the fund row's label.
    case name
    case level1
    case level2
    /// 指标性质: ≥, ≤, ＝, 定性.
    case targetOperator = "operator"
    case unit
    case initialBudget = "initial"
    case adjustedBudget = "adjusted"
    case executed
    case executionRate = "rate"
    /// 完成率: the form's own ratio of the completed value to the target.
    case completionRate = "completion"

    /// The names a rule may use, the first being the one messages show. The English name
    /// (`weight`, `score` …) is accepted too.
    public var names: [String] {
        switch self {
        case .weight: return ["分值", "权重", "指标分值"]
        case .score: return ["得分", "自评得分"]
        case .reason: return ["偏差原因", "原因", "偏差原因分析及改进措施", "未完成原因和改进措施", "原因分析", "未完成原因"]
        case .target: return ["指标值", "年度指标值", "目标值", "年度目标值"]
        case .actual: return ["完成值", "实际完成值", "全年实际完成值"]
        case .name: return ["三级指标", "指标名称"]
        case .level1: return ["一级指标"]
        case .level2: return ["二级指标"]
        case .targetOperator: return ["指标性质"]
        case .unit: return ["度量单位", "计量单位"]
        case .initialBudget: return ["年初预算数", "年初预算"]
        case .adjustedBudget: return ["调整后预算数", "全年预算数"]
        case .executed: return ["预算执行数", "全年执行数", "执行数"]
        case .executionRate: return ["执行率", "预算执行率"]
        case .completionRate: return ["完成率", "指标完成率"]
        }
    }

    public var zh: String { names[0] }

    /// What the column holds when a rule computes with it.
    public var dimension: RuleDimension {
        switch self {
        case .weight, .score: return .points
        case .initialBudget, .adjustedBudget, .executed: return .money
        case .executionRate, .completionRate: return .ratio
        case .target, .actual: return .any
        case .reason, .name, .level1, .level2, .targetOperator, .unit: return .text
        }
    }

    /// Which rows have the column: indicator rows of the 绩效指标 block, fund rows of the
    /// 预算执行情况 block, or both.
    public var inIndicatorRows: Bool {
        switch self {
        case .initialBudget, .adjustedBudget, .executed, .executionRate: return false
        default: return true
        }
    }

    public var inFundRows: Bool {
        switch self {
        case .weight, .score, .reason, .name, .initialBudget, .adjustedBudget, .executed, .executionRate: return true
        default: return false
        }
    }

    /// Score points are assigned, not measured: a 分值 of 10 is exactly 10.
    public var isExact: Bool { self == .weight || self == .score }
}

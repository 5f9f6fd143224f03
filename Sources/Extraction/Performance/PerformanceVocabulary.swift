import Model

/// Every word by which a 绩效自评表 (项目支出 and 部门整体) is read: the header words of each
/// column role, the words that rule a role out, the labels of total rows and of the fund
/// breakdowns, and what a note says about payment. A template with other words is supported by
/// adding them here (and one fixture that uses them, see docs/architecture.md); nothing else in
/// the reader names a header word.
///
/// Words are compared with the header cell's key: its text folded (`Chars.fold`: full-width
/// brackets, digits and signs to ASCII) without white space or line breaks, so "全年\n预算数"
/// and "全年预算数（A）" both contain 全年预算数. The longest word found in a cell decides its role
/// ("预算执行率" is the rate, not the 执行数; "年度预算数" names the fund column, not a budget).
public enum PerformanceVocabulary {
    /// Words of one role. `block` nil: the words mean the role in either block; otherwise only in
    /// that block (实际完成数 is the executed amount in a 项目资金 block and the actual value in a
    /// 绩效指标 block). `whole` words must be the entire cell, units in brackets aside.
    struct RoleWords: Sendable {
        let role: PerformanceRole
        let words: [String]
        let whole: [String]
        let block: PerformanceBlockKind?
        /// A cell containing one of these does not have this role, whatever else it contains.
        let excluding: [String]

        init(
            _ role: PerformanceRole, _ words: [String], whole: [String] = [], in block: PerformanceBlockKind? = nil,
            excluding: [String] = []
        ) {
            self.role = role
            self.words = words
            self.whole = whole
            self.block = block
            self.excluding = excluding
        }
    }

    static let roles: [RoleWords] = [
        RoleWords(
            .blockLabel,
            [
                "预算执行情况", "绩效指标", "项目资金", "资金情况", "年度预算申请", "部门预算资金", "预算资金情况",
                "年度资金情况", "资金投入", "预算执行"
            ]),
        RoleWords(.fundLabel, ["年度预算数", "资金来源", "资金性质", "资金类别", "资金类型", "资金构成"], whole: ["项目", "类别", "资金"]),
        RoleWords(.initialBudget, ["年初预算数", "年初预算", "年初批复数", "年初批复预算", "年初安排数", "年初预算金额"]),
        RoleWords(
            .adjustedBudget,
            [
                "调整后预算数", "调整后预算", "调整预算数", "调整预算", "全年预算数", "全年预算", "全年批复数",
                "预算调整数", "调整后全年预算", "全年预算金额", "批复预算数"
            ],
            whole: ["预算数", "预算", "预算金额"]),
        RoleWords(
            .executed,
            [
                "预算执行数", "全年执行数", "执行数", "实际执行数", "实际支出数", "实际支出", "支出数", "决算数",
                "实际使用数", "资金执行数", "执行金额"
            ]),
        RoleWords(.executed, ["实际完成数", "完成数", "实际完成金额"], in: .budget),
        RoleWords(.executionRate, ["执行率", "预算执行率", "执行进度", "资金执行率", "支出进度"]),
        RoleWords(.weight, ["分值", "权重", "指标分值", "权重分值", "标准分值", "指标权重", "满分"]),
        RoleWords(.score, ["得分", "自评得分", "实际得分", "自评分", "评分结果"], excluding: ["得分说明", "得分标准", "得分依据", "得分率"]),
        RoleWords(.level1, ["一级指标"], whole: ["一级"]),
        RoleWords(.level2, ["二级指标"], whole: ["二级"]),
        RoleWords(.level3, ["三级指标", "指标名称", "具体指标"], whole: ["三级"]),
        RoleWords(.targetOperator, ["指标性质", "指标方向", "计算符号", "运算符号", "比较符号"]),
        RoleWords(
            .target,
            [
                "指标值", "年度指标值", "年度目标值", "目标值", "预期指标值", "绩效目标值", "预期值", "计划值", "指标目标值",
                "年度目标"
            ],
            excluding: ["完成", "实际"]),
        RoleWords(.unit, ["度量单位", "计量单位", "单位"], excluding: ["实施单位", "主管单位", "单位名称", "单位资金"]),
        RoleWords(
            .actual, ["完成值", "实际完成值", "全年实际完成值", "实际值", "实际完成情况", "完成情况", "实际完成指标值"],
            excluding: ["完成率", "目标完成情况"]),
        RoleWords(.actual, ["实际完成数", "完成数", "实际完成"], in: .indicators, excluding: ["完成率"]),
        RoleWords(.completionRate, ["完成率", "指标完成率", "完成比例", "完成比率", "目标完成率"]),
        RoleWords(
            .reason,
            [
                "原因", "偏差原因分析及改进措施", "未完成原因和改进措施", "原因分析", "改进措施", "偏差原因", "未完成原因",
                "偏差说明", "整改措施"
            ]),
        RoleWords(.explanation, ["指标解释", "指标说明", "指标内容", "指标定义"]),
        RoleWords(.scoringRule, ["评分说明", "评分标准", "评分方法", "评分规则", "计分方法", "评分办法", "得分说明"]),
        RoleWords(.remark, ["备注"], whole: ["说明"])
    ]

    /// What a form writes in a figure's cell for "not applicable" (besides "/", "—", "无").
    static let notApplicable = ["不适用", "不涉及", "未涉及", "无此项", "不考核", "不计分"]

    /// The first cell of a total row (项目 tables; the 部门整体 layout also ends with 分值).
    static let totals = ["合计", "总分", "总计", "自评总分", "综合得分"]
    static let departmentTotals = ["分值"]
    /// In a budget block 合计 is a fund row; these end it.
    static let scoreTotals = ["总分", "自评总分", "综合得分"]

    /// A title with one of these is a self-evaluation table: when its blocks are not found, it is
    /// reported (`unreadable-table`), never skipped.
    static let titles = ["自评表", "绩效评价表", "绩效目标表"]
    /// A title or first cell with one of these is the department-wide table.
    static let departmentTitles = ["部门整体", "整体支出", "部门（单位）整体"]

    /// The 部门整体 table's breakdown of its funds: one side by where the money came from, one by
    /// what it was spent on, each amount inside its label cell ("其中：一般公共预算：1234.56").
    static let incomeSide = ["按收入性质分", "按资金来源分", "按收入来源分"]
    static let expenditureSide = ["按支出性质分", "按支出类型分", "按支出用途分"]
    /// Words before an amount in a label cell that are not part of the label.
    static let labelPrefixes = ["其中:", "其中", "含:"]

    /// 项目名称 (or 项目支出名称) with its code; 部门名称 on a department-wide table.
    static let projectName = ["项目名称", "项目支出名称"]
    static let departmentName = ["部门名称", "部门(单位)名称", "单位名称", "预算部门", "部门(单位)"]
    /// 项目年度目标 | 年度目标完成情况, or 预期目标 | 实际完成情况: the goal and what became of it.
    static let goal = ["项目年度目标", "预期目标", "年度总体目标"]
    static let goalCompletion = ["年度目标完成情况", "实际完成情况", "总体目标完成情况"]
    static let conclusion = ["评价结论", "自评结论"]

    /// Indicators of the whole department (部门整体), each with the figures of the accounts its value
    /// is the ratio of (财预〔2013〕53号's 共性指标: 预算执行率 = 预算完成数 ÷ 预算数, …).
    static let wholeDepartment: [(String, WholeDepartmentIndicator)] = [
        ("预算执行率", .budgetExecution), ("部门预算执行率", .budgetExecution), ("预算完成率", .budgetExecution),
        ("结转结余率", .carryForward), ("结转结余变动率", .none),
        ("三公经费控制率", .sangongControl), ("三公经费预算控制率", .sangongControl), ("三公经费执行率", .sangongControl),
        ("政府采购执行率", .procurementExecution), ("政府采购预算执行率", .procurementExecution)
    ]

    /// What a note (a reason cell, a cost indicator's value) says about the money: not paid yet, or
    /// paid in full. A note with both says neither.
    static let notPaid = [
        "未支付", "尚未支付", "未拨付", "尚未拨付", "未拨款", "未到位", "尚未到位", "未执行", "尚未执行",
        "未使用", "尚未使用", "未报账", "尚未报账", "未结算", "尚未结算", "未兑付", "尚未兑付"
    ]
    static let paid = [
        "已支付", "已全部支付", "已拨付", "已全部拨付", "全部拨付到位", "拨付到位", "已执行完毕", "已全部执行",
        "支付完毕", "已结算", "已兑付", "已全额支付", "已足额拨付"
    ]
}

/// Header rows that the examples of the performance-table checks share, as compact rows (`Rows`):
/// an example puts one before its own rows, `Rows.table(ExampleTables.budgetBlock, """ … """)`, and
/// shows only the rows it is about.
enum ExampleTables {
    /// The budget block of a 项目支出绩效自评表, 11-column layout: 预算执行情况（10分） and its column names.
    static let budgetBlock = """
        | 预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |
        """

    /// The indicator header of the 9-column layout, targets as free text (document 004's form): the vertical
    /// “绩效指标” and the column names.
    static let freeTextIndicators = """
        | 绩⏎效⏎指⏎标 | 一级指标 | 二级指标 | 三级指标 | 年度⏎指标值 | 实际⏎完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
        """

    /// The indicator header of the 11-column layout, targets split into 指标性质 / 指标值 / 度量单位.
    static let splitTargetIndicators = """
        | 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |
        """

    /// The fund block of the 9-column layout: 项目资金（万元）, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.
    static let fundBlock = """
        | 项目资金⏎（万元） | | 年初⏎预算数 | 全年⏎预算数 | 全年⏎执行数 | 分值 | 执行率 | 得分 |
        """

    /// The indicator header of a template without scores: targets, actual values and the form's own 完成率（%）.
    static let completionIndicators = """
        | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成数 | 完成率（%） | 未完成原因和改进措施 |
        """

    /// The fund block of a template without scores: 全年预算数, 实际完成数, 执行率（%）.
    static let unscoredFundBlock = """
        | 项目资金（万元） | 全年预算数 | 实际完成数 | 执行率（%） |
        """

    /// The fund block of a 部门整体支出绩效自评表: 年度预算申请（万元）, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.
    static let departmentFundBlock = """
        | 年度预算申请（万元） | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
        """
}

/// Header rows that the examples of the performance-table checks share, in the Word-export
/// text form: each example then shows only the rows it is about. Each ends with the blank
/// line that closes its row.
enum ExampleTables {
    /// The budget block of a 项目支出绩效自评表, 11-column layout: 预算执行情况（10分） and its column names.
    static let budgetBlock = """
        \t预算执行情况（10分）
        \t年度预算数（万元）
        \t年初预算
        \t调整后预算数
        \t预算执行数
        \t预算执行率
        \t权重
        \t得分
        \t原因


        """

    /// The indicator header of the 9-column layout, targets as free text (document 004's form): the vertical “绩效指标” and the column names.
    static let freeTextIndicators = """
        \t绩
        效
        指
        标
        \t一级指标
        \t二级指标
        \t三级指标
        \t年度
        指标值
        \t实际
        完成值
        \t分值
        \t得分
        \t偏差原因分析及改进措施


        """

    /// The indicator header of the 11-column layout, targets split into 指标性质 / 指标值 / 度量单位.
    static let splitTargetIndicators = """
        \t绩效指标（90分）
        \t一级指标
        \t二级指标
        \t三级指标
        \t指标性质
        \t指标值
        \t度量单位
        \t完成值
        \t权重
        \t得分
        \t未完成原因分析


        """

    /// The fund block of the 9-column layout: 项目资金（万元）, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.
    static let fundBlock = """
        \t项目资金
        （万元）
        \t
        \t年初
        预算数
        \t全年
        预算数
        \t全年
        执行数
        \t分值
        \t执行率
        \t得分


        """
}

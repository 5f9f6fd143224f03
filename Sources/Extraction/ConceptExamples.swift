/// A sentence that states each concept of the catalogue, as `reportlint concepts` shows it
/// to someone writing rules. Written for the purpose (no report's words); the test suite
/// reads each one and requires the fact index (or `StatedRates`) to bind its concept, so a
/// sentence shown here is one the extraction understands.
public enum ConceptExamples {
    public static func sentence(for conceptID: String) -> String? { sentences[conceptID] }

    static let sentences: [String: String] = [
        "income-expenditure-total": "2024年度收、支总计均为1,326.48万元。",
        "income-total": "2024年度收入总计1,326.48万元。",
        "expenditure-total": "2024年度支出总计1,326.48万元。",
        "current-income": "本年收入合计1,208.15万元。",
        "current-expenditure": "本年支出合计1,190.72万元。",
        "fiscal-total": "2024年度财政拨款收、支总计均为1,104.30万元。",
        "fiscal-income": "财政拨款收入1,086.90万元。",
        "fiscal-expenditure": "财政拨款支出1,086.90万元。",
        "gpb-income": "一般公共预算财政拨款收入1,052.66万元。",
        "gpb-expenditure": "2024年度一般公共预算财政拨款支出1,052.66万元。",
        "gpb-basic": "一般公共预算财政拨款基本支出742.18万元。",
        "gf-income": "政府性基金预算财政拨款收入34.24万元。",
        "gf-expenditure": "政府性基金预算财政拨款支出34.24万元。",
        "soc-income": "国有资本经营预算财政拨款收入12.00万元。",
        "soc-expenditure": "国有资本经营预算财政拨款支出12.00万元。",
        "basic-expenditure": "基本支出742.18万元，是为保障机构正常运转发生的支出。",
        "project-expenditure": "项目支出448.54万元，主要用于专项业务工作。",
        "business-expenditure": "经营支出5.20万元。",
        "personnel": "人员经费651.37万元，主要包括基本工资、津贴补贴。",
        "public-funds": "公用经费90.81万元，主要包括办公费、水电费。",
        "sangong": "2024年度“三公”经费财政拨款支出决算为6.35万元。",
        "abroad": "因公出国（境）费支出0万元。",
        "official-cars": "公务用车购置及运行维护费支出4.12万元。",
        "car-purchase": "公务用车购置费0万元。",
        "car-running": "公务用车运行维护费4.12万元。",
        "reception": "公务接待费支出2.23万元。",
        "domestic-reception": "国内公务接待费2.23万元。",
        "foreign-reception": "外事接待费0万元。",
        "operating-costs": "2024年度机关运行经费支出88.40万元。",
        "procurement": "2024年度政府采购支出总额136.75万元。",
        "procurement-goods": "政府采购货物支出52.10万元。",
        "procurement-works": "政府采购工程支出40.00万元。",
        "procurement-services": "政府采购服务支出44.65万元。",
        "sme-contracts": "授予中小企业合同金额120.30万元。",
        "small-micro-contracts": "授予小微企业合同金额98.60万元。",
        "carry-forward-start": "年初结转和结余118.33万元。",
        "carry-forward-end": "年末结转和结余135.76万元。",
        "surplus-distribution": "结余分配0万元。",
        "non-fiscal-surplus-use": "使用非财政拨款结余0万元。",
        "carry-over-rate": "2024年度结转结余率为8.60%。",
        "budget-execution-rate": "全年预算执行率为97.45%。",
        "sangong-control-rate": "“三公”经费控制率为100%。",
        "procurement-execution-rate": "政府采购执行率为100%。"
    ]

    /// A year-on-year sentence, for the `.上年` qualifier: the prior year's value it implies.
    public static let priorYear = "2024年度“三公”经费财政拨款支出6.35万元，比上年减少0.85万元，下降11.8%。"
}

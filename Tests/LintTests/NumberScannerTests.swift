import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

@Suite struct NumberScannerTests {
    func scan(_ s: String) -> ScannedText { NumberScanner.scan(CleanTextBuilder.make(s)) }
    func values(_ s: String) -> [String] { scan(s).quantities.map(\.printed) }

    @Test func moneyUnitsAndSeparators() {
        #expect(values("收入1,154.91万元") == ["1154.91万元"])
        #expect(values("支出1281.97万元整。") == ["1281.97万元"])
        #expect(values("车辆运险费5226元") == ["5226元"])
        #expect(values("资金3亿元") == ["3亿元"])
        let q = scan("1,154.91万元").quantities[0]
        #expect(q.decimals == 2)
        #expect(q.comparable.value == Dec("1154.91")!)
        #expect(scan("5226元").quantities[0].comparable.value == Dec("0.5226")!)
    }

    @Test func fullWidthDigitsAndPadding() {
        #expect(values("合计１２３．４５万元") == ["123.45万元"])
        #expect(values("\u{3000}≥12个\u{3000}") == ["≥12个"])
        #expect(values("金额\u{00A0}50万元") == ["50万元"])
        #expect(values("占９０．０９％") == ["90.09%"])
    }

    @Test func percentForms() {
        #expect(values("增长86%%") == ["86%"])
        #expect(values("进度为100 %") == ["100%"])
        #expect(values("N=-4.63%") == ["-4.63%"]) // an equation, not a comparator
        #expect(values("变化率在60%以下") == ["≤60%"])
    }

    @Test func approximateAndRanges() {
        let q = scan("慰问群众100余人").quantities[0]
        #expect(q.approximate && q.unit == .count("人") && q.value == Dec(100))
        #expect(scan("兑付补贴200余万元").quantities[0].approximate)
        #expect(scan("近10篇").quantities[0].approximate)
        let r = scan("期限5-10年").quantities[0]
        #expect(r.rangeLow == Dec(5) && r.value == Dec(10) && r.unit == .duration("年"))
        #expect(scan("60%-80%").quantities[0].rangeLow == Dec(60))
        #expect(scan("2万余人次").quantities[0].multiplier == 4)
    }

    @Test func comparators() {
        #expect(values("≥3 次") == ["≥3次"])
        #expect(values("≦16万") == ["≤16万"])
        #expect(values("≧95%") == ["≥95%"])
        #expect(values("＞80人") == [">80人"])
        #expect(values("＜5%") == ["<5%"])
        #expect(values("＝100%") == ["=100%"])
        #expect(values("100万以上") == ["≥100万"])
    }

    @Test func countUnits() {
        #expect(values("国内公务接待13批次，261人次") == ["13批次", "261人次"])
        #expect(values("单价100万元以上设备0台（套）") == ["≥100万元", "0台(套)"])
        #expect(values("共有车辆3辆，举办11期") == ["3辆", "11期"])
        #expect(values("得分10分，分别为") == ["10分"])
    }

    @Test func yearsDatesAndCodesAreNotAmounts() {
        let s = scan("与2023年度相比，截至2024年12月31日，依据〔2025〕1号文件，1—12月")
        #expect(s.quantities.isEmpty)
        #expect(s.years.map(\.year) == [2023, 2024, 2025])
        #expect(s.dates.count == 2)
        #expect(s.dates[0].year == 2024 && s.dates[0].month == 12 && s.dates[0].day == 31)
        #expect(values("一般公共服务(201）党委办公厅（室）及相关机构事务(31）行政运行(01）:支出决算为402.23万元") == ["402.23万元"])
        #expect(values("51090422T000000401050-城乡基层治理工作经费") == [])
        #expect(values("车辆川J·1D692划入") == [])
        #expect(values("1.一般公共服务支出30万元") == ["30万元"])
        #expect(values("（2）完成任务；2.加分值") == [])
        #expect(values("第3名") == [])
        #expect(values("“4·15”全民国家安全教育日") == [])
        #expect(values("截至2023年末") == [])
        #expect(scan("截至2023年末").years[0].form == .yearEnd)
    }

    @Test func decimalPointAfterListNumberIsNotAnAmount() {
        #expect(values("1.5万元") == ["1.5万元"])
    }

    @Test func spansPointAtTheOriginalText() {
        let text = "[bookmark: _Toc1]合计１２３．４５万元"
        let t = CleanTextBuilder.make(text)
        let q = NumberScanner.scan(t).quantities[0]
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[q.span.start..<q.span.end], as: UTF8.self) == "１２３．４５万元")
    }

    @Test func hostileNumbersDoNotTrap() {
        #expect(values(String(repeating: "9", count: 400) + "万元") == [])
        #expect(values("0." + String(repeating: "1", count: 40) + "%") == [])
        #expect(scan(String(repeating: "1,", count: 1000)).quantities.count > 0)
    }
}

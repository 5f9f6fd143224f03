import Checks
import Lint
import Testing

/// `Coverage`: which numbers are figures, and which of them a checked relation binds.
struct CoverageTests {
    func coverage(_ text: String) -> (SourceText, Coverage) {
        let source = SourceText(path: "coverage.txt", bytes: Array(text.utf8))
        let model = AuditModel(document: TextReader.read(source))
        let evidence = Linter(checks: Registry.all).lintWithEvidence(model, path: "coverage.txt", recordVerified: true)
        return (source, Coverage.measure(model, findings: evidence.findings, verified: evidence.verified))
    }

    func figures(_ c: Coverage, _ source: SourceText) -> [String: Bool] {
        var out: [String: Bool] = [:]
        for f in c.figures { out[source.text(f.quantity.numberSpan.range)] = f.bound }
        return out
    }

    @Test func relationsBindTheirFiguresAndTheRestStaysUnbound() {
        let (source, c) = coverage(
            """
            三、支出决算情况说明
            2023年度本年支出合计640.00万元，其中：基本支出480.00万元，占75.00%；项目支出160.00万元，占25.00%。
            全年举办讲座17场，印发手册3400册。

            """)
        let f = figures(c, source)
        for bound in ["640.00", "480.00", "75.00", "160.00", "25.00"] { #expect(f[bound] == true, "\(bound) should be bound: \(f)") }
        #expect(f["17"] == false && f["3400"] == false, "\(f)")
        #expect(f["2023"] == nil, "a year is not a figure")
        #expect(c.boundCount == 5 && c.figures.count == 7)
        let text = c.text(source)
        #expect(text.hasPrefix("coverage.txt: 7 figures, 5 bound (71.4%), 2 unbound\n"))
        #expect(text.contains("  3:7\t17场\t全年举办讲座⟨17场⟩"))
    }

    @Test func yearsDatesCodesListAndPageNumbersAreNotFigures() {
        let (source, c) = coverage(
            """
            一、基本情况
            1. 本单位于2022年12月31日前完成换届，见附件2和图3，联系电话13912345678。
            201   05   07   专项普查活动   438,300   438,300
            — 12 —
            项目代码05及实录2021均为编号。

            """)
        let f = figures(c, source)
        #expect(Set(f.keys) == ["438,300"], "\(f.keys.sorted())")
        #expect(c.figures.count == 2)
    }

    @Test func tablesListTheColumnsThatBindNone() {
        let (source, c) = coverage(
            """
            支出明细表
            \t科目编码
            \t科目名称
            \t金额（万元）

            \t2010101
            \t行政运行
            \t15.00

            \t2010102
            \t一般行政管理事务
            \t7.50

            """)
        let f = figures(c, source)
        #expect(f == ["15.00": false, "7.50": false], "codes under 科目编码 are not figures: \(f)")
        #expect(c.tables.count == 1)
        let table = c.tables[0]
        #expect(table.unboundColumns.map(\.index) == [2])
        #expect(table.unboundColumns.first?.header == "金额(万元)")
        #expect(c.text(source).contains("表1 (line 2), 0/2 bound: column 3 ‹金额(万元)› 2 figures"), "\(c.text(source))")
        #expect(c.figures.first?.rowLabel == "行政运行")
    }
}

import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

/// Fixtures in the Word-export form, written for these tests (TAB = \t).
@Suite struct TextReaderTests {
    func read(_ text: String) -> Document {
        TextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8)))
    }

    func tables(_ d: Document) -> [Table] { d.tables }
    func widths(_ t: Table) -> [Int] { t.rows.map { $0.cells.count } }

    @Test func cellsRowsAndEmptyCells() {
        let d = read("标题\n\t项目名称\n\t文化惠民工程\n\n\t年初预算\n\t\n\t10.00\n\n后文。\n")
        let t = tables(d)
        #expect(t.count == 1)
        #expect(widths(t[0]) == [2, 3])
        #expect(t[0].rows[1].cells[1].text.isEmpty)
        #expect(t[0].rows[1].cells[2].text.string == "10.00")
        #expect(d.paragraphs.map { $0.text.string } == ["标题", "后文。"])
    }

    @Test func lineWithoutTabContinuesTheCell() {
        let d = read("\t自评\n得分\n\t备注\n\n正文。\n")
        #expect(tables(d)[0].rows[0].cells[0].text.string == "自评\n得分")
        #expect(widths(tables(d)[0]) == [2])
    }

    @Test func blankLineThenTextStaysInTheCell() {
        // "产出指标", an empty paragraph, then "(50分)": one cell.
        let d = read("\t\n\t产出指标\n\n(50分)\n\t数量指标\n\n\t合计\n\t100\n\n\n结尾。\n")
        let t = tables(d)[0]
        #expect(widths(t) == [3, 2])
        #expect(t.rows[0].cells[1].text.string == "产出指标\n\n(50分)")
    }

    @Test func spacesOnlyLineAfterABlankLineStaysInTheRow() {
        let d = read("\t\n\t\n\t年度目标\n\n      \n\t完成情况\n\n\t下一行\n\n\n完。\n")
        #expect(widths(tables(d)[0]) == [4, 1])
    }

    @Test func splitRowIsMergedUsingTheWidthOfThePreviousRow() {
        // A 4-cell row, then a row whose first (empty) cell holds an empty paragraph:
        // it arrives as a 1-cell fragment and a 3-cell fragment.
        let d = read("\t一\n\t二\n\t三\n\t四\n\n\t\n\n\t\n\t名称\n\t5\n\n\n尾。\n")
        #expect(widths(tables(d)[0]) == [4, 4])
    }

    @Test func noiseMarkersAreDroppedButSpansPointAtTheSource() {
        let text = "[bookmark: _Toc1][bookmark: _Toc2]一、收入决算情况说明\n合计[image: image1]10万元。\n\t[bookmark: _GoBack]100%\n\t尾\n\n\n"
        let d = read(text)
        guard case .heading(let h) = d.blocks[0] else {
            Issue.record("no heading")
            return
        }
        #expect(h.title.string == "收入决算情况说明")
        #expect(d.paragraphs[0].text.string == "合计10万元。")
        let cell = d.tables[0].rows[0].cells[0]
        #expect(cell.text.string == "100%")
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[cell.text.fullSpan.start..<cell.text.fullSpan.end], as: UTF8.self) == "100%")
    }

    /// Issue 17: typed text where a writer spaced a figure from its words ("2025 年度", "318.40 万元",
    /// "92.5 %") reads as if it were not spaced, in headings, prose, cells and chart fields; every
    /// other space stays, and the figures still point at their bytes in the file.
    @Test func aFigureSpacedFromItsWordsReadsAsUnspaced() {
        let spaced = """
            一、2025 年度收支预算情况
            本馆 2025 年度收入预算 318.40 万元，占全部收入的 92.5 %，较 2024 年增加 6.10 万元。
            \t项目
            \t金额（万元）

            \t图书购置
            \t 45.00 万元


            外借 A 区与 B 区合计      12 处，另有 3  个流动点。

            """
        let joined = """
            一、2025年度收支预算情况
            本馆2025年度收入预算318.40万元，占全部收入的92.5%，较2024年增加6.10万元。
            \t项目
            \t金额（万元）

            \t图书购置
            \t45.00万元


            外借 A 区与 B 区合计      12处，另有3个流动点。

            """
        let d = read(spaced)
        let e = read(joined)
        func titles(_ doc: Document) -> [String] { doc.blocks.compactMap { if case .heading(let h) = $0 { h.title.string } else { nil } } }
        #expect(titles(d) == titles(e))
        #expect(titles(d).count == 1 && titles(d).allSatisfy { $0.contains("2025年度收支") })
        #expect(d.paragraphs.map(\.text.string) == e.paragraphs.map(\.text.string))
        #expect(d.tables.first?.rows.map { $0.cells.map(\.text.string) } == [["项目", "金额(万元)"], ["图书购置", "45.00万元"]])
        // A wide gap lays out something else; spaces between other characters are not the figure's.
        #expect(d.paragraphs.last?.text.string == "外借 A 区与 B 区合计      12处，另有3个流动点。")
        // The amount still points at its own bytes.
        let bytes = Array(spaced.utf8)
        let amounts = NumberScanner.scan(d.paragraphs[0].text).quantities
        let budget = amounts.first { $0.value == Dec("318.40")! }
        #expect(budget != nil)
        if let span = budget?.span {
            #expect(String(decoding: bytes[span.start..<span.end], as: UTF8.self).hasPrefix("318.40"))
        }
    }

    /// A classification code keeps the space before its name (it is no figure spaced from its
    /// unit), in a cell or at the start of a line; a year or an amount after it is still joined.
    @Test func aCodeKeepsTheSpaceBeforeItsName() {
        let d = read(
            """
            \t科目
            \t金额

            \t201 一般公共服务支出
            \t12.00

            \t30201 办公费
            \t3.50 万元


            2101101 行政单位医疗 2025 年度 15.00 万元。

            """)
        #expect(
            d.tables.first?.rows.map { $0.cells.map(\.text.string) } == [["科目", "金额"], ["201 一般公共服务支出", "12.00"], ["30201 办公费", "3.50万元"]])
        #expect(d.paragraphs.last?.text.string == "2101101 行政单位医疗2025年度15.00万元。")
    }

    @Test func chartDataAtTheEndIsNotProse() {
        let d = read(
            "\t最后\n\t单元格\n 2023年\t\n收入\t支出\t100.00\t100.00\t2024年\t\n收入\t支出\t120.00\t120.00\t\n\n占比（%）\t\n基本支出\t项目支出\t40.00\t60.00\t\n")
        #expect(d.tables.count == 1)
        #expect(d.charts.count == 1)
        #expect(d.paragraphs.isEmpty)
        let series = ChartReader.read(d.charts[0])
        #expect(series.count == 3)
        #expect(series[0].caption == "2023年" && series[1].caption == "2024年")
        #expect(series[2].isPercent && series[2].points.map(\.label) == ["基本支出", "项目支出"])
    }

    @Test func headingWithATrailingTabIsAHeading() {
        let d = read("六、基本支出决算情况说明\t\n基本支出10万元。\n")
        guard case .heading = d.blocks[0] else {
            Issue.record("not a heading")
            return
        }
        #expect(d.charts.isEmpty)
    }

    @Test func headingStylesBuildASectionTree() {
        let d = read(
            """
            第二部分  2024年度部门决算情况说明
            一、收入支出决算总体情况说明
            （一）机构组成。
            1.履职效能。
            ⑴干部教育：全年举办培训班11期，培训干部1198人次。
            （二）收入情况。本单位预算收入100万元。
            二、支出决算情况说明
            附件1
            部门预算绩效评价报告

            """)
        let titles = d.sections.map { "\($0.level):\($0.title)" }
        #expect(
            titles == [
                "1:2024年度部门决算情况说明", "2:收入支出决算总体情况说明", "3:机构组成", "4:履职效能",
                "3:收入情况", "2:支出决算情况说明", "1:", "1:部门预算绩效评价报告"
            ])
        #expect(d.sections[2].parent == 1 && d.sections[4].parent == 1 && d.sections[5].parent == 0)
        // A numbered line with a long body is a list item, not a heading.
        #expect(d.paragraphs.first { $0.listMarker?.marker == "⑴" } != nil)
        // The run-in body is a paragraph of its own.
        #expect(d.paragraphs.contains { $0.text.string == "本单位预算收入100万元。" })
    }

    @Test func tablesTouchingWithoutTextAreSplitAtTitles() {
        let d = read(
            "\t部门整体支出绩效自评表\n\n\t分值\n\t97\n \t[bookmark: _Toc9]项目支出绩效自评表（2024年度）\n\n\t项目名称\n\t甲\n\n\t\n\t\n\n\t项目支出绩效自评表（2024年度）\n\n\t项目名称\n\t乙\n"
        )
        #expect(d.tables.count == 3)
        #expect(d.tables.map(widths) == [[1, 2], [1, 2, 2], [1, 2]])
        #expect(d.tables[1].title == "项目支出绩效自评表(2024年度)")
    }

    @Test func pageFootersAreDropped() {
        let d = read("正文。\n- 1 -\n")
        #expect(d.paragraphs.count == 1)
    }

    @Test func hugeLinesAndOddInputDoNotTrap() {
        let long = String(repeating: "收入10万元，", count: 20000) + "\n"
        let d = read(long + "\t" + String(repeating: "x", count: 100000) + "\n\t\n" + "[bookmark: unterminated\n")
        #expect(d.paragraphs.count >= 1)
        _ = AuditModel(document: d)
    }
}

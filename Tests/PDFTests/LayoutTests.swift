import PDFFixtures
import Testing

@testable import PDF

/// Lines to paragraphs, running text left out, tables from ruling lines.
@Suite struct LayoutTests {
    /// A body of lines: each full line is 36 characters of 12 pt (432 pt, from x 72 to 504).
    static let full = 36

    /// `count` characters of filler prose, cycling through a few of our own words.
    static func prose(_ count: Int, seed: Int = 0) -> String {
        let words = Array("本单位按照年度工作计划推进各项任务落实情况良好资金使用规范")
        return String((0..<count).map { words[($0 + seed) % words.count] })
    }

    @Test func wrappedLinesJoinIntoOneParagraphAndAnIndentStartsTheNext() throws {
        var page = FixturePage()
        let first = [Self.prose(34), Self.prose(36, seed: 1), Self.prose(20, seed: 2) + "。"]
        let second = [Self.prose(34, seed: 3), Self.prose(10, seed: 4) + "。"]
        page.lines(first, x: 72, top: 760)
        page.lines(second, x: 72, top: 700)
        let texts = try PDFFixture(page).read().texts
        #expect(texts == [first.joined(), second.joined()])
    }

    @Test func aParagraphContinuedOnTheNextPageIsOneParagraph() throws {
        var one = FixturePage()
        var two = FixturePage()
        let head = [Self.prose(34), Self.prose(36, seed: 1), Self.prose(36, seed: 2)]
        one.lines(head + [Self.prose(36, seed: 9)], x: 72, top: 160)
        one.text("— 1 —", x: 280, y: 40)
        two.lines([Self.prose(12, seed: 3) + "。"], x: 72, top: 780, indent: 0)
        two.lines([Self.prose(34, seed: 4), Self.prose(5, seed: 5) + "。"], x: 72, top: 740)
        two.text("— 2 —", x: 280, y: 40)
        let content = try PDFFixture(pages: [one, two]).read()
        let whole = (head + [Self.prose(36, seed: 9)]).joined() + Self.prose(12, seed: 3) + "。"
        #expect(content.texts == [whole, Self.prose(34, seed: 4) + Self.prose(5, seed: 5) + "。"])
        let p = try #require(content.paragraphs.first)
        #expect(p.page == 1)
        #expect(p.pageBreaks == [PDFPageBreak(offset: (head + [Self.prose(36, seed: 9)]).joined().utf8.count, page: 2)])
        #expect(p.page(at: p.text.utf8.count - 1) == 2)
    }

    @Test func runningHeadersFootersAndPageNumbersAreLeftOut() throws {
        var pages: [FixturePage] = []
        let numbers = ["— 1 —", "第 2 页", "- 3 -", "4/4"]
        for k in 0..<4 {
            var page = FixturePage()
            page.text("示例单位2024年度报告", x: 220, y: 800, size: 9)
            page.lines([Self.prose(20, seed: k) + "。"], x: 72, top: 700)
            page.text(numbers[k], x: 280, y: 40)
            pages.append(page)
        }
        let texts = try PDFFixture(pages: pages).read().texts
        #expect(texts == (0..<4).map { Self.prose(20, seed: $0) + "。" })
    }

    @Test func aLargerSingleLineIsHeadingLike() throws {
        var page = FixturePage()
        page.text("第一部分 部门概况", x: 200, y: 780, size: 18)
        page.lines([Self.prose(34), Self.prose(36, seed: 1), Self.prose(36, seed: 2), Self.prose(3) + "。"], x: 72, top: 740)
        let content = try PDFFixture(page).read()
        #expect(content.paragraphs.map(\.headingLike) == [true, false])
        #expect(content.paragraphs.first?.text == "第一部分 部门概况")
    }

    @Test func aCentredTitleOnTwoLinesIsOneAndContentsLinesStayApart() throws {
        var page = FixturePage()
        // 16 characters of 18 pt centred on 595 pt, then 4 centred below: one title.
        page.text("示例区某某管理局二零二四年度部门", x: 153.5, y: 780, size: 18)
        page.text("决算报告", x: 261.5, y: 755, size: 18)
        // Contents lines that fill the measure: each starts a numbered part.
        page.text(Self.prose(30), x: 72, y: 700)
        page.text("一、" + Self.prose(34), x: 72, y: 680)
        page.text("（二）" + Self.prose(33), x: 72, y: 660)
        page.text(Self.prose(10) + "。", x: 72, y: 640)
        let texts = try PDFFixture(page).read().texts
        #expect(
            texts == [
                "示例区某某管理局二零二四年度部门决算报告", Self.prose(30), "一、" + Self.prose(34),
                "（二）" + Self.prose(33) + Self.prose(10) + "。"
            ])
    }

    // MARK: tables

    static let header = ["项目", "预算数", "决算数"]

    @Test func ruledTableBecomesRowsOfCells() throws {
        for bars in [false, true] {
            var page = FixturePage()
            page.text("收支情况表", x: 250, y: 780, size: 14)
            page.table(
                x: 72, top: 760, columns: [150, 100, 100], rows: [24, 24, 24],
                cells: [Self.header, ["基本支出", "1,000.00", "998.50"], ["项目支出", "200.00", "0.00"]], bars: bars)
            page.lines([Self.prose(10) + "。"], x: 72, top: 600)
            let content = try PDFFixture(page).read()
            #expect(content.blocks.count == 3)
            let table = try #require(content.tables.first)
            #expect(table.texts == [Self.header, ["基本支出", "1,000.00", "998.50"], ["项目支出", "200.00", "0.00"]])
            #expect(table.columnCount == 3)
            #expect(table.page == 1)
        }
    }

    @Test func missingRulesMergeCellsAndWrappedLabelsAreJoined() throws {
        var page = FixturePage()
        // Row 0: a title cell across all three columns; rows 1–2: a label merged downwards.
        page.table(
            x: 72, top: 760, columns: [80, 100, 100], rows: [24, 40, 24],
            cells: [["合并的标题", nil, nil], ["上下合并", "机关事业单位基本养老保险缴费支出", "12.00"], [nil, "小计", "3.00"]],
            merges: [(0, 0, 1, 3), (1, 0, 2, 1)], wrap: 7)
        let table = try #require(try PDFFixture(page).read().tables.first)
        #expect(table.texts == [["合并的标题"], ["上下合并", "机关事业单位基本养老保险缴费支出", "12.00"], ["小计", "3.00"]])
        let title = table.rows[0][0]
        let label = table.rows[1][0]
        #expect((title.row, title.column, title.rowSpan, title.columnSpan) == (0, 0, 1, 3))
        #expect((label.row, label.column, label.rowSpan, label.columnSpan) == (1, 0, 2, 1))
        #expect(table.rows[2].map(\.column) == [1, 2])
    }

    @Test func aTableContinuedOnTheNextPageIsJoined() throws {
        var one = FixturePage()
        var two = FixturePage()
        one.text("支出明细表", x: 250, y: 780, size: 14)
        one.table(x: 72, top: 200, columns: [150, 100], rows: [24, 24, 24], cells: [["科目", "金额"], ["甲", "1.00"], ["乙", "2.00"]])
        one.text("— 1 —", x: 280, y: 40)
        two.table(x: 72, top: 780, columns: [150, 100], rows: [24, 24], cells: [["丙", "3.00"], ["合计", "6.00"]])
        two.lines([Self.prose(8) + "。"], x: 72, top: 700)
        two.text("— 2 —", x: 280, y: 40)
        let content = try PDFFixture(pages: [one, two]).read()
        #expect(content.tables.count == 1)
        let table = try #require(content.tables.first)
        #expect(table.texts == [["科目", "金额"], ["甲", "1.00"], ["乙", "2.00"], ["丙", "3.00"], ["合计", "6.00"]])
        #expect(table.rows.map { $0[0].page } == [1, 1, 1, 2, 2])
        #expect(table.rows.map { $0[0].row } == [0, 1, 2, 3, 4])
    }

    @Test func aTableWithoutRulesIsFoundByItsColumns() throws {
        var page = FixturePage()
        page.lines([Self.prose(20) + "。"], x: 72, top: 780)
        let rows = [["科目名称", "预算数", "执行数"], ["基本支出", "12.50", "12.00"], ["项目支出", "3.00", "2.75"], ["合计", "15.50", "14.75"]]
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { page.text(cell, x: 72 + Double(c) * 150, y: 740 - Double(r) * 20) }
        }
        page.lines([Self.prose(12, seed: 2) + "。"], x: 72, top: 640)
        let content = try PDFFixture(page).read()
        #expect(content.blocks.count == 3)
        #expect(content.tables.first?.texts == rows)
        // Prose with a wide gap in one line is not a table.
        var prose = FixturePage()
        prose.text("第一部分", x: 72, y: 780)
        prose.text("部门概况", x: 200, y: 780)
        prose.lines([Self.prose(34), Self.prose(10) + "。"], x: 72, top: 750)
        #expect(try PDFFixture(prose).read().tables.isEmpty)
    }

    @Test func aRotatedPageReadsAsDisplayed() throws {
        // A portrait sheet shown in landscape (/Rotate 90): its lines are drawn turned a quarter
        // turn counter-clockwise, so that they are upright once the page is turned.
        var page = FixturePage()
        page.rotate = 90
        let lines = ["横向页面的第一行文字", "横向页面的第二行文字"]
        for (k, text) in lines.enumerated() {
            page.raw("q 0 1 -1 0 \(100 + k * 20) 72 cm")
            page.text(text, x: 0, y: 0)
            page.raw("Q")
        }
        let content = try PDFFixture(page).read()
        #expect(content.texts == lines)
    }

    @Test func verticalTextReadsInDrawingOrder() throws {
        var page = FixturePage()
        // Two characters rotated a quarter turn, drawn bottom to top.
        page.raw("BT /F1 12 Tf 0 1 -1 0 300 500 Tm <10001001> Tj ET")
        page.text("旋转", x: 72, y: 700)
        let content = try PDFFixture(page).read()
        #expect(content.texts.contains("旋转"))
        #expect(content.texts.count == 2)
    }

    @Test func twoTablesWithOtherColumnsAreNotJoined() throws {
        var one = FixturePage()
        var two = FixturePage()
        one.table(x: 72, top: 200, columns: [150, 100], rows: [24, 24], cells: [["科目", "金额"], ["甲", "1.00"]])
        two.table(x: 72, top: 780, columns: [100, 100, 100], rows: [24, 24], cells: [["一", "二", "三"], ["4", "5", "6"]])
        #expect(try PDFFixture(pages: [one, two]).read().tables.count == 2)
    }
}

import Testing

@testable import Checks

/// `Rows.table`: compact rows give exactly the Word-export text the readers take.
@Suite struct RowsTests {
    @Test func cellsAreTabLinesAndRowsAreSeparatedByABlankLine() {
        let text = Rows.table(
            """
            | 项目名称 | 文化下乡 |
            | | 总额 | 4.80 | ↓100% | |
            """)
        #expect(text == "\t项目名称\n\t文化下乡\n\n\t\n\t总额\n\t4.80\n\t↓100%\n\t\n")
    }

    @Test func emptyAndMergedCellsAreEmptyTabLines() {
        #expect(Rows.table("| | | x | |") == "\t\n\t\n\tx\n\t\n")
        #expect(Rows.table("|  | y |") == "\t\n\ty\n")
    }

    @Test func lineBreaksInsideACellIncludingAnEmptyLine() {
        let text = Rows.table(
            """
            | 绩⏎效⏎指⏎标 | 年度⏎指标值 |
            | 产出指标⏎⏎(50分) | 30 |
            """)
        #expect(
            text == """
                \t绩
                效
                指
                标
                \t年度
                指标值

                \t产出指标

                (50分)
                \t30

                """)
    }

    @Test func textBeforeTheFirstBarGoesBeforeTheFirstTab() {
        #expect(Rows.table("↓| 项目支出绩效自评表 |\n| 项目名称 |") == "↓\t项目支出绩效自评表\n\n\t项目名称\n")
    }

    @Test func partsMakeOneTableAndBlankLinesBetweenRowsAreLeftOut() {
        let header = "| 一级指标 | 得分 |"
        let text = Rows.table(
            header,
            """

            | 产出指标 | 10 |

            | 合计 | 10 |
            """)
        #expect(text == "\t一级指标\n\t得分\n\n\t产出指标\n\t10\n\n\t合计\n\t10\n")
    }

    /// The shared header rows, as the one-cell-per-line text they stand for.
    @Test func theSharedHeaderRowsReadAsBefore() {
        #expect(
            Rows.table(ExampleTables.fundBlock) + "\n" == """
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


                """)
    }
}

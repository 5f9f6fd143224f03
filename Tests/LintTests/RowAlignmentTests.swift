import Testing

@testable import Extraction
@testable import Model
@testable import Readers

/// Rows of a 绩效自评表 that come with fewer cells than the header (merged cells dropped, or every
/// empty cell left out by a PDF's flattening) are placed under the header by what they hold.
/// Fixtures written for these tests.
@Suite struct RowAlignmentTests {
    func project(_ text: String) -> PerformanceTable? {
        AuditModel(document: ExtractedTextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8)))).projectTables.first
    }

    // Evenly spaced fields, as a program flattens a table: no empty cell survives.
    static let flattened = """
        项目名称   社区养老服务补贴

        项目资金（万元）   年初预算数   全年预算数   全年执行数   分值   执行率   得分

        年度资金总额   40   36   36   10   100%   10

        绩效指标   一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分   偏差原因分析及改进措施

        产出指标

        (60分)

        数量指标   入户探访老人   ≥500人次   520人次   30   30

        上门助餐服务   ≥2000份      30   30

        时效指标   补贴发放   每季度末前完成   每季度末前完成   20   20

        满意度指标（20分）   服务对象满意度指标   老人满意度   ≥90%   93%   20   20

        总分   100   100
        \u{0C}
        """

    @Test func flattenedRowsAreReadUnderTheirColumns() {
        guard let p = project(Self.flattened) else {
            Issue.record("no project table")
            return
        }
        #expect(p.budget?.rows.first?.label == "年度资金总额")
        #expect(p.budget?.rows.first?.rate?.text == "100%")
        #expect(p.budget?.rows.first?.score?.text == "10")
        #expect(p.sections.map(\.name) == ["产出指标", "满意度指标"])
        #expect(p.sections.map { $0.points?.value } == [Dec(60), Dec(20)])
        let rows = p.indicators.map {
            [$0.level1, $0.level2, $0.name, $0.targetCell?.text ?? "", $0.actual?.text ?? "", $0.weight?.text ?? "", $0.score?.text ?? ""]
        }
        #expect(
            rows == [
                ["产出指标", "数量指标", "入户探访老人", "≥500人次", "520人次", "30", "30"],
                ["产出指标", "数量指标", "上门助餐服务", "≥2000份", "", "30", "30"],
                ["产出指标", "时效指标", "补贴发放", "每季度末前完成", "每季度末前完成", "20", "20"],
                ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "93%", "20", "20"]
            ])
        #expect(p.total?.score?.text == "100")
    }

    func cells(_ texts: [String]) -> [CellValue] {
        texts.enumerated().map { c, t in
            let clean = CleanTextBuilder.make(t)
            return CellValue(clean: clean, quantities: NumberScanner.scan(clean).quantities, span: Span(0, 0), row: 0, column: c, unit: nil)
        }
    }

    @Test func cellsKeepTheirOrderAndTakeTheRightmostOfEqualPlaces() {
        let kinds: [ContentPlacement.ColumnKind] = [.label(0), .number, .number, .number, .text]
        #expect(ContentPlacement.place(cells(["总额", "12", "12", "按计划执行"]), under: kinds) == [0, 2, 3, 4])
        #expect(
            ContentPlacement.place(
                cells(["≥", "95", "%", "10", "10"]), under: [.label(3), .op, .target, .unit, .value, .number, .number, .text]) == [
                    1, 2, 3, 5, 6
                ])
    }

    @Test func aCellThatFitsNowhereLeavesTheRowUnplaced() {
        // A label after a figure has no column left to go to.
        #expect(ContentPlacement.place(cells(["12", "总额"]), under: [.label(0), .number]) == nil)
        #expect(ContentPlacement.place(cells(["甲", "乙", "丙"]), under: [.label(1), .label(2)]) == nil)
    }
}

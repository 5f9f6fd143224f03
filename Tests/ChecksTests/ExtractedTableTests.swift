import Testing

@testable import Checks
@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

/// Finance tables in text extracted from a PDF (pdftotext -layout): columns are placed by where
/// figures stand on their lines (lines set a few characters apart, figures printed on a line
/// above their row's label, labels wrapped), and a planted error is found while the rest holds.
@Suite struct ExtractedTableTests {
    /// A line of the layout: text from column `at`, figures right-aligned at the given columns.
    static func line(_ label: String = "", at: Int = 0, _ figures: [(String, Int)] = []) -> String {
        var chars = [Character](repeating: " ", count: at) + Array(label)
        for (text, right) in figures {
            let start = right - text.count
            while chars.count < start { chars.append(" ") }
            chars += Array(text)
        }
        while chars.last == " " { chars.removeLast() }
        return String(chars)
    }

    /// The expenditure table and the summary of an invented bureau, as pdftotext lays them out.
    static func report(t3Project2012604: String = "400.00") -> String {
        func l(_ label: String = "", at: Int = 0, _ figures: [(String, Int)] = []) -> String { line(label, at: at, figures) }
        let a = 48
        let b = 60
        let c = 72 // right edges of 本年支出合计 | 基本支出 | 项目支出
        return [
            l("示例市档案局2024年度部门决算", at: 16),
            l("收入支出决算总表", at: 20),
            l("单位：万元", at: 50),
            l("收入", at: 10) + "                          " + "支出",
            l("项目", at: 6) + "          决算数              项目              决算数",
            l("一、一般公共预算财政拨款收入", at: 0, [("1,200.00", 28)]) + "   " + "一、一般公共服务支出" + "            900.00",
            l("二、事业收入", at: 0, [("60.00", 28)]) + "   " + "八、社会保障和就业支出" + "          360.00",
            l("本年收入合计", at: 4, [("1,260.00", 28)]) + "   " + "本年支出合计" + "                1,260.00",
            l("总计", at: 0, [("1,260.00", 28)]) + "   " + "总计" + "                        1,260.00",
            "\u{0C}" + l("支出决算表", at: 24),
            l("单位：万元", at: 60),
            l("项目", at: 16, [("本年支出合计", a - 2), ("基本支出", b - 2), ("项目支出", c - 2)]),
            l("功能分类科目编码       科目名称", at: 2),
            l("201             一般公共服务支出", at: 0, [("900.00", a), ("500.00", b), ("400.00", c)]),
            l("201   26        档案事务", at: 0, [("900.00", a), ("500.00", b), ("400.00", c)]),
            l("201   26   01   行政运行", at: 0, [("500.00", a), ("500.00", b)]),
            // This line is set two characters to the left, as extractors do.
            l("201   26   04   档案馆", at: 0, [("400.00", a - 2), (t3Project2012604, c - 2)]),
            // Figures drawn above their row, the label wrapped below it.
            l("", at: 0, [("360.00", a), ("300.00", b), ("60.00", c)]),
            l("208             社会保障和就", at: 0),
            l("业支出", at: 16),
            l("合计", at: 16, [("1,260.00", a), ("800.00", b), ("460.00", c)]),
            "\u{0C}" + l("三、支出决算情况说明", at: 2),
            l("本年支出合计1260.00万元，其中：基本支出800.00万元，占63.49%；项目支出460.00万元，占36.51%。", at: 2)
        ].joined(separator: "\n") + "\n"
    }

    static func audit(_ text: String) throws -> (AuditModel, [Finding], [VerifiedRelation]) {
        guard case .success(let document) = DocumentReader.read(bytes: Array(text.utf8), path: "report.txt") else {
            throw InputError(.corrupt, LocalizedText("unread"))
        }
        let model = AuditModel(document: document)
        let (findings, verified) = Linter(checks: Registry.all).lintWithEvidence(model, path: "report.txt")
        return (model, findings, verified)
    }

    @Test func columnsArePlacedByWhereFiguresStand() throws {
        let (model, findings, verified) = try Self.audit(Self.report())
        #expect(model.document.origin == .pdfText)
        let tables = model.financeTables
        #expect(tables.tables.map(\.kind) == [.summary, .expenditure])
        let t3 = try #require(tables.first(.expenditure))
        #expect(t3.positional)
        let main = try #require(t3.main)
        #expect(main.row(code: "2012604")?.values[main.valueColumns[0].index]?.printed == "400.00")
        // The figures printed above their row belong to it, its label wrapped below it.
        #expect(main.row(code: "208")?.values[main.valueColumns[0].index]?.printed == "360.00")
        #expect(main.row(code: "208")?.name == "社会保障和就业支出")
        let keys = verified.filter { $0.check == "table-footing" }.map(\.key)
        #expect(keys.contains { $0.contains("2012604 档案馆") }, "\(keys)")
        #expect(keys.contains { $0.contains("201 一般公共服务支出") })
        #expect(verified.contains { $0.check == "cross-table" })
        #expect(verified.contains { $0.check == "table-text" })
        // (table-set rightly misses seven of the nine tables.)
        let tableFindings = findings.filter {
            ["table-footing", "cross-table", "table-text"].contains($0.checkID) && $0.severity >= .warning
        }
        #expect(tableFindings.isEmpty, "\(tableFindings.map(\.message.en))")
    }

    @Test func aTypoInAShiftedLineIsFound() throws {
        let (_, findings, _) = try Self.audit(Self.report(t3Project2012604: "410.00"))
        let footing = findings.filter { $0.checkID == "table-footing" && $0.severity == .error }
        #expect(footing.count == 1, "\(footing.map(\.message.en))")
        #expect(footing.first?.message.zh.contains("410.00") == true)
    }

    @Test func figuresAreMatchedToColumnsInOrderAtTheLinesShift() {
        // Three columns at 40, 52, 64; a line shifted two to the left with its middle figure blank.
        #expect(PositionalReading.assign([38, 62], to: [40, 52, 64], firstIsTotal: true) == [0, 2])
        #expect(PositionalReading.assign([40, 52], to: [40, 52, 64], firstIsTotal: true) == [0, 1])
        // A figure far from every column is not placed.
        #expect(PositionalReading.assign([40, 90], to: [40, 52, 64], firstIsTotal: true) == [0, nil])
        #expect(PositionalReading.assign([33], to: [40]) == [0])
    }
}

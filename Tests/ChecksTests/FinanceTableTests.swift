import DocxFixtures
import Testing

@testable import Checks
@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

/// The finance tables read from every input form, and each check's planted error found in
/// each form, with nothing else: the same report as Word-export text, as a .docx, as a
/// workbook with every block on one sheet and as one with a sheet per table.
@Suite struct FinanceTableTests {
    typealias Sample = SampleFinalAccounts

    struct Form {
        var name: String
        var document: Document
    }

    static func forms(_ fixture: ReportFixture) throws -> [Form] {
        func read(_ bytes: [UInt8], _ path: String) throws -> Document {
            switch DocumentReader.read(bytes: bytes, path: path) {
            case .success(let d): return d
            case .failure(let e): throw e
            }
        }
        return [
            Form(name: "text", document: try read(Array(fixture.text.utf8), "report.txt")),
            Form(name: "docx", document: try read(fixture.docx, "report.docx")),
            Form(name: "xlsx", document: try read(fixture.xlsx(), "report.xlsx")),
            Form(name: "xlsx, a sheet per table", document: try read(fixture.xlsx(sheetPerTable: true), "report.xlsx"))
        ]
    }

    static func lint(_ document: Document) -> (findings: [Finding], verified: [VerifiedRelation]) {
        Linter(checks: Registry.all).lintWithEvidence(AuditModel(document: document), path: "report")
    }

    /// Every form gives exactly `expected` (check id, severity), the same messages in each.
    static func expect(
        _ fixture: ReportFixture, _ expected: [(String, Severity)], containing words: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        var reference: [String]?
        for form in try forms(fixture) {
            let findings = lint(form.document).findings
            let got = findings.map { "\($0.checkID) \($0.severity.rawValue)" }.sorted()
            let want = expected.map { "\($0.0) \($0.1.rawValue)" }.sorted()
            #expect(got == want, "\(form.name): \(findings.map { "\($0.checkID): \($0.message.en)" })", sourceLocation: sourceLocation)
            let messages = findings.map { "\($0.checkID) \($0.severity.rawValue) \($0.message.en)" }.sorted()
            if let reference { #expect(messages == reference, "\(form.name) differs from the text form", sourceLocation: sourceLocation) }
            reference = reference ?? messages
            for word in words {
                #expect(
                    findings.contains { $0.message.zh.contains(word) }, "\(form.name): no finding says \(word)",
                    sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: the model

    @Test func theNineTablesAreReadAlikeFromEveryForm() throws {
        var reference: [String]?
        for form in try Self.forms(Sample.report()) {
            let tables = AuditModel(document: form.document).financeTables
            #expect(tables.tables.map(\.kind) == FinanceTableKind.finalAccountsSet, "\(form.name)")
            let shape = tables.tables.map { t in
                "\(t.kind.rawValue) "
                    + t.panels.map { p in
                        p.side.rawValue + ":" + p.columns.map { "\($0.role.rawValue)/\($0.basis.rawValue)" }.joined(separator: ",") + " "
                            + p.rows.map { r in
                                "\(r.role.rawValue)[\(r.code?.digits ?? r.name)]="
                                    + p.valueColumns.map { r.values[$0.index]?.printed ?? "" }.joined(separator: "|")
                            }.joined(separator: ";")
                    }.joined(separator: " / ")
            }
            if let reference { #expect(shape == reference, "\(form.name) reads the tables differently") }
            reference = reference ?? shape
        }
        let t = AuditModel(document: try Self.forms(Sample.report())[0].document).financeTables
        let t3 = try #require(t.first(.expenditure))
        #expect(t3.main?.column(.currentExpenditure) != nil && t3.main?.column(.basic) != nil)
        #expect(t3.main?.row(code: "2012601")?.values.count == 2)
        let t7 = try #require(t.first(.sangong))
        #expect(t7.main?.column(.cars, basis: .actual) != nil && t7.main?.column(.reception, basis: .budget) != nil)
        let t4 = try #require(t.first(.fiscalSummary))
        #expect(t4.panel(.income)?.rows.filter { $0.parent != nil }.count == 3)
        #expect(t.first(.stateCapital)?.noDataNote != nil)
    }

    @Test func theSampleReportIsConsistentAndEveryIdentityIsEvaluated() throws {
        for form in try Self.forms(Sample.report()) {
            let (findings, verified) = Self.lint(form.document)
            #expect(findings.isEmpty, "\(form.name): \(findings.map(\.message.en))")
            let byCheck = Dictionary(grouping: verified, by: \.check).mapValues(\.count)
            #expect((byCheck["table-footing"] ?? 0) > 150, "\(form.name): \(byCheck)")
            #expect((byCheck["cross-table"] ?? 0) >= 20, "\(form.name): \(byCheck)")
            #expect((byCheck["table-text"] ?? 0) >= 10, "\(form.name): \(byCheck)")
            let keys = verified.map(\.key)
            for identity in [
                "收入总计 = 支出总计", "人员经费合计 = 301 + 303", "年末结转和结余 = 年初 + 本年收入 − 本年支出",
                "本年支出合计 = 基本支出 + 项目支出", "合计行", "= 其下各款之和"
            ] {
                #expect(keys.contains { $0.contains(identity) }, "\(form.name): \(identity) not evaluated")
            }
        }
    }

    // MARK: one planted error per check

    @Test func tableFootingFindsATypoInOneCell() throws {
        var t3 = Sample.t3
        t3[6][6] = "410.00" // 2012604 档案馆, 项目支出
        try Self.expect(Sample.report(t3: t3), [("table-footing", .error), ("table-footing", .error)], containing: ["410.00"])
    }

    @Test func tableFootingFindsAPersonnelTotalThatIsNotItsClasses() throws {
        var t6 = Sample.t6
        t6[9][2] = "690.00" // 人员经费合计
        // Table 6's own footing, its total against table 5's 基本支出, and the narrative's 人员经费680.00.
        try Self.expect(
            Sample.report(t6: t6), [("table-footing", .error), ("cross-table", .error), ("table-text", .error)],
            containing: ["690.00"])
    }

    @Test func tableFootingFindsASummaryTotalThatIsNotItsParts() throws {
        var t1 = Sample.t1
        t1[16][1] = "1,335.50" // 收入总计
        t1[16][3] = "1,335.50" // 支出总计
        try Self.expect(
            Sample.report(t1: t1), [("table-footing", .error), ("table-footing", .error), ("table-text", .error)],
            containing: ["1335.50"])
    }

    @Test func crossTableFindsTwoTablesDisagreeing() throws {
        var t2 = Sample.t2
        // 其他收入 5.50 → 6.50 in the 合计 row and down its classes: table 2 adds up, table 1 does not agree.
        for (row, total) in [(1, "1,286.50"), (2, "936.50"), (3, "936.50"), (5, "336.50")] {
            t2[row][2] = total
            t2[row][8] = "6.50"
        }
        try Self.expect(Sample.report(t2: t2), [("cross-table", .error), ("cross-table", .error)], containing: ["1286.50", "6.50"])
    }

    @Test func crossTableCallsAOneCentDriftANote() throws {
        var t1 = Sample.t1
        t1[9][3] = "150.01" // 八、社会保障和就业支出 against table 3's 150.00
        t1[13][3] = "1,260.01"
        t1[15][3] = "65.49"
        // The narrative's 本年支出合计1260.00 is a cent from table 1's too.
        try Self.expect(Sample.report(t1: t1), [("cross-table", .note), ("cross-table", .note), ("table-text", .note)])
    }

    @Test func tableTextFindsTheNarrativeRestatingATableWrongly() throws {
        var narrative = Sample.narrative
        narrative[8] = "2024年度财政拨款收、支总计均为1207.00万元。"
        try Self.expect(Sample.report(narrative: narrative), [("table-text", .error)], containing: ["1207.00", "1270.00"])
    }

    @Test func tableSetFindsAMissingTableAndABlankOneWithoutANote() throws {
        try Self.expect(Sample.report(omit: [6]), [("table-set", .warning)], containing: ["一般公共预算财政拨款基本支出决算表"])
        var blank = Sample.report()
        blank.blocks.removeAll { if case .paragraph(let p) = $0 { return p.hasPrefix("注：") } else { return false } }
        try Self.expect(blank, [("table-set", .warning)], containing: ["本表无数据"])
    }

    @Test func placeholderFindsTemplateTextLeftIn() throws {
        var narrative = Sample.narrative
        narrative[0] = "第三部分 XX局2024年度部门决算情况说明"
        try Self.expect(Sample.report(narrative: narrative), [("placeholder", .warning)], containing: ["XX局"])
    }

    // MARK: a table typed from a published report, as text and as a workbook

    /// Table 4 of a published 决算 (its figures typed here), and its 说明四 stating the total as 0.3万元.
    static let publishedTable4 = ReportFixture([
        .paragraph("财政拨款收入支出决算总表"),
        .paragraph("单位：万元"),
        .table(
            [
                ["收入", "", "支出", "", "", "", ""],
                ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
                ["一、一般公共预算财政拨款", "2,940.05", "一、一般公共服务支出", "2,106.66", "2,106.66", "", ""],
                ["二、政府性基金预算财政拨款", "", "八、社会保障和就业支出", "326.71", "326.71", "", ""],
                ["三、国有资本经营预算财政拨款", "", "九、卫生健康支出", "60.99", "60.99", "", ""],
                ["", "", "十九、住房保障支出", "445.69", "445.69", "", ""],
                ["本年收入合计", "2,940.05", "本年支出合计", "2,940.05", "2,940.05", "", ""],
                ["年初财政拨款结转和结余", "21.63", "年末财政拨款结转和结余", "21.63", "21.63", "", ""],
                ["一、一般公共预算财政拨款", "21.63", "", "", "", "", ""],
                ["总计", "2,961.68", "总计", "2,961.68", "2,961.68", "", ""]
            ], spans: [.init(row: 0, column: 0, width: 2), .init(row: 0, column: 2, width: 5)]),
        .paragraph("四、财政拨款收入支出决算总体情况说明"),
        .paragraph("本局2024年度财政拨款收入支出总计0.3万元。")
    ])

    @Test func aPublishedTableGivesTheSameFindingsAsTextAndAsAWorkbook() throws {
        try Self.expect(Self.publishedTable4, [("table-text", .error)], containing: ["0.3", "2961.68"])
    }
}

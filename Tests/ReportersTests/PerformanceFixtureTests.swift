import Checks
import DocxFixtures
import Extraction
import Lint
import Model
import TestSupport
import Testing

/// One small report per family of 绩效自评表 template (written for these tests, Fixtures/), each
/// with planted errors: the whole registry must find exactly those, nothing else, and every
/// header word must be read as a role or reported. Their `dump` is pinned by ExtractionSnapshotTests.
@Suite struct PerformanceFixtureTests {
    static let fixtures = SnapshotFolder(named: "Fixtures")

    /// What each fixture plants: (check, line) of every finding the registry must give, at any severity.
    static let plants: [String: [Plant]] = [
        // Ministry of Finance 2020 (财预〔2020〕10号): 项目资金（万元） over two columns, targets as text, 总分.
        "mof-2020-project-table": [
            Plant("execution-rate", 30), // 18.00 ÷ 20.00 printed 95%
            Plant("target-not-met", 89) // 10个 against ≥12个 at full points
        ],
        // Issue 16's worked example: 全年预算数 / 实际完成数 / 执行率（%）with 分值 / 得分, and 年度指标值 /
        // 实际完成数 / 完成率（%）/ 未完成原因和改进措施 scored; the budget block's 10 points make the 100.
        "issue-16-worked-example": [
            Plant("execution-rate", 21), // 18.00 ÷ 20.00 printed 95
            Plant("target-not-met", 53) // 10个 against ≥12个 at full points
        ],
        // No scores; 全年预算数 / 实际完成数 / 执行率（%）and 年度指标值 / 实际完成数 / 完成率（%）.
        "no-score-completion-rate": [
            Plant("execution-rate", 18), // 80.00 of 80.00 printed 90
            Plant("completion-rate", 38), // 9个 against ≥12个 at 100, no reason
            Plant("completion-rate", 54), // 100% of 100% at 0
            Plant("execution-note", 63) // 尚未支付 while every fund is executed
        ],
        // 部门整体: merged rows without their leading cells, funds by nature in label cells, whole-department indicators.
        "department-merged-rows": [
            Plant("fund-breakdown", 34), // 800.00 + 377.50 ≠ 1187.50
            Plant("score-bounds", 80), // 12 of 10
            Plant("department-indicators", 87), // 预算执行率 98.00% against 1187.50 ÷ 1250.00
            Plant("department-indicators", 101) // “三公”经费控制率 95.00% against 10.80 ÷ 12.00
        ],
        // The corpus's other layout: 指标性质 | 指标值 | 度量单位 split, 预算执行情况（10分）, 合计.
        "split-targets-project-table": [
            Plant("execution-note", 23), // 已全部拨付 with 0.00 executed
            Plant("weight-total", 45), // 绩效指标（90分） over weights of 85
            Plant("unsupported-score", 76), // empty 完成值 at full points
            Plant("indicator-direction", 97), // 满意度 ≤90%
            Plant("weight-total", 106) // 合计 100 over weights of 95
        ],
        // Header words of no known role: reported, never skipped.
        "unknown-header-words": [
            Plant("unreadable-table", 9),
            Plant("unreadable-table", 22)
        ],
        "project-table-budget-and-indicators": []
    ]

    struct Plant: Equatable, CustomStringConvertible {
        let check: String
        let line: Int
        init(_ check: String, _ line: Int) {
            self.check = check
            self.line = line
        }
        var description: String { "\(check)@\(line)" }
    }

    static var names: [String] { plants.keys.sorted() }

    static func text(_ name: String) throws -> String {
        try #require(fixtures.read(fixtures.path(name)), "fixture \(name).txt is missing")
    }

    static func audit(_ bytes: [UInt8], _ name: String) -> FileResult {
        Pipeline(linter: Linter(checks: Registry.all)).audit(bytes: bytes, displayPath: name)
    }

    @Test(arguments: PerformanceFixtureTests.names)
    func plantedFindingsAndNothingElse(name: String) throws {
        let text = try Self.text(name)
        let result = Self.audit(Array(text.utf8), name + ".txt")
        let source = try #require(result.source)
        let found = result.findings.map { Plant($0.checkID, source.position(of: $0.span.start).line) }
        #expect(
            found == Self.plants[name],
            "\(name): \(result.findings.map { "\($0.checkID)@\(source.position(of: $0.span.start).line) \($0.message.zh)" })")
    }

    @Test func everyFixtureIsListed() {
        let files = Set(Self.fixtures.files().filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
        #expect(Set(Self.names).isSubset(of: files), "a fixture named in `plants` is missing")
        #expect(files.filter { !$0.hasPrefix("prose") }.isSubset(of: Set(Self.names)), "a table fixture has no planted findings listed")
    }

    /// Every non-empty header cell of every block is read as a role, or named in an unreadable-table note.
    @Test(arguments: PerformanceFixtureTests.names)
    func everyColumnIsUnderstoodOrReported(name: String) throws {
        let text = try Self.text(name)
        let model = AuditModel(document: TextReader.read(SourceText(path: name + ".txt", bytes: Array(text.utf8))))
        let reported = Set(
            model.unreadTables.flatMap { t -> [String] in
                if case .unmappedHeader(_, let words) = t.problem { return words }
                return []
            })
        var blocks = model.projectTables.flatMap { [$0.budgetColumns, $0.indicatorColumns].compactMap { $0 } }
        blocks += model.departmentTables.compactMap(\.columns)
        #expect(!blocks.isEmpty, "\(name): no block read")
        for block in blocks {
            for column in block.columns where column.role == nil && !column.headerText.isEmpty {
                #expect(reported.contains(column.headerText), "\(name): header “\(column.headerText)” is neither a role nor reported")
            }
            #expect(block.unalignedRows.isEmpty, "\(name): rows \(block.unalignedRows) not aligned")
        }
    }

    // MARK: a Word grid with every empty cell

    /// The MoF fixture's table as a Word table of 10 grid columns where every merged cell is an
    /// empty cell of its own (another export merges them): it must read as the same table.
    static let fullGrid: [[String]] = [
        ["项目名称", "乡村图书室提升工程", "", "", "", "", "", "", "", ""],
        ["主管部门", "县文化和旅游局", "", "", "", "实施单位", "县图书馆", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "", "得分", ""],
        ["", "年度资金总额", "20.00", "20.00", "18.00", "10", "95%", "", "9.5", ""],
        ["", "其中：当年财政拨款", "20.00", "20.00", "18.00", "—", "90%", "", "—", ""],
        ["", "上年结转资金", "0.00", "0.00", "0.00", "—", "", "", "—", ""],
        ["", "其他资金", "0.00", "0.00", "0.00", "—", "", "", "—", ""],
        ["年度总体目标", "预期目标", "", "", "", "实际完成情况", "", "", "", ""],
        [
            "", "为12个村级图书室更换书架、补充图书，全年组织阅读推广活动不少于20场。", "", "", "",
            "10个村级图书室完成更新，其余2个因场地调整顺延；组织阅读推广活动24场。", "", "", "", ""
        ],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施", ""],
        ["", "产出指标（50分）", "数量指标", "更新村级图书室", "≥12个", "10个", "20", "20", "", ""],
        ["", "", "", "开展阅读推广活动", "≥20场", "24场", "15", "15", "", ""],
        ["", "", "质量指标", "新增图书验收合格率", "≥98%", "99%", "15", "15", "", ""],
        ["", "效益指标（30分）", "社会效益指标", "村民借阅人次", "≥3000人次", "3600人次", "30", "30", "", ""],
        ["", "满意度指标（10分）", "服务对象满意度指标", "读者满意度", "≥90%", "94%", "10", "10", "", ""],
        ["总分", "", "", "", "", "", "100", "99.5", "", ""]
    ]

    @Test func aFullGridDocxReadsAsTheMergedTextForm() throws {
        #expect(Self.fullGrid.allSatisfy { $0.count == 10 })
        let docx = DocxFixture.docx(
            DocxFixture.paragraph("项目支出绩效自评表") + DocxFixture.paragraph("（2024年度）")
                + DocxFixture.table(Self.fullGrid))
        let fromWord = Self.audit(docx, "grid.docx")
        let fromText = Self.audit(Array(try Self.text("mof-2020-project-table").utf8), "mof-2020-project-table.txt")
        #expect(fromWord.error == nil)
        // The same findings, word for word.
        #expect(fromWord.findings.map { "\($0.checkID) \($0.message.zh)" } == fromText.findings.map { "\($0.checkID) \($0.message.zh)" })
        // The same table: fund rows, indicators, sections and total, figure by figure.
        let word = try #require(model(bytes: docx, path: "grid.docx"))
        let text = AuditModel(
            document: TextReader.read(SourceText(path: "t.txt", bytes: Array(try Self.text("mof-2020-project-table").utf8))))
        #expect(Self.summary(word) == Self.summary(text))
        #expect(!Self.summary(text).isEmpty)
    }

    /// What a performance table says, without places or line breaks.
    static func summary(_ model: AuditModel) -> [String] {
        func t(_ c: CellValue?) -> String { c.map { $0.text.filter { !$0.isWhitespace } } ?? "-" }
        var out: [String] = []
        for p in model.projectTables {
            out.append("project \(p.projectName ?? "") \(p.scope.rawValue) \(p.layout.rawValue)")
            for r in p.budget?.rows ?? [] {
                out.append(
                    "fund \(r.label) \(t(r.initial)) \(t(r.adjusted)) \(t(r.executed)) \(t(r.rate)) \(t(r.weight)) \(t(r.score))"
                        + " \(r.executed?.quantity?.printed ?? "")")
            }
            out += p.sections.map { "section \($0.name) \($0.points?.printed ?? "")" }
            for i in p.indicators {
                out.append(
                    "indicator \(i.level1)|\(i.level2)|\(i.name) \(i.op?.rawValue ?? "") \(i.target?.printed ?? "") \(t(i.actual))"
                        + " \(t(i.weight)) \(t(i.score)) \(t(i.reason))")
            }
            out.append("total \(t(p.total?.weight)) \(t(p.total?.score))")
            out.append("goal \(t(p.goal)) / \(t(p.goalCompletion))")
        }
        return out
    }
}

/// The audit model of a document read from bytes (nil: an input error).
func model(bytes: [UInt8], path: String) -> AuditModel? {
    guard case .success(let document) = DocumentReader.read(bytes: bytes, path: path) else { return nil }
    return AuditModel(document: document)
}

import Checks
import Lint
import Model
import Testing

/// Every 绩效自评表 fixture (Fixtures/, see PerformanceFixtureTests) written again in the other
/// shapes the same table arrives in: a Word document, rows of merged cells without their leading
/// empty cells, another template's header words, text extracted from a PDF. Each must give the
/// same findings as the fixture, so a template family is supported in every shape, not only in
/// the one its fixture was written in.
@Suite struct FixtureShapeTests {
    static var names: [String] { PerformanceFixtureTests.names }

    static func report(_ name: String) throws -> (String, ExportedReport) {
        let text = try PerformanceFixtureTests.text(name)
        return (text, ExportedReport(text: text))
    }

    /// What the fixture itself says: as many findings as it plants (so no shape is compared with nothing).
    static func expected(_ name: String, _ text: String) -> [String] {
        let said = said(Array(text.utf8), name + ".txt")
        #expect(said.count == PerformanceFixtureTests.plants[name]?.count, "\(name): \(said)")
        return said
    }

    /// What a result says, in document order, without places: check and message.
    static func said(_ bytes: [UInt8], _ path: String) -> [String] {
        let result = PerformanceFixtureTests.audit(bytes, path)
        if let error = result.error { return ["input error: \(error)"] }
        return result.findings.map { "\($0.checkID) \($0.message.zh)" }
    }

    /// Header words of other templates for the same roles (domain.md §5), each a word the
    /// vocabulary knows: the fixture's word on the left, another template's on the right.
    static let otherTemplates: [String: String] = [
        "年初预算数": "年初预算", "全年预算数": "调整后预算数", "全年执行数": "预算执行数", "执行率": "预算执行率",
        "执行率（%）": "预算执行率（%）", "分值": "权重", "得分": "自评得分", "年度指标值": "年度目标值", "指标值": "目标值",
        "实际完成值": "完成值", "完成值": "实际完成值", "完成率（%）": "指标完成率（%）",
        "偏差原因分析及改进措施": "原因分析", "未完成原因和改进措施": "偏差原因分析及改进措施", "度量单位": "计量单位"
    ]

    @Test(arguments: FixtureShapeTests.names)
    func theTextFormIsReadBackExactly(name: String) throws {
        let (text, report) = try Self.report(name)
        #expect(report.text == text)
        #expect(report.parts.contains { if case .row = $0 { true } else { false } }, "\(name): no table row read")
    }

    @Test(arguments: FixtureShapeTests.names)
    func asAWordDocument(name: String) throws {
        let (text, report) = try Self.report(name)
        let expected = Self.expected(name, text)
        #expect(Self.said(report.docx(), name + ".docx") == expected)
    }

    @Test(arguments: FixtureShapeTests.names)
    func withoutLeadingEmptyCells(name: String) throws {
        let (text, report) = try Self.report(name)
        let merged = report.withoutLeadingEmptyCells()
        let expected = Self.expected(name, text)
        #expect(Self.said(Array(merged.text.utf8), name + ".txt") == expected)
    }

    @Test(arguments: FixtureShapeTests.names)
    func withAnotherTemplatesHeaderWords(name: String) throws {
        let (text, report) = try Self.report(name)
        let other = report.withHeaderWords(Self.otherTemplates)
        #expect(other.text != text || name == "unknown-header-words", "\(name): no header word was rewritten")
        let expected = Self.expected(name, text)
        #expect(Self.said(Array(other.text.utf8), name + ".txt") == expected)
    }

    @Test(arguments: FixtureShapeTests.names)
    func asTextExtractedFromAPDF(name: String) throws {
        let (text, report) = try Self.report(name)
        let expected = Self.expected(name, text)
        #expect(Self.said(Array(report.flattened().utf8), name + ".txt") == expected)
    }
}

import Extraction
import PDFFixtures
import Testing

@testable import Model
@testable import Readers

/// A PDF read into the document model: paragraphs and tables written as the Word-export text
/// form, every part located by page (and cell), and findings naming their page.
@Suite struct PDFDocumentTests {
    static func fixture() -> PDFFixture {
        var one = FixturePage()
        var two = FixturePage()
        one.text("一、收入支出决算总体情况说明", x: 72, y: 780, size: 16)
        one.text("示例单位本年收入合计100.00万元。", x: 96, y: 740)
        one.table(
            x: 72, top: 700, columns: [150, 100], rows: [24, 24, 24],
            cells: [["项目", "金额"], ["财政拨款收入", "60.00"], ["其他收入", "40.00"]])
        two.text("二、收入决算情况说明", x: 72, y: 780, size: 16)
        two.text("本年收入合计100.00万元，其中：财政拨款收入60.00万元，占70.00%；其他收入40.00万元，占40.00%。", x: 96, y: 740, size: 10)
        return PDFFixture(pages: [one, two])
    }

    func read() throws -> Document {
        switch DocumentReader.read(bytes: Self.fixture().bytes(), path: "report.pdf") {
        case .success(let d): return d
        case .failure(let e): throw e
        }
    }

    @Test func paragraphsAndTablesAreWrittenInTheTextForm() throws {
        let doc = try read()
        #expect(doc.origin == .pdf)
        #expect(
            String(decoding: doc.source.bytes, as: UTF8.self) == """
                一、收入支出决算总体情况说明
                示例单位本年收入合计100.00万元。
                \t项目
                \t金额

                \t财政拨款收入
                \t60.00

                \t其他收入
                \t40.00


                二、收入决算情况说明
                本年收入合计100.00万元，其中：财政拨款收入60.00万元，占70.00%；其他收入40.00万元，占40.00%。

                """)
        #expect(doc.tables.count == 1)
        #expect(doc.tables.first?.rows.count == 3)
    }

    @Test func everyPartIsLocatedByPage() throws {
        let doc = try read()
        let locator = LogicalLocator(doc)
        let bytes = doc.source.bytes
        func at(_ needle: String) -> LogicalLocation? {
            let n = Array(needle.utf8)
            guard let offset = (0...(bytes.count - n.count)).first(where: { Array(bytes[$0..<($0 + n.count)]) == n }) else { return nil }
            return locator.location(at: offset)
        }
        #expect(at("示例单位")?.name.zh == "第1页")
        #expect(at("60.00\n")?.name.zh == "第1页 表1 第2行 第2列")
        #expect(at("60.00\n")?.name.en == "page 1, table 1, row 2, column 2")
        #expect(at("占70.00%")?.page == 2)
    }

    @Test func aPDFIsKnownByItsContent() throws {
        // Junk before the header, as some servers add it: still a PDF.
        let prefixed = Array("HTTP junk\r\n".utf8) + Self.fixture().bytes()
        guard case .success(let doc) = DocumentReader.read(bytes: prefixed, path: "report.bin") else {
            Issue.record("a PDF after junk was not read")
            return
        }
        #expect(doc.origin == .pdf && !doc.tables.isEmpty)
        // A text that quotes a PDF header is still a text.
        let text = Array("关于%PDF-1.7格式的说明。\n本年收入合计100.00万元。\n".utf8)
        guard case .success(let plain) = DocumentReader.read(bytes: text, path: "notes.txt") else {
            Issue.record("the text was not read")
            return
        }
        #expect(plain.origin != .pdf)
    }

    @Test func unreadablePDFsAreInputErrors() {
        var scanned = FixturePage()
        scanned.ops.append(.image)
        var encrypted = PDFFixture(FixturePage())
        encrypted.encrypted = true
        let cases: [([UInt8], InputError.Kind)] = [
            (PDFFixture(scanned).bytes(), .empty),
            (encrypted.bytes(), .encrypted),
            (Array(Self.fixture().bytes().prefix(300)), .corrupt)
        ]
        for (bytes, kind) in cases {
            guard case .failure(let e) = DocumentReader.read(bytes: bytes, path: "x.pdf") else {
                Issue.record("read without error")
                continue
            }
            #expect(e.kind == kind)
        }
    }

    /// A ruled expenditure table whose 本年支出 header spans its two part columns, and whose
    /// total row spans its code and name columns: each cell keeps the grid columns it covers, so
    /// the finance-table model lays the header over the right columns and reads every amount.
    @Test func mergedCellsKeepTheColumnsTheyCover() throws {
        var page = FixturePage()
        page.text("示例中心一般公共预算财政拨款支出决算表", x: 90, y: 790, size: 14)
        page.text("单位：万元", x: 420, y: 770, size: 9)
        page.table(
            x: 40, top: 760, columns: [60, 150, 90, 90, 90], rows: [20, 20, 20, 20, 20],
            cells: [
                ["科目编码", "科目名称", "本年支出", nil, nil],
                [nil, nil, "合计", "基本支出", "项目支出"],
                ["205", "教育支出", "90.00", "70.00", "20.00"],
                ["20502", "普通教育", "90.00", "70.00", "20.00"],
                ["合计", nil, "90.00", "70.00", "20.00"]
            ],
            merges: [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 1, 3), (4, 0, 1, 2)])
        let doc: Document
        switch DocumentReader.read(bytes: PDFFixture(pages: [page]).bytes(), path: "t5.pdf") {
        case .success(let d): doc = d
        case .failure(let e): throw e
        }
        let rows = try #require(doc.tables.first).rows
        #expect(rows.first?.cells.map(\.columnSpan) == [1, 1, 3])
        #expect(rows.last?.cells.map(\.columnSpan) == [2, 1, 1, 1])
        let table = try #require(AuditModel(document: doc).financeTables.first(.gpbExpenditure))
        let panel = try #require(table.main)
        let roles = panel.valueColumns.map(\.role)
        #expect(roles == [.currentExpenditure, .basic, .project])
        let total = try #require(panel.rows.last)
        #expect(panel.valueColumns.compactMap { total.value($0)?.printed } == ["90.00", "70.00", "20.00"])
    }
}

import DocxFixtures
import Testing

@testable import Engine
@testable import Model
@testable import Readers

/// The .xlsx reader: cells as Excel shows them (shared and inline strings, numbers through
/// their number formats), merged cells, several sheets and several tables per sheet, places
/// named "Sheet1!C7", and hostile or legacy workbooks refused with one clear input error.
@Suite struct XlsxReadingTests {
    typealias X = XlsxFixture

    static func read(_ bytes: [UInt8]) throws -> Document {
        switch DocumentReader.read(bytes: bytes, path: "book.xlsx") {
        case .success(let d): return d
        case .failure(let e): throw e
        }
    }

    static func rows(_ t: Table) -> [[String]] { t.rows.map { $0.cells.map(\.text.string) } }

    @Test func numbersShowTheirFormatsDecimals() {
        #expect(NumberFormat(code: "#,##0.00").display("1234.5") == "1,234.50")
        #expect(NumberFormat(code: "0.00").display("0.30000000000000004") == "0.30")
        #expect(NumberFormat(code: "0").display("2.5") == "3")
        #expect(NumberFormat(code: "0.0%").display("0.853") == "85.3%")
        #expect(NumberFormat(code: "#,##0.00;[Red]-#,##0.00").display("-1234.5") == "-1,234.50")
        #expect(NumberFormat(code: "#,##0.00;(#,##0.00)").display("-3") == "(3.00)")
        #expect(NumberFormat(code: "0.00\"万元\"").display("12.5") == "12.50万元")
        #expect(NumberFormat(code: "#,##0.00;-#,##0.00;\"-\"").display("0") == "-")
        #expect(NumberFormat(code: "#,##0,").display("1234567") == "1,235")
        #expect(NumberFormat.general.display("2940.0500000000002") == "2940.05")
        #expect(NumberFormat.general.display("1.2345E3") == "1234.5")
        #expect(NumberFormat.builtIn(4).display("2940.05") == "2,940.05")
        #expect(NumberFormat(code: "yyyy-mm-dd").display("45657") == "2024-12-31")
        #expect(NumberFormat(code: "yyyy\"年\"m\"月\"d\"日\"").display("45292") == "2024年1月1日")
        #expect(NumberFormat.general.display("abc") == nil)
    }

    @Test func aSheetBecomesCaptionsATableAndNotes() throws {
        let sheet = X.sheet(
            "公开01表",
            [
                ["收入支出决算总表", "", "", ""],
                ["编制单位：示例局", "", "", "单位：万元"],
                ["收入", "", "支出", ""],
                ["项目", "决算数", "项目", "决算数"],
                ["一、一般公共预算财政拨款收入", "1,234.50", "一、一般公共服务支出", "1,234.50"],
                ["本年收入合计", "1,234.50", "本年支出合计", "1,234.50"],
                ["注：本表反映本年度的总收支。", "", "", ""]
            ], merges: ["A1:D1", "A3:B3", "C3:D3"])
        let doc = try Self.read(X([sheet]).bytes())
        let text = String(decoding: doc.source.bytes, as: UTF8.self)
        #expect(text.hasPrefix("公开01表\n收入支出决算总表\n编制单位：示例局  单位：万元\n\t收入\n\t支出\n\n\t项目\n"))
        #expect(doc.origin == .xlsx)
        #expect(doc.tables.count == 1)
        let rows = Self.rows(doc.tables[0])
        #expect(rows[0] == ["收入", "支出"])
        #expect(doc.tables[0].rows[0].cells.map(\.columnSpan) == [2, 2])
        #expect(rows[2] == ["一、一般公共预算财政拨款收入", "1,234.50", "一、一般公共服务支出", "1,234.50"])
        #expect(doc.paragraphs.last?.text.string == "注：本表反映本年度的总收支。")
        // The amount's place is its cell.
        let locator = LogicalLocator(doc)
        let offset = doc.tables[0].rows[2].cells[3].text.fullSpan.start
        #expect(locator.location(at: offset)?.name.zh == "公开01表!D5")
    }

    @Test func severalTablesOnOneSheetAndSeveralSheets() throws {
        let first = X.sheet(
            "Sheet1",
            [
                ["甲决算表"],
                ["项目", "金额"],
                ["合计", "10.00"],
                ["乙决算表"],
                ["单位：万元"],
                ["项目", "金额"],
                ["合计", "20.00"],
                [],
                ["项目", "金额"],
                ["合计", "30.00"]
            ], origin: (2, 2))
        let second = X.sheet("丙表", [["项目", "金额"], ["合计", "40"]])
        let hidden = XlsxFixture.Sheet(name: "隐藏", rows: [[.text("项目"), .text("不应读到")]], hidden: true)
        let doc = try Self.read(X([first, second, hidden]).bytes())
        #expect(
            doc.tables.map { Self.rows($0) } == [
                [["项目", "金额"], ["合计", "10.00"]],
                [["项目", "金额"], ["合计", "20.00"]],
                [["项目", "金额"], ["合计", "30.00"]],
                [["项目", "金额"], ["合计", "40"]]
            ])
        let titles = doc.blocks.compactMap { b -> String? in if case .heading(let h) = b { return h.title.string } else { return nil } }
        #expect(titles.contains("乙决算表"))
        let text = String(decoding: doc.source.bytes, as: UTF8.self)
        #expect(!text.contains("不应读到"))
        #expect(!text.contains("Sheet1"))
        let locator = LogicalLocator(doc)
        #expect(locator.location(at: doc.tables[0].rows[1].cells[1].text.fullSpan.start)?.name.en == "Sheet1!C4")
    }

    @Test func inlineStringsFormulasAndVerticalMerges() throws {
        let sheet = XlsxFixture.Sheet(
            name: "Sheet1",
            rows: [
                [.inline("科目"), .text("合计"), .text("基本支出")],
                [.text("201 一般公共服务支出"), .formula("C2", cached: "12.5", format: "0.00"), .number("12.5", format: "0.00")],
                [.empty, .number("3", format: "0.00"), .number("3", format: "0.00")]
            ], merges: ["A2:A3"])
        let doc = try Self.read(X([sheet]).bytes())
        #expect(Self.rows(doc.tables[0]) == [["科目", "合计", "基本支出"], ["201 一般公共服务支出", "12.50", "12.50"], ["", "3.00", "3.00"]])
    }

    @Test func hostileAndLegacyWorkbooksAreInputErrors() throws {
        // A DTD in a sheet.
        var zip = ZipFixture()
        zip.add("xl/workbook.xml", "<!DOCTYPE x [<!ENTITY a \"b\">]><workbook xmlns=\"\(X.main)\"/>")
        if case .failure(let e) = DocumentReader.read(bytes: zip.bytes(), path: "b.xlsx") {
            #expect(e.kind == .unsafe)
        } else {
            Issue.record("DTD accepted")
        }
        // A bomb: a sheet declared far larger than the limit.
        var bomb = ZipFixture()
        bomb.add("xl/workbook.xml", "<workbook xmlns=\"\(X.main)\"/>")
        bomb.entries.append(.init(name: "xl/worksheets/sheet1.xml", data: [UInt8](repeating: 0x20, count: 1000), declaredSize: 200 << 20))
        if case .failure(let e) = DocumentReader.read(bytes: bomb.bytes(), path: "b.xlsx") {
            #expect(e.kind == .unsafe || e.kind == .corrupt || e.kind == .empty)
        } else {
            Issue.record("bomb accepted")
        }
        // A grid of one cell at A1 and one at the far corner is refused, not allocated.
        let corner = XlsxFixture.Sheet(name: "Sheet1", rows: [[.text("项目"), .text("金额")]])
        var bytes = X([corner]).bytes()
        let far =
            "<worksheet xmlns=\"\(X.main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>甲</t></is></c><c r=\"XFD1\" t=\"inlineStr\"><is><t>乙</t></is></c></row>"
            + (2...400).map {
                "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>甲</t></is></c><c r=\"XFD\($0)\" t=\"inlineStr\"><is><t>乙</t></is></c></row>"
            }.joined()
            + "</sheetData></worksheet>"
        var wide = ZipFixture()
        wide.add(
            "xl/workbook.xml",
            "<workbook xmlns=\"\(X.main)\" xmlns:r=\"\(X.relationships)\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        )
        wide.add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
        )
        wide.add("xl/worksheets/sheet1.xml", far)
        bytes = wide.bytes()
        if case .failure(let e) = DocumentReader.read(bytes: bytes, path: "b.xlsx") {
            #expect(e.kind == .unsafe || e.kind == .overBudget)
        } else {
            Issue.record("huge grid accepted")
        }
        // Legacy .xls: an OLE2 file with a Workbook stream.
        var xls: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        xls += Array("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        if case .failure(let e) = DocumentReader.read(bytes: xls, path: "old.xls") {
            #expect(e.kind == .unsupportedFormat)
            #expect(e.message.zh.contains(".xlsx"))
        } else {
            Issue.record("xls accepted")
        }
    }
}

import DocxFixtures
import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

extension DocxFixture {
    static func render(_ bytes: [UInt8]) throws -> String {
        let doc = try DocxReader.read(bytes, path: "test.docx")
        return String(decoding: doc.source.bytes, as: UTF8.self)
    }
}

/// The .docx reader: WordprocessingML rendered as the Word-export text form, and every
/// kind of hostile or broken package refused with one clear input error.
@Suite struct DocxReadingTests {
    typealias F = DocxFixture

    @Test func paragraphsTabsBreaksAndRevisionsRenderAsLines() throws {
        let body = """
            <w:p><w:r><w:t>第一部分 部门概况</w:t></w:r></w:p>\
            <w:p><w:r><w:tab/><w:t>缩进的段落</w:t><w:br/><w:t>换行后的文字</w:t></w:r></w:p>\
            <w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删除的</w:delText></w:r></w:del><w:ins><w:r><w:t>插入的</w:t></w:r></w:ins></w:p>\
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>域结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
            <w:r><w:footnoteReference w:id="1"/></w:r></w:p>\
            <w:p/>\
            <w:p><w:r><w:t>A &amp; B &lt;C&gt; &#x4E00;&#20108;</w:t></w:r></w:p>
            """
        let text = try F.render(F.docx(body))
        #expect(text == "第一部分 部门概况\n缩进的段落\n换行后的文字\n保留插入的\n域结果\nA & B <C> 一二\n")
    }

    @Test func tablesRenderAsTabbedCellsWithSpansMergesAndNestedTables() throws {
        let body = """
            <w:p><w:r><w:t>表前文字</w:t></w:r></w:p>\
            <w:tbl>\
            <w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>金额</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>（万元）</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>合并\t单元格</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>上</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>\
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>不应出现</w:t></w:r></w:p></w:tc>\
            <w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr>\
            </w:tbl>\
            <w:p><w:r><w:t>表后文字</w:t></w:r></w:p>
            """
        let text = try F.render(F.docx(body))
        #expect(
            text == """
                表前文字
                \t项目
                \t金额
                （万元）

                \t合并 单元格

                \t上
                \t

                \t
                \t内1
                内2


                表后文字

                """)
        let doc = try DocxReader.read(F.docx(body), path: "t.docx")
        #expect(doc.tables.count == 1)
        #expect(doc.tables[0].rows.map { $0.cells.count } == [2, 1, 2, 2])
        #expect(doc.tables[0].rows[1].cells[0].columnSpan == 2)
        #expect(doc.tables[0].rows[0].cells[1].text.string == "金额\n(万元)")
    }

    @Test func touchingTablesStaySeparate() throws {
        let body = F.table([["甲表", "1"], ["a", "2"]]) + "<w:p/>" + F.table([["乙表", "3"]])
        let doc = try DocxReader.read(F.docx(body), path: "t.docx")
        #expect(doc.tables.count == 2)
        #expect(doc.tables[1].rows[0].cells[0].text.string == "乙表")
    }

    @Test func textBoxesReadOnceAsBodyText() throws {
        // Word writes a text box twice: DrawingML in mc:Choice and VML in mc:Fallback.
        let box = "<w:txbxContent><w:p><w:r><w:t>文本框里的正文</w:t></w:r></w:p></w:txbxContent>"
        let body = """
            <w:p><w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>\(box)</w:drawing></mc:Choice>\
            <mc:Fallback><w:pict>\(box)</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
            """
        #expect(try F.render(F.docx(body)) == "锚定段落\n文本框里的正文\n")
    }

    @Test func listNumberingAndHeadingStylesReachTheModel() throws {
        let numbering = """
            <w:numbering xmlns:w="\(F.w)">\
            <w:abstractNum w:abstractNumId="0">\
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>\
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>\
            </w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>
            """
        let styles = """
            <w:styles xmlns:w="\(F.w)">\
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="My Title"/><w:basedOn w:val="Heading2"/></w:style>\
            </w:styles>
            """
        func numbered(_ text: String, _ level: Int) -> String {
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body =
            numbered("收入支出决算总体情况说明", 0) + numbered("收入情况", 1) + numbered("支出情况", 1)
            + numbered("其他重要事项的情况说明", 0) + numbered("机关运行经费", 1) + F.paragraph("专项工作", style: "MyTitle")
        let bytes = F.docx(body, extra: ["word/numbering.xml": numbering, "word/styles.xml": styles])
        #expect(try F.render(bytes) == "一、收入支出决算总体情况说明\n（一）收入情况\n（二）支出情况\n二、其他重要事项的情况说明\n（一）机关运行经费\n专项工作\n")
        let doc = try DocxReader.read(bytes, path: "t.docx")
        let titles = doc.sections.map(\.title)
        #expect(titles == ["收入支出决算总体情况说明", "收入情况", "支出情况", "其他重要事项的情况说明", "机关运行经费", "专项工作"])
    }

    @Test func chartCachesComeLastAsChartData() throws {
        let chart = """
            <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:pieChart>\
            <c:ser><c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>占比(%)</c:v></c:pt></c:strCache></c:strRef></c:tx>\
            <c:cat><c:strRef><c:strCache><c:pt idx="0"><c:v>基本支出</c:v></c:pt><c:pt idx="1"><c:v>项目支出</c:v></c:pt></c:strCache></c:strRef></c:cat>\
            <c:val><c:numRef><c:numCache><c:pt idx="0"><c:v>43.92</c:v></c:pt><c:pt idx="1"><c:v>56.08</c:v></c:pt></c:numCache></c:numRef></c:val>\
            </c:ser></c:pieChart></c:plotArea></c:chart></c:chartSpace>
            """
        let rels = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart1.xml"/>\
            </Relationships>
            """
        let body = "<w:p><w:r><w:drawing><c:chart r:id=\"rId9\"/></w:drawing></w:r></w:p>" + F.paragraph("正文")
        let bytes = F.docx(body, extra: ["word/_rels/document.xml.rels": rels, "word/charts/chart1.xml": chart])
        #expect(try F.render(bytes) == "正文\n占比(%)\t\n基本支出\t项目支出\t43.92\t56.08\t\n\n\n")
        let doc = try DocxReader.read(bytes, path: "t.docx")
        #expect(doc.charts.count == 1)
    }

    @Test func storedEntriesAndZip64FieldsAreRead() throws {
        var zip = ZipFixture()
        zip.add(
            "_rels/.rels",
            """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document.xml"/></Relationships>
            """, deflate: false)
        zip.entries.append(ZipFixture.Entry(name: "word/document.xml", data: Array(F.document(F.paragraph("六十四位")).utf8), zip64: true))
        #expect(try F.render(zip.bytes()) == "六十四位\n")
    }

    @Test func logicalLocationsNameTheParagraphOrCell() throws {
        let body = F.paragraph("标题") + "<w:p/>" + F.paragraph("第二段文字") + F.table([["项目", "金额"], ["甲", "12.5"]])
        let doc = try DocxReader.read(F.docx(body), path: "t.docx")
        let locator = LogicalLocator(doc)
        let text = String(decoding: doc.source.bytes, as: UTF8.self)
        func at(_ needle: String) -> LogicalLocation? {
            let offset = text.utf8.count - text[text.range(of: needle)!.lowerBound...].utf8.count
            return locator.location(at: offset)
        }
        #expect(at("第二段")?.name.zh == "第3段")
        #expect(at("12.5")?.name.zh == "表1 第2行 第2列")
        #expect(at("12.5")?.name.en == "table 1, row 2, column 2")
    }
}

@Suite struct HostileDocxTests {
    typealias F = DocxFixture

    func refusal(_ bytes: [UInt8]) -> InputError? {
        if case .failure(let e) = DocumentReader.read(bytes: bytes, path: "x.docx") { return e }
        return nil
    }

    @Test func anHonestZipBombIsRefusedBeforeInflating() {
        var zip = ZipFixture()
        zip.add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>")
        // 1 GB of zeros declared; the payload is the deflate of 1 MB (any payload: it is never inflated).
        zip.entries.append(ZipFixture.Entry(name: "word/document.xml", data: [UInt8](repeating: 0, count: 1 << 20), declaredSize: 1 << 30))
        let e = refusal(zip.bytes())
        #expect(e?.kind == .unsafe)
        #expect(e?.message.en.contains("zip bomb") == true)
    }

    @Test func aLyingHeaderIsCaughtAtTheFirstByteTooMany() {
        var zip = ZipFixture()
        zip.entries.append(ZipFixture.Entry(name: "word/document.xml", data: [UInt8](repeating: 0x20, count: 8 << 20), declaredSize: 4096))
        #expect(refusal(zip.bytes())?.kind == .unsafe)
    }

    @Test func aRatioTooHighForXMLIsRefused() {
        var zip = ZipFixture()
        zip.entries.append(ZipFixture.Entry(name: "word/document.xml", data: [UInt8](repeating: 0x20, count: 64 << 20)))
        #expect(refusal(zip.bytes())?.kind == .unsafe)
    }

    @Test func entityDeclarationsAreRefused() {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <w:document xmlns:w="\(F.w)"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>
            """
        let e = refusal(F.package(["word/document.xml": laughs]))
        #expect(e?.kind == .unsafe)
        #expect(e?.message.en.contains("DTD") == true)
        let external = """
            <?xml version="1.0"?><!DOCTYPE d SYSTEM "file:///etc/passwd"><w:document xmlns:w="\(F.w)"/>
            """
        #expect(refusal(F.package(["word/document.xml": external]))?.kind == .unsafe)
    }

    @Test func anUndeclaredEntityIsMalformed() {
        let xml = F.document("<w:p><w:r><w:t>&bogus;</w:t></w:r></w:p>")
        #expect(refusal(F.package(["word/document.xml": xml]))?.kind == .corrupt)
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "<w:sdt>", count: 5000) + String(repeating: "</w:sdt>", count: 5000)
        #expect(refusal(F.docx(deep))?.kind == .unsafe)
    }

    @Test func truncatedPackagesAreCorrupt() {
        let whole = F.docx(F.paragraph("完整的段落文字") + F.table([["a", "b"]]))
        for cut in [whole.count / 2, whole.count - 10, 30] {
            let e = refusal(Array(whole[..<cut]))
            #expect(e?.kind == .corrupt, "cut at \(cut): \(String(describing: e))")
        }
    }

    @Test func damagedDataFailsItsChecksum() {
        var bytes = F.docx(F.paragraph("校验和"))
        // Flip a byte inside the stored _rels/.rels? Entries are deflated: flip one in the middle of the file.
        bytes[bytes.count / 3] ^= 0xFF
        let e = refusal(bytes)
        #expect(e?.kind == .corrupt || e?.kind == .unsafe)
    }

    @Test func encryptedEntriesAndEncryptedOfficeFilesAreNamed() {
        var zip = ZipFixture()
        zip.entries.append(ZipFixture.Entry(name: "word/document.xml", data: Array(F.document("").utf8), encrypted: true))
        #expect(refusal(zip.bytes())?.kind == .encrypted)
        // Office wraps a password-protected .docx in an OLE2 compound file with an EncryptedPackage stream.
        var ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        ole += "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(refusal(ole)?.kind == .encrypted)
        var doc: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        doc += "WordDocument".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let legacy = refusal(doc)
        #expect(legacy?.kind == .unsupportedFormat && legacy?.message.en.contains(".doc") == true)
    }

    @Test func zipsThatAreNotWordDocumentsSaySo() {
        var plain = ZipFixture()
        plain.add("readme.txt", "hello")
        let e = refusal(plain.bytes())
        #expect(e?.kind == .unsupportedFormat && e?.message.en.contains("word/document.xml") == true)
        var workbook = ZipFixture()
        workbook.add("xl/workbook.xml", "<workbook/>")
        #expect(refusal(workbook.bytes())?.message.en.contains("Excel") == true)
    }

    @Test func malformedXMLIsCorrupt() {
        for xml in ["<w:document xmlns:w=\"\(F.w)\"><w:body><w:p></w:body></w:document>", "<w:document", "", "not xml at all"] {
            #expect(refusal(F.package(["word/document.xml": xml]))?.kind == .corrupt, "\(xml)")
        }
    }

    @Test func aDocumentWithoutTextIsEmpty() {
        #expect(refusal(F.docx("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>"))?.kind == .empty)
    }
}

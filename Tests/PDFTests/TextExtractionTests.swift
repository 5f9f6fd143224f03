import PDFFixtures
import Testing

@testable import PDF

/// Text out of the file structure and the fonts: every xref form, every font kind, forms,
/// incremental updates, a damaged table.
@Suite struct TextExtractionTests {
    static func page(_ lines: [(String, FixtureFont)]) -> FixturePage {
        var page = FixturePage()
        for (k, (text, font)) in lines.enumerated() { page.text(text, x: 72, y: 760 - Double(k) * 40, font: font) }
        return page
    }

    @Test func compositeFontWithToUnicodeReadsItsText() throws {
        let content = try PDFFixture(Self.page([("部门收支总体情况：本年收入合计1,234.56万元。", .cid), ("资金来源（二）", .cid)])).read()
        #expect(content.pageCount == 1)
        #expect(content.texts == ["部门收支总体情况：本年收入合计1,234.56万元。", "资金来源（二）"])
    }

    @Test func simpleFontWithWinAnsiAndDifferences() throws {
        let content = try PDFFixture(Self.page([("\u{2022} Budget (total) 42.5%", .winAnsi)])).read()
        #expect(content.texts == ["\u{2022} Budget (total) 42.5%"])
    }

    @Test func predefinedChineseCMapsWithoutToUnicode() throws {
        let content = try PDFFixture(Self.page([("预算表", .gbk), ("决算表2024", .ucs2)])).read()
        #expect(content.texts == ["预算表", "决算表2024"])
    }

    @Test func everyCrossReferenceFormGivesTheSameText() throws {
        let page = Self.page([("一般公共预算财政拨款支出", .cid), ("Total 9,876.50", .winAnsi), ("中文", .gbk)])
        let classic = try PDFFixture(page).read().texts
        var stream = PDFFixture(page)
        stream.xrefStream = true
        var packed = PDFFixture(page)
        packed.xrefStream = true
        packed.objectStreams = true
        var plain = PDFFixture(page)
        plain.compress = false
        #expect(classic == ["一般公共预算财政拨款支出", "Total 9,876.50", "中文"])
        #expect(try stream.read().texts == classic)
        #expect(try packed.read().texts == classic)
        #expect(try plain.read().texts == classic)
    }

    @Test func anIncrementalUpdateReplacesThePage() throws {
        var fixture = PDFFixture(Self.page([("旧的文字", .cid)]))
        fixture.update = "Revised text"
        #expect(try fixture.read().texts == ["Revised text"])
        fixture.xrefStream = true
        fixture.objectStreams = true
        #expect(try fixture.read().texts == ["Revised text"])
    }

    @Test func aDamagedTableIsRebuiltByScanning() throws {
        var fixture = PDFFixture(Self.page([("偏移量错误的文件", .cid)]))
        fixture.shiftOffsets = 7
        #expect(try fixture.read().texts == ["偏移量错误的文件"])
        // No cross-reference at all, but the file ends properly.
        var bytes = PDFFixture(Self.page([("没有交叉引用表", .cid)])).bytes()
        let xref = Array("xref".utf8)
        let at = try #require((0..<(bytes.count - 4)).last { Array(bytes[$0..<($0 + 4)]) == xref })
        bytes = Array(bytes[..<at]) + Array("%%EOF\n".utf8)
        #expect(try PDFReader.read(bytes).texts == ["没有交叉引用表"])
    }

    @Test func formXObjectsAreRun() throws {
        var page = FixturePage()
        page.text("页面文字", x: 72, y: 760)
        page.ops.append(.form("Fm1"))
        var fixture = PDFFixture(page)
        fixture.forms["Fm1"] = "BT /F2 12 Tf 1 0 0 1 72 700 Tm (Form text) Tj ET"
        #expect(try fixture.read().texts == ["页面文字", "Form text"])
    }

    @Test func gapsInTJBecomeSpacesBetweenWordsButNotInsideThem() throws {
        var page = FixturePage()
        page.ops.append(.spaced(["Net", "cost"], gap: 400, x: 72, y: 760, size: 12, font: .winAnsi))
        page.ops.append(.spaced(["Ne", "t"], gap: 30, x: 72, y: 720, size: 12, font: .winAnsi))
        #expect(try PDFFixture(page).read().texts == ["Net cost", "Net"])
    }

    @Test func noSpaceBetweenCJKAndANumberButBetweenWords() throws {
        var page = FixturePage()
        // "与" then a gap, "2023" in another font, a space glyph, "年度"; then two Latin words.
        page.text("与", x: 72, y: 760)
        page.text("2023 ", x: 90, y: 760, font: .winAnsi)
        page.text("年度增长", x: 120, y: 760)
        page.ops.append(.spaced(["Net", "cost"], gap: 400, x: 72, y: 720, size: 12, font: .winAnsi))
        #expect(try PDFFixture(page).read().texts == ["与2023年度增长", "Net cost"])
    }

    @Test func transformedTextKeepsItsBaselineAndSize() throws {
        // A y-flipped page (as WPS writes it) with a scaled text matrix: still one upright line.
        var page = FixturePage()
        page.raw("q 1 0 0 -1 0 842 cm BT /F1 240 Tf 0.05 0 0 -0.05 72 100 Tm <10001001> Tj ET Q")
        page.text("基准", x: 300, y: 742)
        let content = try PDFFixture(page).read()
        #expect(content.blocks.count == 1, "\(content.texts)")
        #expect(content.paragraphs.first.map { Int($0.fontSize.rounded()) } == 12)
    }
}

@Suite struct LexerTests {
    @Test func characterClassesAreTheStandardsOnes() {
        let white: Set<UInt8> = [0x00, 0x09, 0x0A, 0x0C, 0x0D, 0x20]
        let delimiters = Set("()<>[]{}/%".utf8)
        for b in 0...255 {
            let byte = UInt8(b)
            #expect(ByteClass.isWhite(byte) == white.contains(byte), "\(b)")
            #expect(ByteClass.isDelimiter(byte) == delimiters.contains(byte), "\(b)")
            #expect(ByteClass.isRegular(byte) == !(white.contains(byte) || delimiters.contains(byte)), "\(b)")
        }
    }

    @Test func objectsOfEveryKind() throws {
        var lexer = PDFLexer(
            Array("<< /Name#20x 12 /R 3 0 R /Neg -.5 /Str (a\\(b\\)\\101\\\nc) /Hex <4E2D 6> /A [1 2.5 true null] /D << /K /V >> >>".utf8))
        guard case .dict(let d) = try lexer.object() else {
            Issue.record("not a dictionary")
            return
        }
        #expect(d["Name x"]?.int == 12)
        #expect(d["R"]?.ref == ObjectRef(number: 3, generation: 0))
        #expect(d["Neg"]?.number == -0.5)
        #expect(d["Str"]?.string == Array("a(b)Ac".utf8))
        #expect(d["Hex"]?.string == [0x4E, 0x2D, 0x60])
        #expect(d["A"]?.array?.count == 4)
        #expect(d["D"]?.dict?.name("K") == "V")
        // Numbers that overflow become reals; lenient forms read as poppler reads them.
        var n = PDFLexer(Array("99999999999999999999999 --5 5. 1.2.3".utf8))
        n.references = false
        #expect(try n.object().number == 1e23)
        #expect(try n.object().int == -5)
        #expect(try n.object().number == 5)
        #expect(try n.object().number == 1.2)
    }
}

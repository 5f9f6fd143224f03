import Testing

@testable import Extraction
@testable import Model
@testable import Readers

/// Text as PDF extractors write it (fixtures written for these tests): hard-wrapped lines, form
/// feeds, page numbers and running headers, spaced digits, tables flattened into fields.
@Suite struct ExtractedTextTests {
    func source(_ text: String) -> SourceText { SourceText(path: "x.txt", bytes: Array(text.utf8)) }

    func read(_ text: String) -> Document {
        let s = source(text)
        #expect(ExtractedTextSniffer.looksExtracted(s), "not recognised as extracted text")
        return ExtractedTextReader.read(s)
    }

    func texts(_ d: Document) -> [String] {
        d.blocks.compactMap {
            switch $0 {
            case .paragraph(let p): return p.text.string
            case .heading(let h): return (h.numbering?.marker ?? "") + h.title.string
            default: return nil
            }
        }
    }

    func rows(_ t: Table) -> [[String]] { t.rows.map { $0.cells.map(\.text.string) } }

    // A paragraph wrapped at about 30 characters, its unit split from its number at the wrap.
    static let wrapped = """
        一、收入预算情况说明
          本局本年度收入预算共计四百余万元，其中：财政拨款
        收入412.36万元，比上年增加12.50万元，主要用于保障
        机关正常运转；事业收入0万元；其他收入为28.40万
        元，主要是利息收入。
          二、支出预算情况说明
        """

    @Test func wordExportTextIsNotTakenForExtractedText() {
        #expect(!ExtractedTextSniffer.looksExtracted(source("标题\n\t项目\n\t金额\n\n\t合计\n\t12.00\n\n\n后文。\n")))
        #expect(!ExtractedTextSniffer.looksExtracted(source("一、概况\n本单位共有三个科室，负责全区档案工作。\n二、收入\n本年收入合计12.00万元。\n")))
    }

    @Test func formFeedsPageNumbersOrFieldsMarkExtractedText() {
        #expect(ExtractedTextSniffer.looksExtracted(source("第一页的文字。\n\u{0C}第二页的文字。\n")))
        #expect(ExtractedTextSniffer.looksExtracted(source("甲文字。\n— 1 —\n乙文字。\n— 2 —\n")))
        #expect(ExtractedTextSniffer.looksExtracted(source(Self.wrapped + Self.wrapped + Self.wrapped)))
    }

    @Test func hardWrappedLinesJoinIntoOneParagraph() {
        let d = read(Self.wrapped + "\u{0C}")
        #expect(
            texts(d) == [
                "一、收入预算情况说明",
                "本局本年度收入预算共计四百余万元，其中：财政拨款收入412.36万元，比上年增加12.50万元，主要用于保障机关正常运转；事业收入0万元；其他收入为28.40万元，主要是利息收入。",
                "二、支出预算情况说明"
            ])
    }

    @Test func spansPointAtTheFileAcrossTheWrap() {
        let d = read(Self.wrapped + "\u{0C}")
        let p = d.paragraphs[0]
        let q = NumberScanner.scan(p.text).quantities.first { $0.value == Dec("28.40")! }
        #expect(q != nil)
        guard let q else { return }
        // From "28.40" at the end of one line to "元" at the start of the next.
        #expect(d.source.text(q.span.range) == "28.40万\n元")
    }

    @Test func pageFurnitureBetweenTheHalvesOfASentenceIsSkipped() {
        let text = """
            机关运行信息公开                    第 1 页
              本年度政府采购预算合计为86.20万元，其中：货物采购
            预算10.20万元、工程采购预算0万元、服务采购预算
                                     — 1 —
            \u{0C}机关运行信息公开                    第 2 页
            76.00万元。
              三、其他说明
                                     — 2 —
            \u{0C}机关运行信息公开                    第 3 页
              本部门无其他需要说明的事项。
                                     — 3 —
            """
        let d = read(text)
        #expect(
            texts(d) == [
                "本年度政府采购预算合计为86.20万元，其中：货物采购预算10.20万元、工程采购预算0万元、服务采购预算76.00万元。",
                "三、其他说明",
                "本部门无其他需要说明的事项。"
            ])
    }

    @Test func theSpacesAnExtractorAddsAreLeftOut() {
        let text = """
            2024 年度本单位支出合计 1, 234.56 万元，占全年预算的 98.5 %，较 2023 年
            增加 12 个百分点。本单位于 12 月 31 日完成决算。
            \u{0C}
            """
        let d = read(text)
        #expect(texts(d) == ["2024年度本单位支出合计1,234.56万元，占全年预算的98.5%，较2023年增加12个百分点。本单位于12月31日完成决算。"])
        let amounts = NumberScanner.scan(d.paragraphs[0].text).quantities.map(\.value)
        #expect(amounts.contains(Dec("1234.56")!))
    }

    @Test func numberedItemsAndHeadingsStayParagraphsOfTheirOwn() {
        // The first line reaches the margin, but the next one opens with a list number.
        let text = """
              财政拨款支出主要用于以下项目，按功能分类列示如下：
            1.一般公共服务支出（类）人大事务（款）行政运行（项）
            35.20万元，主要用于机关运转。
            2.一般公共服务支出（类）人大事务（款）人大会议（项）
            8.75万元，主要用于会议保障。
            \u{0C}
            """
        let d = read(text)
        #expect(
            texts(d) == [
                "财政拨款支出主要用于以下项目，按功能分类列示如下：",
                "1.一般公共服务支出(类)人大事务(款)行政运行(项)35.20万元，主要用于机关运转。",
                "2.一般公共服务支出(类)人大事务(款)人大会议(项)8.75万元，主要用于会议保障。"
            ])
        #expect(d.paragraphs.compactMap(\.listMarker?.ordinal) == [1, 2])
    }

    @Test func aShortLineEndsItsParagraphEvenWithoutAFullStop() {
        let text = """
              项目支出主要用于开展专题培训和调研活动，全年共举办
            培训班六期
              基本支出主要用于人员工资和日常办公，全年执行情况
            良好。
            \u{0C}
            """
        #expect(texts(read(text)) == ["项目支出主要用于开展专题培训和调研活动，全年共举办培训班六期", "基本支出主要用于人员工资和日常办公，全年执行情况良好。"])
    }

    @Test func doubleSpacedLinesStillJoin() {
        let text = """
              本部门二〇二四年度共有在职人员四十二名，退休人员

            十八名；在编公务车辆两辆，均为执法执勤用车，按规定

            管理使用。

              本部门无政府性基金预算支出。
            \u{0C}
            """
        #expect(
            texts(read(text)) == [
                "本部门二〇二四年度共有在职人员四十二名，退休人员十八名；在编公务车辆两辆，均为执法执勤用车，按规定管理使用。",
                "本部门无政府性基金预算支出。"
            ])
    }

    // A table as `pdftotext -layout` draws it: columns aligned, an empty cell, a label wrapped
    // onto the next line inside its cell.
    static let layoutTable = """
                         支出决算表
                                               单位：万元
        科目编码   科目名称                合计       基本支出      项目支出
        205        教育支出               318.40      300.00        18.40
        20502      普通教育               318.40      300.00        18.40
        2050201    学前教育               120.00      120.00
        2050299    其他普通教育支出        198.40      180.00        18.40
        208        社会保障和就业          56.10       56.10
                   支出
        \u{0C}
        """

    @Test func alignedFieldsBecomeRowsWithTheirEmptyCells() {
        let d = read(Self.layoutTable)
        #expect(d.tables.count == 1)
        guard let t = d.tables.first else { return }
        #expect(
            rows(t) == [
                ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
                ["205", "教育支出", "318.40", "300.00", "18.40"],
                ["20502", "普通教育", "318.40", "300.00", "18.40"],
                ["2050201", "学前教育", "120.00", "120.00", ""],
                ["2050299", "其他普通教育支出", "198.40", "180.00", "18.40"],
                ["208", "社会保障和就业支出", "56.10", "56.10", ""]
            ])
        #expect(texts(d) == ["支出决算表", "单位：万元"])
        // A cell's text still points at the file.
        let cell = t.rows[5].cells[1]
        #expect(d.source.text(cell.span.range).hasPrefix("社会保障和就业"))
    }

    @Test func evenlySpacedFieldsAreRowsOfTheirFieldsInOrder() {
        // A program's flattening: every gap alike, empty cells dropped; nothing lines up.
        let text = """
            项目名称   社区文化活动经费
            项目资金   年初预算数   全年预算数   全年执行数   执行率
            年度资金总额   12   12   11.4   95%
            \u{0C}
            """
        let d = read(text)
        #expect(d.tables.count == 1)
        #expect(
            rows(d.tables[0]) == [
                ["项目名称", "社区文化活动经费"], ["项目资金", "年初预算数", "全年预算数", "全年执行数", "执行率"],
                ["年度资金总额", "12", "12", "11.4", "95%"]
            ])
    }

    @Test func aLabelWiderThanTheOneAboveItStartsItsOwnRow() {
        // A short label with its figures, then a longer label alone on the next line: had it
        // belonged to the row above, its first line would have held more of it.
        let text = """
            项目                 决算数     项目                 决算数
            本年收入              500.00     本年支出              500.00
            上年结转和结余资金                 下年结转和结余资金
            总计                  500.00     总计                  500.00
            \u{0C}
            """
        let d = read(text)
        #expect(
            rows(d.tables[0]) == [
                ["项目", "决算数", "项目", "决算数"], ["本年收入", "500.00", "本年支出", "500.00"],
                ["上年结转和结余资金", "", "下年结转和结余资金", ""], ["总计", "500.00", "总计", "500.00"]
            ])
    }

    @Test func aFigureAndTheNextLabelSeparatedByOneSpaceAreTwoCells() {
        let text = """
            收入项目           金额            支出项目          金额
            一、财政拨款收入      1,200.00 一、一般公共服务支出   1,000.00
            二、事业收入             0.00 二、教育支出            200.00
            \u{0C}
            """
        let d = read(text)
        #expect(rows(d.tables[0]).last == ["二、事业收入", "0.00", "二、教育支出", "200.00"])
    }

    @Test func rebuiltTextIsInTheWordExportForm() {
        let d = read(Self.wrapped + "\u{0C}" + Self.layoutTable)
        let text = RebuiltText.render(d)
        #expect(text.contains("其中：财政拨款收入412.36万元"))
        #expect(text.contains("\t205\n\t教育支出\n\t318.40\n"))
        // Read back as Word-export text, it is the same document.
        let again = TextReader.read(source(text))
        #expect(again.paragraphs.map(\.text.string) == d.paragraphs.map(\.text.string))
        #expect(again.tables.map(rows) == d.tables.map(rows))
    }

    @Test func documentReaderChoosesByContent() throws {
        let d = try DocumentReader.read(bytes: Array((Self.wrapped + "\u{0C}").utf8), path: "x.txt").get()
        #expect(d.origin == .pdfText)
        let w = try DocumentReader.read(bytes: Array("标题\n\t项目\n\t金额\n\n\n".utf8), path: "w.txt").get()
        #expect(w.origin == .text)
    }
}

import Foundation

/// The inputs issue 14 found crashing, hanging or exhausting reportlint, rebuilt in code as
/// the issue describes them, for the regression tests (each must end in one clear input
/// error, or in its findings, quickly and in bounded memory, with the batch going on).
public struct HostileInput: Sendable, CustomStringConvertible {
    /// What the audit must end in: an input error of this kind (`InputError.Kind`'s raw
    /// value), or findings (the document is read and audited).
    public enum Outcome: Sendable, Equatable {
        case inputError(String)
        case audited
    }

    /// A file name for the case (its extension says what it is).
    public let name: String
    /// What the issue reported.
    public let reported: String
    public let outcome: Outcome
    public let bytes: [UInt8]

    public var description: String { name }
}

public enum HostileInputs {
    typealias F = DocxFixture

    /// Every case, built on demand (a few are megabytes).
    public static func all() -> [HostileInput] {
        [
            numberWithThirteenGroupsInASentence(), numberWithThirteenGroupsAlone(), zip64SizeOfAllOnes(), zip64LocatorNearInt64Max(),
            listStartingAtInt64Max(), lowerLetterListFrom(1_000_000_000_000), lowerLetterListFrom(1_000_000_000),
            chartReferencedByRelationships(1_000), chartReferencedByRelationships(2_000), listLevelTextRepeated(),
            onesPaddedUnderTheCompressionRatio(), performanceRowRepeated(40_000), tenMegabyteLineOfOnes(), endTagWithAnotherPrefix()
        ]
    }

    static func thousandsGroups(_ count: Int) -> String {
        "1" + String(repeating: ",000", count: count)
    }

    public static func numberWithThirteenGroupsInASentence() -> HostileInput {
        HostileInput(
            name: "number-13-groups-sentence.txt", reported: "arithmetic overflow in the number scanner (a sentence)",
            outcome: .inputError("overflow"),
            bytes: Array("一、收入支出决算总体情况说明\n2024年度收、支总计均为\(thousandsGroups(13))万元，比上年增加3.00万元。\n".utf8))
    }

    public static func numberWithThirteenGroupsAlone() -> HostileInput {
        HostileInput(
            name: "number-13-groups-alone.txt", reported: "arithmetic overflow in the number scanner (alone)",
            outcome: .inputError("overflow"), bytes: Array((thousandsGroups(13) + "万元\n").utf8))
    }

    /// A ZIP64 extra field giving document.xml an uncompressed size of 0xFFFF_FFFF_FFFF_FFFF.
    public static func zip64SizeOfAllOnes() -> HostileInput {
        var zip = ZipFixture()
        zip.add("_rels/.rels", packageRelationships)
        zip.entries.append(
            ZipFixture.Entry(
                name: "word/document.xml", data: Array(F.document(F.paragraph("正文")).utf8),
                declaredSize: -1, zip64: true))
        return HostileInput(
            name: "zip64-size-all-ones.docx", reported: "array with negative count in the inflater",
            outcome: .inputError("corrupt"), bytes: zip.bytes())
    }

    /// A ZIP64 end-of-central-directory locator whose record offset is near Int64.max.
    public static func zip64LocatorNearInt64Max() -> HostileInput {
        var bytes = F.docx(F.paragraph("正文"))
        let eocd = bytes.count - 22
        let offset = UInt64(Int64.max) - 8
        var locator: [UInt8] = [0x50, 0x4B, 0x06, 0x07, 0, 0, 0, 0]
        for k in 0..<8 { locator.append(UInt8((offset >> (8 * UInt64(k))) & 0xFF)) }
        locator += [1, 0, 0, 0]
        bytes.insert(contentsOf: locator, at: eocd)
        return HostileInput(
            name: "zip64-locator-near-int64-max.docx", reported: "overflow computing the ZIP64 record offset",
            outcome: .inputError("corrupt"), bytes: bytes)
    }

    static let packageRelationships = """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """

    static func numbering(start: String, format: String, levelText: String) -> String {
        """
        <w:numbering xmlns:w="\(F.w)"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="\(start)"/>\
        <w:numFmt w:val="\(format)"/><w:lvlText w:val="\(levelText)"/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
        """
    }

    static func numbered(_ text: String) -> String {
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
    }

    /// A decimal list whose w:start is 9223372036854775807: the second item overflows the counter.
    public static func listStartingAtInt64Max() -> HostileInput {
        let body = numbered("收入决算情况") + numbered("支出决算情况") + F.paragraph("本年收入合计100.00万元。")
        return HostileInput(
            name: "list-start-int64-max.docx", reported: "overflow incrementing the list counter",
            outcome: .inputError("overflow"),
            bytes: F.docx(body, extra: ["word/numbering.xml": numbering(start: String(Int64.max), format: "decimal", levelText: "%1.")]))
    }

    /// A lowerLetter list starting at `start` (10^12: a 38 GB label; 10^9: 19 s and 1 GB).
    public static func lowerLetterListFrom(_ start: Int) -> HostileInput {
        let body = numbered("收入决算情况") + F.paragraph("本年收入合计100.00万元。")
        return HostileInput(
            name: "lower-letter-from-\(start).docx", reported: "a label of \(start / 26) letters",
            outcome: .inputError("overflow"),
            bytes: F.docx(body, extra: ["word/numbering.xml": numbering(start: String(start), format: "lowerLetter", levelText: "%1)")]))
    }

    /// One chart part of about 669 KB, named by `count` relationships, each anchored in the body.
    public static func chartReferencedByRelationships(_ count: Int) -> HostileInput {
        // The same point over and over: 669 KB that compresses to a few.
        let points = String(repeating: "<c:pt idx=\"7\"><c:v>其他支出</c:v></c:pt>", count: 8_000)
        let values = String(repeating: "<c:pt idx=\"7\"><c:v>12.25</c:v></c:pt>", count: 8_000)
        let chart = """
            <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser>\
            <c:tx><c:strRef><c:strCache><c:pt idx="0"><c:v>支出（万元）</c:v></c:pt></c:strCache></c:strRef></c:tx>\
            <c:cat><c:strRef><c:strCache>\(points)</c:strCache></c:strRef></c:cat>\
            <c:val><c:numRef><c:numCache>\(values)</c:numCache></c:numRef></c:val>\
            </c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>
            """
        var rels = "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        var body = F.paragraph("本年支出合计100.00万元。")
        for i in 0..<count {
            rels +=
                "<Relationship Id=\"rId\(i + 10)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart1.xml\"/>"
            body += "<w:p><w:r><w:drawing><c:chart r:id=\"rId\(i + 10)\"/></w:drawing></w:r></w:p>"
        }
        rels += "</Relationships>"
        return HostileInput(
            name: "chart-x\(count)-relationships.docx", reported: "\(count) relationships to one 669 KB chart part",
            outcome: count > 1_000 ? .inputError("over-budget") : .audited,
            bytes: F.docx(body, extra: ["word/_rels/document.xml.rels": rels, "word/charts/chart1.xml": chart]))
    }

    /// A list level whose text is "%1、" a thousand times, numbering 8,000 paragraphs.
    public static func listLevelTextRepeated() -> HostileInput {
        let body = String(repeating: numbered("事项"), count: 8_000)
        return HostileInput(
            name: "list-level-text-x1000.docx", reported: "a 4 KB file: 58 s, 2.1 GB",
            outcome: .inputError("over-budget"),
            bytes: F.docx(
                body,
                extra: [
                    "word/numbering.xml": numbering(
                        start: "1", format: "decimal",
                        levelText: String(repeating: "%1、", count: 1_000))
                ]))
    }

    /// 6 MB of "1,1,1,…" in one paragraph, with incompressible padding so that the entry
    /// stays under the archive's compression ratio.
    public static func onesPaddedUnderTheCompressionRatio() -> HostileInput {
        var generator = SplitMix64(seed: 14)
        let padding = String((0..<40_000).map { _ in Character(Unicode.Scalar(UInt8(0x41 + generator.next() % 26))) })
        let ones = String(repeating: "1,", count: 3_000_000) + "1"
        let xml = F.document("<w:p><w:r><w:t>\(ones)</w:t></w:r></w:p><!--\(padding)-->")
        return HostileInput(
            name: "ones-6mb-padded.docx", reported: "a 34 KB file: 18 s, 823 MB",
            outcome: .inputError("over-budget"), bytes: F.package(["word/document.xml": xml]))
    }

    /// A 项目支出绩效自评表 whose indicator row (with its section's points) is repeated `count` times.
    public static func performanceRowRepeated(_ count: Int) -> HostileInput {
        let header = """
            部门预算项目支出绩效自评表（2024年度）

            \t项目名称
            \t反复出现的指标行

            \t绩效指标（90分）
            \t一级指标
            \t二级指标
            \t三级指标
            \t指标性质
            \t指标值
            \t度量单位
            \t完成值
            \t权重
            \t得分
            \t未完成原因分析


            """
        let row = "\t\n\t产出指标（50分）\n\t数量指标\n\t举办培训班\n\t≥\n\t12\n\t个\n\t13\n\t10\n\t10\n\t\n\n"
        let text = header + String(repeating: row, count: count) + "\t合计\n\t100\n\t100\n\t\n\n\n报告结束。\n"
        return HostileInput(
            name: "performance-row-x\(count).txt", reported: "weight-total quadratic (40k rows: 85 s)",
            outcome: .audited, bytes: Array(text.utf8))
    }

    /// One line of 10 MB: "1,1,1,…".
    public static func tenMegabyteLineOfOnes() -> HostileInput {
        HostileInput(
            name: "ones-10mb-line.txt", reported: "26 s, 1.36 GB", outcome: .inputError("over-budget"),
            bytes: Array(("本年收入合计" + String(repeating: "1,", count: 5_000_000) + "1万元。\n").utf8))
    }

    /// `<w:tc>…</x:tc>`: an end tag with another prefix (bound to the same namespace).
    public static func endTagWithAnotherPrefix() -> HostileInput {
        let body = "<w:tbl><w:tr><w:tc>\(F.paragraph("项目"))</x:tc></w:tr></w:tbl>" + F.paragraph("本年收入合计100.00万元。")
        return HostileInput(
            name: "end-tag-other-prefix.docx", reported: "later text vanished: \"no text\"",
            outcome: .inputError("corrupt"), bytes: F.docx(body.replacingOccurrences(of: "<w:tbl>", with: "<w:tbl xmlns:x=\"\(F.w)\">")))
    }
}

/// A small deterministic generator for fixture padding (the same bytes on every run).
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

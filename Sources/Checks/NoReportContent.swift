import Engine
import Extraction
import Model

/// A file with nothing a 决算, 预算 or 绩效 report holds: most likely the wrong file was
/// given (a README, a pasted note), and a silent pass would let it through a CI gate.
public struct NoReportContent: Check {
    public init() {}

    /// Without a report title or a table that was read, a text is a report when it states at
    /// least one figure (an amount, a share, a count) and is written in Chinese: most of its
    /// letters are Chinese characters. A paragraph pasted from a report passes; a README in
    /// English that quotes a sentence of one, or a Chinese memo without a figure, does not.
    static let minimumChineseShare = 50
    /// A title names the kind of report within this many characters.
    static let titleLength = 40
    static let reportWords = ["决算", "预算", "绩效", "自评"].map(Chars.of)

    public static let description = CheckDescription(
        id: "no-report-content",
        title: LocalizedText(zh: "未发现决算、预算或绩效报告的内容", en: "No 决算, 预算 or 绩效 content found"),
        rationale: LocalizedText(
            zh: """
                文件中既没有点明报告类型（决算、预算、绩效、自评）的标题，也没有能识别的绩效自评表，也没有用中文写出的数字（金额、\
                占比、数量）：这多半不是一份报告（交错了文件，或是一份只引用了报告一两句话的英文说明）。报提示，免得这样的文件悄悄通过检查。
                """,
            en: """
                The file has no title naming a kind of report (决算, 预算, 绩效, 自评), no self-evaluation table that could be read, \
                and no figure (an amount, a share, a count) in a text written mostly in Chinese: it is most likely not a report (the \
                wrong file, or an English text that quotes a sentence or two of one). Reported as a note so that such a file does not \
                pass a gate unnoticed.
                """),
        severity: .note,
        tags: ["input"],
        triggering: [
            Example(
                """
                ↓会议纪要
                本周讨论了办公室搬迁的安排，下周一前提交方案。
                """),
            Example(
                """
                ↓A short English note that quotes one sentence of a report:
                “基本支出563.04万元，其中：人员经费482.69万元。” It is not a report itself.
                """)
        ],
        nonTriggering: [
            Example(
                """
                2024年度部门决算情况说明
                本年收入合计860.00万元。
                """),
            Example(
                """
                人员经费598.12万元，主要包括：基本工资、津贴补贴等。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        if !model.projectTables.isEmpty || !model.departmentTables.isEmpty || !model.unreadTables.isEmpty { return }
        if model.mentions.contains(where: { $0.quantity.unit != .none }) && Self.writtenInChinese(model.document) { return }
        for block in model.document.blocks {
            switch block {
            case .heading(let h):
                if Self.namesAReport(h.title) { return }
            case .paragraph(let p):
                if p.text.count <= Self.titleLength && Self.namesAReport(p.text) { return }
            case .table, .chart:
                continue
            }
        }
        // The finding lands on the document's first line: the place a reader looks first.
        guard let first = model.document.blocks.first else { return }
        let line = model.document.source.lineIndex(of: first.span.start)
        let end = min(first.span.end, model.document.source.lineEnd(line))
        report.add(Message.noContent.text, at: Span(first.span.start, end), key: "document")
    }

    static func namesAReport(_ text: CleanText) -> Bool { reportWords.contains { text.contains($0) } }

    /// Whether Chinese characters are at least `minimumChineseShare`% of the letters of the
    /// document's paragraphs.
    static func writtenInChinese(_ document: Document) -> Bool {
        var chinese = 0
        var latin = 0
        for block in document.blocks {
            guard case .paragraph(let p) = block else { continue }
            for s in p.text.scalars {
                if (0x4E00...0x9FFF).contains(s) || (0x3400...0x4DBF).contains(s) {
                    chinese += 1
                } else if (0x41...0x5A).contains(s) || (0x61...0x7A).contains(s) {
                    latin += 1
                }
            }
        }
        return chinese > 0 && chinese * 100 >= (chinese + latin) * minimumChineseShare
    }
}

extension NoReportContent {
    enum Message {
        case noContent

        var text: LocalizedText {
            switch self {
            case .noContent:
                LocalizedText(
                    zh: "文件中没有发现部门决算、预算或绩效自评的内容（没有点明报告类型的标题，没有自评表，也没有用中文写出的数字）：请确认文件是否选对。",
                    en: "no 决算, 预算 or 绩效 content found (no title naming a report, no self-evaluation table, no figures in Chinese "
                        + "text): check that this is the right file.")
            }
        }
    }
}

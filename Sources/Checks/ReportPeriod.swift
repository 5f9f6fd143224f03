import Engine
import Extraction
import Model

/// Dates and periods that contradict the year the report covers.
public struct ReportPeriod: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "report-period",
        title: LocalizedText(zh: "日期与报告年度矛盾", en: "A date contradicts the report year"),
        rationale: LocalizedText(
            zh: """
                决算和绩效报告说的是一个年度：“截至2023年末”的人员、“截至2023年12月31日”的车辆出现在2024年度报告里，是照抄了上年；\
                报告中的标题写成别的年度（“2023年度部门决算情况说明”）也是；自评的填报日期早于被评价年度结束，\
                或正文引用的文件编号年份（〔2025〕1号）晚于报告自己的日期，日期必有一处错误。
                """,
            en: """
                A final-accounts or evaluation report covers one year: staff “截至2023年末” or vehicles “截至2023年12月31日” in a 2024 \
                report were copied from the year before, and so was a heading naming another year (“2023年度部门决算情况说明”). A \
                self-evaluation dated before the evaluated year ended, or citing a notice (〔2025〕1号) newer than its own date, has a \
                wrong date somewhere.
                """),
        severity: .warning,
        tags: ["dates", "prose"],
        triggering: [
            Example("""
            第二部分  2024年度部门决算情况说明
            （三）人员概况
            截至↓2023年末，本单位在职人员36人，其中：行政人员编制8人，事业人员编制28人。
            """),
        ],
        nonTriggering: [
            Example("""
            第二部分  2024年度部门决算情况说明
            截至2024年12月31日，本单位共有车辆2辆。与2023年度相比，支出增加。
            """),
        ])

    static let asOf = ["截至", "截止", "截止到", "截至到"].map(Chars.of)
    static let titleWords = ["决算", "预算", "绩效", "自评"].map(Chars.of)

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        guard let year = model.reportYear else { return }
        for u in model.units where u.location.isParagraph {
            // "截至2023年末", "截至2023年12月31日".
            for y in u.scanned.years where y.year != year && (y.form == .yearEnd || y.form == .year) {
                guard follows(Self.asOf, u.text, y.textRange.lowerBound) else { continue }
                let isYearEnd = y.form == .yearEnd || u.scanned.dates.contains { $0.year == y.year && $0.month == 12 }
                guard isYearEnd else { continue }
                report.add(Message.asOf(year: year, quoted: model.quote(y.span)).text, at: y.span,
                           expected: "\(year)年末", key: "as-of|\(y.year)")
            }
        }
        // Headings that name another year for the report itself.
        for block in model.document.blocks {
            guard case .heading(let h) = block, Self.titleWords.contains(where: { h.title.contains($0) }) else { continue }
            for y in NumberScanner.scan(h.title).years where y.form == .fiscalYear && y.year != year {
                report.add(Message.heading(title: h.title.string, year: year).text, at: y.span,
                           expected: "\(year)年度", key: "heading|\(h.title.string)")
            }
        }
        // The document's own date.
        guard let date = model.documentFacts.date, let dy = date.year else { return }
        if dy < year || (dy == year && (date.month ?? 12) < 12) {
            report.add(Message.datedEarly(date: model.quote(date.span), year: year).text, at: date.span, key: "date|early")
        }
        for u in model.units {
            for y in u.scanned.years where y.form == .bracketed && y.year > dy {
                report.add(Message.citedLater(cited: model.quote(y.span), date: model.quote(date.span)).text, at: y.span,
                           key: "cited|\(y.year)")
            }
        }
    }

    /// A word right before index `i` (a few characters back at most).
    func follows(_ words: [[UInt32]], _ t: CleanText, _ i: Int) -> Bool {
        words.contains { w in t.findLast(w, before: i, from: max(0, i - w.count - 1)) != nil }
    }
}

extension ReportPeriod {
    enum Message {
        case asOf(year: Int, quoted: String)
        case heading(title: String, year: Int)
        case datedEarly(date: String, year: Int)
        case citedLater(cited: String, date: String)

        var text: LocalizedText {
            switch self {
            case let .asOf(year, quoted):
                LocalizedText(
                    zh: "这是\(year)年度的报告，此处却写“截至\(quoted)”：应为截至\(year)年末的数据。",
                    en: "this is a \(year) report, but here the figures are as of “\(quoted)”; they should be as of the end of \(year).")
            case let .heading(title, year):
                LocalizedText(zh: "标题写“\(title)”，而报告年度是\(year)年。", en: "the heading says “\(title)”, but the report covers \(year).")
            case let .datedEarly(date, year):
                LocalizedText(zh: "报告日期\(date)早于\(year)年度结束，自评不可能在年度结束前完成。",
                              en: "the report is dated \(date), before \(year) ended; a self-evaluation of \(year) cannot be done by then.")
            case let .citedLater(cited, date):
                LocalizedText(zh: "引用的文件编号\(cited)晚于报告日期\(date)。",
                              en: "the cited document \(cited) is newer than the report's own date \(date).")
            }
        }
    }
}

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
                或正文引用的文件编号年份（〔2025〕1号）晚于报告自己的日期，日期必有一处错误。预算报告把预算年度与上一年比较\
                （“比2025年预算执行数增加”）：与预算年度自己比较（2026年预算里写“比2026年预算增加”）是笔误；\
                决算报告里“与2024年度相比”同样只能是与上年比（决算数与本年预算比较除外）。
                """,
            en: """
                A final-accounts or evaluation report covers one year: staff “截至2023年末” or vehicles “截至2023年12月31日” in a 2024 \
                report were copied from the year before, and so was a heading naming another year (“2023年度部门决算情况说明”). A \
                self-evaluation dated before the evaluated year ended, or citing a notice (〔2025〕1号) newer than its own date, has a \
                wrong date somewhere. A budget compares its year with the year before (“比2025年预算执行数增加”): a 2026 budget that \
                compares with “2026年预算” compares a year with itself; so does a final-accounts report comparing a year on year with its \
                own year (an outturn against the same year's budget aside).
                """),
        severity: .warning,
        tags: ["dates", "prose"],
        triggering: [
            Example(
                """
                第二部分  2024年度部门决算情况说明
                （三）人员概况
                截至↓2023年末，本单位在职人员36人，其中：行政人员编制8人，事业人员编制28人。
                """),
            Example(
                """
                某区2026年区级部门预算
                2026年部门预算编制说明
                2026年，本局收入预算820.00万元，其中：财政拨款收入820.00万元，↓比2026年预算增加40.00万元。
                """)
        ],
        nonTriggering: [
            Example(
                """
                第二部分  2024年度部门决算情况说明
                截至2024年12月31日，本单位共有车辆2辆。与2023年度相比，支出增加。
                """),
            Example(
                """
                某区2026年区级部门预算
                2026年部门预算编制说明
                2026年，本局收入预算820.00万元，其中：财政拨款收入820.00万元，比2025年预算增加40.00万元。截至2025年12月31日，本局共有车辆2辆。
                """),
            Example(
                """
                第二部分  2024年度部门决算情况说明
                一般公共预算财政拨款支出决算为512.30万元，比2024年预算减少8.70万元。
                """)
        ])

    static let asOf = ["截至", "截止", "截止到", "截至到"].map(Chars.of)
    static let titleWords = ["决算", "预算", "绩效", "自评"].map(Chars.of)

    static let budgetWords = ["预算", "年初"]
    static let comparisonStarts: Set<UInt32> = Set(Chars.of("与比较同"))
    /// Where a comparison's object ends: the change word (增加, 减少, 持平, 下降, 上升, 提高, 降低, 相比).
    static let changeStarts: Set<UInt32> = Set(Chars.of("增减持下上提降"))
    static let compared = Chars.of("相比")

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        guard let year = model.reportYear else { return }
        let isBudget = model.documentFacts.isBudget
        // A comparison with the report's own year ("比2026年预算增加", "与2026年预算持平"): in a budget,
        // always a slip; in final accounts, unless the outturn is compared with that year's budget.
        for u in model.units where u.location.isParagraph {
            for y in u.scanned.years where y.year == year && y.textRange.lowerBound > 0 {
                let t = u.text
                guard Self.comparisonStarts.contains(t[y.textRange.lowerBound - 1]),
                    let sentence = u.sentence(containing: y.textRange.lowerBound)
                else { continue }
                // What it compares with: the words after the year, up to the change word or the figure.
                var k = y.textRange.upperBound
                let end = u.sentences[sentence].upperBound
                while k < end && !Chars.isClauseSeparator(t[k]) && !Chars.isSentenceEnd(t[k]) && !Chars.isDigit(t[k])
                    && !Self.changeStarts.contains(t[k])
                { k += 1 }
                guard k < end, Self.changeStarts.contains(t[k]) || Chars.isDigit(t[k]) || t.matches(Self.compared, at: k) else { continue }
                let span = t.span((y.textRange.lowerBound - 1)..<k)
                let quoted = model.quote(span)
                guard isBudget || !Self.budgetWords.contains(where: { quoted.contains($0) }) else { continue }
                report.add(
                    Message.comparesWithItself(quoted: quoted, year: year, budget: isBudget).text, at: span,
                    expected: "\(year - 1)年", key: "same-year|\(quoted)|\(t.string(k..<min(end, k + 12)))")
            }
        }
        for u in model.units where u.location.isParagraph {
            // "截至2023年末", "截至2023年12月31日".
            for y in u.scanned.years where y.year != year && (y.form == .yearEnd || y.form == .year) {
                // A budget states its assets as of the end of the year before.
                guard follows(Self.asOf, u.text, y.textRange.lowerBound), !(isBudget && y.year == year - 1) else { continue }
                let isYearEnd = y.form == .yearEnd || u.scanned.dates.contains { $0.year == y.year && $0.month == 12 }
                guard isYearEnd else { continue }
                report.add(
                    Message.asOf(year: year, quoted: model.quote(y.span)).text, at: y.span,
                    expected: "\(year)年末", key: "as-of|\(y.year)")
            }
        }
        // Headings that name another year for the report itself.
        for block in model.document.blocks {
            guard case .heading(let h) = block, Self.titleWords.contains(where: { h.title.contains($0) }) else { continue }
            for y in NumberScanner.scan(h.title).years where y.form == .fiscalYear && y.year != year {
                report.add(
                    Message.heading(title: h.title.string, year: year).text, at: y.span,
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
                report.add(
                    Message.citedLater(cited: model.quote(y.span), date: model.quote(date.span)).text, at: y.span,
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
        case comparesWithItself(quoted: String, year: Int, budget: Bool)

        var text: LocalizedText {
            switch self {
            case .asOf(let year, let quoted):
                LocalizedText(
                    zh: "这是\(year)年度的报告，此处却写“截至\(quoted)”：应为截至\(year)年末的数据。",
                    en: "this is a \(year) report, but here the figures are as of “\(quoted)”; they should be as of the end of \(year).")
            case .heading(let title, let year):
                LocalizedText(zh: "标题写“\(title)”，而报告年度是\(year)年。", en: "the heading says “\(title)”, but the report covers \(year).")
            case .datedEarly(let date, let year):
                LocalizedText(
                    zh: "报告日期\(date)早于\(year)年度结束，自评不可能在年度结束前完成。",
                    en: "the report is dated \(date), before \(year) ended; a self-evaluation of \(year) cannot be done by then.")
            case .comparesWithItself(let quoted, let year, let budget):
                LocalizedText(
                    zh: "这是\(year)年\(budget ? "的预算" : "度的报告")，此处却与\(year)年比较（“\(quoted)”）：应与\(year - 1)年比较。",
                    en: "this \(budget ? "budget" : "report") covers \(year), but here it compares with \(year) itself (“\(quoted)”); "
                        + "the comparison should be with \(year - 1).")
            case .citedLater(let cited, let date):
                LocalizedText(
                    zh: "引用的文件编号\(cited)晚于报告日期\(date)。",
                    en: "the cited document \(cited) is newer than the report's own date \(date).")
            }
        }
    }
}

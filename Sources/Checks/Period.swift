import Engine
import Extraction
import Model

/// Targets, deadlines and service periods in a self-evaluation table fall in the evaluated year.
public struct Period: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "period",
        title: LocalizedText(zh: "绩效表中的年份不是评价年度", en: "A year in a performance table is not the evaluated year"),
        rationale: LocalizedText(
            zh: """
                自评表评价的是一个年度：指标值、完成值、时限（“2023年12月31日前完成”）和服务期应落在该年度；\
                年度目标和完成情况写的是别的年份（如2024年表中“完成2023年…工作”），多半是照抄上年或写了下年的计划，相邻年份报警告，\
                更早的年份报提示。“对2023年招录的…”这类指过去事件的写法不报。正文中缺“日”的日期（“2025年8月19”）报提示。
                """,
            en: """
                A self-evaluation table covers one year: targets, completion values, deadlines (“2023年12月31日前完成”) and service \
                periods must fall in it. Goals and results that name another year (a 2024 table promising “完成2023年…工作”) were usually \
                copied from the year before or describe next year's plans: an adjacent year is a warning, an older one a note. References \
                to past events (“对2023年招录的…”) are not reported. A date in the text missing its day marker (“2025年8月19”) is a note.
                """),
        severity: .warning,
        tags: ["performance-table", "dates"],
        triggering: [
            Example(
                "2024年度项目支出绩效自评表\n"
                    + Rows.table(
                        ExampleTables.freeTextIndicators,
                        """
                        | | 产出指标 | 时效指标 | 换届选举工作 | ↓2023年12月31日前完成 | 2023年12月31日前完成 | 5 | 5 | |
                        """)),
            Example(
                """
                填表人：李四 填报日期：↓2025年8月19 联系电话：略
                """, severity: .note)
        ],
        nonTriggering: [
            Example(
                "2024年度项目支出绩效自评表\n"
                    + Rows.table(
                        """
                        | 年度总体目标 | 预期目标 | 实际完成情况 |
                        | | 对2023年招录3名选调生发放到村任职生活补贴 | 已按月发放 |
                        """, ExampleTables.freeTextIndicators,
                        """
                        | | 产出指标 | 时效指标 | 驻村工作 | 2024年1月1日-12月31日 | 2024年1月1日-12月31日 | 10 | 10 | |
                        """))
        ])

    static let pastEventWords = ["招录", "招聘", "录用", "以来", "以前", "起"].map(Chars.of)

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        func unitOf(_ cell: CellValue) -> TextUnit? { cell.unit.map { model.units[$0] } }
        for p in model.projectTables {
            guard let year = tableYear(p, model) else { continue }
            // Indicator cells: any other year is a wrong period.
            for i in p.indicators {
                let cells = [i.targetCell, i.actual].compactMap { $0 }
                var found: [(CellValue, Int)] = []
                for c in cells {
                    guard let u = unitOf(c) else { continue }
                    for y in u.scanned.years where y.year != year { found.append((c, y.year)) }
                    for d in u.scanned.dates {
                        guard let dy = d.year, dy != year, !u.scanned.years.contains(where: { $0.year == dy }) else { continue }
                        found.append((c, dy))
                    }
                }
                // A time indicator whose value is a bare year ("＝ 2023 | 年").
                if found.isEmpty, i.kind == .timeliness, let t = i.target, t.decimals == 0, t.value >= Dec(1900), t.value <= Dec(2100),
                    i.unitText == "年", let c = i.targetCell, t.value != Dec(year)
                {
                    found.append((c, Int(t.value.formatted()) ?? 0))
                }
                guard let (cell, other) = found.first else { continue }
                let message = Message.indicator(project: TableSay.project(p), year: year, indicator: i.name, cell: cell.text, other: other)
                report.add(
                    .warning, message.text, at: cell.span,
                    related: found.dropFirst().map { TableSay.related("also", $0.0, zh: "另见", en: "also") },
                    key: TableSay.key(p, "period|\(i.name)"))
            }
            // Goal and completion texts.
            for cell in [p.goal, p.goalCompletion].compactMap({ $0 }) {
                guard let u = unitOf(cell) else { continue }
                // 〔2018〕 numbers a cited document, it is not a period.
                let others = u.scanned.years.filter { y in y.year != year && y.form != .bracketed && !isPastEvent(u.text, y) }
                guard let first = others.first else { continue }
                let adjacent = others.contains { abs($0.year - year) == 1 }
                let message = Message.goal(
                    project: TableSay.project(p), year: year,
                    quoted: Say.terms(others.map { model.quote($0.span) }, separator: "、"))
                report.add(
                    adjacent ? .warning : .note, message.text, at: first.span,
                    related: others.dropFirst().map {
                        RelatedLocation(role: "also", span: $0.span, message: LocalizedText(zh: "另见", en: "also"))
                    },
                    key: TableSay.key(p, "goal-period|\(cell.column)"))
            }
        }
        // Dates missing their day marker, anywhere in the prose.
        for u in model.units where u.location.isParagraph {
            for d in u.scanned.dates where d.year != nil && d.day != nil {
                let last = u.text[d.textRange.upperBound - 1]
                guard Chars.isDigit(last) else { continue }
                let text = model.quote(d.span)
                report.add(.note, Message.dayMissing(date: text).text, at: d.span, expected: text + "日", key: "date|\(text)")
            }
        }
    }

    /// The table's own year ("…自评表（2024年度）"), else the report's.
    func tableYear(_ p: PerformanceTable, _ model: AuditModel) -> Int? {
        if let title = p.title, let y = NumberScanner.scan(CleanTextBuilder.make(title)).years.first { return y.year }
        return model.reportYear
    }

    /// "对2023年招录的…", "2023年以来": a past event, not the period of the work.
    func isPastEvent(_ t: CleanText, _ y: YearMention) -> Bool {
        if y.textRange.lowerBound > 0 && t[y.textRange.lowerBound - 1] == 0x5BF9 { return true } // 对
        let after = y.textRange.upperBound
        return Self.pastEventWords.contains { w in t.find(w, from: after, to: min(t.count, after + 4)) != nil }
    }
}

extension Period {
    enum Message {
        case indicator(project: LocalizedText, year: Int, indicator: String, cell: String, other: Int)
        /// `quoted`: every other year the goal or result texts name.
        case goal(project: LocalizedText, year: Int, quoted: String)
        case dayMissing(date: String)

        var text: LocalizedText {
            switch self {
            case .indicator(let project, let year, let indicator, let cell, let other):
                LocalizedText(
                    zh: "\(project.zh)是\(year)年度的自评表，指标“\(indicator)”却写“\(cell)”（\(other)年）。",
                    en: "\(project.en) evaluates \(year), but the indicator “\(indicator)” says “\(cell)” (\(other)).")
            case .goal(let project, let year, let quoted):
                LocalizedText(
                    zh: "\(project.zh)是\(year)年度的自评表，年度目标或完成情况却写到\(quoted)：请核对是否照抄了其他年度的内容。",
                    en: "\(project.en) evaluates \(year), but its goal or results speak of \(quoted): "
                        + "check whether they were copied from another year.")
            case .dayMissing(let date):
                LocalizedText(zh: "日期“\(date)”不完整（缺“日”）。", en: "the date “\(date)” is incomplete (no 日).")
            }
        }
    }
}

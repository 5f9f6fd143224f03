import Engine
import Extraction
import Model

/// Template text left in a published report ("XX局", "××单位", "XXXX年", "XXX万元",
/// "【单位名称】"), and titles that name another unit or year than the report's own.
public struct PlaceholderCheck: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "placeholder",
        title: LocalizedText(zh: "模板内容未替换", en: "Template text left in the report"),
        rationale: LocalizedText(
            zh:
                "部门决算、预算按主管部门下发的样张编写，样张用“XX局”“××单位”“XXXX年”“XXX万元”“【单位名称】”标出要填写的地方；这些字样留在公开的报告里，说明该处没有填写。同样，报告中的标题和表名应当都是本单位、本年度的：标题写成别的单位（抄了兄弟单位的报告）或别的年度（表名仍是上年的），也是照抄样张或旧稿留下的错误。一份表格全未填数、标题本身就是“XX局”的文档是空白样张，只提示一次。",
            en:
                "Final accounts and budgets are written on a template whose blanks read “XX局”, “××单位”, “XXXX年”, “XXX万元”, “【单位名称】”; such text left in a published report is a blank never filled in. Likewise every title and table name should be the report's own unit and year: a title naming another unit (copied from a sister unit's report) or another year (a table still titled with last year) is left over from a template or an old draft. A document whose tables carry no figures and whose own title is “XX局” is a blank template: one note."
        ),
        severity: .warning,
        tags: ["template", "prose", "finance-table"],
        triggering: [
            Example(
                """
                示例市档案局2024年度部门决算
                第三部分 ↓XX局2024年度部门决算情况说明
                本年收入合计1285.50万元，本年支出合计1260.00万元。
                """),
            Example(
                """
                示例市档案局2024年度部门决算
                第三部分 示例市档案局2024年度部门决算情况说明
                本年收入合计↓XXX万元，其中：财政拨款收入1250.00万元。
                """),
            Example(
                """
                示例市档案局2024年度部门决算
                第二部分 示例市档案局2024年度部门决算表
                第三部分 ↓示例市规划局2024年度部门决算情况说明
                """)
        ],
        nonTriggering: [
            Example(
                """
                示例市档案局2024年度部门决算
                第三部分 示例市档案局2024年度部门决算情况说明
                纳入上海市示例市档案局 2024 年度部门决算编制范围的单位包括本级和档案馆（X101项目）。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        let placeholders = model.placeholders
        // A blank template: the report's own title is a placeholder, or titles are and no table carries a figure.
        let tables = model.financeTables.tables
        let ownTitleBlank = model.isBlankTemplate
        let titlesBlank = placeholders.contains(where: \.inTitle) || model.unitTitles.contains(where: { Self.isPlaceholder($0.unit) })
        if let first = placeholders.first, ownTitleBlank || (titlesBlank && !tables.isEmpty && tables.allSatisfy(\.isBlank)) {
            report.add(.note, Message.template(first.text).text, at: first.span, key: "blank-template")
            return
        }
        var seen: [String: Int] = [:]
        for p in placeholders.prefix(200) {
            let n = seen[p.text, default: 0]
            seen[p.text] = n + 1
            report.add(nil, Message.residue(p.text).text, at: p.span, key: "residue|\(p.text)|\(n)")
        }
        units(model, &report)
        years(model, &report)
    }

    static func isPlaceholder(_ s: String) -> Bool {
        s.contains("XX") || s.contains("××") || s.contains("ＸＸ") || s.contains("xx")
    }

    /// Titles naming a unit other than the one most titles name.
    func units(_ model: AuditModel, _ report: inout CheckReport) {
        let titles = model.unitTitles.filter { !Self.isPlaceholder($0.unit) }
        guard titles.count >= 2 else { return }
        var counts: [String: Int] = [:]
        for t in titles { counts[Self.core(t.unit), default: 0] += 1 }
        guard let own = titles.map({ Self.core($0.unit) }).max(by: { counts[$0]! < counts[$1]! }), counts[own]! >= 2 else { return }
        for t in titles where !Self.same(Self.core(t.unit), own) {
            report.add(
                nil, Message.otherUnit(title: t.text, unit: t.unit, own: own).text, at: t.unitSpan, expected: own, key: "unit|\(t.unit)")
        }
    }

    /// A table title naming another year (a heading that does is reported by report-period).
    func years(_ model: AuditModel, _ report: inout CheckReport) {
        guard let year = model.reportYear else { return }
        var headings = Set<Int>()
        for block in model.document.blocks { if case .heading(let h) = block { headings.insert(h.span.start) } }
        for table in model.financeTables.tables {
            guard let span = table.titleSpan, !headings.contains(span.start) else { continue }
            let text = model.quote(span)
            guard let y = Self.yearIn(text), y != year else { continue }
            report.add(
                nil, Message.otherYear(title: text, year: y, reportYear: year).text, at: span, expected: "\(year)",
                key: "table-year|\(table.kind.rawValue)")
        }
    }

    static func yearIn(_ s: String) -> Int? {
        var digits = ""
        for ch in s {
            if ch.isASCII && ch.isNumber {
                digits.append(ch)
                continue
            }
            if digits.count == 4, ch == "年", let y = Int(digits), (1990...2100).contains(y) { return y }
            digits = ""
        }
        return nil
    }

    /// The unit's name without the prefixes titles vary in ("上海市", "中共").
    static func core(_ unit: String) -> String {
        var s = unit
        for prefix in ["中共", "中国共产党"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count) }
        for suffix in ["（本级）", "(本级)", "本级"] where s.hasSuffix(suffix) { s.removeLast(suffix.count) }
        return s
    }

    /// One name within the other ("普陀区财政局" in "上海市普陀区财政局").
    static func same(_ a: String, _ b: String) -> Bool { a.contains(b) || b.contains(a) }
}

extension PlaceholderCheck {
    enum Message {
        case template(String)
        case residue(String)
        case otherUnit(title: String, unit: String, own: String)
        case otherYear(title: String, year: Int, reportYear: Int)

        var text: LocalizedText {
            switch self {
            case .template(let text):
                LocalizedText(
                    zh: "这份文档是未填写的样张（标题中为“\(text)”）：其中的占位文字都应替换为实际内容。",
                    en: "this document is a blank template (its title reads “\(text)”): its blanks are all still to be filled in.")
            case .residue(let text):
                LocalizedText(
                    zh: "“\(text)”是样张的占位文字，应填写为实际内容。",
                    en: "“\(text)” is a template blank; it should be replaced by the report's own text.")
            case .otherUnit(let title, let unit, let own):
                LocalizedText(
                    zh: "标题“\(title)”写的是“\(unit)”，而本报告是“\(own)”的。",
                    en: "the title “\(title)” names “\(unit)”, but this report is “\(own)”’s.")
            case .otherYear(let title, let year, let reportYear):
                LocalizedText(
                    zh: "表名“\(title)”写的是\(year)年，而报告年度是\(reportYear)年。",
                    en: "the table title “\(title)” names \(year), but the report covers \(reportYear).")
            }
        }
    }
}

import Engine
import Extraction
import Model

/// The numbered 类/款/项 lines of 五（三） add up to each 类 amount stated in 五（二），
/// and their codes are consistent.
public struct ClassificationSum: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "classification-sum",
        title: LocalizedText(zh: "功能分类明细与类级金额不符", en: "Classification items do not add up to their class"),
        rationale: LocalizedText(
            zh: """
                “（三）具体情况”逐项列出的项级支出，按“类”汇总后应等于“（二）结构情况”中该类的金额；\
                全部项级之和应等于一般公共预算财政拨款支出。科目编码须前后一致：类级编码与类名相符（如201 一般公共服务），\
                同一款名不能对应不同的款级编码。
                """,
            en: """
                The 项-level lines of “（三）具体情况”, summed per 类, must equal that class's amount in “（二）结构情况”, and all of them \
                the general public budget expenditure. Codes must be consistent: a 类 code matches its name (201 一般公共服务), and one 款 \
                name never carries two 款 codes.
                """),
        severity: .error,
        tags: ["arithmetic", "prose", "classification"],
        triggering: [
            Example(
                """
                （二）一般公共预算财政拨款支出决算结构情况
                2024年度一般公共预算财政拨款支出100.00万元，主要用于以下方面：卫生健康支出↓46.20万元，占46.20%；住房保障支出53.80万元，占53.80%。
                （三）一般公共预算财政拨款支出决算具体情况
                1.卫生健康支出(210）行政事业单位医疗(11）行政单位医疗(01）：支出决算为12.60万元。
                2.卫生健康支出(210）行政事业单位医疗(11）事业单位医疗(02）：支出决算为35.60万元。
                3.住房保障支出(221）住房改革支出(02）住房公积金(01）：支出决算为53.80万元。
                """),
            Example(
                """
                1.卫生健康支出↓(211）行政事业单位医疗(11）行政单位医疗(01）：支出决算为12.60万元。
                """, severity: .warning)
        ],
        nonTriggering: [
            Example(
                """
                2024年度一般公共预算财政拨款支出100.00万元，主要用于以下方面：卫生健康支出46.20万元，占46.20%；住房保障支出53.80万元，占53.80%。
                1.卫生健康（类）行政事业单位医疗（款）行政单位医疗（项）：支出决算为12.60万元。
                2.卫生健康（类）行政事业单位医疗（款）事业单位医疗（项）：支出决算为33.60万元。
                3.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为53.80万元。
                """)
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        let items = model.classificationItems
        guard !items.isEmpty else { return }
        codes(items, model, &report)
        // Class amounts stated in the structure paragraph: parts of a breakdown named like a class.
        var classAmounts: [String: Mention] = [:]
        for b in model.breakdowns {
            for p in b.parts {
                let name = ExpenditureClasses.normalize(p.amount.name)
                if classAmounts[name] == nil { classAmounts[name] = p.amount }
            }
        }
        var order: [String] = []
        var groups: [String: [ClassificationItem]] = [:]
        for item in items {
            let name = ExpenditureClasses.normalize(item.className)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(item)
        }
        for name in order {
            guard let stated = classAmounts[name], let group = groups[name] else { continue }
            // The class amount must come from another paragraph than the items themselves.
            if group.contains(where: { $0.amount.id == stated.id }) { continue }
            let figures = group.map { $0.amount.quantity.comparable }
            let total = stated.quantity.comparable
            let verdict = Relations.sum(parts: figures, total: total)
            lazy var sum = Say.exactSum(figures)
            lazy var d = max(Say.decimals(figures), total.decimals)
            lazy var sumText = Say.amount(sum, like: stated.quantity, decimals: d)
            report.judge(
                verdict, numbers: group.map(\.amount.quantity) + [stated.quantity], key: "class|\(name)",
                message: Message.classMismatch(
                    name: name, items: group.map { $0.amount.quantity.printed }, sum: sumText, stated: stated.quantity.printed,
                    gap: Say.amount((sum - total.value).magnitude, like: stated.quantity, decimals: d)
                ).text,
                at: stated.span,
                related: group.map {
                    let path = $0.levels.map(\.name).joined(separator: "/")
                    return Say.related("item", $0.amount, zh: path, en: path)
                },
                expected: sumText)
        }
    }

    /// 类 codes against the classification; one 款 name, one code.
    func codes(_ items: [ClassificationItem], _ model: AuditModel, _ report: inout CheckReport) {
        var kuanCodes: [String: (String, ClassificationItem)] = [:]
        for item in items {
            guard let cls = item.levels.first, let code = cls.code else { continue }
            let className = ExpenditureClasses.normalize(cls.name)
            if let expected = ExpenditureClasses.names[code], className != expected {
                let right = ExpenditureClasses.names.first { $0.value == className }?.key
                let message = Message.classCode(code: code, means: expected, name: cls.name, normalized: className, right: right)
                report.add(.warning, message.text, at: codeSpan(item, model, code), expected: right, key: "code|\(cls.name)|\(code)")
            }
            if item.levels.count >= 2, let kuanCode = item.levels[1].code {
                let name = className + "/" + item.levels[1].name
                if let (seen, first) = kuanCodes[name], seen != kuanCode {
                    let firstSeen = RelatedLocation(
                        role: "first", span: first.pathSpan,
                        message: LocalizedText(zh: "首次出现", en: "first seen"))
                    report.add(
                        .warning, Message.kuanCodes(kuan: item.levels[1].name, first: seen, then: kuanCode).text, at: item.pathSpan,
                        related: [firstSeen], key: "kuan|\(name)")
                } else if kuanCodes[name] == nil {
                    kuanCodes[name] = (kuanCode, item)
                }
            }
        }
    }

    /// The "(211)" in the path, for pointing at the code itself.
    func codeSpan(_ item: ClassificationItem, _ model: AuditModel, _ code: String) -> Span {
        let bytes = model.source.bytes
        let digits = Array(code.utf8)
        var i = item.pathSpan.start
        while i + digits.count <= item.pathSpan.end {
            if Array(bytes[i..<(i + digits.count)]) == digits {
                var start = i
                var end = i + digits.count
                // Take in the brackets, ASCII or full-width.
                if start >= 1 && bytes[start - 1] == 0x28 {
                    start -= 1
                } else if start >= 3 && Array(bytes[(start - 3)..<start]) == [0xEF, 0xBC, 0x88] {
                    start -= 3
                }
                if end < bytes.count && bytes[end] == 0x29 {
                    end += 1
                } else if end + 3 <= bytes.count && Array(bytes[end..<(end + 3)]) == [0xEF, 0xBC, 0x89] {
                    end += 3
                }
                return Span(start, end)
            }
            i += 1
        }
        return item.pathSpan
    }
}

extension ClassificationSum {
    enum Message {
        case classMismatch(name: String, items: [String], sum: String, stated: String, gap: String)
        /// `right`: the code of the class the name does belong to, when there is one.
        case classCode(code: String, means: String, name: String, normalized: String, right: String?)
        case kuanCodes(kuan: String, first: String, then: String)

        var text: LocalizedText {
            switch self {
            case .classMismatch(let name, let items, let sum, let stated, let gap):
                LocalizedText(
                    zh: "“\(name)”类的\(items.count)个项级支出之和 \(Say.list(items, separator: " + ")) = \(sum)，与该类金额\(stated)不符（差\(gap)）。",
                    en: "the \(items.count) items of class “\(name)” sum to \(Say.listEnglish(items, separator: " + ")) = \(sum), "
                        + "not the class amount \(stated) (off by \(gap)).")
            case .classCode(let code, let means, let name, let normalized, let right):
                LocalizedText(
                    zh: "类级编码(\(code))对应“\(means)”，与类名“\(name)”不符\(right.map { "（“\(normalized)”应为\($0)）" } ?? "")。",
                    en: "class code (\(code)) is “\(means)”, not “\(name)”\(right.map { " (“\(normalized)” is \($0))" } ?? "").")
            case .kuanCodes(let kuan, let first, let then):
                LocalizedText(
                    zh: "款级科目“\(kuan)”前后编码不一致：(\(first)) 与 (\(then))。",
                    en: "the 款 “\(kuan)” carries two codes: (\(first)) and (\(then)).")
            }
        }
    }
}

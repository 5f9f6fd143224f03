import Checks
import Engine
import Extraction
import Model

/// What `reportlint concepts`, `reportlint rules test` and `reportlint explain local/…` print:
/// the names a rule may use (with a sentence that states each), the outcome of each rule's
/// examples, and one rule as reportlint understood it.
public enum RuleCatalog {
    // MARK: concepts

    public static func concepts(_ language: Language) -> String {
        let zh = language == .zh
        var s =
            zh
            ? "事实索引中的概念（用于 \"expect\" 规则；名称、别名或 id 均可）\n"
            : "Concepts of the fact index (for \"expect\" rules; a name, an alias or the id)\n"
        func entry(_ c: Concept) {
            let d = dimension(c)
            s += "\n\(c.zh)  \(c.id)  \(zh ? d.zh : d.en)\n"
            let aliases = c.aliases.filter { $0 != c.zh }
            if !aliases.isEmpty { s += (zh ? "  别名：" : "  also: ") + aliases.joined(separator: zh ? "、" : ", ") + "\n" }
            if let e = ConceptExamples.sentence(for: c.id) { s += (zh ? "  例句：" : "  e.g.: ") + e + "\n" }
        }
        for c in Catalogue.concepts { entry(c) }
        s +=
            zh
            ? "\n比率（正文中写明的，或绩效自评表中同名指标的完成值）\n"
            : "\nRates (stated in the text, or the completed value of an indicator of that name in a self-evaluation table)\n"
        for c in Catalogue.rates { entry(c) }
        s += zh ? "\n限定词（写在名称后，用“.”连接，如 三公经费.上年决算）\n" : "\nQualifiers (after a name, with a '.': 三公经费.上年决算)\n"
        for q in qualifiers { s += "  " + q.names + "  " + (zh ? q.zh : q.en) + "\n" }
        s += (zh ? "  上年数的例句：" : "  a sentence that implies the year before's value: ") + ConceptExamples.priorYear + "\n"
        s +=
            zh
            ? "\n绩效自评表的列（用于 \"each-row\" 规则，按列的含义而非表头原文）\n"
            : "\nColumns of a self-evaluation table's row (for \"each-row\" rules; by role, whatever the header says)\n"
        for f in RowField.allCases {
            let others = f.names.dropFirst()
            s +=
                "  \(f.zh)\(others.isEmpty ? "" : "（" + others.joined(separator: "、") + "）")  \(f.rawValue)  \(zh ? f.dimension.zh : f.dimension.en)"
                + "  " + rows(f, zh) + "\n"
        }
        s += zh ? "\n单位：% 万元 元 亿元 分 个 人 次 …；文字用引号：''（空）、'无'\n" : "\nUnits: % 万元 元 亿元 分 个 人 次 …; texts in quotes: '' (empty), '无'\n"
        return s
    }

    public static func conceptsJSON() -> JSON {
        func entry(_ c: Concept) -> JSON {
            .object([
                ("id", .string(c.id)), ("name", .string(c.zh)), ("english", .string(c.en)),
                ("aliases", .array(c.aliases.filter { $0 != c.zh }.map(JSON.string))),
                ("unit", .string(dimension(c).rawValue)), ("example", .optional(ConceptExamples.sentence(for: c.id)))
            ])
        }
        return .object([
            ("concepts", .array(Catalogue.concepts.map(entry))),
            ("rates", .array(Catalogue.rates.map(entry))),
            ("qualifiers", .array(qualifiers.map { .object([("names", .string($0.names)), ("meaning", .string($0.en))]) })),
            (
                "columns",
                .array(
                    RowField.allCases.map { f in
                        .object([
                            ("id", .string(f.rawValue)), ("names", .array(f.names.map(JSON.string))),
                            ("unit", .string(f.dimension.rawValue)),
                            ("indicatorRows", .bool(f.inIndicatorRows)), ("fundRows", .bool(f.inFundRows))
                        ])
                    })
            )
        ])
    }

    static func dimension(_ c: Concept) -> RuleDimension {
        switch c.kind {
        case .money: return .money
        case .count: return .count
        case .rate: return .ratio
        }
    }

    static func rows(_ f: RowField, _ zh: Bool) -> String {
        switch (f.inIndicatorRows, f.inFundRows) {
        case (true, true): return zh ? "指标行、资金行" : "indicator and fund rows"
        case (true, false): return zh ? "指标行" : "indicator rows"
        default: return zh ? "资金行（\"rows\": \"funds\"）" : "fund rows (\"rows\": \"funds\")"
        }
    }

    static let qualifiers: [(names: String, zh: String, en: String)] = [
        (
            ".决算 / .actual", "决算数（不写时：报告写明决算数就用决算数，否则用预算数）",
            "the outturn (unqualified: the outturn when the report states one, else the budget)"
        ),
        (".预算 / .budget", "预算数", "the budget"),
        (".本年 / .current", "报告年度（默认）", "the report's year (the default)"),
        (
            ".上年 / .prior", "报告年度的上一年：单独写明的数，或由同比句推算（本年数 ∓ 增减额，或 ÷ (1 ± 增减率)）",
            "the year before the report's: stated in a sentence of its own, or implied by a year-on-year sentence (current ∓ change, or ÷ (1 ± rate))"
        ),
        (".前年 / .two-years-before", "报告年度的前两年（须单独写明）", "two years before (stated in a sentence of its own)"),
        (".上年决算 .上年预算 .prior-actual …", "年度与口径连写", "a year and a basis together")
    ]

    // MARK: rules test

    /// One line per example and a summary; `ok` is whether every example passed.
    public static func test(_ rules: [LocalRule], _ outcomes: [ExampleOutcome], _ language: Language) -> (text: String, ok: Bool) {
        let zh = language == .zh
        var s = ""
        var passed = 0
        var failed = 0
        for rule in rules {
            s += rule.id + "\n"
            let mine = outcomes.filter { $0.check == rule.id }
            if mine.isEmpty {
                s += zh ? "  （没有示例：在 \"examples\" 中写出会报告和不会报告的片段）\n" : "  (no examples: add report snippets under \"examples\")\n"
            }
            for o in mine {
                let kind = o.triggering ? (zh ? "会报告的示例" : "triggering example") : (zh ? "不会报告的示例" : "non-triggering example")
                s += "  " + (o.passed ? "ok     " : "FAILED ") + "\(kind) \(o.number): \(o.detail.text(language))\n"
                if o.passed { passed += 1 } else { failed += 1 }
            }
        }
        let total = passed + failed
        s +=
            zh
            ? "\(rules.count) 条规则，\(total) 个示例：\(passed) 个通过，\(failed) 个失败\n"
            : "\(rules.count) rule\(rules.count == 1 ? "" : "s"), \(total) example\(total == 1 ? "" : "s"): \(passed) passed, \(failed) failed\n"
        return (s, failed == 0)
    }

    /// The outcomes as JSON: `{"ok", "rules": [{"id", "examples": [{"triggering", "number", "passed", "detail"}]}]}`.
    public static func testJSON(_ rules: [LocalRule], _ outcomes: [ExampleOutcome], _ language: Language) -> JSON {
        .object([
            ("ok", .bool(outcomes.allSatisfy(\.passed))),
            (
                "rules",
                .array(
                    rules.map { rule in
                        .object([
                            ("id", .string(rule.id)),
                            (
                                "examples",
                                .array(
                                    outcomes.filter { $0.check == rule.id }.map { o in
                                        .object([
                                            ("triggering", .bool(o.triggering)), ("number", .int(o.number)), ("passed", .bool(o.passed)),
                                            ("detail", .string(o.detail.text(language)))
                                        ])
                                    })
                            )
                        ])
                    })
            )
        ])
    }

    // MARK: explain

    public static func explain(_ rule: LocalRule, _ language: Language) -> String {
        let zh = language == .zh
        var s = CheckCatalog.explain(rule.description, language)
        s += "\n" + (zh ? "规则（\(rule.kindName)）：" : "Rule (\(rule.kindName)): ") + rule.expression + "\n"
        switch rule.body {
        case .expect(let c), .eachRow(let c, _, _):
            var seen = Set<String>()
            for rel in [c.premise, c.conclusion].compactMap({ $0 }) {
                for ref in rel.left.concepts + rel.right.concepts where seen.insert(ref.written).inserted {
                    s += "  \(ref.written) → \(ref.concept.zh) (\(ref.concept.id))" + (zh ? "，" : ", ") + describe(ref, zh) + "\n"
                }
                for f in rel.left.fields + rel.right.fields where seen.insert(f.rawValue).inserted {
                    s += "  \(f.zh) → " + (zh ? "列 \(f.rawValue)（\(f.dimension.zh)）" : "column \(f.rawValue) (\(f.dimension.en))") + "\n"
                }
            }
        case .require(let r, let section):
            s += "  " + (zh ? "须说明：" : "must state: ") + r.written + "\n"
            s +=
                "  " + (zh ? "位置：" : "where: ")
                + (section.map { zh ? "标题含“\($0)”的节，或以其开头的段落" : "sections titled with “\($0)”, or paragraphs opening with it" }
                    ?? (zh ? "整份报告" : "the whole report")) + "\n"
        }
        if let u = rule.unless {
            s += (zh ? "附近说明原因时不报告：" : "Excused when a reason is given nearby: ") + u.words.joined(separator: zh ? "、" : ", ") + "\n"
        }
        if let m = rule.message { s += (zh ? "消息模板：" : "Message templates: ") + "\n  zh: \(m.zh.text)\n  en: \(m.en.text)\n" }
        return s
    }

    static func describe(_ ref: ConceptReference, _ zh: Bool) -> String {
        let year: String
        switch ref.year {
        case .current: year = zh ? "报告年度" : "the report's year"
        case .prior: year = zh ? "上一年" : "the year before"
        case .twoBefore: year = zh ? "前两年" : "two years before"
        }
        let basis =
            ref.concept.kind == .rate
            ? ""
            : ref.basis.map { zh ? "，\($0.rawValue)数" : ", \($0 == .actual ? "outturn" : "budget")" }
                ?? (zh ? "，按报告写明的口径（先决算后预算）" : ", as stated (outturn, else budget)")
        return year + basis
    }
}

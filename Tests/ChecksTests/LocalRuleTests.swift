import Checks
import Lint
import Testing

/// Rules of the configuration: the expression language (its errors name the position and
/// the closest name), and each kind of rule run as a check on small reports.
@Suite struct LocalRuleTests {
    static func rules(_ json: String) throws -> [LocalRule] {
        try LocalRuleReader.read(JSONParser.parse(json), key: "rules", file: ".reportlint.json")
    }

    static func rule(_ json: String) throws -> LocalRule { try #require(try rules("[" + json + "]").first) }

    static func findings(_ rule: LocalRule, _ text: String) -> (SourceText, [Finding]) {
        lint(text, checks: [RuleCheck(rule)])
    }

    static func configError(_ json: String) -> ConfigError? {
        do {
            _ = try rules("[" + json + "]")
            return nil
        } catch let e as ConfigError {
            return e
        } catch {
            Issue.record("not a configuration error: \(error)")
            return nil
        }
    }

    // MARK: the language

    @Test func namesResolveWithQuotesBracketsAndQualifiers() throws {
        let c = try RuleParser.parse("“三公”经费.上年决算 >= 因公出国（境）费 + 公务接待费", context: .text)
        let refs = c.conclusion.left.concepts + c.conclusion.right.concepts
        #expect(refs.map(\.concept.id) == ["sangong", "abroad", "reception"])
        #expect(refs[0].year == .prior && refs[0].basis == .actual)
        #expect(refs[1].year == .current && refs[1].basis == nil)
        let ids = try RuleParser.parse("sangong.prior-budget <= sangong.budget * 110%", context: .text)
        #expect(ids.conclusion.left.concepts.first?.basis == .budget)
        #expect(ids.conclusion.left.concepts.first?.year == .prior)
    }

    @Test func subtractionBetweenChineseNamesIsAMinus() throws {
        let c = try RuleParser.parse("公用经费-机关运行经费 >= 0万元", context: .text)
        #expect(c.conclusion.left.concepts.map(\.concept.id) == ["public-funds", "operating-costs"])
    }

    @Test func anUnknownConceptNamesItsPositionAndTheClosestName() throws {
        let e = try #require(Self.configError(#"{"id": "local/a", "expect": "三公经费.决算 <= 三公费.上年决算"}"#))
        #expect(e.key == "rules[0].expect")
        #expect(e.problem.includes("local/a"))
        #expect(e.problem.includes("unknown concept '三公费' at column 12"))
        #expect(e.problem.includes("⟦三公费⟧"))
        #expect(e.suggestion == "三公经费")
    }

    @Test func aBadOperatorIsNamedWithTheOneMeant() throws {
        let e = try #require(Self.configError(#"{"id": "local/a", "expect": "机关运行经费 =< 公用经费"}"#))
        #expect(e.problem.includes("unknown operator '=<' at column 8"))
        #expect(e.suggestion == "<=")
    }

    @Test func unitsMustAgree() throws {
        let rate = try #require(Self.configError(#"{"id": "local/a", "expect": "结转结余率 <= 10"}"#))
        #expect(rate.problem.includes("unit mismatch: a rate (%) against a number without a unit"))
        #expect(rate.problem.includes("10%"))
        let money = try #require(Self.configError(#"{"id": "local/a", "expect": "机关运行经费 <= 10%"}"#))
        #expect(money.problem.includes("unit mismatch: an amount (万元) against a rate (%)"))
        #expect(money.suggestion == "10万元", "the number rewritten in the unit of the side it is compared with")
        let ratePerMoney = try #require(Self.configError(#"{"id": "local/a", "expect": "结转结余率 <= 12.5万元"}"#))
        #expect(ratePerMoney.problem.includes("unit mismatch"))
        #expect(ratePerMoney.suggestion == "12.5%")
        #expect(rate.suggestion == "10%")
        let product = try #require(Self.configError(#"{"id": "local/a", "expect": "公用经费 * 人员经费 >= 0万元"}"#))
        #expect(product.problem.includes("cannot multiply"))
        #expect(throws: Never.self) { try Self.rule(#"{"id": "local/a", "expect": "机关运行经费 <= 80% * 公用经费"}"#) }
        #expect(throws: Never.self) { try Self.rule(#"{"id": "local/a", "expect": "机关运行经费 / 公用经费 <= 80%"}"#) }
    }

    @Test func otherMistakesAreNamed() throws {
        let cases: [(String, String)] = [
            (#"{"id": "local/a", "expect": "三公经费决算 <= 10万元"}"#, "a qualifier needs a '.' before it"),
            (#"{"id": "local/a", "expect": "三公经费.去年 <= 10万元"}"#, "unknown qualifier '去年'"),
            (#"{"id": "local/a", "expect": "三公经费 <= 10万"}"#, "unknown unit '万'"),
            (#"{"id": "local/a", "expect": "三公经费 <="}"#, "the expression ends where a value was expected"),
            (#"{"id": "local/a", "expect": "(三公经费 <= 10万元"}"#, "expected ')'"),
            (#"{"id": "local/a", "expect": "10万元 <= 20万元"}"#, "names no concept"),
            (#"{"id": "local/a", "expect": "得分 < 分值"}"#, "is a column of a 绩效自评表"),
            (#"{"id": "local/a", "each-row": "三公经费 > 0万元"}"#, "is a concept of the text"),
            (#"{"id": "local/a", "expect": "三公经费 > 0万元 => 公用经费 > 0万元"}"#, "belongs to table rules"),
            (#"{"id": "local/a", "each-row": "得分 < 偏差原因"}"#, "unit mismatch: points against text"),
            (#"{"id": "local/a", "each-row": "偏差原因 < ''"}"#, "texts are compared with = or != only"),
            (#"{"id": "sangong", "expect": "三公经费 > 0万元"}"#, "is not a rule id"),
            (#"{"id": "local/a", "expect": "三公经费 > 0万元", "section": "政府采购"}"#, "belongs to \"require\" rules"),
            (#"{"id": "local/a", "require": "授予中小企业合同金"}"#, "unknown concept"),
            (#"{"id": "local/a", "expect": "三公经费 > 0万元", "message": {"zh": "{三公}", "en": "x"}}"#, "unknown placeholder '{三公}'"),
            (#"{"id": "local/a", "expect": "三公经费 > 0万元", "sevrity": "error"}"#, "unknown key"),
            (#"{"id": "local/a", "each-row": "执行率 < 100% => 原因 != ''"}"#, "not a column of the indicators rows")
        ]
        for (json, expected) in cases {
            let e = Self.configError(json)
            #expect(e != nil, "accepted: \(json)")
            if let e { #expect(e.description.includes(expected), "\(json): \(e.description)") }
        }
        let twice = try #require(Self.configError(#"{"id": "local/a", "expect": "三公经费 > 0万元"}, {"id": "local/a", "require": "三公经费"}"#))
        #expect(twice.description.includes("already the id of rules[0]"))
    }

    /// A hostile expression is refused at loading (no stack exhausted in the parser or in
    /// evaluation, which recurse once per level), with the position; a deep but legal one works.
    @Test func nestingAndLengthAreBounded() throws {
        let brackets = String(repeating: "(", count: 5000) + "三公经费" + String(repeating: ")", count: 5000) + " <= 1万元"
        let signs = String(repeating: "-", count: 1500) + "三公经费 <= 1万元"
        let chain = (0..<200).map { _ in "三公经费" }.joined(separator: " + ") + " <= 1万元"
        let deep = String(repeating: "-(", count: 200) + "三公经费" + String(repeating: ")", count: 200) + " <= 1万元"
        for (text, expected) in [
            (brackets, "longer than 2000 characters"), (signs, "nests brackets or signs more than 32 deep at column 33"),
            (chain, "more than 64 operations"), (deep, "nests brackets or signs more than 32 deep")
        ] {
            #expect(throws: RuleSyntaxError.self) { try RuleParser.parse(text, context: .text) }
            let e = Self.configError(#"{"id": "local/a", "expect": "\#(text)"}"#)
            #expect(e?.problem.includes(expected) == true, "\(e?.problem.prefix(120) ?? "accepted")")
        }
        let legal = String(repeating: "(", count: 32) + "三公经费" + String(repeating: ")", count: 32) + " <= 1万元"
        let rule = try Self.rule(#"{"id": "local/a", "expect": "\#(legal)"}"#)
        let (_, findings) = Self.findings(rule, "2024年度“三公”经费财政拨款支出决算为9.10万元。")
        #expect(findings.map(\.checkID) == ["local/a"])
    }

    // MARK: expect

    static let sangongRule = #"{"id": "local/sangong-no-increase", "expect": "三公经费.决算 <= 三公经费.上年决算"}"#

    @Test func aPriorYearImpliedByAChangeSentenceIsCompared() throws {
        let rule = try Self.rule(Self.sangongRule)
        let up = "2024年度“三公”经费财政拨款支出决算为7.20万元，比上年增加0.85万元，增长13.4%。"
        let (source, findings) = Self.findings(rule, up)
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(f.checkID == "local/sangong-no-increase" && f.severity == .error)
        #expect(source.text(f.span.range) == "0.85万元")
        #expect(f.message.zh.includes("7.20万元 > 6.35万元（7.20万元 − 0.85万元）"), "\(f.message.zh)")
        #expect(f.message.en != f.message.zh)
        let down = "2024年度“三公”经费财政拨款支出决算为7.20万元，比上年减少0.85万元，下降10.6%。"
        #expect(Self.findings(rule, down).1.isEmpty)
        // A change of nothing, and a change within rounding, is silent.
        #expect(Self.findings(rule, "2024年度“三公”经费支出7.20万元，与上年持平。").1.isEmpty)
    }

    @Test func aPriorYearStatedInItsOwnSentenceIsCompared() throws {
        let rule = try Self.rule(Self.sangongRule)
        let text = """
            2024年度部门决算
            2023年度“三公”经费财政拨款支出6.10万元。
            2024年度“三公”经费财政拨款支出决算为6.40万元。
            """
        let (source, findings) = Self.findings(rule, text)
        #expect(findings.count == 1)
        #expect(findings.first.map { source.text($0.span.range) } == "6.40万元")
        #expect(Self.findings(rule, text.replacingOccurrences(of: "6.40万元", with: "6.10万元")).1.isEmpty)
    }

    @Test func aRateDerivedPriorUsesExactQuotients() throws {
        let rule = try Self.rule(Self.sangongRule)
        // 7.20 ÷ 1.134 = 6.349…: more than 7.20 − nothing, so the rule is broken.
        let (_, findings) = Self.findings(rule, "2024年度“三公”经费财政拨款支出决算为7.20万元，比上年增长13.4%。")
        #expect(findings.count == 1)
    }

    @Test func withinRoundingIsSilentAndAMissingTermSaysNothing() throws {
        let rule = try Self.rule(#"{"id": "local/opex", "expect": "机关运行经费 <= 公用经费"}"#)
        let text = "公用经费90.81万元，主要包括办公费。\n2024年度机关运行经费支出90.81万元。"
        #expect(Self.findings(rule, text).1.isEmpty)
        // 90.82 may be 90.815, which 90.81 may be too: the intervals touch.
        #expect(Self.findings(rule, text.replacingOccurrences(of: "支出90.81万元", with: "支出90.82万元")).1.isEmpty)
        let over = text.replacingOccurrences(of: "支出90.81万元", with: "支出90.83万元")
        #expect(Self.findings(rule, over).1.count == 1)
        // 元 against 万元: 908,150元 is 90.815万元, and 90.81 万元 may be 90.815.
        let yuan = text.replacingOccurrences(of: "支出90.81万元", with: "支出908150元")
        #expect(Self.findings(rule, yuan).1.isEmpty)
        #expect(Self.findings(rule, "2024年度机关运行经费支出90.82万元。").1.isEmpty)
    }

    @Test func anIdentityOverSeveralTerms() throws {
        let rule = try Self.rule(#"{"id": "local/basic", "expect": "基本支出 = 人员经费 + 公用经费", "severity": "warning"}"#)
        let text = "基本支出742.18万元。\n人员经费651.37万元。\n公用经费90.90万元。"
        let (source, findings) = Self.findings(rule, text)
        let f = try #require(findings.first)
        #expect(f.severity == .warning)
        #expect(source.text(f.span.range) == "90.90万元")
        #expect(f.message.zh.includes("742.18万元 ≠ 742.27万元"), "\(f.message.zh)")
        #expect(f.related.count == 2)
        #expect(Self.findings(rule, text.replacingOccurrences(of: "90.90", with: "90.81")).1.isEmpty)
    }

    // MARK: bounds and reasons

    static let carryOver = #"{"id": "local/carry-over", "expect": "结转结余率 <= 10%", "unless": "reason-nearby"}"#

    @Test func aRateAboveItsBoundNeedsAReasonNearby() throws {
        let rule = try Self.rule(Self.carryOver)
        let bare = "2024年度部门决算\n本部门2024年度结转结余率为12.30%。\n其他事项。"
        let (source, findings) = Self.findings(rule, bare)
        #expect(findings.map { source.text($0.span.range) } == ["12.30%"])
        #expect(findings.first?.message.zh.includes("12.30% > 10.00%") == true, "\(findings.first?.message.zh ?? "")")
        #expect(Self.findings(rule, "本部门2024年度结转结余率为12.30%，主要原因是两个项目跨年实施。").1.isEmpty)
        #expect(Self.findings(rule, "本部门2024年度结转结余率为12.30%。\n由于工程款按合同于次年支付，形成结转。").1.isEmpty)
        #expect(Self.findings(rule, "本部门2024年度结转结余率为9.80%。").1.isEmpty)
        // 10.004% prints as 10.00%: within rounding of the bound.
        #expect(Self.findings(rule, "本部门2024年度结转结余率为10.00%。").1.isEmpty)
        let strict = try Self.rule(#"{"id": "local/carry-over", "expect": "结转结余率 <= 10%"}"#)
        #expect(Self.findings(strict, "本部门2024年度结转结余率为12.30%，主要原因是两个项目跨年实施。").1.count == 1)
    }

    @Test func ratesOfOtherKindsAreNotTheRate() throws {
        let rule = try Self.rule(Self.carryOver)
        // A change of the rate, and a target, state no rate.
        #expect(Self.findings(rule, "结转结余率较上年下降12.30%。").1.isEmpty)
        #expect(Self.findings(rule, "结转结余率≤15%。").1.isEmpty)
    }
}

/// Table rules and required statements.
@Suite struct LocalTableAndStatementRuleTests {
    static let table = """
        \t部门预算项目支出绩效自评表（2024年度）

        \t项目名称
        \t农机作业补贴项目

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
        \t偏差原因分析及改进措施

        \t
        \t产出指标
        \t数量指标
        \t补贴农机台数
        \t≥
        \t300
        \t台
        \t280台
        \t20
        \t16
        \tREASON

        \t
        \t
        \t质量指标
        \t补贴发放准确率
        \t≥
        \t98
        \t%
        \t99%
        \t20
        \t20
        \t

        """

    static let rule = #"{"id": "local/deviation-reason", "each-row": "得分 < 分值 => 偏差原因 != ''"}"#

    @Test func aRowScoredBelowItsWeightMustGiveAReason() throws {
        let rule = try LocalRuleTests.rule(Self.rule)
        let (source, findings) = LocalRuleTests.findings(rule, Self.table.replacingOccurrences(of: "REASON", with: ""))
        #expect(findings.count == 1)
        let f = try #require(findings.first)
        #expect(source.text(f.span.range) == "16")
        #expect(f.message.zh.includes("补贴农机台数"), "\(f.message.zh)")
        #expect(f.message.zh.includes("偏差原因 （空）"), "\(f.message.zh)")
        #expect(LocalRuleTests.findings(rule, Self.table.replacingOccurrences(of: "REASON", with: "受天气影响，部分乡镇申报推迟")).1.isEmpty)
        // "/" and "无" say nothing.
        #expect(LocalRuleTests.findings(rule, Self.table.replacingOccurrences(of: "REASON", with: "无")).1.count == 1)
        // A full score needs no reason.
        #expect(
            LocalRuleTests.findings(
                rule,
                Self.table.replacingOccurrences(of: "\t16\n", with: "\t20\n")
                    .replacingOccurrences(of: "REASON", with: "")
            ).1.isEmpty)
    }

    @Test func templatesQuoteTheRow() throws {
        let rule = try LocalRuleTests.rule(
            #"{"id": "local/r", "each-row": "得分 < 分值 => 原因 != ''", "message": {"zh": "{table}的“{row}”得{得分}分（满分{分值}），未说明原因。", "en": "{row}: {score} of {weight} with no reason."}}"#
        )
        let (_, findings) = LocalRuleTests.findings(rule, Self.table.replacingOccurrences(of: "REASON", with: ""))
        #expect(findings.first?.message.zh == "「农机作业补贴项目」的“补贴农机台数”得16分（满分20），未说明原因。")
        #expect(findings.first?.message.en == "补贴农机台数: 16 of 20 with no reason.")
    }

    static let report = """
        2024年度部门决算
        十、其他重要事项的情况说明
        （一）机关运行经费支出情况
        2024年度本单位机关运行经费支出62.15万元。
        （二）政府采购支出情况
        2024年度本单位政府采购支出总额48.60万元，其中：政府采购货物支出20.10万元、政府采购工程支出0万元、政府采购服务支出28.50万元。SME
        （三）国有资产占用情况
        截至2024年12月31日，本单位共有车辆2辆。
        """

    @Test func aSectionMustStateARequiredConcept() throws {
        let rule = try LocalRuleTests.rule(#"{"id": "local/sme", "require": "授予中小企业合同金额", "section": "政府采购"}"#)
        let (source, findings) = LocalRuleTests.findings(rule, Self.report.replacingOccurrences(of: "SME", with: ""))
        #expect(findings.count == 1)
        #expect(findings.first.map { source.text($0.span.range) } == "政府采购")
        #expect(findings.first?.message.zh == "“政府采购支出情况”未说明授予中小企业合同金额。")
        let stated = Self.report.replacingOccurrences(of: "SME", with: "授予中小企业合同金额48.60万元。")
        #expect(LocalRuleTests.findings(rule, stated).1.isEmpty)
        // Stated in another section does not count.
        let elsewhere = Self.report.replacingOccurrences(of: "SME", with: "").replacingOccurrences(
            of: "本单位共有车辆2辆。", with: "授予中小企业合同金额48.60万元。")
        #expect(LocalRuleTests.findings(rule, elsewhere).1.count == 1)
        // A report without the section is not judged.
        #expect(LocalRuleTests.findings(rule, "2024年度部门决算\n一、收入支出决算总体情况说明\n收支总计均为1.00万元。").1.isEmpty)
    }

    @Test func aRunInParagraphIsAPlaceAndAPhraseIsFoundAnywhereInIt() throws {
        let rule = try LocalRuleTests.rule(#"{"id": "local/sme", "require": "'面向中小企业预留'", "section": "政府采购"}"#)
        let text = "2024年度部门决算\n政府采购支出情况。本年政府采购支出总额48.60万元。\n其他事项。"
        let (source, findings) = LocalRuleTests.findings(rule, text)
        #expect(findings.map { source.text($0.span.range) } == ["政府采购"])
        let said = text.replacingOccurrences(of: "48.60万元。", with: "48.60万元，面向 中小企业预留份额40%。")
        #expect(LocalRuleTests.findings(rule, said).1.isEmpty)
    }
}

/// Fund rows of the 预算执行情况 block, and rules that mix texts and numbers.
@Suite struct LocalFundRowRuleTests {
    static let table = """
        \t部门预算项目支出绩效自评表（2024年度）

        \t项目名称
        \t基层农技推广体系改革与建设项目

        \t预算执行情况（10分）
        \t年度预算数（万元）
        \t年初预算
        \t调整后预算数
        \t预算执行数
        \t预算执行率
        \t权重
        \t得分
        \t原因

        \t
        \t总额
        \t80.00
        \t80.00
        \t68.00
        \t85.00%
        \t10
        \t8.5
        \tREASON

        """

    @Test func aLowExecutionRateNeedsAReason() throws {
        let rule = try LocalRuleTests.rule(#"{"id": "local/rate", "each-row": "执行率 < 90% => 原因 != ''", "rows": "funds"}"#)
        let (source, findings) = LocalRuleTests.findings(rule, Self.table.replacingOccurrences(of: "REASON", with: ""))
        #expect(findings.map { source.text($0.span.range) } == ["85.00%"])
        #expect(LocalRuleTests.findings(rule, Self.table.replacingOccurrences(of: "REASON", with: "两个乡镇站房建设延期")).1.isEmpty)
        // 执行数 ÷ 调整后预算数, computed by the rule itself, on the printed intervals.
        let computed = try LocalRuleTests.rule(#"{"id": "local/rate", "each-row": "预算执行数 / 调整后预算数 >= 90%", "rows": "funds"}"#)
        #expect(LocalRuleTests.findings(computed, Self.table).1.count == 1)
        let met = try LocalRuleTests.rule(#"{"id": "local/rate", "each-row": "预算执行数 / 调整后预算数 >= 85%", "rows": "funds"}"#)
        #expect(LocalRuleTests.findings(met, Self.table).1.isEmpty)
    }

    @Test func anEmptyCompletedValueScoresNothing() throws {
        let rule = try LocalRuleTests.rule(#"{"id": "local/empty", "each-row": "完成值 = '' => 得分 = 0"}"#)
        let (_, findings) = LocalRuleTests.findings(
            rule,
            LocalTableAndStatementRuleTests.table
                .replacingOccurrences(of: "\t280台\n", with: "\t\n").replacingOccurrences(of: "REASON", with: "无"))
        #expect(findings.count == 1)
        #expect(LocalRuleTests.findings(rule, LocalTableAndStatementRuleTests.table.replacingOccurrences(of: "REASON", with: "")).1.isEmpty)
    }
}

import Lint
import Testing

@testable import Extraction

/// `reportlint concepts` shows a sentence for every concept a rule may name: each must be one
/// the extraction binds to its concept, or the list would teach sentences reportlint ignores.
@Suite struct ConceptExamplesTests {
    static func model(_ sentence: String) -> AuditModel {
        AuditModel(document: TextReader.read(SourceText(path: "e.txt", bytes: Array(("第二部分 2024年度部门决算情况说明\n" + sentence + "\n").utf8))))
    }

    @Test(arguments: RuleVocabulary.concepts.map(\.id))
    func everyConceptHasASentenceThatStatesIt(id: String) throws {
        let sentence = try #require(ConceptExamples.sentence(for: id), "\(id) has no example sentence")
        let model = Self.model(sentence)
        let concept = try #require(Catalogue.concept(id))
        if concept.kind == .rate {
            let rates = StatedRates.read(model)
            #expect(rates.map(\.concept.id) == [id], "\(sentence): \(rates.map(\.concept.id))")
            #expect(rates.first?.year == 2024)
        } else {
            let fact = model.facts.first(id, year: 2024)
            #expect(fact?.concept.id == id, "\(sentence) binds \(model.mentions.compactMap(\.concept?.id))")
        }
    }

    @Test func thePriorYearSentenceImpliesTheYearBefore() throws {
        let model = Self.model(ConceptExamples.priorYear)
        let prior = try #require(PriorYearValues.find("sangong", year: 2023, basis: .actual, in: model))
        // 6.35 + 0.85, each within its rounding.
        #expect(prior.central == Rational(Dec("7.2")!))
        let r = try #require(prior.range(.rounded))
        #expect(r.lo == Rational(Dec("7.19")!) && r.hi == Rational(Dec("7.21")!))
        #expect(PriorYearValues.find("sangong", year: 2022, basis: .actual, in: model) == nil)
        #expect(PriorYearValues.find("sangong", year: 2023, basis: .budget, in: model) == nil)
    }

    @Test func aPriorYearStatedInItsOwnSentenceComesFirst() throws {
        let model = Self.model("2023年度“三公”经费财政拨款支出7.30万元。\n" + ConceptExamples.priorYear)
        let prior = try #require(PriorYearValues.find("sangong", year: 2023, basis: .actual, in: model))
        #expect(prior.central == Rational(Dec("7.3")!))
    }

    @Test func aRateIsReadFromAnIndicatorRowToo() throws {
        let table = """
            \t部门预算项目支出绩效自评表（2024年度）

            \t项目名称
            \t部门整体运转保障

            \t绩效指标（90分）
            \t一级指标
            \t二级指标
            \t三级指标
            \t年度指标值
            \t实际完成值
            \t分值
            \t得分
            \t偏差原因分析及改进措施

            \t
            \t产出指标
            \t质量指标
            \t结转结余率
            \t≤10%
            \t12.5%
            \t10
            \t8
            \t两个工程项目跨年结算

            """
        let rates = StatedRates.read(Self.model(table))
        #expect(rates.map(\.concept.id) == ["carry-over-rate"])
        #expect(rates.first?.quantity.value == Dec("12.5"))
        guard case .indicator(_, _, let reason)? = rates.first?.place else {
            Issue.record("not read from the table")
            return
        }
        #expect(reason?.text == "两个工程项目跨年结算")
    }
}

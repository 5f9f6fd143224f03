import Testing

@testable import Extraction
@testable import Model
@testable import Readers

/// What a list promises (domain.md §8), in fixtures written for these tests.
@Suite struct ListStructureTests {
    func model(_ text: String) -> AuditModel {
        AuditModel(document: TextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8))))
    }

    @Test func numberedItemsThatSayWhatTheyAreForAreSiblingsNotTotals() {
        let m = model(
            """
            财政拨款支出主要内容如下：
            1.“一般公共服务支出（类）组织事务（款）行政运行（项）”96.40万元，主要用于机关人员经费。
            2.“一般公共服务支出（类）组织事务（款）一般行政管理事务（项）”30.20万元，主要用于党建活动。
            3.“教育支出（类）进修及培训（款）干部教育（项）”15.00万元，主要用于干部培训。
            """)
        #expect(m.breakdowns.isEmpty)
    }

    @Test func aParagraphEndingInItsListMarkerStillTakesTheParagraphsBelow() {
        let m = model(
            """
            本年支出合计120.00万元，其中：
            基本支出80.00万元。
            项目支出40.00万元。
            """)
        #expect(m.breakdowns.count == 1)
        #expect(m.breakdowns.first?.parts.count == 2)
    }

    @Test func aNumberedParagraphEndingInItsListMarkerDoesNotTakeItsSiblings() {
        let m = model(
            """
            1.公务用车购置及运行费12.00万元，其中：
            2.公务接待费3.00万元。
            3.因公出国（境）费0万元。
            """)
        #expect(m.breakdowns.allSatisfy { $0.parts.isEmpty })
    }

    @Test func sharesOfANamedOutturnAreNotTakenAgainstItsBudget() {
        let m = model(
            """
            “三公”经费财政拨款支出年初预算为8.00万元，支出决算为2.00万元。
            “三公”经费财政拨款支出决算中，公务用车运行维护费1.50万元，占75.00%；公务接待费0.50万元，占25.00%。
            """)
        // The only stated 三公 total is the budget: the shares have no base to be checked against.
        #expect(m.shareClaims.allSatisfy { $0.base == nil || $0.base!.quantity.value != Dec("8.00")! })
    }
}

/// The budget sentence that compares a budget with the year before's execution (domain.md §7).
@Suite struct BudgetChangeSentenceTests {
    func claims(_ text: String) -> [ChangeClaim] {
        AuditModel(document: TextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8)))).changeClaims
    }

    @Test func thePriorIsTheExecutionStatedInTheSentence() {
        let c = claims("3.“教育支出（类）进修及培训（款）干部教育（项）”64.00万元，主要用于干部培训。2024年当年预算执行数为50.00万元，2025年预算安排64.00万元，比2024年预算执行数增加28.00%。\n")
        #expect(c.count == 1)
        #expect(c.first?.current?.quantity.value == Dec("64.00"))
        #expect(c.first?.prior?.quantity.value == Dec("50.00"))
        #expect(c.first?.referenceYear == 2024)
    }

    @Test func aComparisonWithAnotherFigureTakesNoPriorFromTheSentence() {
        // "比2024年预算" compares with the budget, not with the execution stated before it.
        let c = claims("2024年当年预算执行数为50.00万元，2025年预算安排64.00万元，比2024年预算增加10.00万元。\n")
        #expect(c.allSatisfy { $0.prior?.quantity.value != Dec("50.00") })
    }
}

/// Which figures a completion rate and an outturn comparison speak of (fixtures written for these tests).
@Suite struct OutturnClaimTests {
    func model(_ text: String) -> AuditModel {
        AuditModel(document: TextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8))))
    }

    @Test func aSubItemsRateIsNotTakenAgainstItsParentsBudget() {
        let m = model("“三公”经费财政拨款支出年初预算为4.00万元，支出决算为3.00万元，完成预算的75.00%，其中：公务接待费支出决算为1.00万元，完成预算的50.00%。\n")
        #expect(m.completionClaims.count == 2)
        #expect(m.completionClaims.first?.budget?.quantity.value == Dec("4.00"))
        // The sub-item states no budget of its own.
        #expect(m.completionClaims.last?.budget == nil)
        #expect(m.completionClaims.last?.amount?.quantity.value == Dec("1.00"))
    }

    @Test func theComparisonWordsMeetTheTwoFiguresWithoutARate() {
        let m = model("3.一般公共服务（类）财政事务（款）信息化建设（项）。年初预算为82.00万元，支出决算为80.50万元。决算数大于预算数的主要原因：项目追加。\n")
        #expect(m.outturnComparisons.count == 1)
        #expect(m.outturnComparisons.first?.budget.quantity.value == Dec("82.00"))
        #expect(m.outturnComparisons.first?.outturn.quantity.value == Dec("80.50"))
        #expect(m.outturnComparisons.first?.comparison == .greater)
    }

    @Test func aListedNameWithAChangeWordInItIsStillAPart() {
        let m = model("2025年度项目总预算600.00万，其中支持外贸发展250.00万，支持消费稳增长150.00万，支持会展经济200.00万。\n")
        #expect(m.breakdowns.first?.parts.count == 3)
    }
}

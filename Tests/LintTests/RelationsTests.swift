import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

/// The worked examples of domain brief §1.
@Suite struct RelationsTests {
    func f(_ s: String) -> Figure {
        let d = Dec(s)!
        let decimals = s.split(separator: ".").count == 2 ? s.split(separator: ".")[1].count : 0
        return Figure(value: d, decimals: decimals)
    }

    @Test func printedNumbersAreIntervals() {
        #expect(f("1281.97").interval() == Interval(Dec("1281.965")!, Dec("1281.975")!))
        #expect(f("90.09").interval() == Interval(Dec("90.085")!, Dec("90.095")!))
        #expect(f("14206").interval() == Interval(Dec("14205.5")!, Dec("14206.5")!))
        #expect(f("6.2").interval() == Interval(Dec("6.15")!, Dec("6.25")!))
        // Counts are exact.
        #expect(Figure(value: Dec(22), decimals: 0, exact: true).interval() == Interval(exactly: Dec(22)))
        // 元 → 万元 scales the half-width too.
        #expect(f("5226").shifted(by: -4).interval() == Interval(Dec("0.52255")!, Dec("0.52265")!))
        // A printed zero is a rounded zero.
        #expect(f("0.00").interval() == Interval(Dec("-0.005")!, Dec("0.005")!))
    }

    @Test func percentListWithinRoundingPasses() {
        // 88.94 + 5.35 + 2.43 + 3.27 = 99.99: n = 4, bound 0.02.
        #expect(Relations.percentSum(["88.94", "5.35", "2.43", "3.27"].map(f)) == .holds)
        // 101.00 does not.
        #expect(Relations.percentSum(["91.09", "9.91"].map(f)) == .fails)
        // A partial list only needs to stay at or below 100.
        #expect(Relations.percentSum(["60.00", "30.00"].map(f), partial: true) == .holds)
        #expect(Relations.percentSum(["60.00", "30.00"].map(f)) == .fails)
    }

    @Test func sumOfPartsAgainstTotal() {
        // 482.69 + 77.27 ≠ 563.04 (short by 3.08).
        #expect(Relations.sum(parts: [f("482.69"), f("77.27")], total: f("563.04")) == .fails)
        // 563.04 + 718.94 = 1281.98 against 1281.97 holds within the rounding of three figures.
        #expect(Relations.sum(parts: [f("563.04"), f("718.94")], total: f("1281.97")) == .holds)
        // 13 items of 2 decimals: the bound is 0.005·14 = 0.07.
        let thirteen = Array(repeating: f("10.00"), count: 13)
        #expect(Relations.sum(parts: thirteen, total: f("130.07")) == .holds)
        #expect(Relations.sum(parts: thirteen, total: f("130.08")) != .holds)
        // A partial list: Σ parts ≤ total.
        #expect(Relations.sum(parts: [f("0.09"), f("0.08"), f("0.43"), f("0.20"), f("1.47")], total: f("3"), partial: true) == .holds)
    }

    @Test func shareOfTotal() {
        // 1154.91 / 1281.97 = 90.0887% printed 90.09%: holds.
        #expect(Relations.ratio(f("1154.91"), of: f("1281.97"), percent: f("90.09")) == .holds)
        // Real error: 2106.66 / 2940.05 printed 71.73% (true 71.65%).
        #expect(Relations.ratio(f("2106.66"), of: f("2940.05"), percent: f("71.73")) == .fails)
        // One point off is caught.
        #expect(Relations.ratio(f("1154.91"), of: f("1281.97"), percent: f("91.09")) == .fails)
        // 0 of 1281.97 is 0%.
        #expect(Relations.ratio(f("0"), of: f("1281.97"), percent: f("0")) == .holds)
        // A zero base is undefined, never an error.
        #expect(Relations.ratio(f("0"), of: f("0"), percent: f("0")) == .undefined)
    }

    @Test func truncationGivesANote() {
        // 563.04 / 1281.97 = 43.9199%: 43.92 rounds; 43.91 is what truncation prints.
        #expect(Relations.ratio(f("563.04"), of: f("1281.97"), percent: f("43.92")) == .holds)
        #expect(Relations.ratio(f("563.04"), of: f("1281.97"), percent: f("43.91")) == .holdsIfTruncated)
        #expect(Relations.ratio(f("563.04"), of: f("1281.97"), percent: f("43.90")) == .fails)
    }

    @Test func yearOnYearRate() {
        // 96.36 / 1378.33 = 6.9911% printed 6.99%.
        #expect(Relations.ratio(f("96.36"), of: f("1378.33"), percent: f("6.99")) == .holds)
        #expect(Relations.ratio(f("96.36"), of: f("1378.33"), percent: f("7.99")) == .fails)
        // 2023 total − 2024 total = the stated decrease.
        #expect(Relations.difference(f("1378.33"), f("1281.97"), equals: f("96.36")) == .holds)
    }

    @Test func touchingIntervalsMeet() {
        // The same fact printed twice as 326.71 and 326.72: the intervals touch at 326.715.
        #expect(f("326.71").interval().intersects(f("326.72").interval()))
        #expect(!f("326.71").interval().intersects(f("326.73").interval()))
    }

    @Test func slackForSharesComputedFromRoundedAmounts() {
        let slack = Relations.percentSlack(parts: [f("1027.22"), f("61.80"), f("28.12"), f("37.77")], total: f("1154.91"))
        // 100·(4·0.005 + 0.005) / 1154.905 ≈ 0.00217
        #expect(slack > Dec("0.0021")! && slack < Dec("0.0022")!)
    }
}

import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

@Suite struct DecTests {
    @Test func parsesAndNormalizes() {
        #expect(Dec("1281.97")!.formatted() == "1281.97")
        #expect(Dec("61.80")! == Dec("61.8")!)
        #expect(Dec("-4.63")!.isNegative)
        #expect(Dec("1.2.3") == nil)
        #expect(Dec("") == nil)
        #expect(Dec("12a") == nil)
    }

    @Test func exactArithmetic() {
        let a = Dec("482.69")!
        let b = Dec("77.27")!
        #expect((a + b).formatted() == "559.96")
        #expect((Dec("563.04")! - (a + b)).formatted() == "3.08")
        #expect((Dec("0.1")! + Dec("0.2")!) == Dec("0.3")!) // no binary floating point anywhere
        #expect((Dec("1.5")! * Dec("2.25")!).formatted() == "3.375")
    }

    @Test func divisionRoundsHalfAwayFromZero() {
        #expect(Dec.divide(Dec("96.36")! * .hundred, Dec("1378.33")!, decimals: 2).formatted() == "6.99")
        #expect(Dec.divide(Dec("2106.66")! * .hundred, Dec("2940.05")!, decimals: 2).formatted() == "71.65")
        #expect(Dec.divide(Dec(1), Dec(8), decimals: 2).formatted() == "0.13")
        #expect(Dec.divide(Dec(-1), Dec(8), decimals: 2).formatted() == "-0.13")
        #expect(!Dec.divide(Dec(1), .zero, decimals: 2).isValid)
    }

    @Test func formatsWithMinimumDecimals() {
        #expect(Dec("61.8")!.formatted(minDecimals: 2) == "61.80")
        #expect(Dec("0.05")!.formatted(minDecimals: 2) == "0.05")
        #expect(Dec(100).formatted(minDecimals: 2) == "100.00")
        #expect(Dec("-0.5")!.formatted() == "-0.5")
    }

    @Test func overflowBecomesInvalidInsteadOfTrapping() {
        let huge = Dec(mantissa: Int128.max / 2, scale: 0)
        #expect(!(huge * huge).isValid)
        #expect(!(huge + huge + huge).isValid)
        #expect(!(Dec.invalid + Dec(1)).isValid)
        #expect(!Relations.sum(parts: [Figure(value: huge * huge, decimals: 0)], total: Figure(value: Dec(1), decimals: 0)).isHolds)
    }

    @Test func shiftsUnits() {
        // 5226元 = 0.5226万元
        #expect(Dec(5226).shifted(by: -4).formatted() == "0.5226")
        #expect(Dec("1.5")!.shifted(by: 4).formatted() == "15000")
    }
}

extension Verdict {
    var isHolds: Bool { self == .holds }
}

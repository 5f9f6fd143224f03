import Testing

@testable import Readers
@testable import Reporters

@Suite struct FileNameTests {
    @Test func aNameThatIsNotUTF8SurvivesTheRoundTrip() {
        let gbk: [UInt8] = [0xB1, 0xA8, 0xB8, 0xE6] + Array(".txt".utf8)
        let name = FileName.decode(gbk)
        #expect(FileName.bytes(name) == gbk)
        #expect(FileName.shown(name) == "\\xB1\\xA8\\xB8\\xE6.txt")
        // Valid UTF-8 (Chinese included) is left alone; a cut sequence keeps its bytes.
        #expect(FileName.decode(Array("报告.txt".utf8)) == "报告.txt")
        let cut: [UInt8] = Array("报".utf8).dropLast() + Array("a".utf8)
        #expect(FileName.bytes(FileName.decode(cut)) == cut)
        #expect(FileName.shown("a\nb\u{1B}c") == "a\\x0Ab\\x1Bc")
        #expect(FileName.shown("reports/2024.txt") == "reports/2024.txt")
    }

    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalText.safe("a\u{1B}[31mb") == "a\u{241B}[31mb")
        #expect(TerminalText.safe("x\ny\tz\u{7F}") == "x\u{240A}y\tz\u{2421}")
        #expect(TerminalText.safe("\u{9B}31m \u{202E}abc") == "\u{FFFD}31m \u{FFFD}abc")
        #expect(TerminalText.safe("本年收入合计100.00万元") == "本年收入合计100.00万元")
    }
}

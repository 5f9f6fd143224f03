import Testing

@testable import Engine

/// The configuration and baseline parser: strict JSON, exact numbers, places for messages.
@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValueKeepingOrderAndDigits() throws {
        let n = try JSONParser.parse(#"{"b": [1, -0.50, 1e3, true, null], "a": "x\u00e9\ud83d\ude00\n"}"#)
        #expect(n.members?.map(\.key) == ["b", "a"])
        #expect(n["b"]?.array?.map(\.printed) == ["1", "-0.50", "1e3", "true", "null"])
        #expect(n["a"]?.string == "xé😀\n")
    }

    @Test func refusesWhatIsNotJSONWithItsPlace() {
        let cases: [(String, String, Int, Int)] = [
            ("{\"a\": 1,}", "a key in double quotes was expected", 1, 9),
            ("{\"a\": 1, \"a\": 2}", "the key \"a\" appears twice", 1, 10),
            ("[1 2]", "',' or ']' was expected", 1, 4),
            ("{\n  \"a\": tru\n}", "unexpected character, 'true' was expected", 2, 11),
            ("\"\\ud800\"", "a lone surrogate in a \\u escape", 1, 8),
            ("01", "unexpected text after the JSON value", 1, 2),
            ("", "unexpected end of the text, a value was expected", 1, 1)
        ]
        for (text, message, line, column) in cases {
            #expect(throws: JSONParseError(message: message, line: line, column: column)) { try JSONParser.parse(text) }
        }
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "[", count: JSONParser.maxDepth + 2) + String(repeating: "]", count: JSONParser.maxDepth + 2)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect((try? JSONParser.parse(fine)) != nil)
    }

    @Test func positionsCountCharactersNotBytes() {
        let bytes = Array("{\"名称\": x}".utf8)
        #expect(JSONPosition.of(bytes.firstIndex(of: UInt8(ascii: "x"))!, in: bytes) == (1, 8))
    }
}

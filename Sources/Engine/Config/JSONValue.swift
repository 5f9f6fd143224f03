/// A JSON document as reportlint's own files need it (configuration, baselines): strict
/// RFC 8259, objects keeping their keys' order, numbers kept as printed (no Double),
/// every value with the place it starts at, so that an error can name the key, the value
/// and its line. Standard library only: Foundation's parser would cost the start-up
/// time of a tool that is often run on one file.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number exactly as printed ("10", "-0.5", "1e3").
    case number(String)
    case string(String)
    case array([JSONNode])
    /// Members in the order written (duplicate keys are a parse error).
    case object([JSONMember])

    /// A short name of the value's type, for messages ("an object", "a string").
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A value and the byte offset where it starts (`JSONPosition` turns it into a line and
/// column when a message needs one: computing it for every value would be quadratic on a
/// long single-line file).
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    public var offset: Int

    public init(_ value: JSONValue, offset: Int) {
        self.value = value
        self.offset = offset
    }

    public var string: String? { if case .string(let s) = value { return s } else { return nil } }
    public var bool: Bool? { if case .bool(let b) = value { return b } else { return nil } }
    public var array: [JSONNode]? { if case .array(let a) = value { return a } else { return nil } }
    public var members: [JSONMember]? { if case .object(let m) = value { return m } else { return nil } }

    /// The member named `key` of an object.
    public subscript(key: String) -> JSONNode? { members?.first { $0.key == key }?.value }

    /// The value printed back as compact JSON (for quoting it in a message).
    public var printed: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONText.quoted(s)
        case .array(let a): return "[" + a.map(\.printed).joined(separator: ",") + "]"
        case .object(let m): return "{" + m.map { JSONText.quoted($0.key) + ":" + $0.value.printed }.joined(separator: ",") + "}"
        }
    }
}

public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONNode
    /// Where the key is written (byte offset of its opening quote).
    public var offset: Int
}

/// 1-based line and column (in characters) of a byte offset.
public enum JSONPosition {
    public static func of(_ offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var k = 0
        let end = min(max(0, offset), bytes.count)
        while k < end {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return (line, column)
    }
}

/// Why a text is not JSON, and where.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// The parser: one pass over the UTF-8 bytes, nesting bounded.
public struct JSONParser {
    /// Deeper nesting than any configuration needs is refused, not recursed into.
    public static let maxDepth = 128

    private let bytes: [UInt8]
    private var i = 0

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONNode {
        var p = JSONParser(bytes: bytes)
        // A UTF-8 byte order mark is tolerated, as editors on Windows write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { p.i = 3 }
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == bytes.count else { throw p.error("unexpected text after the JSON value") }
        return v
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSONNode { try parse(Array(text.utf8)) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func error(_ message: String, at offset: Int? = nil) -> JSONParseError {
        let (line, column) = JSONPosition.of(offset ?? i, in: bytes)
        return JSONParseError(message: message, line: line, column: column)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D, 0x0A: i += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONNode {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        guard i < bytes.count else { throw error("unexpected end of the text, a value was expected") }
        let start = i
        switch bytes[i] {
        case 0x7B: return JSONNode(try object(depth: depth), offset: start)
        case 0x5B: return JSONNode(try array(depth: depth), offset: start)
        case 0x22: return JSONNode(.string(try string()), offset: start)
        case 0x74:
            try word("true")
            return JSONNode(.bool(true), offset: start)
        case 0x66:
            try word("false")
            return JSONNode(.bool(false), offset: start)
        case 0x6E:
            try word("null")
            return JSONNode(.null, offset: start)
        case 0x2D, 0x30...0x39: return JSONNode(.number(try number()), offset: start)
        default: throw error("unexpected character, a value was expected")
        }
    }

    private mutating func word(_ w: String) throws(JSONParseError) {
        for b in w.utf8 {
            guard i < bytes.count, bytes[i] == b else { throw error("unexpected character, '\(w)' was expected") }
            i += 1
        }
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var members: [JSONMember] = []
        var seen = Set<String>()
        skipSpace()
        if i < bytes.count && bytes[i] == 0x7D {
            i += 1
            return .object(members)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x22 else { throw error("a key in double quotes was expected") }
            let keyOffset = i
            let key = try string()
            guard seen.insert(key).inserted else { throw error("the key \"\(key)\" appears twice", at: keyOffset) }
            skipSpace()
            guard i < bytes.count, bytes[i] == 0x3A else { throw error("':' was expected after the key \"\(key)\"") }
            i += 1
            skipSpace()
            let v = try value(depth: depth + 1)
            members.append(JSONMember(key: key, value: v, offset: keyOffset))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of the text, '}' was expected") }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            if bytes[i] == 0x7D {
                i += 1
                return .object(members)
            }
            throw error("',' or '}' was expected")
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        i += 1
        var items: [JSONNode] = []
        skipSpace()
        if i < bytes.count && bytes[i] == 0x5D {
            i += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(depth: depth + 1))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of the text, ']' was expected") }
            if bytes[i] == 0x2C {
                i += 1
                continue
            }
            if bytes[i] == 0x5D {
                i += 1
                return .array(items)
            }
            throw error("',' or ']' was expected")
        }
    }

    private mutating func number() throws(JSONParseError) -> String {
        let start = i
        if bytes[i] == 0x2D { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else { throw error("a digit was expected") }
        if bytes[i] == 0x30 { i += 1 } else { while i < bytes.count && isDigit(bytes[i]) { i += 1 } }
        if i < bytes.count && bytes[i] == 0x2E {
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("a digit was expected after '.'") }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count && (bytes[i] == 0x65 || bytes[i] == 0x45) {
            i += 1
            if i < bytes.count && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else { throw error("a digit was expected in the exponent") }
            while i < bytes.count && isDigit(bytes[i]) { i += 1 }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private mutating func string() throws(JSONParseError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unexpected end of the text inside a string") }
            let b = bytes[i]
            if b == 0x22 {
                i += 1
                break
            }
            if b < 0x20 { throw error("a control character inside a string must be escaped") }
            if b != 0x5C {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw error("unexpected end of the text inside a string") }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else {
                        throw error("a lone surrogate in a \\u escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("a lone surrogate in a \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("an invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: throw error("an invalid escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else { throw error("a string that is not valid UTF-8") }
        return s
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw error("unexpected end of the text in a \\u escape") }
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            default: throw error("a hexadecimal digit was expected in a \\u escape")
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}

/// JSON string quoting, for printing values back in messages.
public enum JSONText {
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

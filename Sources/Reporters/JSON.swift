/// A JSON value with ordered object keys, serialized byte-for-byte the same every time.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A number already formatted (exact decimals are never routed through Double).
    case number(String)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized(pretty: false) == b.serialized(pretty: false) }

    public static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }

    /// Pretty output uses two-space indentation and ", " / ": " separators; compact output none.
    /// `depth` is the indentation level the value starts at (for embedding in a larger document).
    public func serialized(pretty: Bool = true, depth: Int = 0) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out, pretty: pretty, depth: depth)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes UTF-8 bytes directly: the reporters' hot path.
    public func write(into out: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .null: out.append(contentsOf: JSON.nullBytes)
        case .bool(let b): out.append(contentsOf: b ? JSON.trueBytes : JSON.falseBytes)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): JSON.escape(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(UInt8(ascii: "["))
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(&out, depth + 1) }
                item.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { JSON.newline(&out, depth) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(UInt8(ascii: "{"))
                out.append(UInt8(ascii: "}"))
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSON.newline(&out, depth + 1) }
                JSON.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            if pretty { JSON.newline(&out, depth) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    static func newline(_ out: inout [UInt8], _ depth: Int) {
        out.append(0x0A)
        for _ in 0..<(depth * 2) { out.append(0x20) }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Quotes and escapes a string; bytes that need no escaping are copied as they are.
    public static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "\""):
                    out.append(UInt8(ascii: "\\"))
                    out.append(b)
                case UInt8(ascii: "\\"):
                    out.append(b)
                    out.append(b)
                case 0x0A:
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "n"))
                case 0x0D:
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "r"))
                case 0x09:
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "t"))
                case 0..<0x20:
                    out.append(contentsOf: [
                        UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 15)]
                    ])
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    // U+2028 / U+2029 break JavaScript parsers.
                    out.append(contentsOf: Array("\\u202".utf8))
                    out.append(bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    i += 3
                    continue
                default: out.append(b)
                }
                i += 1
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    public static func escape(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        escape(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }
}

/// Writes one JSON object member by member, in the layout `JSON.write` uses, with arrays
/// produced element by element.
struct StreamedObject {
    let out: Output
    let pretty: Bool
    let depth: Int
    private var members = 0

    init(out: Output, pretty: Bool, depth: Int) {
        self.out = out
        self.pretty = pretty
        self.depth = depth
        out.write("{")
    }

    private mutating func key(_ k: String) {
        var bytes: [UInt8] = []
        if members > 0 { bytes.append(UInt8(ascii: ",")) }
        if pretty { JSON.newline(&bytes, depth + 1) }
        JSON.escape(k, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        out.write(bytes: bytes)
        members += 1
    }

    mutating func member(_ k: String, _ value: JSON) {
        key(k)
        out.write(value, pretty: pretty, depth: depth + 1)
    }

    mutating func array(_ k: String, count: Int, _ element: (Int) -> JSON) {
        key(k)
        guard count > 0 else {
            out.write("[]")
            return
        }
        out.write("[")
        for i in 0..<count {
            var sep: [UInt8] = i > 0 ? [UInt8(ascii: ",")] : []
            if pretty { JSON.newline(&sep, depth + 2) }
            out.write(bytes: sep)
            out.write(element(i), pretty: pretty, depth: depth + 2)
        }
        var close: [UInt8] = []
        if pretty { JSON.newline(&close, depth + 1) }
        close.append(UInt8(ascii: "]"))
        out.write(bytes: close)
    }

    func end() {
        var close: [UInt8] = []
        if members > 0 && pretty { JSON.newline(&close, depth) }
        close.append(UInt8(ascii: "}"))
        out.write(bytes: close)
    }
}

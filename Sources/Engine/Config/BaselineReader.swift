#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a baseline file as a stream and keeps only what matching needs: each entry's path and
/// check (one string per distinct value), fingerprint and figures; messages only when asked (a
/// baseline that is written back). A repository's baseline can record a finding for every
/// report it holds, so neither the file nor a tree of it is held in memory.
///
/// The file is checked against its schema as it is read (docs/configuration.md): an object with
/// `"reportlint-baseline": 2` or `1` (a number: `true` is not a version) and `"findings"`, an
/// array of objects with a string `path`, a 16-hex-digit `fingerprint`, optional strings
/// `check` and `message` and an optional array of strings `figures`; `$schema` and `_comment`
/// are allowed. Anything else is refused with the key path, the value as written and its line.
struct BaselineReader {
    /// More findings than any repository's baseline needs (a million reports with five each).
    static let maxEntries = 5_000_000
    /// The longest path or message kept or skipped: a line of a file, not a file.
    static let maxString = 1 << 16

    private var input: ByteStream
    private let display: String
    private let keepMessages: Bool
    /// One string per distinct path and check, shared by their entries.
    private var interned: [String: String] = [:]
    private var entries: [Baseline.Entry] = []
    /// Reused for every key and kept string (a million entries, no allocation each).
    private var scratch: [UInt8] = []

    static func read(fd: Int32, display: String, messages: Bool) throws(ConfigError) -> [Baseline.Entry] {
        var reader = BaselineReader(input: ByteStream(fd: fd), display: display, keepMessages: messages)
        defer { reader.input.release() }
        try reader.document()
        return reader.entries
    }

    private init(input: ByteStream, display: String, keepMessages: Bool) {
        self.input = input
        self.display = display
        self.keepMessages = keepMessages
    }

    // MARK: the schema

    private mutating func document() throws(ConfigError) {
        if input.peek() == 0xEF {
            for b: UInt8 in [0xEF, 0xBB, 0xBF] { guard input.next() == b else { throw syntax("a UTF-8 byte order mark is broken") } }
        }
        skipSpace()
        guard input.peek() == 0x7B else { throw schema("", "must be a JSON object, not \(try shownValue())") }
        var seen = Set<String>()
        var format = false
        var findings = false
        try members("") { reader, key, line throws(ConfigError) in
            guard seen.insert(key).inserted else { throw reader.error(key, "appears twice", line: line) }
            switch key {
            case Baseline.formatKey:
                let value = try reader.rawValue()
                guard Baseline.readableFormats.contains(value) else {
                    throw reader.error(
                        key, "must be \(Baseline.format) (or 1), not \(value): this is not a reportlint baseline, or a newer one",
                        line: line)
                }
                format = true
            case "findings":
                try reader.findings()
                findings = true
            case "$schema":
                _ = try reader.stringValue(key, keep: false)
            case "_comment":
                try reader.comment(key)
            default:
                throw reader.error(
                    key, "unknown key", line: line,
                    suggestion: Suggestion.closest(to: key, in: [Baseline.formatKey, "findings"]))
            }
        }
        skipSpace()
        guard input.peek() == nil else { throw syntax("unexpected text after the JSON object") }
        guard format else { throw schema(Baseline.formatKey, "is missing: this is not a reportlint baseline") }
        guard findings else { throw schema("findings", "is missing: a baseline lists its findings") }
    }

    private mutating func findings() throws(ConfigError) {
        skipSpace()
        guard input.peek() == 0x5B else { throw schema("findings", "must be an array of objects, not \(try shownValue())") }
        input.advance()
        skipSpace()
        if input.peek() == 0x5D {
            input.advance()
            return
        }
        while true {
            skipSpace()
            try finding(index: entries.count)
            skipSpace()
            switch input.next() {
            case 0x2C: continue
            case 0x5D: return
            default: throw syntax("',' or ']' was expected in \"findings\"")
            }
        }
    }

    /// One entry: the hot path of a large file, so keys are compared as bytes, nothing is
    /// built that is not kept, and key paths for messages are spelt only on an error.
    private mutating func finding(index: Int) throws(ConfigError) {
        func key(_ member: String? = nil) -> String { "findings[\(index)]" + (member.map { "." + $0 } ?? "") }
        guard index < Self.maxEntries else { throw schema(key(), "is one finding too many: a baseline holds at most \(Self.maxEntries)") }
        let line = input.line
        guard input.peek() == 0x7B else { throw schema(key(), "must be an object, not \(try shownValue())") }
        input.advance()
        var path: String?
        var fingerprint: UInt64?
        var check = ""
        var message = ""
        var figures: [String]?
        var seen = 0
        skipSpace()
        if input.peek() == 0x7D {
            input.advance()
        } else {
            while true {
                skipSpace()
                let memberLine = input.line
                guard input.peek() == 0x22 else { throw syntax("a key in double quotes was expected") }
                let member = try keyName()
                skipSpace()
                guard input.next() == 0x3A else { throw syntax("':' was expected after a key") }
                skipSpace()
                let bit: Int
                switch member {
                case .path:
                    bit = 1
                    guard input.peek() == 0x22 else { throw schema(key("path"), "must be a string, not \(try shownValue())") }
                    path = try string(keep: true)
                case .fingerprint:
                    bit = 2
                    fingerprint = try fingerprintValue { key("fingerprint") }
                case .check, .message, .comment:
                    bit = member == .check ? 4 : member == .message ? 8 : 16
                    guard input.peek() == 0x22 else { throw schema(key(member.name), "must be a string, not \(try shownValue())") }
                    let keep = member == .check || (member == .message && keepMessages)
                    let text = try string(keep: keep) ?? ""
                    if member == .check { check = intern(text) } else if member == .message { message = text }
                case .figures:
                    bit = 32
                    figures = try figureList { key("figures") }
                case .other(let name):
                    throw error(
                        key(name), "unknown key", line: memberLine,
                        suggestion: Suggestion.closest(to: name, in: ["path", "fingerprint", "check", "figures", "message"]))
                }
                guard seen & bit == 0 else { throw error(key(member.name), "appears twice", line: memberLine) }
                seen |= bit
                skipSpace()
                switch input.next() {
                case 0x2C: continue
                case 0x7D: break
                default: throw syntax("',' or '}' was expected")
                }
                break
            }
        }
        guard let path, let fingerprint else { throw error(key(), "needs \"path\" and \"fingerprint\"", line: line) }
        let hex = String(fingerprint, radix: 16).leftPadded(to: 16)
        entries.append(Baseline.Entry(path: intern(path), check: check, fingerprint: hex, figures: figures, message: message))
    }

    /// The string already kept for this text, so that a path or check repeated over a million
    /// entries is stored once.
    private mutating func intern(_ text: String) -> String {
        if let known = interned[text] { return known }
        interned[text] = text
        return text
    }

    /// `"figures"`: an array of strings (the numbers printed at a finding's places).
    private mutating func figureList(_ key: () -> String) throws(ConfigError) -> [String] {
        guard input.peek() == 0x5B else { throw schema(key(), "must be an array of strings, not \(try shownValue())") }
        input.advance()
        var list: [String] = []
        skipSpace()
        if input.peek() == 0x5D {
            input.advance()
            return list
        }
        while true {
            skipSpace()
            guard input.peek() == 0x22 else { throw schema(key() + "[\(list.count)]", "must be a string, not \(try shownValue())") }
            list.append(try string(keep: true) ?? "")
            skipSpace()
            switch input.next() {
            case 0x2C: continue
            case 0x5D: return list
            default: throw syntax("',' or ']' was expected in \"figures\"")
            }
        }
    }

    /// The keys an entry may have, recognised from their bytes.
    enum EntryKey: Equatable {
        case path, fingerprint, check, figures, message, comment
        case other(String)

        var name: String {
            switch self {
            case .path: return "path"
            case .fingerprint: return "fingerprint"
            case .check: return "check"
            case .figures: return "figures"
            case .message: return "message"
            case .comment: return "_comment"
            case .other(let s): return s
            }
        }
    }

    private static let entryKeys: [([UInt8], EntryKey)] = [
        (Array("path".utf8), .path), (Array("fingerprint".utf8), .fingerprint), (Array("check".utf8), .check),
        (Array("figures".utf8), .figures),
        (Array("message".utf8), .message), (Array("_comment".utf8), .comment)
    ]

    /// A key without escapes is matched as bytes; anything else is read as a string.
    private mutating func keyName() throws(ConfigError) -> EntryKey {
        input.advance() // "
        scratch.removeAll(keepingCapacity: true)
        while let b = input.peek(), b != 0x22, b != 0x5C, b >= 0x20, scratch.count < 32 {
            scratch.append(b)
            input.advance()
        }
        if input.peek() == 0x22 {
            input.advance()
            for (known, key) in Self.entryKeys where known == scratch { return key }
            return .other(String(decoding: scratch, as: UTF8.self))
        }
        // An escape or a long key: the general reader, from what is read so far.
        let start = String(decoding: scratch, as: UTF8.self)
        guard let rest = try string(keep: true, resumed: true) else { return .other("") }
        return .other(start + rest)
    }

    /// 16 hex digits in quotes, read straight into a number.
    private mutating func fingerprintValue(_ key: () -> String) throws(ConfigError) -> UInt64 {
        let line = input.line
        guard input.peek() == 0x22 else { throw schema(key(), "must be a string, not \(try shownValue())") }
        input.advance()
        var v: UInt64 = 0
        var digits = 0
        while let b = input.peek(), let d = Baseline.hexDigit(b), digits < 16 {
            v = v << 4 | d
            digits += 1
            input.advance()
        }
        if digits == 16, input.peek() == 0x22 {
            input.advance()
            return v
        }
        // Not a fingerprint: read the rest of the string to quote it.
        let rest = (try string(keep: true, resumed: true)) ?? ""
        let text = (digits == 0 ? "" : String(v, radix: 16).leftPadded(to: digits)) + rest
        throw error(key(), "must be the 16 hex digits reportlint prints, not \"\(text.prefix(40))\"", line: line)
    }

    private mutating func comment(_ key: String) throws(ConfigError) {
        skipSpace()
        if input.peek() == 0x22 {
            _ = try stringValue(key, keep: false)
            return
        }
        guard input.peek() == 0x5B else { throw schema(key, "must be a string or an array of strings, not \(try shownValue())") }
        input.advance()
        skipSpace()
        if input.peek() == 0x5D {
            input.advance()
            return
        }
        var i = 0
        while true {
            skipSpace()
            _ = try stringValue("\(key)[\(i)]", keep: false)
            skipSpace()
            switch input.next() {
            case 0x2C: i += 1
            case 0x5D: return
            default: throw syntax("',' or ']' was expected")
            }
        }
    }

    // MARK: JSON, as far as a baseline needs it

    /// An object's members: `body` reads each value (the key read, the stream at its value).
    private mutating func members(
        _ key: String,
        _ body: (inout BaselineReader, String, Int) throws(ConfigError) -> Void
    ) throws(ConfigError) {
        input.advance() // {
        skipSpace()
        if input.peek() == 0x7D {
            input.advance()
            return
        }
        while true {
            skipSpace()
            let line = input.line
            guard input.peek() == 0x22 else { throw syntax("a key in double quotes was expected") }
            guard let name = try string(keep: true) else { throw syntax("a key was expected") }
            skipSpace()
            guard input.next() == 0x3A else { throw syntax("':' was expected after the key \"\(name)\"") }
            skipSpace()
            try body(&self, name, line)
            skipSpace()
            switch input.next() {
            case 0x2C: continue
            case 0x7D: return
            default: throw syntax("',' or '}' was expected")
            }
        }
    }

    private mutating func stringValue(_ key: String, keep: Bool) throws(ConfigError) -> String? {
        skipSpace()
        guard input.peek() == 0x22 else { throw schema(key, "must be a string, not \(try shownValue())") }
        let line = input.line
        do {
            return try string(keep: keep)
        } catch {
            throw self.error(key, error.problem, line: line)
        }
    }

    /// A string; its text only when `keep` (a skipped one is still checked, never stored).
    /// `resumed`: the opening quote is already read.
    private mutating func string(keep: Bool, resumed: Bool = false) throws(ConfigError) -> String? {
        if !resumed { input.advance() } // "
        scratch.removeAll(keepingCapacity: true)
        var length = 0
        while true {
            guard let b = input.next() else { throw syntax("the text ends inside a string") }
            length += 1
            if length > Self.maxString { throw syntax("a string longer than \(Self.maxString) bytes") }
            if b == 0x22 { break }
            if b < 0x20 { throw syntax("a control character inside a string must be escaped") }
            if b != 0x5C {
                if keep { scratch.append(b) }
                continue
            }
            guard let e = input.next() else { throw syntax("the text ends inside a string") }
            switch e {
            case 0x22, 0x5C, 0x2F: if keep { scratch.append(e) }
            case 0x62: if keep { scratch.append(0x08) }
            case 0x66: if keep { scratch.append(0x0C) }
            case 0x6E: if keep { scratch.append(0x0A) }
            case 0x72: if keep { scratch.append(0x0D) }
            case 0x74: if keep { scratch.append(0x09) }
            case 0x75:
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard input.next() == 0x5C, input.next() == 0x75 else { throw syntax("a lone surrogate in a \\u escape") }
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw syntax("a lone surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw syntax("a lone surrogate in a \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw syntax("an invalid \\u escape") }
                if keep { scratch.append(contentsOf: Array(String(Character(u)).utf8)) }
            default: throw syntax("an invalid escape in a string")
            }
        }
        guard keep else { return nil }
        guard let s = String(validating: scratch, as: UTF8.self) else { throw syntax("a string that is not valid UTF-8") }
        return s
    }

    private mutating func hex4() throws(ConfigError) -> UInt32 {
        var v: UInt32 = 0
        for _ in 0..<4 {
            guard let b = input.next(), let d = Baseline.hexDigit(b) ?? (b >= 0x41 && b <= 0x46 ? UInt64(b - 0x41 + 10) : nil) else {
                throw syntax("a hexadecimal digit was expected in a \\u escape")
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// A scalar value's text as written (a number, true, false, null), for the version check.
    private mutating func rawValue() throws(ConfigError) -> String {
        skipSpace()
        if input.peek() == 0x22 || input.peek() == 0x5B || input.peek() == 0x7B { return try shownValue() }
        var out: [UInt8] = []
        while let b = input.peek(), b != 0x2C, b != 0x7D, b != 0x5D, !Self.isSpace(b), out.count < 64 {
            out.append(b)
            input.advance()
        }
        guard !out.isEmpty else { throw syntax("a value was expected") }
        return String(decoding: out, as: UTF8.self)
    }

    /// How the value at the stream reads, for a message (its start only: it is not consumed further).
    private mutating func shownValue() throws(ConfigError) -> String {
        switch input.peek() {
        case 0x7B: return "an object"
        case 0x5B: return "an array"
        case 0x22:
            guard let s = try string(keep: true) else { return "a string" }
            return "\"" + String(s.prefix(40)) + (s.count > 40 ? "…\"" : "\"")
        case nil: return "the end of the file"
        default: return try rawValue()
        }
    }

    private mutating func skipSpace() {
        while let b = input.peek(), Self.isSpace(b) { input.advance() }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    // MARK: errors

    private func error(_ key: String, _ problem: String, line: Int, suggestion: String? = nil) -> ConfigError {
        ConfigError(file: display, key: key, problem: problem, suggestion: suggestion, line: line)
    }

    private func schema(_ key: String, _ problem: String) -> ConfigError { error(key, problem, line: input.line) }

    private func syntax(_ problem: String) -> ConfigError {
        ConfigError(file: display, key: "", problem: "is not valid JSON (\(problem))", line: input.line)
    }
}

/// A file read in 64 KB pieces, a byte at a time, counting lines for messages.
struct ByteStream {
    private let fd: Int32
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var position = 0
    private var count = 0
    private var ended = false
    private(set) var line = 1

    init(fd: Int32) {
        self.fd = fd
        buffer = .allocate(capacity: 1 << 16)
    }

    /// Frees the buffer (the reader owns the stream for one read).
    func release() { buffer.deallocate() }

    @inline(__always)
    mutating func peek() -> UInt8? {
        if position == count && !refill() { return nil }
        return buffer[position]
    }

    @inline(__always)
    mutating func next() -> UInt8? {
        guard let b = peek() else { return nil }
        position += 1
        if b == 0x0A { line += 1 }
        return b
    }

    @inline(__always)
    mutating func advance() { _ = next() }

    private mutating func refill() -> Bool {
        guard !ended else { return false }
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                ended = true
                return false
            }
            position = 0
            count = n
            return true
        }
    }
}

extension String {
    /// Leading zeros up to `width` characters (a fingerprint's digits read as a number).
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// Where each object lies: at a byte offset of the file, or inside an object stream.
enum XRefEntry: Sendable {
    case inFile(offset: Int)
    case compressed(stream: Int, index: Int)
    case free
}

/// The cross-reference data of a file: classic tables and xref streams, following /Prev through
/// incremental updates (newest entries win) and /XRefStm of hybrid files.
struct CrossReference {
    var entries: [Int: XRefEntry] = [:]
    /// The newest trailer (for an xref stream, its dictionary).
    var trailer = PDFDict()

    /// Reads the chain that starts at `startxref`. Throws when any part of it is unusable; the
    /// caller then rebuilds the table by scanning the file.
    static func read(_ bytes: [UInt8], budget: WorkBudget) throws(PDFError) -> CrossReference {
        guard let start = startXRef(bytes) else { throw PDFError.malformed("找不到 startxref", "no startxref") }
        var xref = CrossReference()
        var visited = Set<Int>()
        var next: Int? = start
        var first = true
        while let offset = next {
            guard visited.insert(offset).inserted else { break } // a /Prev loop: what was read is all there is
            guard visited.count <= 4096 else { throw PDFError.limit("增量更新的节数 / incremental-update sections", 4096) }
            let trailer = try xref.readSection(bytes, at: offset, budget: budget)
            if first {
                xref.trailer = trailer
                first = false
            }
            // A hybrid file's xref stream completes the table it accompanies.
            if let stm = trailer["XRefStm"]?.int, stm >= 0, visited.insert(stm).inserted {
                _ = try xref.readSection(bytes, at: stm, budget: budget)
            }
            next = trailer["Prev"]?.int
            if let n = next, n < 0 || n >= bytes.count { next = nil }
        }
        return xref
    }

    /// The offset after the last "startxref" of the file.
    static func startXRef(_ bytes: [UInt8]) -> Int? {
        let word: [UInt8] = Array("startxref".utf8)
        let lowest = max(0, bytes.count - 4096)
        var i = bytes.count - word.count
        while i >= lowest {
            if bytes[i] == 0x73, Array(bytes[i..<(i + word.count)]) == word {
                var lexer = PDFLexer(bytes, at: i + word.count)
                lexer.references = false
                if case .object(.int(let n)) = try? lexer.next(), n >= 0, n < bytes.count { return n }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// One section (a table with its trailer, or an xref stream); returns its trailer.
    private mutating func readSection(_ bytes: [UInt8], at offset: Int, budget: WorkBudget) throws(PDFError) -> PDFDict {
        var lexer = PDFLexer(bytes, at: offset)
        lexer.skipWhite()
        if lexer.at("xref") {
            lexer.pos += 4
            return try readTable(&lexer, budget: budget)
        }
        return try readStream(bytes, at: offset, budget: budget)
    }

    private mutating func readTable(_ lexer: inout PDFLexer, budget: WorkBudget) throws(PDFError) -> PDFDict {
        lexer.references = false
        while true {
            lexer.skipWhite()
            if lexer.at("trailer") {
                lexer.pos += 7
                lexer.references = true
                guard case .dict(let trailer) = try lexer.object() else {
                    throw PDFError.malformed("trailer 不是字典", "the trailer is not a dictionary")
                }
                return trailer
            }
            guard case .object(.int(let first)) = try lexer.next(), case .object(.int(let count)) = try lexer.next(),
                first >= 0, count >= 0
            else {
                throw PDFError.malformed("交叉引用表损坏", "the cross-reference table is damaged")
            }
            guard count <= budget.limits.maxObjects, first <= budget.limits.maxObjects - count else {
                throw PDFError.limit("对象数 / objects", budget.limits.maxObjects)
            }
            for k in 0..<count {
                let number = first + k
                // The standard's fixed 20-byte entry, read directly; anything else, token by token.
                lexer.skipWhite()
                if let (offset, inUse) = Self.fixedEntry(lexer.bytes, at: lexer.pos) {
                    lexer.pos += 18
                    if entries[number] == nil {
                        entries[number] = inUse && offset > 0 && offset < lexer.bytes.count ? .inFile(offset: offset) : .free
                    }
                    continue
                }
                guard case .object(let o) = try lexer.next(), let offset = o.int,
                    case .object(.int) = try lexer.next(), case .keyword(let r) = try lexer.next()
                else {
                    throw PDFError.malformed("交叉引用表损坏", "the cross-reference table is damaged")
                }
                guard entries[number] == nil else { continue }
                if lexer.keyword(r, is: "n") {
                    entries[number] = offset > 0 && offset < lexer.bytes.count ? .inFile(offset: offset) : .free
                } else if lexer.keyword(r, is: "f") {
                    entries[number] = .free
                } else {
                    throw PDFError.malformed("交叉引用表损坏", "the cross-reference table is damaged")
                }
            }
        }
    }

    /// "oooooooooo ggggg n" (ten digits, five digits, n or f) at `p`.
    static func fixedEntry(_ b: [UInt8], at p: Int) -> (Int, Bool)? {
        guard p + 18 <= b.count, b[p + 10] == 0x20, b[p + 16] == 0x20, b[p + 17] == 0x6E || b[p + 17] == 0x66,
            p + 18 == b.count || !ByteClass.isRegular(b[p + 18])
        else { return nil }
        var offset = 0
        for k in 0..<10 {
            guard ByteClass.isDigit(b[p + k]) else { return nil }
            offset = offset * 10 + Int(b[p + k] - 0x30)
        }
        for k in 11..<16 where !ByteClass.isDigit(b[p + k]) { return nil }
        return (offset, b[p + 17] == 0x6E)
    }

    private mutating func readStream(_ bytes: [UInt8], at offset: Int, budget: WorkBudget) throws(PDFError) -> PDFDict {
        guard let (object, _) = try IndirectObject.parse(bytes, at: offset, expecting: nil, maxDepth: budget.limits.maxDepth),
            case .stream(let s) = object, s.dict.name("Type") == "XRef"
        else {
            throw PDFError.malformed("交叉引用流损坏", "the cross-reference stream is damaged")
        }
        if s.dict["Encrypt"] != nil { throw PDFError.encrypted }
        let direct: (PDFObject) throws(PDFError) -> PDFObject = { $0 }
        let data = try StreamDecoder.decode(bytes[s.data], dict: s.dict, resolve: direct, budget: budget)
        guard let w = s.dict["W"]?.array?.compactMap({ $0.int }), w.count == 3, w.allSatisfy({ $0 >= 0 && $0 <= 8 }) else {
            throw PDFError.malformed("交叉引用流的 W 无效", "the cross-reference stream's W is invalid")
        }
        let size = s.dict["Size"]?.int ?? 0
        guard size >= 0, size <= budget.limits.maxObjects else { throw PDFError.limit("对象数 / objects", budget.limits.maxObjects) }
        var index: [Int] = s.dict["Index"]?.array?.compactMap { $0.int } ?? [0, size]
        if index.count % 2 != 0 { index.removeLast() }
        let width = w[0] + w[1] + w[2]
        guard width > 0 else { throw PDFError.malformed("交叉引用流的 W 无效", "the cross-reference stream's W is invalid") }
        var p = 0
        func field(_ n: Int, default d: Int) -> Int {
            if n == 0 { return d }
            var v = 0
            for _ in 0..<n {
                v = (v << 8) | Int(p < data.count ? data[p] : 0)
                p += 1
            }
            return v
        }
        var k = 0
        while k + 1 < index.count {
            let first = index[k]
            let count = index[k + 1]
            k += 2
            guard first >= 0, count >= 0, count <= budget.limits.maxObjects, first <= budget.limits.maxObjects - count else {
                throw PDFError.limit("对象数 / objects", budget.limits.maxObjects)
            }
            for j in 0..<count {
                guard p + width <= data.count else { break }
                let type = field(w[0], default: 1)
                let a = field(w[1], default: 0)
                let b = field(w[2], default: 0)
                let number = first + j
                guard entries[number] == nil else { continue }
                switch type {
                case 0: entries[number] = .free
                case 1: entries[number] = a > 0 && a < bytes.count ? .inFile(offset: a) : .free
                case 2: entries[number] = .compressed(stream: a, index: b)
                default: break // reserved types are ignored, as the standard says
                }
            }
        }
        return s.dict
    }
}

/// "N G obj … endobj" at an offset of the file.
enum IndirectObject {
    /// The object and its number, or nil when the bytes at `offset` are not an object header
    /// (for the expected number, when given).
    static func parse(
        _ bytes: [UInt8], at offset: Int, expecting number: Int?, maxDepth: Int,
        length: ((PDFObject) -> Int?)? = nil
    ) throws(PDFError) -> (PDFObject, Int)? {
        var lexer = PDFLexer(bytes, at: offset, maxDepth: maxDepth)
        lexer.references = false
        guard case .object(.int(let n)) = try lexer.next(), case .object(.int) = try lexer.next(),
            case .keyword(let r) = try lexer.next(), lexer.keyword(r, is: "obj")
        else { return nil }
        if let number, number != n { return nil }
        lexer.references = true
        let object = try lexer.object()
        guard case .dict(let dict) = object else { return (object, n) }
        // A stream follows its dictionary.
        let save = lexer.pos
        lexer.skipWhite()
        guard lexer.at("stream") else {
            lexer.pos = save
            return (object, n)
        }
        var start = lexer.pos + 6
        if start < bytes.count && bytes[start] == 0x0D { start += 1 }
        if start < bytes.count && bytes[start] == 0x0A { start += 1 }
        var end: Int? = nil
        if let declared = dict["Length"], let len = (length?(declared) ?? declared.int), len >= 0, len <= bytes.count - start {
            // Trust the length when "endstream" follows it.
            var check = PDFLexer(bytes, at: start + len)
            check.skipWhite()
            if check.at("endstream") { end = start + len }
        }
        if end == nil {
            guard let e = find("endstream", in: bytes, from: start) else {
                throw PDFError.truncated("流没有 endstream", "a stream has no endstream")
            }
            var stop = e
            if stop > start && bytes[stop - 1] == 0x0A { stop -= 1 }
            if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
            end = stop
        }
        return (.stream(PDFStream(dict: dict, data: start..<(end ?? start))), n)
    }

    static func find(_ word: StaticString, in bytes: [UInt8], from: Int, to: Int? = nil) -> Int? {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        let end = min(to ?? bytes.count, bytes.count)
        var i = max(0, from)
        while i + n <= end {
            if bytes[i] == w[0] {
                var k = 1
                while k < n && bytes[i + k] == w[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }
}

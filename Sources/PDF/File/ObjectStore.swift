/// The objects of one file, loaded on demand (a report needs its pages, fonts and content
/// streams, never its images or embedded font programs) and cached. References are followed
/// with loop detection; an object whose recorded offset is wrong is found by scanning the file.
final class ObjectStore {
    let bytes: [UInt8]
    let budget: WorkBudget
    private(set) var xref: CrossReference
    private var cache: [Int: PDFObject] = [:]
    private var loading = Set<Int>()
    private var objectStreams: [Int: ObjectStreamIndex] = [:]
    /// Object number → offset of every "N G obj" in the file; built when first needed.
    private var scanned: [Int: Int]?

    var trailer: PDFDict { xref.trailer }

    init(_ bytes: [UInt8], budget: WorkBudget) throws(PDFError) {
        self.bytes = bytes
        self.budget = budget
        let read: CrossReference?
        do {
            read = try CrossReference.read(bytes, budget: budget)
        } catch let e where e.kind == .encrypted || e.kind == .limitExceeded || e.kind == .unsupportedFilter {
            throw e
        } catch {
            read = nil
        }
        xref = read ?? CrossReference()
        if xref.trailer["Encrypt"] != nil { throw PDFError.encrypted }
        if read == nil || !hasCatalog() {
            try recover()
        }
    }

    private func hasCatalog() -> Bool {
        guard let root = try? resolve(xref.trailer["Root"] ?? .null), case .dict = root else { return false }
        return true
    }

    // MARK: recovery

    /// Rebuilds the cross-reference data from the objects found in the file, and the trailer
    /// from the last one written (or from the catalog).
    private func recover() throws(PDFError) {
        let found = scan()
        guard !found.isEmpty else {
            throw PDFError.malformed("不是有效的 PDF：文件中找不到任何对象", "not a valid PDF: no objects in the file")
        }
        if !Self.endsWithEOF(bytes) {
            throw PDFError.truncated("文件末尾缺少 %%EOF，交叉引用表不可用", "it lacks its final %%EOF and its cross-reference table")
        }
        var entries: [Int: XRefEntry] = [:]
        for (n, offset) in found { entries[n] = .inFile(offset: offset) }
        xref.entries = entries
        cache.removeAll()
        // Objects packed in object streams.
        for (n, offset) in found.sorted(by: { $0.key < $1.key }) where Self.mentions("/ObjStm", bytes, near: offset) {
            guard let index = try? objectStream(n) else { continue }
            for (member, _) in index.offsets where entries[member] == nil {
                xref.entries[member] = .compressed(stream: n, index: index.order[member] ?? 0)
            }
        }
        // The trailer: the last "trailer" dictionary with a /Root, else the catalog.
        var trailer: PDFDict? = nil
        var at = bytes.count
        while trailer == nil, let t = Self.findBackward("trailer", in: bytes, before: at) {
            var lexer = PDFLexer(bytes, at: t + 7)
            if case .dict(let d)? = try? lexer.object(), d["Root"] != nil { trailer = d }
            at = t
        }
        if let t = trailer, t["Encrypt"] != nil { throw PDFError.encrypted }
        if trailer == nil || !(trailer.map { t in (try? resolve(t["Root"] ?? .null))?.dict != nil } ?? false) {
            for n in xref.entries.keys.sorted() {
                if case .inFile(let offset) = xref.entries[n], !Self.mentions("/Catalog", bytes, near: offset) { continue }
                if let d = (try? object(n))?.dict, d.name("Type") == "Catalog" {
                    var t = PDFDict()
                    t.entries["Root"] = .ref(ObjectRef(number: n, generation: 0))
                    trailer = t
                    break
                }
            }
        }
        guard let t = trailer else {
            throw PDFError.malformed("PDF 结构损坏：找不到文档目录（Catalog）", "the PDF is damaged: no document catalog")
        }
        xref.trailer = t
    }

    static func endsWithEOF(_ bytes: [UInt8]) -> Bool {
        findBackward("%%EOF", in: bytes, before: bytes.count, within: 1024) != nil
    }

    /// Whether `word` occurs in the first bytes of the object at `offset` (its dictionary).
    static func mentions(_ word: StaticString, _ bytes: [UInt8], near offset: Int) -> Bool {
        IndirectObject.find(word, in: bytes, from: offset, to: min(bytes.count, offset + 1024)) != nil
    }

    static func findBackward(_ word: StaticString, in bytes: [UInt8], before: Int, within: Int = Int.max) -> Int? {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        var i = min(before, bytes.count) - n
        let lowest = within == Int.max ? 0 : max(0, bytes.count - within)
        while i >= lowest {
            if bytes[i] == w[0] {
                var k = 1
                while k < n && bytes[i + k] == w[k] { k += 1 }
                if k == n { return i }
            }
            i -= 1
        }
        return nil
    }

    /// Every "N G obj" header of the file (a later one replaces an earlier: incremental updates).
    private func scan() -> [Int: Int] {
        if let s = scanned { return s }
        var found: [Int: Int] = [:]
        let b = bytes
        let count = b.count
        var i = 0
        while i + 3 <= count {
            // "obj" as a word, not the end of "endobj".
            if b[i] == 0x6F, b[i + 1] == 0x62, b[i + 2] == 0x6A, i > 0, !ByteClass.isRegular(b[i - 1]),
                i + 3 == count || !ByteClass.isRegular(b[i + 3])
            {
                var j = i - 1
                while j >= 0 && ByteClass.isWhite(b[j]) { j -= 1 }
                let genEnd = j + 1
                while j >= 0 && ByteClass.isDigit(b[j]) { j -= 1 }
                if (1...5).contains(genEnd - (j + 1)) {
                    var k = j
                    while k >= 0 && ByteClass.isWhite(b[k]) { k -= 1 }
                    let numEnd = k + 1
                    while k >= 0 && ByteClass.isDigit(b[k]) { k -= 1 }
                    let numStart = k + 1
                    if numEnd > numStart, numEnd - numStart <= 10, numEnd < j + 1, k < 0 || !ByteClass.isRegular(b[k]) {
                        var n = 0
                        for d in numStart..<numEnd { n = n * 10 + Int(b[d] - 0x30) }
                        if n <= budget.limits.maxObjects { found[n] = numStart }
                    }
                }
                i += 3
                continue
            }
            i += 1
        }
        scanned = found
        return found
    }

    // MARK: objects

    /// Follows references (bounded, so a loop of references is an error rather than a hang).
    func resolve(_ object: PDFObject) throws(PDFError) -> PDFObject {
        var o = object
        var hops = 0
        while case .ref(let r) = o {
            hops += 1
            if hops > 32 { throw PDFError.malformed("对象引用形成循环", "object references form a loop") }
            o = try self.object(r.number)
        }
        return o
    }

    func resolve(_ object: PDFObject?) throws(PDFError) -> PDFObject {
        guard let object else { return .null }
        return try resolve(object)
    }

    func dict(_ object: PDFObject?) throws(PDFError) -> PDFDict? { try resolve(object).dict }

    /// Object `n` (null when it does not exist, as the standard says).
    func object(_ n: Int) throws(PDFError) -> PDFObject {
        if let o = cache[n] { return o }
        guard loading.count < budget.limits.maxDepth else {
            throw PDFError.limit("对象相互引用的深度 / depth of objects loading one another", budget.limits.maxDepth)
        }
        guard loading.insert(n).inserted else {
            throw PDFError.malformed("对象 \(n) 引用了自身（循环引用）", "object \(n) refers to itself (a reference loop)")
        }
        defer { loading.remove(n) }
        var result: PDFObject = .null
        switch xref.entries[n] {
        case .inFile(let offset)?:
            if let o = try load(n, at: offset) {
                result = o
            } else if let o = try loadScanned(n) {
                result = o
            }
        case .compressed(let stream, let index)?:
            result = try compressed(n, stream: stream, index: index)
        case .free?:
            break
        case nil:
            if let o = try loadScanned(n) { result = o }
        }
        cache[n] = result
        return result
    }

    private func load(_ n: Int, at offset: Int) throws(PDFError) -> PDFObject? {
        guard offset >= 0, offset < bytes.count else { return nil }
        let parsed = try IndirectObject.parse(bytes, at: offset, expecting: n, maxDepth: budget.limits.maxDepth) { [unowned self] length in
            (try? self.resolve(length))?.int
        }
        return parsed?.0
    }

    private func loadScanned(_ n: Int) throws(PDFError) -> PDFObject? {
        guard let offset = scan()[n] else { return nil }
        return try load(n, at: offset)
    }

    // MARK: object streams

    struct ObjectStreamIndex {
        var data: [UInt8]
        var offsets: [Int: Int]
        var order: [Int: Int]
        var byIndex: [Int]
    }

    private func objectStream(_ n: Int) throws(PDFError) -> ObjectStreamIndex {
        if let s = objectStreams[n] { return s }
        guard case .stream(let s) = try object(n), s.dict.name("Type") == "ObjStm" else {
            throw PDFError.malformed("对象流 \(n) 不存在或已损坏", "object stream \(n) is missing or damaged")
        }
        let data = try streamData(s)
        let count = max(0, min(try resolve(s.dict["N"]).int ?? 0, 1_000_000))
        let first = try resolve(s.dict["First"]).int ?? 0
        guard first >= 0, first <= data.count else { throw PDFError.malformed("对象流 \(n) 已损坏", "object stream \(n) is damaged") }
        var lexer = PDFLexer(data, end: first)
        lexer.references = false
        var index = ObjectStreamIndex(data: data, offsets: [:], order: [:], byIndex: [])
        for k in 0..<count {
            guard case .object(.int(let member)) = try lexer.next(), case .object(.int(let offset)) = try lexer.next() else { break }
            guard offset >= 0, offset <= data.count - first else { continue }
            if index.offsets[member] == nil {
                index.offsets[member] = first + offset
                index.order[member] = k
            }
            index.byIndex.append(first + offset)
        }
        objectStreams[n] = index
        return index
    }

    private func compressed(_ n: Int, stream: Int, index: Int) throws(PDFError) -> PDFObject {
        guard stream != n else { throw PDFError.malformed("对象流包含自身", "an object stream contains itself") }
        let s = try objectStream(stream)
        let offset = s.offsets[n] ?? (index >= 0 && index < s.byIndex.count ? s.byIndex[index] : -1)
        guard offset >= 0 else { return .null }
        var lexer = PDFLexer(s.data, at: offset, maxDepth: budget.limits.maxDepth)
        return (try? lexer.object()) ?? .null
    }

    // MARK: streams

    /// The decoded data of a stream.
    func streamData(_ s: PDFStream) throws(PDFError) -> [UInt8] {
        let raw = bytes[s.data.clamped(to: 0..<bytes.count)]
        return try StreamDecoder.decode(
            raw, dict: s.dict, resolve: { [unowned self] (o: PDFObject) throws(PDFError) -> PDFObject in try self.resolve(o) },
            budget: budget)
    }
}

import Model

/// The namespaces reportlint reads; every other element is traversed but not interpreted.
enum XNamespace: Sendable {
    case word, chart, markupCompatibility, packageRelationships, spreadsheet, other

    init(uri: ArraySlice<UInt8>) {
        switch String(decoding: uri, as: UTF8.self) {
        case "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            "http://purl.oclc.org/ooxml/wordprocessingml/main":
            self = .word
        case "http://schemas.openxmlformats.org/drawingml/2006/chart",
            "http://purl.oclc.org/ooxml/drawingml/chart":
            self = .chart
        case "http://schemas.openxmlformats.org/markup-compatibility/2006": self = .markupCompatibility
        case "http://schemas.openxmlformats.org/package/2006/relationships": self = .packageRelationships
        case "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main":
            self = .spreadsheet
        default: self = .other
        }
    }
}

/// The attributes of one start tag, read on demand by local name ("w:val" and "val" are
/// both found as "val"): most elements' attributes are never asked for.
struct XAttributes {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let range: Range<Int>

    subscript(_ local: String) -> String? {
        let want = Array(local.utf8)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end && XMLScanner.isSpace(bytes[i]) { i += 1 }
            let nameStart = i
            while i < end && bytes[i] != 0x3D && !XMLScanner.isSpace(bytes[i]) { i += 1 } // =
            let nameEnd = i
            while i < end && bytes[i] != 0x22 && bytes[i] != 0x27 { i += 1 } // " '
            guard i < end else { return nil }
            let quote = bytes[i]
            let valueStart = i + 1
            i = valueStart
            while i < end && bytes[i] != quote { i += 1 }
            let valueEnd = min(i, end)
            i += 1
            var localStart = nameStart
            for k in nameStart..<nameEnd where bytes[k] == 0x3A { localStart = k + 1 } // :
            if nameEnd - localStart == want.count && zip(bytes[localStart..<nameEnd], want).allSatisfy({ $0 == $1 }) {
                return XMLScanner.decode(bytes, valueStart..<valueEnd)
            }
        }
        return nil
    }
}

/// Receives the events of one XML part.
protocol XMLPartHandler: AnyObject {
    func start(_ ns: XNamespace, _ local: String, _ attributes: XAttributes)
    func end(_ ns: XNamespace, _ local: String)
    /// Only asked when `wantsText` is true, so whitespace between tags costs nothing.
    func text(_ s: String)
    var wantsText: Bool { get }
    /// True once the handler's work budget is exhausted: the scan stops at the next tag
    /// (the caller throws the budget's failure).
    var isStopped: Bool { get }
}

extension XMLPartHandler {
    var wantsText: Bool { false }
    var isStopped: Bool { false }
}

/// Reads the XML of one package part. OOXML parts are plain XML: elements, attributes,
/// namespaces, character references and the five predefined entities. Anything a hostile
/// file could use against a general parser is refused: a DTD (and with it entity
/// declarations, the billion-laughs attack and external entities), unknown entities,
/// nesting deeper than `maxDepth`. Malformed markup is an input error, never a trap.
///
/// FoundationXML's XMLParser was the first choice; measured on the corpus it read 22–32 MB/s,
/// which made a .docx cost 2.4× its exported text. This scanner does only what these parts
/// need, on bytes, without building a dictionary per element.
enum XMLPart {
    static let maxDepth = 256

    static func parse(_ bytes: [UInt8], part: String, into handler: XMLPartHandler) throws(InputError) {
        let outcome = bytes.withUnsafeBufferPointer { buffer -> XMLScanner.Failure? in
            var scanner = XMLScanner(bytes: buffer, handler: handler)
            return scanner.run()
        }
        switch outcome {
        case nil: return
        case .doctype?:
            throw InputError(
                .unsafe,
                LocalizedText(
                    zh: "\(part) 含有文档类型声明（DTD/实体），Word 文档不会有，为安全起见拒绝读取",
                    en: "\(part) declares a DTD or entities, which Word never writes; refused for safety"))
        case .tooDeep?:
            throw InputError(
                .unsafe,
                LocalizedText(
                    zh: "\(part) 的元素嵌套超过 \(maxDepth) 层，拒绝读取",
                    en: "\(part) nests elements more than \(maxDepth) deep; refused"))
        case .malformed(let offset)?:
            throw InputError(
                .corrupt,
                LocalizedText(
                    zh: "\(part) 不是格式正确的 XML（第 \(offset) 字节附近）",
                    en: "\(part) is not well-formed XML (near byte \(offset))"))
        case .mismatchedEndTag(let offset, let open, let close)?:
            throw InputError(
                .corrupt,
                LocalizedText(
                    zh: "\(part) 不是格式正确的 XML：第 \(offset) 字节的结束标签 </\(close)> 与开始标签 <\(open)> 不符",
                    en: "\(part) is not well-formed XML: the end tag </\(close)> at byte \(offset) does not match the start tag <\(open)>"))
        case .stopped?:
            return
        }
    }
}

struct XMLScanner {
    enum Failure: Error {
        case doctype
        case tooDeep
        case malformed(Int)
        case mismatchedEndTag(Int, open: String, close: String)
        /// The handler asked to stop (its budget is exhausted).
        case stopped
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let handler: XMLPartHandler
    var i = 0
    /// Open elements: their namespace, local name, qualified name (where it is in the part),
    /// and how many prefix bindings they added.
    var open: [(ns: XNamespace, local: String, qualified: Range<Int>, bindings: Int)] = []
    /// Prefix bindings in scope, innermost last ("" is the default namespace).
    var bindings: [(prefix: ArraySlice<UInt8>, ns: XNamespace)] = []
    var sawRoot = false

    init(bytes: UnsafeBufferPointer<UInt8>, handler: XMLPartHandler) {
        self.bytes = bytes
        self.handler = handler
    }

    mutating func run() -> Failure? {
        do {
            try scan()
            return nil
        } catch {
            return error
        }
    }

    mutating func scan() throws(Failure) {
        let n = bytes.count
        while i < n {
            if bytes[i] != 0x3C { // text up to the next <
                let start = i
                while i < n && bytes[i] != 0x3C { i += 1 }
                if handler.wantsText && !open.isEmpty {
                    guard let s = XMLScanner.decodeText(bytes, start..<i) else { throw .malformed(start) }
                    handler.text(s)
                    if handler.isStopped { throw .stopped }
                }
                continue
            }
            guard i + 1 < n else { throw .malformed(i) }
            switch bytes[i + 1] {
            case 0x3F: try skip(past: [0x3F, 0x3E]) // <? … ?>
            case 0x21: // <!
                if matches("<!--") {
                    try skip(past: [0x2D, 0x2D, 0x3E])
                } else if matches("<![CDATA[") {
                    let start = i + 9
                    try skip(past: [0x5D, 0x5D, 0x3E])
                    if handler.wantsText && !open.isEmpty { handler.text(String(decoding: bytes[start..<(i - 3)], as: UTF8.self)) }
                } else {
                    throw .doctype
                } // <!DOCTYPE, <!ENTITY …
            case 0x2F: try endTag()
            default: try startTag()
            }
        }
        guard open.isEmpty, sawRoot else { throw .malformed(i) }
    }

    func matches(_ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        return s.withUTF8Buffer { word in (0..<count).allSatisfy { bytes[i + $0] == word[$0] } }
    }

    mutating func skip(past terminator: [UInt8]) throws(Failure) {
        let n = bytes.count
        var k = i + 2
        while k + terminator.count <= n {
            if bytes[k] == terminator[0] && (1..<terminator.count).allSatisfy({ bytes[k + $0] == terminator[$0] }) {
                i = k + terminator.count
                return
            }
            k += 1
        }
        throw .malformed(i)
    }

    mutating func startTag() throws(Failure) {
        let n = bytes.count
        let nameStart = i + 1
        var k = nameStart
        while k < n && !XMLScanner.isSpace(bytes[k]) && bytes[k] != 0x3E && bytes[k] != 0x2F { k += 1 }
        let nameEnd = k
        guard nameEnd > nameStart else { throw .malformed(i) }
        // Attributes run to the closing > (quoted values may hold > and /).
        let attrStart = k
        var quote: UInt8 = 0
        while k < n {
            let b = bytes[k]
            if quote != 0 { if b == quote { quote = 0 } } else if b == 0x22 || b == 0x27 { quote = b } else if b == 0x3E { break }
            k += 1
        }
        guard k < n else { throw .malformed(i) }
        let selfClosing = bytes[k - 1] == 0x2F
        let attrEnd = selfClosing ? k - 1 : k
        i = k + 1
        guard open.count < XMLPart.maxDepth else { throw .tooDeep }
        if open.isEmpty && sawRoot { throw .malformed(nameStart) }
        sawRoot = true
        let added = declareNamespaces(attrStart..<attrEnd)
        let (ns, local) = resolve(nameStart..<nameEnd)
        handler.start(ns, local, XAttributes(bytes: bytes, range: attrStart..<attrEnd))
        if selfClosing {
            handler.end(ns, local)
            bindings.removeLast(added)
        } else {
            open.append((ns, local, nameStart..<nameEnd, added))
        }
        if handler.isStopped { throw .stopped }
    }

    mutating func endTag() throws(Failure) {
        let n = bytes.count
        var k = i + 2
        while k < n && bytes[k] != 0x3E { k += 1 }
        guard k < n, let top = open.popLast() else { throw .malformed(i) }
        var nameEnd = k
        while nameEnd > i + 2 && XMLScanner.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
        // Well-formedness: the end tag repeats the start tag's qualified name, prefix included
        // (</x:tc> does not close <w:tc>, even if x and w were bound to one namespace).
        let name = (i + 2)..<nameEnd
        guard bytes[name].elementsEqual(bytes[top.qualified]) else {
            throw .mismatchedEndTag(i, open: XMLScanner.shown(bytes, top.qualified), close: XMLScanner.shown(bytes, name))
        }
        let (ns, local) = resolve(name)
        i = k + 1
        handler.end(ns, local)
        bindings.removeLast(top.bindings)
    }

    /// Binds the tag's xmlns and xmlns:p attributes; returns how many were added.
    mutating func declareNamespaces(_ r: Range<Int>) -> Int {
        var added = 0
        var k = r.lowerBound
        while k + 5 < r.upperBound {
            // " xmlns" preceded by white space.
            if XMLScanner.isSpace(bytes[k]) && bytes[k + 1] == 0x78 && bytes[k + 2] == 0x6D && bytes[k + 3] == 0x6C
                && bytes[k + 4] == 0x6E && bytes[k + 5] == 0x73
            {
                var p = k + 6
                var prefix: ArraySlice<UInt8> = []
                if p < r.upperBound && bytes[p] == 0x3A {
                    let s = p + 1
                    while p < r.upperBound && bytes[p] != 0x3D && !XMLScanner.isSpace(bytes[p]) { p += 1 }
                    prefix = ArraySlice(bytes[s..<p])
                }
                while p < r.upperBound && bytes[p] != 0x22 && bytes[p] != 0x27 { p += 1 }
                guard p < r.upperBound else { break }
                let quote = bytes[p]
                let v = p + 1
                var e = v
                while e < r.upperBound && bytes[e] != quote { e += 1 }
                bindings.append((prefix, XNamespace(uri: ArraySlice(bytes[v..<min(e, r.upperBound)]))))
                added += 1
                k = e
            }
            k += 1
        }
        return added
    }

    func resolve(_ r: Range<Int>) -> (XNamespace, String) {
        var colon = -1
        for k in r where bytes[k] == 0x3A {
            colon = k
            break
        }
        let prefix = colon < 0 ? bytes[r.lowerBound..<r.lowerBound] : bytes[r.lowerBound..<colon]
        let local = String(decoding: bytes[(colon < 0 ? r.lowerBound : colon + 1)..<r.upperBound], as: UTF8.self)
        for b in bindings.reversed() where b.prefix.elementsEqual(prefix) { return (b.ns, local) }
        return (.other, local)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// A tag name for a message: at most 40 bytes of it.
    static func shown(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: bytes[r.lowerBound..<min(r.upperBound, r.lowerBound + 40)], as: UTF8.self)
    }

    /// Attribute values: entities decoded; a malformed one is kept as written.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        decodeText(bytes, r) ?? String(decoding: bytes[r], as: UTF8.self)
    }

    /// Character data with the predefined entities and character references decoded;
    /// nil for an entity no DTD could have declared (there is none).
    static func decodeText(_ bytes: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String? {
        guard bytes[r].contains(0x26) else { return String(decoding: bytes[r], as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var k = r.lowerBound
        var plain = k
        func flush(_ upTo: Int) { out.append(contentsOf: String(decoding: bytes[plain..<upTo], as: UTF8.self).unicodeScalars) }
        while k < r.upperBound {
            guard bytes[k] == 0x26 else {
                k += 1
                continue
            }
            flush(k)
            var e = k + 1
            while e < r.upperBound && bytes[e] != 0x3B && e - k < 12 { e += 1 }
            guard e < r.upperBound, bytes[e] == 0x3B else { return nil }
            let name = String(decoding: bytes[(k + 1)..<e], as: UTF8.self)
            switch name {
            case "lt": out.append("<")
            case "gt": out.append(">")
            case "amp": out.append("&")
            case "quot": out.append("\"")
            case "apos": out.append("'")
            default:
                let scalar: UInt32?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst())
                } else {
                    return nil
                }
                guard let v = scalar, let u = Unicode.Scalar(v) else { return nil }
                out.append(u)
            }
            k = e + 1
            plain = k
        }
        flush(r.upperBound)
        return String(out)
    }
}

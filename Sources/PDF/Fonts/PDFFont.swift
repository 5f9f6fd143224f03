/// What the text operators need of a font: how a string splits into codes, each code's
/// Unicode text and its advance width. Glyph outlines and bounding boxes are never read
/// (positions come from baselines and the font size; one exporter writes broken metrics).
final class PDFFont {
    let codespace: Codespace
    let isComposite: Bool
    /// Fonts with a heavy face (bold, black, a heading face such as 黑体): a heading hint.
    let bold: Bool
    private let toUnicode: UnicodeMap
    /// Simple fonts: Unicode per code from the encoding and its Differences.
    private let encoding: [UInt32]
    private let predefined: PredefinedCMap
    private let legacy: LegacyCodeDecoder?
    /// Composite fonts with an embedded encoding CMap: code → CID.
    private let cids: [UInt32: UInt32]
    /// Widths in glyph units, by code (simple fonts, from `firstCode`) or by CID.
    private let widths: [Float]
    private let firstCode: Int
    private let defaultWidth: Float
    /// Glyph units to text space (1/1000, or a Type 3 font's matrix).
    let widthScale: Double
    /// The font's em in text space, relative to 1/1000 units (Type 3 fonts may differ).
    let sizeScale: Double

    init(_ dict: PDFDict, store: ObjectStore) throws(PDFError) {
        let subtype = dict.name("Subtype") ?? "Type1"
        let baseName = dict.name("BaseFont") ?? ""
        var descriptor = try store.dict(dict["FontDescriptor"])
        var map = UnicodeMap()
        var space: Codespace? = nil
        if case .stream(let s) = try store.resolve(dict["ToUnicode"]), let data = try? store.streamData(s),
            let cmap = try? CMapFile.parse(data)
        {
            try store.budget.spendFontEntries(cmap.unicode.count)
            map = UnicodeMap(cmap.unicode)
            space = cmap.codespace
        }
        toUnicode = map
        if subtype == "Type0" {
            isComposite = true
            let descendant = try store.dict(try store.resolve(dict["DescendantFonts"]).array?.first) ?? PDFDict()
            if descriptor == nil { descriptor = try store.dict(descendant["FontDescriptor"]) }
            var cidMap: [UInt32: UInt32] = [:]
            switch try store.resolve(dict["Encoding"]) {
            case .name(let n):
                predefined = PredefinedCMap(name: n)
                codespace = predefined.codespace
            case .stream(let s):
                let cmap = (try? CMapFile.parse(try store.streamData(s))) ?? CMapFile()
                try store.budget.spendFontEntries(cmap.cids.count)
                let parent = cmap.useCMap.map(PredefinedCMap.init(name:)) ?? .unknown
                predefined = cmap.cids.isEmpty ? parent : .unknown
                codespace = cmap.codespace ?? parent.codespace
                for (c, cid) in cmap.cids { cidMap[c] = cid }
            default:
                predefined = .identity
                codespace = space ?? .twoBytes
            }
            cids = cidMap
            if case .multiByte(let enc) = predefined { legacy = LegacyCodeDecoder(encoding: enc) } else { legacy = nil }
            encoding = []
            defaultWidth = Float(try store.resolve(descendant["DW"]).number ?? 1000)
            widths = try Self.cidWidths(try store.resolve(descendant["W"]).array ?? [], defaultWidth: defaultWidth, store: store)
            firstCode = 0
            widthScale = 0.001
            sizeScale = 1
        } else {
            isComposite = false
            predefined = .unknown
            legacy = nil
            cids = [:]
            codespace = .oneByte
            var table = subtype == "TrueType" ? SimpleEncoding.winAnsi : SimpleEncoding.standard
            var differences: [PDFObject] = []
            switch try store.resolve(dict["Encoding"]) {
            case .name(let n): if let t = SimpleEncoding.table(named: n) { table = t }
            case .dict(let e):
                if let t = SimpleEncoding.table(named: e.name("BaseEncoding")) { table = t }
                differences = try store.resolve(e["Differences"]).array ?? []
            default: break
            }
            var code = 0
            for item in differences {
                switch try store.resolve(item) {
                case .int(let c): code = c
                case .real(let c): code = Int(c)
                case .name(let n):
                    if code >= 0 && code < 256 { table[code] = SimpleEncoding.scalars(forGlyph: n).map { $0.count == 1 ? $0[0] : 0 } ?? 0 }
                    code += 1
                default: break
                }
            }
            encoding = table
            var first = max(0, min(255, try store.resolve(dict["FirstChar"]).int ?? 0))
            var w: [Float] = []
            for o in (try store.resolve(dict["Widths"]).array ?? []).prefix(256) {
                w.append(Float(try store.resolve(o).number ?? 0))
            }
            let missing = try store.resolve(descriptor?["MissingWidth"]).number
            defaultWidth = Float(missing ?? 500)
            if w.isEmpty && missing == nil {
                // A standard font named without widths: its family's typical widths, so that
                // the glyphs of one string do not drift into the next column.
                w = (0..<256).map { Self.standardWidth(UInt8($0), family: baseName) }
                first = 0
            }
            widths = w
            firstCode = first
            if subtype == "Type3", let m = try store.resolve(dict["FontMatrix"]).array, m.count == 6,
                let a = try store.resolve(m[0]).number, let d = try store.resolve(m[3]).number, a != 0, abs(a) < 1e3, abs(d) < 1e3
            {
                widthScale = a
                sizeScale = abs(d) * 1000
            } else {
                widthScale = 0.001
                sizeScale = 1
            }
        }
        let weight = try store.resolve(descriptor?["FontWeight"]).number ?? 0
        let flags = try store.resolve(descriptor?["Flags"]).int ?? 0
        bold = weight >= 600 || flags & (1 << 18) != 0 || Self.heavyName(baseName)
    }

    /// Approximate widths of the standard 14 fonts, by family: enough to place the glyphs of a
    /// string where they print.
    static func standardWidth(_ c: UInt8, family: String) -> Float {
        if family.contains("Courier") { return 600 }
        let times = family.contains("Times")
        switch c {
        case 0x20: return times ? 250 : 278
        case 0x30...0x39: return times ? 500 : 556
        case 0x41...0x5A: return times ? 667 : 667
        case 0x61...0x7A: return times ? 460 : 520
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return times ? 300 : 300
        default: return 500
        }
    }

    static func heavyName(_ name: String) -> Bool {
        for word in ["Bold", "bold", "BOLD", "Black", "Heavy", "Semibold", "Demi", "Hei", "XBS", "XiaoBiaoSong"] where name.contains(word) {
            return true
        }
        return false
    }

    /// /W: "c [w1 w2 …]" and "cFirst cLast w", into a flat table by CID (CIDs past 0xFFFF
    /// ignored). Every width filled counts against the font budget, so a hostile array of huge
    /// ranges ends in an error, not in billions of writes.
    private static func cidWidths(_ w: [PDFObject], defaultWidth: Float, store: ObjectStore) throws(PDFError) -> [Float] {
        // (first CID, last CID, width) for ranges; (first CID, widths) for lists.
        var ranges: [(Int, Int, Float)] = []
        var lists: [(Int, [Float])] = []
        var top = -1
        var i = 0
        while i < w.count {
            guard let first = try store.resolve(w[i]).int, first >= 0, first <= 0xFFFF else {
                i += 1
                continue
            }
            if i + 1 < w.count, let list = try store.resolve(w[i + 1]).array {
                try store.budget.spendFontEntries(list.count)
                var widths: [Float] = []
                for o in list.prefix(0x10000 - first) { widths.append(Float(try store.resolve(o).number ?? Double(defaultWidth))) }
                if !widths.isEmpty {
                    lists.append((first, widths))
                    top = max(top, first + widths.count - 1)
                }
                i += 2
            } else if i + 2 < w.count, let last = try store.resolve(w[i + 1]).int, let v = try store.resolve(w[i + 2]).number {
                let end = min(last, 0xFFFF)
                if first <= end {
                    try store.budget.spendFontEntries(end - first + 1)
                    ranges.append((first, end, Float(v)))
                    top = max(top, end)
                }
                i += 3
            } else {
                i += 1
            }
        }
        guard top >= 0 else { return [] }
        var table = [Float](repeating: defaultWidth, count: top + 1)
        table.withUnsafeMutableBufferPointer { t in
            for (a, b, v) in ranges { UnsafeMutableBufferPointer(rebasing: t[a...b]).update(repeating: v) }
            for (a, widths) in lists { for (k, v) in widths.enumerated() { t[a + k] = v } }
        }
        return table
    }

    /// Glyph-space width of a code (of `length` bytes).
    @inline(__always) func width(_ code: UInt32, length: Int) -> Double {
        if isComposite {
            var cid: UInt32
            switch predefined {
            case .identity: cid = code
            case .unknown: cid = cids[code] ?? code
            default:
                // Legacy and Unicode CMaps: the CIDs are not known; full width for two-byte codes.
                return Double(length == 1 ? defaultWidth / 2 : defaultWidth)
            }
            if !cids.isEmpty, let c = cids[code] { cid = c }
            return Double(cid < UInt32(widths.count) ? widths[Int(cid)] : defaultWidth)
        }
        let k = Int(code) - firstCode
        return Double(k >= 0 && k < widths.count ? widths[k] : defaultWidth)
    }

    /// Appends the Unicode text of a code; false when the font gives it none.
    @inline(__always) func text(_ code: UInt32, length: Int, into out: inout [UInt32]) -> Bool {
        if toUnicode.append(code, to: &out) { return true }
        if !isComposite {
            let u = code < 256 ? encoding[Int(code)] : 0
            if u != 0 {
                out.append(u)
                return true
            }
            return false
        }
        switch predefined {
        case .ucs2:
            if SimpleEncoding.isScalar(code), code != 0, code <= 0xFFFF {
                out.append(code)
                return true
            }
        case .utf16:
            if length == 4 {
                let hi = code >> 16
                let lo = code & 0xFFFF
                guard (0xD800...0xDBFF).contains(hi), (0xDC00...0xDFFF).contains(lo) else { return false }
                out.append(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                return true
            }
            if SimpleEncoding.isScalar(code), code != 0 {
                out.append(code)
                return true
            }
        case .multiByte:
            if let s = legacy?.scalar(code, length: length), s != 0 {
                out.append(s)
                return true
            }
        default:
            break
        }
        return false
    }
}

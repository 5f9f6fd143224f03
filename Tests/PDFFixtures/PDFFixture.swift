import CZlib

// Test fixtures shared by PDFTests and CLITests: PDFs written in a few lines, hostile ones
// included, so no binary fixture is committed and no corpus text is copied.

/// The fonts a fixture page can use.
public enum FixtureFont: String, CaseIterable, Sendable {
    /// A composite font (Identity-H, two-byte codes) with a ToUnicode map using bfchar and both
    /// forms of bfrange, and /W widths in both forms.
    case cid = "F1"
    /// A simple TrueType font with WinAnsiEncoding, /Widths, and a /Differences entry that
    /// turns code 0x80 into "bullet".
    case winAnsi = "F2"
    /// A composite font with the predefined GBK-EUC-H CMap and no ToUnicode.
    case gbk = "F3"
    /// A composite font with the predefined UniGB-UCS2-H CMap and no ToUnicode.
    case ucs2 = "F4"
    /// The composite font again, under a bold face name.
    case cidBold = "F5"
}

/// One page: its size and content, built with the helpers below.
public struct FixturePage: Sendable {
    public enum Op: Sendable {
        case raw(String)
        case text(String, x: Double, y: Double, size: Double, font: FixtureFont)
        /// Text shown with TJ, the pieces separated by a gap in thousandths of an em.
        case spaced([String], gap: Double, x: Double, y: Double, size: Double, font: FixtureFont)
        case image
        case form(String)
    }

    public var width: Double
    public var height: Double
    /// /Rotate: degrees the page is turned clockwise when displayed.
    public var rotate = 0
    public var ops: [Op] = []

    public init(width: Double = 595, height: Double = 842) {
        self.width = width
        self.height = height
    }

    public mutating func text(_ s: String, x: Double, y: Double, size: Double = 12, font: FixtureFont = .cid) {
        ops.append(.text(s, x: x, y: y, size: size, font: font))
    }

    public mutating func raw(_ s: String) { ops.append(.raw(s)) }

    /// A stroked line.
    public mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        raw("0 0 0 RG 0.5 w \(n(x0)) \(n(y0)) m \(n(x1)) \(n(y1)) l S")
    }

    /// A thin filled rectangle (how Word draws table borders).
    public mutating func bar(_ x: Double, _ y: Double, _ w: Double, _ h: Double) {
        raw("0 g \(n(x)) \(n(y)) \(n(w)) \(n(h)) re f*")
    }

    /// Lines of text at a fixed leading: the first indented by `indent` points.
    public mutating func lines(_ lines: [String], x: Double, top: Double, leading: Double = 20, size: Double = 12, indent: Double = 24) {
        for (k, l) in lines.enumerated() {
            text(l, x: x + (k == 0 ? indent : 0), y: top - Double(k) * leading, size: size)
        }
    }

    /// A ruled table: `columns` and `rows` are the cell widths and heights from the top-left
    /// corner; `cells[r][c]` is the text of each cell (nil: covered by a merge); `merges` lists
    /// (row, column, rowSpan, columnSpan) whose inner rules are not drawn. `wrap` splits a cell's
    /// text into lines of at most that many characters. Borders are stroked, or filled bars.
    public mutating func table(
        x: Double, top: Double, columns: [Double], rows: [Double], cells: [[String?]],
        merges: [(Int, Int, Int, Int)] = [], size: Double = 10, wrap: Int = 100, bars: Bool = false
    ) {
        let xs = columns.reduce(into: [x]) { $0.append($0.last! + $1) }
        let ys = rows.reduce(into: [top]) { $0.append($0.last! - $1) }
        func merged(_ r: Int, _ c: Int) -> (Int, Int, Int, Int)? {
            merges.first { r >= $0.0 && r < $0.0 + $0.2 && c >= $0.1 && c < $0.1 + $0.3 }
        }
        func draw(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
            if bars {
                if y0 == y1 { bar(x0, y0 - 0.25, x1 - x0, 0.5) } else { bar(x0 - 0.25, min(y0, y1), 0.5, abs(y1 - y0)) }
            } else {
                line(x0, y0, x1, y1)
            }
        }
        // Horizontal rules, cell by cell, skipped inside a merge.
        for r in 0...rows.count {
            for c in 0..<columns.count {
                if r > 0 && r < rows.count, let m = merged(r, c), m.0 < r { continue }
                draw(xs[c], ys[r], xs[c + 1], ys[r])
            }
        }
        for c in 0...columns.count {
            for r in 0..<rows.count {
                if c > 0 && c < columns.count, let m = merged(r, c), m.1 < c { continue }
                draw(xs[c], ys[r], xs[c], ys[r + 1])
            }
        }
        for (r, row) in cells.enumerated() {
            for (c, cell) in row.enumerated() {
                guard let cell, !cell.isEmpty else { continue }
                let m = merged(r, c) ?? (r, c, 1, 1)
                let bottom = ys[m.0 + m.2]
                let chars = Array(cell)
                var pieces: [String] = []
                var k = 0
                while k < chars.count {
                    pieces.append(String(chars[k..<min(chars.count, k + wrap)]))
                    k += wrap
                }
                let height = Double(pieces.count) * size * 1.3
                let cellTop = ys[m.0]
                var y = bottom + ((cellTop - bottom) + height) / 2 - size
                for p in pieces {
                    text(p, x: xs[m.1] + 3, y: y, size: size)
                    y -= size * 1.3
                }
            }
        }
    }

    func n(_ v: Double) -> String { PDFFixture.number(v) }
}

/// Writes a PDF: pages with the fixture fonts, a classic xref table or an xref stream (with a
/// PNG predictor) and object streams, optionally an incremental update, damage or encryption.
public struct PDFFixture: Sendable {
    public var pages: [FixturePage]
    public var compress = true
    public var xrefStream = false
    public var objectStreams = false
    /// Adds an /Encrypt dictionary to the trailer.
    public var encrypted = false
    /// Appends an update that replaces the first page's content with this text.
    public var update: String?
    /// Shifts every offset the xref table gives (a damaged table: the reader must scan).
    public var shiftOffsets = 0
    /// Form XObjects by name: their content.
    public var forms: [String: String] = [:]

    public init(pages: [FixturePage]) { self.pages = pages }

    public init(_ page: FixturePage) { self.pages = [page] }

    static func number(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format2(v))
    }

    static func format2(_ v: Double) -> String {
        let scaled = Int((v * 100).rounded())
        let sign = scaled < 0 ? "-" : ""
        let a = abs(scaled)
        return "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
    }

    // MARK: fonts

    /// Codes of the composite font: printable ASCII at 0x0100 + (c − 0x20), other characters from
    /// 0x1000 in order of first use.
    struct CIDCodes {
        var codes: [Unicode.Scalar: Int] = [:]
        var order: [Unicode.Scalar] = []

        mutating func code(_ s: Unicode.Scalar) -> Int {
            if s.value >= 0x20 && s.value < 0x7F { return 0x100 + Int(s.value) - 0x20 }
            if let c = codes[s] { return c }
            let c = 0x1000 + order.count
            codes[s] = c
            order.append(s)
            return c
        }
    }

    static func hex(_ v: Int, _ digits: Int = 4) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }

    static func utf16Hex(_ s: Unicode.Scalar) -> String {
        String(s).utf16.map { hex(Int($0)) }.joined()
    }

    func toUnicode(_ codes: CIDCodes) -> String {
        var out = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Fixture-UCS def /CMapType 2 def\n"
        out += "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        // ASCII: one bfrange of the base form.
        out += "1 beginbfrange <0100> <015E> <0020> endbfrange\n"
        let half = codes.order.count / 2
        let chars = codes.order.prefix(half)
        if !chars.isEmpty {
            out += "\(chars.count) beginbfchar\n"
            for s in chars { out += "<\(Self.hex(codes.codes[s]!))> <\(Self.utf16Hex(s))>\n" }
            out += "endbfchar\n"
        }
        let rest = Array(codes.order.dropFirst(half))
        if !rest.isEmpty {
            // The array form of bfrange, 50 codes at a time.
            var k = 0
            var ranges: [String] = []
            while k < rest.count {
                let group = rest[k..<min(rest.count, k + 50)]
                let lo = codes.codes[group.first!]!
                let hi = codes.codes[group.last!]!
                ranges.append("<\(Self.hex(lo))> <\(Self.hex(hi))> [" + group.map { "<\(Self.utf16Hex($0))>" }.joined(separator: " ") + "]")
                k += 50
            }
            out += "\(ranges.count) beginbfrange\n" + ranges.joined(separator: "\n") + "\nendbfrange\n"
        }
        out += "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        return out
    }

    // MARK: content

    func encode(_ s: String, _ font: FixtureFont, _ codes: inout CIDCodes) -> String {
        switch font {
        case .cid, .cidBold:
            return "<" + s.unicodeScalars.map { Self.hex(codes.code($0)) }.joined() + ">"
        case .winAnsi:
            var out = "("
            for u in s.unicodeScalars {
                switch u {
                case "(", ")", "\\": out += "\\" + String(u)
                case "\u{2022}": out += "\\200"
                default: out += u.value < 0x80 ? String(u) : "?"
                }
            }
            return out + ")"
        case .gbk:
            return "<" + s.unicodeScalars.map { Self.gbk[$0] ?? (($0.value < 0x80) ? Self.hex(Int($0.value), 2) : "3F") }.joined() + ">"
        case .ucs2:
            return "<" + s.unicodeScalars.map { Self.hex(Int($0.value)) }.joined() + ">"
        }
    }

    /// A few GBK codes, enough for the tests of the predefined CMap.
    public static let gbk: [Unicode.Scalar: String] = ["预": "D4A4", "算": "CBE3", "表": "B1ED", "中": "D6D0", "文": "CEC4", "决": "BEF6"]

    func content(_ page: FixturePage, _ codes: inout CIDCodes) -> String {
        var out = ""
        for op in page.ops {
            switch op {
            case .raw(let s): out += s + "\n"
            case .text(let s, let x, let y, let size, let font):
                out +=
                    "BT /\(font.rawValue) \(Self.number(size)) Tf 1 0 0 1 \(Self.number(x)) \(Self.number(y)) Tm \(encode(s, font, &codes)) Tj ET\n"
            case .spaced(let pieces, let gap, let x, let y, let size, let font):
                let items = pieces.map { encode($0, font, &codes) }.joined(separator: " \(Self.number(-gap)) ")
                out += "BT /\(font.rawValue) \(Self.number(size)) Tf \(Self.number(x)) \(Self.number(y)) Td [\(items)] TJ ET\n"
            case .image:
                out += "q 100 0 0 100 50 50 cm /Im1 Do Q\n"
            case .form(let name):
                out += "q /\(name) Do Q\n"
            }
        }
        return out
    }

    // MARK: writing

    struct Object {
        var dict: String
        var stream: [UInt8]?
    }

    public static func deflate(_ data: [UInt8]) -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(size))
        let status = data.withUnsafeBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                compress2(outBuf.baseAddress, &size, inBuf.baseAddress, uLong(inBuf.count), 6)
            }
        }
        precondition(status == Z_OK)
        return Array(out[..<Int(size)])
    }

    func streamObject(_ dict: String, _ data: [UInt8], compress: Bool? = nil) -> Object {
        if compress ?? self.compress {
            let z = Self.deflate(data)
            return Object(dict: "<< \(dict) /Length \(z.count) /Filter /FlateDecode >>", stream: z)
        }
        return Object(dict: "<< \(dict) /Length \(data.count) >>", stream: data)
    }

    public func bytes() -> [UInt8] {
        var codes = CIDCodes()
        var contents: [String] = pages.map { content($0, &codes) }
        var formContents: [(String, String)] = forms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        // Forms may use the composite font too.
        formContents = formContents.map { name, body in
            var page = FixturePage()
            page.raw(body)
            return (name, content(page, &codes))
        }
        // Object numbers: 1 catalog, 2 pages, 3–7 fonts, 8 ToUnicode, 9 descendant, 10 image, then forms, then pages.
        var objects: [Object] = []
        let pageBase = 11 + formContents.count
        func add(_ o: Object) { objects.append(o) }
        add(Object(dict: "<< /Type /Catalog /Pages 2 0 R >>"))
        let kids = (0..<pages.count).map { "\(pageBase + 2 * $0) 0 R" }.joined(separator: " ")
        add(
            Object(
                dict:
                    "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R /F4 6 0 R /F5 7 0 R >> /XObject << /Im1 10 0 R\(formContents.enumerated().map { " /\($0.element.0) \(11 + $0.offset) 0 R" }.joined()) >> >> >>"
            ))
        add(
            Object(
                dict:
                    "<< /Type /Font /Subtype /Type0 /BaseFont /FixtureSong /Encoding /Identity-H /DescendantFonts [9 0 R] /ToUnicode 8 0 R >>"
            ))
        let widths = Array(repeating: "500", count: 95).joined(separator: " ")
        add(
            Object(
                dict:
                    "<< /Type /Font /Subtype /TrueType /BaseFont /FixtureSans /FirstChar 32 /LastChar 128 /Widths [\(widths) 500 500] /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 /bullet] >> >>"
            ))
        add(Object(dict: "<< /Type /Font /Subtype /Type0 /BaseFont /FixtureKai /Encoding /GBK-EUC-H /DescendantFonts [9 0 R] >>"))
        add(Object(dict: "<< /Type /Font /Subtype /Type0 /BaseFont /FixtureHei /Encoding /UniGB-UCS2-H /DescendantFonts [9 0 R] >>"))
        add(
            Object(
                dict:
                    "<< /Type /Font /Subtype /Type0 /BaseFont /FixtureSong-Bold /Encoding /Identity-H /DescendantFonts [9 0 R] /ToUnicode 8 0 R >>"
            ))
        add(streamObject("", Array(toUnicode(codes).utf8)))
        add(
            Object(
                dict:
                    "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FixtureSong /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /W [256 [\(widths)] 4096 8191 1000] >>"
            ))
        add(
            streamObject(
                "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", [0, 255, 255, 0],
                compress: false))
        for (_, body) in formContents {
            add(streamObject("/Type /XObject /Subtype /Form /BBox [0 0 595 842]", Array(body.utf8)))
        }
        for (k, page) in pages.enumerated() {
            let rotate = page.rotate == 0 ? "" : " /Rotate \(page.rotate)"
            add(
                Object(
                    dict:
                        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(page.width)) \(Self.number(page.height))]\(rotate) /Contents \(pageBase + 2 * k + 1) 0 R >>"
                ))
            add(streamObject("", Array(contents[k].utf8)))
        }
        contents.removeAll()
        return write(objects)
    }

    func write(_ objects: [Object]) -> [UInt8] {
        var out: [UInt8] = Array("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int: (Int, Int)] = [:] // number → (type 1 offset | type 2 stream, index)
        var packed: [Int] = []
        let count = objects.count
        func emit(_ number: Int, _ o: Object) {
            offsets[number] = (1, out.count)
            out += Array("\(number) 0 obj\n\(o.dict)\n".utf8)
            if let s = o.stream {
                out += Array("stream\n".utf8) + s + Array("\nendstream\n".utf8)
            }
            out += Array("endobj\n".utf8)
        }
        for (k, o) in objects.enumerated() {
            if objectStreams && o.stream == nil {
                packed.append(k + 1)
                continue
            }
            emit(k + 1, o)
        }
        var size = count + 1
        if !packed.isEmpty {
            // One object stream holding every non-stream object.
            var header = ""
            var body = ""
            for (i, n) in packed.enumerated() {
                header += "\(n) \(body.utf8.count) "
                body += objects[n - 1].dict + "\n"
                offsets[n] = (2, i)
            }
            let stm = streamObject("/Type /ObjStm /N \(packed.count) /First \(header.utf8.count)", Array((header + body).utf8))
            emit(size, stm)
            for n in packed { offsets[n] = (2, size * 100_000 + (offsets[n]?.1 ?? 0)) }
            size += 1
        }
        let encrypt = encrypted ? " /Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>" : ""
        var xrefOffset = out.count
        if xrefStream {
            // Fields of 1, 4 and 2 bytes, each row PNG-"Up" predicted.
            var rows: [[UInt8]] = []
            for n in 0...size {
                let (type, value) = n == size ? (1, out.count) : (n == 0 ? (0, 0) : (offsets[n] ?? (0, 0)))
                var row: [UInt8] = [UInt8(type)]
                let f2 = type == 2 ? value / 100_000 : value
                let f3 = type == 2 ? value % 100_000 : 0
                row += [UInt8((f2 >> 24) & 0xFF), UInt8((f2 >> 16) & 0xFF), UInt8((f2 >> 8) & 0xFF), UInt8(f2 & 0xFF)]
                row += [UInt8((f3 >> 8) & 0xFF), UInt8(f3 & 0xFF)]
                rows.append(row)
            }
            var data: [UInt8] = []
            var previous = [UInt8](repeating: 0, count: 7)
            for row in rows {
                data.append(2)
                for k in 0..<7 { data.append(row[k] &- previous[k]) }
                previous = row
            }
            let z = Self.deflate(data)
            xrefOffset = out.count
            out += Array(
                "\(size) 0 obj\n<< /Type /XRef /Size \(size + 1) /W [1 4 2] /Root 1 0 R\(encrypt) /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length \(z.count) >>\nstream\n"
                    .utf8)
            out += z + Array("\nendstream\nendobj\n".utf8)
        } else {
            out += Array("xref\n0 \(size)\n0000000000 65535 f \n".utf8)
            for n in 1..<size {
                let (type, value) = offsets[n] ?? (0, 0)
                let line = type == 1 ? "\(pad(value + shiftOffsets)) 00000 n \n" : "0000000000 65535 f \n"
                out += Array(line.utf8)
            }
            out += Array("trailer\n<< /Size \(size) /Root 1 0 R\(encrypt) >>\n".utf8)
        }
        out += Array("startxref\n\(xrefOffset)\n%%EOF\n".utf8)
        if let update {
            // An incremental update: a new content stream for the first page.
            var codes = CIDCodes()
            var page = FixturePage()
            page.text(update, x: 72, y: 700, size: 12, font: .winAnsi)
            let body = content(page, &codes)
            let contentNumber = size + (xrefStream ? 1 : 0)
            let pageNumber = 11 + forms.count
            let start = out.count
            out += Array("\(contentNumber) 0 obj\n<< /Length \(body.utf8.count) >>\nstream\n\(body)\nendstream\nendobj\n".utf8)
            let pageStart = out.count
            out += Array(
                "\(pageNumber) 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents \(contentNumber) 0 R >>\nendobj\n".utf8
            )
            let xref = out.count
            out += Array("xref\n\(pageNumber) 1\n\(pad(pageStart)) 00000 n \n\(contentNumber) 1\n\(pad(start)) 00000 n \n".utf8)
            out += Array("trailer\n<< /Size \(contentNumber + 1) /Root 1 0 R /Prev \(xrefOffset) >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        }
        return out
    }

    func pad(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 10 - s.count)) + s
    }
}

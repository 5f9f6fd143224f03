/// The operands of one operator: a view of the interpreter's buffer (no copy: the buffer is
/// only written again after the operator is done).
struct Operands {
    private let buffer: [PDFObject]
    let count: Int

    init(_ buffer: [PDFObject], _ count: Int) {
        self.buffer = buffer
        self.count = count
    }

    subscript(_ i: Int) -> PDFObject { i < count ? buffer[i] : .null }
    var first: PDFObject? { count > 0 ? buffer[0] : nil }
    var last: PDFObject? { count > 0 ? buffer[count - 1] : nil }
}

/// Fonts loaded once per document, by object number.
final class FontCache {
    var fonts: [Int: PDFFont] = [:]
    var failed = Set<Int>()
}

/// Runs a page's content streams (and the Form XObjects they invoke) under the graphics state,
/// recording each glyph at its baseline origin with its font size, and the ruling lines drawn.
struct ContentInterpreter {
    struct State {
        var ctm = Matrix.identity
        var font: PDFFont?
        var fontSize = 0.0
        var charSpacing = 0.0
        var wordSpacing = 0.0
        var hScale = 1.0
        var leading = 0.0
        var rise = 0.0
        var fillWhite = false
        var strokeWhite = false
        /// Text render mode 1 or 2 (outlined, or filled and outlined): how exporters embolden a face.
        var outlined = false
    }

    let store: ObjectStore
    let budget: WorkBudget
    let fonts: FontCache
    var page: PageContent
    private var state = State()
    private var saved: [State] = []
    private var tm = Matrix.identity
    private var tlm = Matrix.identity
    private var path = PathCollector()
    /// For each open marked-content sequence: whether it is an artifact.
    private var marked: [Bool] = []
    private var artifactDepth = 0
    /// Operands read since the last operator: the first `pending` of a reused buffer
    /// (resetting an array per operator costs more than most operators).
    private var operands = [PDFObject](repeating: .null, count: 64)
    private var pending = 0
    /// Form XObjects being run (object numbers), to refuse one that invokes itself.
    private var forms: [Int] = []
    /// The page as displayed: glyphs outside it are not shown.
    private let bounds: Box

    init(page info: PageInfo, store: ObjectStore, fonts: FontCache) {
        self.store = store
        self.budget = store.budget
        self.fonts = fonts
        // Everything is placed in the page as displayed: a page turned by /Rotate is turned back
        // here, so that its text (drawn turned, to be upright once displayed) reads upright.
        let (display, box) = Self.displaySpace(info.box, rotate: info.rotate)
        self.page = PageContent(number: info.number, box: box)
        self.bounds = box
        self.state.ctm = display
    }

    /// The matrix from user space to the displayed page (origin at its lower left), and that page.
    static func displaySpace(_ b: Box, rotate: Int) -> (Matrix, Box) {
        switch rotate {
        case 90: return (Matrix(0, -1, 1, 0, -b.y0, b.x1), Box(0, 0, b.height, b.width))
        case 180: return (Matrix(-1, 0, 0, -1, b.x1, b.y1), Box(0, 0, b.width, b.height))
        case 270: return (Matrix(0, 1, -1, 0, b.y1, -b.x0), Box(0, 0, b.height, b.width))
        default: return (Matrix.identity, b)
        }
    }

    mutating func run(_ info: PageInfo) throws(PDFError) {
        // Several content streams are read as one (an operator may even span two).
        var data = info.contents.isEmpty ? [] : try store.streamData(info.contents[0])
        for s in info.contents.dropFirst() {
            data.append(0x0A)
            data += try store.streamData(s)
        }
        try run(data, resources: info.resources)
    }

    // MARK: the operator loop

    private mutating func run(_ data: [UInt8], resources: PDFDict) throws(PDFError) {
        var lexer = PDFLexer(data, maxDepth: budget.limits.maxDepth)
        lexer.references = false
        lexer.skipsDictionaries = true
        var fontDict: PDFDict? = nil
        var fontDictLoaded = false
        while true {
            let token = try lexer.next()
            switch token {
            case .end:
                return
            case .object(let o):
                if pending < operands.count {
                    operands[pending] = o
                    pending += 1
                }
                continue
            case .close:
                continue
            case .keyword(let r):
                try budget.spendOperator()
                let operands = Operands(self.operands, pending)
                pending = 0
                guard let op = Operator(data, r) else { continue }
                switch op {
                case .BT:
                    tm = .identity
                    tlm = .identity
                case .ET:
                    break
                case .Tf:
                    guard operands.count >= 2, let name = operands[operands.count - 2].name, let size = operands[operands.count - 1].number
                    else { break }
                    if !fontDictLoaded {
                        fontDict = try store.dict(resources["Font"])
                        fontDictLoaded = true
                    }
                    state.font = try font(fontDict?[name])
                    state.fontSize = size
                case .Tm:
                    guard let m = matrix(operands) else { break }
                    tm = m
                    tlm = m
                case .Td:
                    guard operands.count >= 2, let x = operands[0].number, let y = operands[1].number else { break }
                    nextLine(x, y)
                case .TD:
                    guard operands.count >= 2, let x = operands[0].number, let y = operands[1].number else { break }
                    state.leading = -y
                    nextLine(x, y)
                case .TStar:
                    nextLine(0, -state.leading)
                case .TL:
                    if let v = operands.last?.number { state.leading = v }
                case .Tc:
                    if let v = operands.last?.number { state.charSpacing = v }
                case .Tw:
                    if let v = operands.last?.number { state.wordSpacing = v }
                case .Tz:
                    if let v = operands.last?.number { state.hScale = v / 100 }
                case .Ts:
                    if let v = operands.last?.number { state.rise = v }
                case .Tr:
                    if let v = operands.last?.int { state.outlined = v == 1 || v == 2 }
                case .Tj:
                    if let s = operands.last?.string { try show(s) }
                case .quote:
                    nextLine(0, -state.leading)
                    if let s = operands.last?.string { try show(s) }
                case .doubleQuote:
                    guard operands.count >= 3, let w = operands[0].number, let c = operands[1].number, let s = operands[2].string else {
                        break
                    }
                    state.wordSpacing = w
                    state.charSpacing = c
                    nextLine(0, -state.leading)
                    try show(s)
                case .TJ:
                    if let items = operands.last?.array { try show(items) }
                case .cm:
                    guard let m = matrix(operands) else { break }
                    state.ctm = m.concatenating(state.ctm)
                case .q:
                    if saved.count < 4096 { saved.append(state) }
                case .Q:
                    if let s = saved.popLast() { state = s }
                case .m:
                    if let p = point(operands) { path.move(p) }
                case .l:
                    if let p = point(operands) { path.line(p) }
                case .c:
                    if operands.count >= 6, let x = operands[4].number, let y = operands[5].number { path.curve(state.ctm.apply(x, y)) }
                case .v, .y:
                    if operands.count >= 4, let x = operands[2].number, let y = operands[3].number { path.curve(state.ctm.apply(x, y)) }
                case .h:
                    path.close()
                case .re:
                    guard operands.count >= 4, let x = operands[0].number, let y = operands[1].number,
                        let w = operands[2].number, let h = operands[3].number
                    else { break }
                    let m = state.ctm
                    path.rectangle([m.apply(x, y), m.apply(x + w, y), m.apply(x + w, y + h), m.apply(x, y + h)])
                case .S:
                    try path.paint(stroke: !state.strokeWhite, fill: false, into: &page.rules, budget: budget)
                case .s:
                    path.close()
                    try path.paint(stroke: !state.strokeWhite, fill: false, into: &page.rules, budget: budget)
                case .f, .F, .fStar:
                    try path.paint(stroke: false, fill: !state.fillWhite, into: &page.rules, budget: budget)
                case .B, .BStar:
                    try path.paint(stroke: !state.strokeWhite, fill: !state.fillWhite, into: &page.rules, budget: budget)
                case .b, .bStar:
                    path.close()
                    try path.paint(stroke: !state.strokeWhite, fill: !state.fillWhite, into: &page.rules, budget: budget)
                case .n:
                    path.clear()
                case .G, .RG, .K:
                    state.strokeWhite = Self.isWhite(operands, cmyk: op == .K)
                case .g, .rg, .k:
                    state.fillWhite = Self.isWhite(operands, cmyk: op == .k)
                case .SC, .SCN:
                    state.strokeWhite = Self.isWhite(operands, cmyk: operands.count == 4)
                case .sc, .scn:
                    state.fillWhite = Self.isWhite(operands, cmyk: operands.count == 4)
                case .CS:
                    state.strokeWhite = false
                case .cs:
                    state.fillWhite = false
                case .Do:
                    if let name = operands.last?.name { try invoke(name, resources: resources) }
                case .BI:
                    skipInlineImage(&lexer)
                    page.images += 1
                case .ID:
                    break
                case .BDC, .BMC:
                    let isArtifact = operands.first?.name == "Artifact"
                    if marked.count < 1024 {
                        marked.append(isArtifact)
                        if isArtifact { artifactDepth += 1 }
                    }
                case .EMC:
                    if let wasArtifact = marked.popLast(), wasArtifact { artifactDepth -= 1 }
                }
            }
        }
    }

    // MARK: operands

    private func matrix(_ o: Operands) -> Matrix? {
        guard o.count >= 6 else { return nil }
        let k = o.count - 6
        guard let a = o[k].number, let b = o[k + 1].number, let c = o[k + 2].number, let d = o[k + 3].number,
            let e = o[k + 4].number, let f = o[k + 5].number
        else { return nil }
        let m = Matrix(a, b, c, d, e, f)
        return m.isFinite ? m : nil
    }

    private func point(_ o: Operands) -> (Double, Double)? {
        guard o.count >= 2, let x = o[o.count - 2].number, let y = o[o.count - 1].number else { return nil }
        return state.ctm.apply(x, y)
    }

    static func isWhite(_ o: Operands, cmyk: Bool) -> Bool {
        var v: [Double] = []
        for i in 0..<o.count { if let n = o[i].number { v.append(n) } }
        guard !v.isEmpty, v.count == o.count else { return false }
        if cmyk { return v.count == 4 && v.allSatisfy { $0 <= 0.05 } }
        return v.allSatisfy { $0 >= 0.95 }
    }

    private mutating func nextLine(_ x: Double, _ y: Double) {
        tlm = Matrix(1, 0, 0, 1, x, y).concatenating(tlm)
        tm = tlm
    }

    // MARK: fonts

    private func font(_ object: PDFObject?) throws(PDFError) -> PDFFont? {
        guard let object else { return nil }
        if case .ref(let r) = object {
            if let f = fonts.fonts[r.number] { return f }
            if fonts.failed.contains(r.number) { return nil }
            guard let d = try store.dict(object) else {
                fonts.failed.insert(r.number)
                return nil
            }
            let f = try PDFFont(d, store: store)
            fonts.fonts[r.number] = f
            return f
        }
        guard let d = try store.dict(object) else { return nil }
        return try PDFFont(d, store: store)
    }

    // MARK: text

    private mutating func show(_ items: [PDFObject]) throws(PDFError) {
        for item in items {
            switch item {
            case .string(let s): try show(s)
            case .int, .real:
                let n = item.number ?? 0
                let tx = -n / 1000 * state.fontSize * state.hScale
                tm.e += tx * tm.a
                tm.f += tx * tm.b
            default: break
            }
        }
    }

    private mutating func show(_ s: [UInt8]) throws(PDFError) {
        guard let font = state.font, !s.isEmpty else { return }
        let trm = tm.concatenating(state.ctm)
        guard trm.isFinite else { return }
        let fontSize = state.fontSize
        let hScale = state.hScale
        let size = Float(abs(fontSize) * font.sizeScale * (trm.c * trm.c + trm.d * trm.d).squareRoot())
        let xScale = (trm.a * trm.a + trm.b * trm.b).squareRoot()
        let upright = trm.a > 0 && trm.d > 0 && abs(trm.b) <= 0.02 * abs(trm.a)
        var flags: UInt8 = font.bold || state.outlined ? Glyph.bold : 0
        if artifactDepth > 0 { flags |= Glyph.artifact }
        if !upright { flags |= Glyph.rotated }
        var tx = 0.0
        var i = 0
        let rise = state.rise
        while i < s.count {
            let (code, length) = font.codespace.code(s, at: i)
            i += length
            let w0 = font.width(code, length: length) * font.widthScale
            var advance = w0 * fontSize + state.charSpacing
            if length == 1 && code == 32 { advance += state.wordSpacing }
            advance *= hScale
            let (x, y) = trm.apply(tx, rise)
            tx += advance
            try budget.spendGlyph()
            let start = page.scalars.count
            guard font.text(code, length: length, into: &page.scalars) else {
                page.unmapped += 1
                continue
            }
            let count = page.scalars.count - start
            // Control characters (a TAB, a line feed) read as spaces: text is laid out by position.
            for k in start..<page.scalars.count where page.scalars[k] < 0x20 || page.scalars[k] == 0x7F { page.scalars[k] = 0x20 }
            guard count > 0, count < Int(Int16.max), start < Int(Int32.max) else { continue }
            let gx = Float(x)
            let gy = Float(y)
            guard gx.isFinite, gy.isFinite, size.isFinite,
                Double(gx) >= bounds.x0, Double(gx) <= bounds.x1, Double(gy) >= bounds.y0, Double(gy) <= bounds.y1
            else {
                page.scalars.removeSubrange(start...)
                continue
            }
            var f = flags
            if count == 1, page.scalars[start] == 0x20 || page.scalars[start] == 0x3000 || page.scalars[start] == 0xA0 { f |= Glyph.space }
            let glyph = Glyph(
                x: gx, y: gy, width: Float(w0 * fontSize * hScale * xScale), size: size,
                start: Int32(start), count: Int16(count), flags: f)
            if isDuplicate(glyph, start: start, count: count) {
                page.scalars.removeSubrange(start...)
                continue
            }
            page.glyphs.append(glyph)
        }
        tm.e += tx * tm.a
        tm.f += tx * tm.b
    }

    /// The same character drawn again at (nearly) the same place: a fake-bold overprint.
    private mutating func isDuplicate(_ g: Glyph, start: Int, count: Int) -> Bool {
        let n = page.glyphs.count
        guard n > 0 else { return false }
        let tolerance = max(0.5, g.size * 0.12)
        for k in stride(from: n - 1, through: max(0, n - 4), by: -1) {
            let p = page.glyphs[k]
            guard abs(p.x - g.x) <= tolerance, abs(p.y - g.y) <= tolerance, Int(p.count) == count else { continue }
            var same = true
            for j in 0..<count where page.scalars[Int(p.start) + j] != page.scalars[start + j] {
                same = false
                break
            }
            if same {
                page.glyphs[k].flags |= Glyph.bold
                return true
            }
        }
        return false
    }

    // MARK: XObjects and inline images

    private mutating func invoke(_ name: String, resources: PDFDict) throws(PDFError) {
        guard let xobjects = try store.dict(resources["XObject"]), let entry = xobjects[name] else { return }
        guard case .stream(let s) = try store.resolve(entry) else { return }
        switch s.dict.name("Subtype") {
        case "Image":
            page.images += 1
        case "Form":
            let number = entry.ref?.number ?? -1
            if number >= 0, forms.contains(number) {
                throw PDFError.malformed("表单 XObject \(number) 调用了自身（循环引用）", "Form XObject \(number) invokes itself (a reference loop)")
            }
            guard forms.count < budget.limits.maxFormDepth else {
                throw PDFError.limit("表单 XObject 嵌套深度 / Form XObject nesting", budget.limits.maxFormDepth)
            }
            let data = try store.streamData(s)
            let formResources = try store.dict(s.dict["Resources"]) ?? resources
            let savedState = state
            let savedSaved = saved
            let savedTM = tm
            let savedTLM = tlm
            if let m = try store.resolve(s.dict["Matrix"]).array, m.count == 6 {
                var v: [Double] = []
                for o in m { v.append(try store.resolve(o).number ?? 0) }
                let matrix = Matrix(v[0], v[1], v[2], v[3], v[4], v[5])
                if matrix.isFinite { state.ctm = matrix.concatenating(state.ctm) }
            }
            saved = []
            forms.append(number)
            defer { forms.removeLast() }
            path.clear()
            try run(data, resources: formResources)
            state = savedState
            saved = savedSaved
            tm = savedTM
            tlm = savedTLM
        default:
            break
        }
    }

    /// Past "ID <data> EI" (the data is binary: it ends at an "EI" between white space).
    private func skipInlineImage(_ lexer: inout PDFLexer) {
        // The dictionary entries up to ID.
        while !lexer.atEnd {
            guard let t = try? lexer.next() else { return }
            if case .keyword(let r) = t, lexer.keyword(r, is: "ID") { break }
            if case .end = t { return }
        }
        let b = lexer.bytes
        var i = lexer.pos + 1
        while i + 1 < lexer.end {
            if b[i] == 0x45, b[i + 1] == 0x49, ByteClass.isWhite(b[i - 1]), i + 2 >= lexer.end || !ByteClass.isRegular(b[i + 2]) {
                lexer.pos = i + 2
                return
            }
            i += 1
        }
        lexer.pos = lexer.end
    }
}

/// The base encodings of simple fonts (ISO 32000-1 Annex D) as Unicode scalars per code
/// (0 = no character), and the glyph names a /Differences array uses.
enum SimpleEncoding {
    static func table(named name: String?) -> [UInt32]? {
        switch name {
        case "WinAnsiEncoding": return winAnsi
        case "MacRomanEncoding": return macRoman
        case "StandardEncoding": return standard
        case "PDFDocEncoding": return winAnsi
        default: return nil
        }
    }

    /// Printable ASCII, shared by the three encodings (Standard differs at 0x27 and 0x60).
    private static func ascii() -> [UInt32] {
        var t = [UInt32](repeating: 0, count: 256)
        for c in 0x20...0x7E { t[c] = UInt32(c) }
        return t
    }

    static let winAnsi: [UInt32] = {
        var t = ascii()
        let high: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
        ]
        for (k, u) in high.enumerated() { t[0x80 + k] = u }
        for c in 0xA0...0xFF { t[c] = UInt32(c) }
        t[0xA0] = 0x20 // a no-break space reads as a space
        t[0xAD] = 0x2D
        return t
    }()

    static let macRoman: [UInt32] = {
        var t = ascii()
        let high: [UInt32] = [
            0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1, 0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
            0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3, 0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
            0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF, 0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
            0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211, 0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
            0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB, 0x00BB, 0x2026, 0x0020, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
            0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA, 0x00FF, 0x0178, 0x2044, 0x00A4, 0x2039, 0x203A, 0xFB01, 0xFB02,
            0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1, 0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
            0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC, 0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7
        ]
        for (k, u) in high.enumerated() { t[0x80 + k] = u }
        return t
    }()

    static let standard: [UInt32] = {
        var t = ascii()
        t[0x27] = 0x2019
        t[0x60] = 0x2018
        let high: [(Int, UInt32)] = [
            (0xA1, 0x00A1), (0xA2, 0x00A2), (0xA3, 0x00A3), (0xA4, 0x2044), (0xA5, 0x00A5), (0xA6, 0x0192), (0xA7, 0x00A7), (0xA8, 0x00A4),
            (0xA9, 0x0027), (0xAA, 0x201C), (0xAB, 0x00AB), (0xAC, 0x2039), (0xAD, 0x203A), (0xAE, 0xFB01), (0xAF, 0xFB02), (0xB1, 0x2013),
            (0xB2, 0x2020), (0xB3, 0x2021), (0xB4, 0x00B7), (0xB6, 0x00B6), (0xB7, 0x2022), (0xB8, 0x201A), (0xB9, 0x201E), (0xBA, 0x201D),
            (0xBB, 0x00BB), (0xBC, 0x2026), (0xBD, 0x2030), (0xBF, 0x00BF), (0xC1, 0x0060), (0xC2, 0x00B4), (0xC3, 0x02C6), (0xC4, 0x02DC),
            (0xC5, 0x00AF), (0xC6, 0x02D8), (0xC7, 0x02D9), (0xC8, 0x00A8), (0xCA, 0x02DA), (0xCB, 0x00B8), (0xCD, 0x02DD), (0xCE, 0x02DB),
            (0xCF, 0x02C7), (0xD0, 0x2014), (0xE1, 0x00C6), (0xE3, 0x00AA), (0xE8, 0x0141), (0xE9, 0x00D8), (0xEA, 0x0152), (0xEB, 0x00BA),
            (0xF1, 0x00E6), (0xF5, 0x0131), (0xF8, 0x0142), (0xF9, 0x00F8), (0xFA, 0x0153), (0xFB, 0x00DF)
        ]
        for (c, u) in high { t[c] = u }
        return t
    }()

    // MARK: glyph names

    private static let asciiNames = [
        "space", "exclam", "quotedbl", "numbersign", "dollar", "percent", "ampersand", "quotesingle", "parenleft", "parenright",
        "asterisk", "plus", "comma", "hyphen", "period", "slash", "zero", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "colon", "semicolon", "less", "equal", "greater", "question", "at"
    ]
    private static let asciiNames2 = ["bracketleft", "backslash", "bracketright", "asciicircum", "underscore", "grave"]
    private static let asciiNames3 = ["braceleft", "bar", "braceright", "asciitilde"]
    private static let latin1Names = [
        "nbspace", "exclamdown", "cent", "sterling", "currency", "yen", "brokenbar", "section", "dieresis", "copyright", "ordfeminine",
        "guillemotleft", "logicalnot", "sfthyphen", "registered", "macron", "degree", "plusminus", "twosuperior", "threesuperior", "acute",
        "mu", "paragraph", "periodcentered", "cedilla", "onesuperior", "ordmasculine", "guillemotright", "onequarter", "onehalf",
        "threequarters", "questiondown", "Agrave", "Aacute", "Acircumflex", "Atilde", "Adieresis", "Aring", "AE", "Ccedilla", "Egrave",
        "Eacute", "Ecircumflex", "Edieresis", "Igrave", "Iacute", "Icircumflex", "Idieresis", "Eth", "Ntilde", "Ograve", "Oacute",
        "Ocircumflex", "Otilde", "Odieresis", "multiply", "Oslash", "Ugrave", "Uacute", "Ucircumflex", "Udieresis", "Yacute", "Thorn",
        "germandbls", "agrave", "aacute", "acircumflex", "atilde", "adieresis", "aring", "ae", "ccedilla", "egrave", "eacute",
        "ecircumflex", "edieresis", "igrave", "iacute", "icircumflex", "idieresis", "eth", "ntilde", "ograve", "oacute", "ocircumflex",
        "otilde", "odieresis", "divide", "oslash", "ugrave", "uacute", "ucircumflex", "udieresis", "yacute", "thorn", "ydieresis"
    ]
    private static let otherNames: [(String, UInt32)] = [
        ("Euro", 0x20AC), ("quotesinglbase", 0x201A), ("florin", 0x0192), ("quotedblbase", 0x201E), ("ellipsis", 0x2026),
        ("dagger", 0x2020), ("daggerdbl", 0x2021), ("circumflex", 0x02C6), ("perthousand", 0x2030), ("Scaron", 0x0160),
        ("guilsinglleft", 0x2039), ("OE", 0x0152), ("Zcaron", 0x017D), ("quoteleft", 0x2018), ("quoteright", 0x2019),
        ("quotedblleft", 0x201C), ("quotedblright", 0x201D), ("bullet", 0x2022), ("endash", 0x2013), ("emdash", 0x2014),
        ("tilde", 0x02DC), ("trademark", 0x2122), ("scaron", 0x0161), ("guilsinglright", 0x203A), ("oe", 0x0153), ("zcaron", 0x017E),
        ("Ydieresis", 0x0178), ("fi", 0xFB01), ("fl", 0xFB02), ("dotlessi", 0x0131), ("Lslash", 0x0141), ("lslash", 0x0142),
        ("fraction", 0x2044), ("breve", 0x02D8), ("dotaccent", 0x02D9), ("ring", 0x02DA), ("hungarumlaut", 0x02DD), ("ogonek", 0x02DB),
        ("caron", 0x02C7), ("minus", 0x2212), ("Delta", 0x2206), ("Omega", 0x2126), ("pi", 0x03C0), ("summation", 0x2211),
        ("product", 0x220F), ("integral", 0x222B), ("infinity", 0x221E), ("notequal", 0x2260), ("lessequal", 0x2264),
        ("greaterequal", 0x2265), ("approxequal", 0x2248), ("partialdiff", 0x2202), ("radical", 0x221A), ("lozenge", 0x25CA),
        ("middot", 0x00B7), ("uni00A0", 0x20), ("nonbreakingspace", 0x20)
    ]

    static let names: [String: UInt32] = {
        var d: [String: UInt32] = [:]
        for (k, n) in asciiNames.enumerated() { d[n] = UInt32(0x20 + k) }
        for k in 0..<26 {
            d[String(UnicodeScalar(UInt8(0x41 + k)))] = UInt32(0x41 + k)
            d[String(UnicodeScalar(UInt8(0x61 + k)))] = UInt32(0x61 + k)
        }
        for (k, n) in asciiNames2.enumerated() { d[n] = UInt32(0x5B + k) }
        for (k, n) in asciiNames3.enumerated() { d[n] = UInt32(0x7B + k) }
        for (k, n) in latin1Names.enumerated() { d[n] = UInt32(0xA0 + k) }
        d["nbspace"] = 0x20
        d["sfthyphen"] = 0x2D
        for (n, u) in otherNames { d[n] = u }
        return d
    }()

    /// The Unicode scalars a glyph name stands for: a known name, "uniXXXX…", "uXXXX[XX]", or
    /// a name with a suffix ("a.sc", "f_i" ligatures).
    static func scalars(forGlyph name: String) -> [UInt32]? {
        if let u = names[name] { return [u] }
        let utf8 = Array(name.utf8)
        if utf8.count >= 7, name.hasPrefix("uni"), (utf8.count - 3) % 4 == 0 {
            var out: [UInt32] = []
            var i = 3
            while i + 4 <= utf8.count {
                guard let v = hex(utf8[i..<(i + 4)]) else { return nil }
                out.append(v)
                i += 4
            }
            return out.allSatisfy(isScalar) ? out : nil
        }
        if utf8.count >= 5, utf8.count <= 7, utf8[0] == 0x75, let v = hex(utf8[1...]), isScalar(v) { return [v] }
        if let dot = utf8.firstIndex(of: 0x2E), dot > 0 { return scalars(forGlyph: String(decoding: utf8[..<dot], as: UTF8.self)) }
        if utf8.contains(0x5F) {
            var out: [UInt32] = []
            for part in utf8.split(separator: 0x5F) {
                guard let s = scalars(forGlyph: String(decoding: part, as: UTF8.self)) else { return nil }
                out += s
            }
            return out.isEmpty ? nil : out
        }
        return nil
    }

    static func isScalar(_ v: UInt32) -> Bool { v < 0xD800 || (v > 0xDFFF && v <= 0x10FFFF) }

    static func hex(_ s: ArraySlice<UInt8>) -> UInt32? {
        var v: UInt32 = 0
        for b in s {
            guard let h = ByteClass.hexValue(b) else { return nil }
            v = v << 4 | UInt32(h)
        }
        return s.isEmpty ? nil : v
    }
}

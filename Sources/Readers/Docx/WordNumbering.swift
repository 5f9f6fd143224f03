import Model

/// List numbering from word/numbering.xml, so that a paragraph numbered by Word
/// ("一、", "（二）", "3.") reads as it prints: the heading parser needs the number.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
    }

    /// abstractNumId → level → definition.
    var abstract: [Int: [Int: Level]] = [:]
    /// numId → abstractNumId, and per-level start overrides.
    var instances: [Int: (abstract: Int, starts: [Int: Int])] = [:]

    /// Running counters, per list instance.
    private var counters: [Int: [Int]] = [:]

    /// The label of the next paragraph of list `numID` at `level`, advancing the counters.
    mutating func nextLabel(numID: Int, level: Int) -> String? {
        guard numID != 0, let instance = instances[numID], let levels = abstract[instance.abstract],
              let definition = levels[level], level >= 0, level < 9 else { return nil }
        var c = counters[numID] ?? Array(repeating: 0, count: 9)
        let start = { (l: Int) in instance.starts[l] ?? levels[l]?.start ?? 1 }
        c[level] = c[level] == 0 ? start(level) : c[level] + 1
        // A deeper level restarts whenever a shallower one advances.
        for deeper in (level + 1)..<9 { c[deeper] = 0 }
        counters[numID] = c
        if definition.format == "bullet" || definition.format == "none" { return nil }
        var label = definition.text
        for l in 0...level {
            let placeholder = "%\(l + 1)"
            guard label.contains(placeholder) else { continue }
            let value = c[l] == 0 ? start(l) : c[l]
            label = label.replacing(placeholder, with: WordNumbering.format(value, levels[l]?.format ?? "decimal"))
        }
        return label.isEmpty ? nil : label
    }

    static func format(_ n: Int, _ style: String) -> String {
        switch style {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
             "taiwaneseCountingThousand", "ideographDigital", "japaneseCounting":
            return chinese(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) : String(n)
        case "decimalEnclosedParen":
            return (1...20).contains(n) ? String(Character(Unicode.Scalar(0x2474 + UInt32(n - 1))!)) : "(\(n))"
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "lowerLetter": return letters(n, upper: false)
        case "upperLetter": return letters(n, upper: true)
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...10).contains(n) ? String(stems[n - 1]) : String(n)
        default: return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n > 0, n < 1000 else { return String(n) }
        let h = n / 100, t = (n / 10) % 10, u = n % 10
        var s = ""
        if h > 0 { s += String(digits[h]) + "百" }
        if t > 0 { s += (t == 1 && h == 0 ? "" : String(digits[t])) + "十" } else if h > 0 && u > 0 { s += "零" }
        if u > 0 { s += String(digits[u]) }
        return s
    }

    static func letters(_ n: Int, upper: Bool) -> String {
        guard n > 0 else { return String(n) }
        let base = upper ? 65 : 97
        let letter = Character(Unicode.Scalar(UInt8(base + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var v = n, s = ""
        for (value, symbol) in table { while v >= value { s += symbol; v -= value } }
        return s
    }
}

final class WordNumberingReader: XMLPartHandler {
    var result = WordNumbering()
    private var abstractID: Int?
    private var level: (index: Int, def: WordNumbering.Level)?
    private var num: (id: Int, abstract: Int?, starts: [Int: Int])?
    private var overrideLevel: Int?

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        guard ns == .word else { return }
        let val = a["val"].flatMap { Int($0) }
        switch local {
        case "abstractNum": abstractID = a["abstractNumId"].flatMap { Int($0) }
        case "lvl" where abstractID != nil: level = (a["ilvl"].flatMap { Int($0) } ?? 0, WordNumbering.Level())
        case "start" where level != nil: level?.def.start = val ?? 1
        case "numFmt" where level != nil: level?.def.format = a["val"] ?? "decimal"
        case "lvlText" where level != nil: level?.def.text = a["val"] ?? ""
        case "num": num = (a["numId"].flatMap { Int($0) } ?? 0, nil, [:])
        case "abstractNumId" where num != nil: num?.abstract = val
        case "lvlOverride" where num != nil: overrideLevel = a["ilvl"].flatMap { Int($0) }
        case "startOverride" where num != nil: if let l = overrideLevel, let v = val { num?.starts[l] = v }
        default: break
        }
    }

    func end(_ ns: XNamespace, _ local: String) {
        guard ns == .word else { return }
        switch local {
        case "lvl":
            if let id = abstractID, let l = level { result.abstract[id, default: [:]][l.index] = l.def }
            level = nil
        case "abstractNum": abstractID = nil
        case "num":
            if let n = num, let abstract = n.abstract { result.instances[n.id] = (abstract, n.starts) }
            num = nil
        case "lvlOverride": overrideLevel = nil
        default: break
        }
    }

    func text(_ s: String) {}
}

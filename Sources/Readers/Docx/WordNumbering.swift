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

    /// Longest list number one level may print: Word's are a few characters ("（十二）", "iv.").
    static let maxValueCharacters = 64

    /// The label of the next paragraph of list `numID` at `level`, advancing the counters.
    /// Counters are checked (a w:start of Int.max cannot advance), a number is refused when
    /// it would print more than `maxValueCharacters`, and the label's length is charged to
    /// `budget` before it is built; nil once the budget is exhausted.
    mutating func nextLabel(numID: Int, level: Int, budget: WorkBudget? = nil) throws(InputError) -> String? {
        guard numID != 0, let instance = instances[numID], let levels = abstract[instance.abstract],
            let definition = levels[level], level >= 0, level < 9
        else { return nil }
        var c = counters[numID] ?? Array(repeating: 0, count: 9)
        let start = { (l: Int) in instance.starts[l] ?? levels[l]?.start ?? 1 }
        if c[level] == 0 {
            c[level] = start(level)
        } else {
            let (next, overflow) = c[level].addingReportingOverflow(1)
            guard !overflow else {
                throw InputError(
                    .overflow,
                    LocalizedText(
                        zh: "word/numbering.xml：编号列表 \(numID) 第 \(level + 1) 级的计数超出范围（从 \(start(level)) 开始）",
                        en: "word/numbering.xml: the counter of list \(numID), level \(level + 1), overflows (it starts at \(start(level)))"
                    ))
            }
            c[level] = next
        }
        // A deeper level restarts whenever a shallower one advances.
        for deeper in (level + 1)..<9 { c[deeper] = 0 }
        counters[numID] = c
        if definition.format == "bullet" || definition.format == "none" { return nil }
        // Each level's number once, then the label in one pass over the level text ("%1.%2").
        var values: [[UInt8]] = []
        for l in 0...level {
            let value = c[l] == 0 ? start(l) : c[l]
            let style = levels[l]?.format ?? "decimal"
            guard let text = WordNumbering.format(value, style, maxCharacters: WordNumbering.maxValueCharacters) else {
                throw InputError(
                    .overflow,
                    LocalizedText(
                        zh: "word/numbering.xml：编号列表 \(numID) 第 \(l + 1) 级的编号 \(value)（\(style)）超过 \(WordNumbering.maxValueCharacters) 个字符",
                        en:
                            "word/numbering.xml: list \(numID), level \(l + 1): the number \(value) in \(style) would print more than \(WordNumbering.maxValueCharacters) characters"
                    ))
            }
            values.append(Array(text.utf8))
        }
        let pattern = Array(definition.text.utf8)
        func placeholder(at i: Int) -> Int? {
            guard pattern[i] == 0x25, i + 1 < pattern.count, pattern[i + 1] >= 0x31, pattern[i + 1] <= 0x39 else { return nil }
            let l = Int(pattern[i + 1] - 0x31)
            return l <= level ? l : nil
        }
        var length = 0
        var i = 0
        while i < pattern.count {
            if let l = placeholder(at: i) {
                length += values[l].count
                i += 2
            } else {
                length += 1
                i += 1
            }
        }
        if let budget, !budget.charge(.listLabels, length, place: LocalizedText("word/numbering.xml")) { return nil }
        var label: [UInt8] = []
        label.reserveCapacity(length)
        i = 0
        while i < pattern.count {
            if let l = placeholder(at: i) {
                label += values[l]
                i += 2
            } else {
                label.append(pattern[i])
                i += 1
            }
        }
        return label.isEmpty ? nil : String(decoding: label, as: UTF8.self)
    }

    /// `format` when the result is at most `maxCharacters` long (else nil), computed without
    /// building a longer one: lowerLetter repeats its letter once per 26.
    static func format(_ n: Int, _ style: String, maxCharacters: Int) -> String? {
        if style == "lowerLetter" || style == "upperLetter", n > 0, (n - 1) / 26 + 1 > maxCharacters { return nil }
        let text = format(n, style)
        return text.count <= maxCharacters ? text : nil
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
        let h = n / 100
        let t = (n / 10) % 10
        let u = n % 10
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
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")
        ]
        var v = n
        var s = ""
        for (value, symbol) in table {
            while v >= value {
                s += symbol
                v -= value
            }
        }
        return s
    }
}

final class WordNumberingReader: XMLPartHandler {
    var result = WordNumbering()
    private let budget: WorkBudget?

    init(budget: WorkBudget? = nil) {
        self.budget = budget
    }

    var isStopped: Bool { budget?.isExhausted == true }
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
            if let id = abstractID, let l = level {
                budget?.charge(.memory, 96 + l.def.text.utf8.count)
                result.abstract[id, default: [:]][l.index] = l.def
            }
            level = nil
        case "abstractNum": abstractID = nil
        case "num":
            if let n = num, let abstract = n.abstract {
                budget?.charge(.memory, 96 + n.starts.count * 32)
                result.instances[n.id] = (abstract, n.starts)
            }
            num = nil
        case "lvlOverride": overrideLevel = nil
        default: break
        }
    }

    func text(_ s: String) {}
}

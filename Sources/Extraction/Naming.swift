import Model

/// How findings name the numbers they talk about.
extension Mention {
    static let leadingNoise = ["本单位", "本部门", "本年度", "其中", "全年"].map(Chars.of)
    static let trailingNoise = ["均为", "决算数为", "为", "达", "是", "约", "共计", "各"].map(Chars.of)

    /// The catalogue name when the label names a standard quantity, else the label
    /// without its year and filler words ("一般公共服务支出").
    public var name: String {
        if let c = concept { return c.zh }
        return trimmed
    }

    public var englishName: String { concept?.en ?? name }

    /// "2024年度本单位政府采购支出总额为" → "政府采购支出总额".
    public static func trimmedLabel(_ label: String) -> String {
        let s = Chars.of(label)
        let r = trimmedRange(s.count) { s[$0] }
        return Chars.string(s[r])
    }

    /// The part of a label (of `count` scalars, read through `at`) that names the quantity:
    /// without a leading year ("2024年度"), filler words, spaces and clause punctuation.
    static func trimmedRange(_ count: Int, _ at: (Int) -> UInt32) -> Range<Int> {
        var lo = 0
        var hi = count
        func has(_ w: [UInt32], at i: Int) -> Bool {
            guard i >= lo, i + w.count <= hi else { return false }
            for k in 0..<w.count where at(i + k) != w[k] { return false }
            return true
        }
        var i = lo
        while i < hi && Chars.isDigit(at(i)) { i += 1 }
        if i - lo == 4 && i < hi && at(i) == 0x5E74 {
            i += 1
            if i < hi && at(i) == 0x5EA6 { i += 1 }
            lo = i
        }
        var changed = true
        while changed && lo < hi {
            changed = false
            while lo < hi && (Chars.isSpace(at(lo)) || Chars.isClauseSeparator(at(lo)) || at(lo) == 0x28) {
                lo += 1
                changed = true
            }
            for w in leadingNoise where hi - lo > w.count && has(w, at: lo) {
                lo += w.count
                changed = true
            }
            for w in trailingNoise where hi - lo > w.count && has(w, at: hi - w.count) {
                hi -= w.count
                changed = true
            }
            while hi > lo && (Chars.isSpace(at(hi - 1)) || Chars.isClauseSeparator(at(hi - 1))) {
                hi -= 1
                changed = true
            }
        }
        return lo..<hi
    }

    /// Name and printed value: "基本支出563.04万元".
    public var named: String { name + quantity.printed }
    public var namedEnglish: String { englishName + " " + quantity.printed }
}

extension Quantity {
    /// The figure in a unit shared by its family: money in 万元, everything else as printed.
    public var comparable: Figure { amountInWan ?? figure }

    /// Percentages in the same place ("100%" and "100" in a 占比 chart) compare as printed.
    public var percentFigure: Figure { figure }
}

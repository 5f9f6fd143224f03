/// How findings name the numbers they talk about.
extension Mention {
    static let leadingNoise = ["本单位", "本部门", "本年度", "其中", "全年"].map(Chars.of)
    static let trailingNoise = ["均为", "决算数为", "为", "达", "是", "约", "共计", "各"].map(Chars.of)

    /// The catalogue name when the label names a standard quantity, else the label
    /// without its year and filler words ("一般公共服务支出").
    public var name: String {
        if let c = concept { return c.zh }
        return Mention.trimmedLabel(label)
    }

    public var englishName: String { concept?.en ?? name }

    /// "2024年度本单位政府采购支出总额为" → "政府采购支出总额".
    public static func trimmedLabel(_ label: String) -> String {
        var s = Chars.of(label)
        // Drop a leading year ("2024年度", "2024年").
        var i = 0
        while i < s.count && Chars.isDigit(s[i]) { i += 1 }
        if i == 4 && i < s.count && s[i] == 0x5E74 {
            i += 1
            if i < s.count && s[i] == 0x5EA6 { i += 1 }
            s.removeFirst(i)
        }
        var changed = true
        while changed {
            changed = false
            while let first = s.first, Chars.isSpace(first) || Chars.isClauseSeparator(first) || first == 0x28 { s.removeFirst(); changed = true }
            for w in leadingNoise where s.count > w.count && Array(s[0..<w.count]) == w { s.removeFirst(w.count); changed = true }
            for w in trailingNoise where s.count > w.count && Array(s[(s.count - w.count)...]) == w { s.removeLast(w.count); changed = true }
            while let last = s.last, Chars.isSpace(last) || Chars.isClauseSeparator(last) { s.removeLast(); changed = true }
        }
        return String(String.UnicodeScalarView(s.compactMap(Unicode.Scalar.init)))
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

/// Reading the list and heading numbers of Chinese reports ("一、", "（三）", "1.").
extension Numbering {
    static let part = Chars.of("部分")
    static let attachmentWords = [Chars.of("附件"), Chars.of("附表")]

    /// The numbering at the start of `t` ("第一部分", "附表2：", "一、", "（三）", "(2)", "⑴", "1."),
    /// and the index just past it.
    public static func parse(_ t: CleanText) -> (Numbering, Int)? {
        guard !t.isEmpty else { return nil }
        let s0 = t[0]
        // 第一部分
        if s0 == 0x7B2C, let (n, len) = chineseNumber(t, at: 1), t.matches(part, at: 1 + len) {
            let end = 1 + len + part.count
            return (Numbering(style: .part, ordinal: n, marker: t.string(0..<end)), end)
        }
        // 附件1 / 附表2
        for word in attachmentWords where t.matches(word, at: 0) {
            var k = word.count
            var n = 0
            if let (v, len) = arabicNumber(t, at: k) {
                n = v
                k += len
            } else if let (v, len) = chineseNumber(t, at: k) {
                n = v
                k += len
            } else {
                continue
            }
            if k < t.count && (t[k] == 0xFF1A || t[k] == 0x3A) { k += 1 }
            return (Numbering(style: .attachment, ordinal: n, marker: t.string(0..<k)), k)
        }
        // 一、
        if let (n, len) = chineseNumber(t, at: 0), len < t.count, t[len] == 0x3001 {
            return (Numbering(style: .chineseComma, ordinal: n, marker: t.string(0..<(len + 1))), len + 1)
        }
        // （一） / （1）
        if s0 == 0x28 {
            if let (n, len) = chineseNumber(t, at: 1), 1 + len < t.count, t[1 + len] == 0x29 {
                return (Numbering(style: .parenChinese, ordinal: n, marker: t.string(0..<(len + 2))), len + 2)
            }
            if let (n, len) = arabicNumber(t, at: 1), len <= 2, 1 + len < t.count, t[1 + len] == 0x29 {
                return (Numbering(style: .parenArabic, ordinal: n, marker: t.string(0..<(len + 2))), len + 2)
            }
        }
        // ⑴…⒇ and ①…⑳
        if (s0 >= 0x2474 && s0 <= 0x2487) || (s0 >= 0x2460 && s0 <= 0x2473) {
            let n = s0 >= 0x2474 ? Int(s0 - 0x2474) + 1 : Int(s0 - 0x2460) + 1
            return (Numbering(style: .circled, ordinal: n, marker: t.string(0..<1)), 1)
        }
        // 1. 1、 (but not 1.5)
        if let (n, len) = arabicNumber(t, at: 0), len <= 2, len < t.count, t[len] == 0x2E || t[len] == 0x3001 {
            if len + 1 < t.count && Chars.isDigit(t[len + 1]) { return nil }
            if len + 1 >= t.count { return nil }
            return (Numbering(style: .arabicDot, ordinal: n, marker: t.string(0..<(len + 1))), len + 1)
        }
        return nil
    }

    package static func arabicNumber(_ t: CleanText, at i: Int) -> (Int, Int)? {
        var k = i
        var v = 0
        while k < t.count && Chars.isDigit(t[k]) && k - i < 4 {
            v = v * 10 + Int(t[k] - 0x30)
            k += 1
        }
        return k > i ? (v, k - i) : nil
    }

    package static func chineseDigit(_ s: UInt32) -> Int? {
        switch s {
        case 0x4E00: return 1 // 一
        case 0x4E8C: return 2 // 二
        case 0x4E09: return 3 // 三
        case 0x56DB: return 4 // 四
        case 0x4E94: return 5 // 五
        case 0x516D: return 6 // 六
        case 0x4E03: return 7 // 七
        case 0x516B: return 8 // 八
        case 0x4E5D: return 9 // 九
        default: return nil
        }
    }

    /// 一 … 九十九 at `i`: value and length.
    package static func chineseNumber(_ t: CleanText, at i: Int) -> (Int, Int)? {
        guard i < t.count else { return nil }
        let ten: UInt32 = 0x5341 // 十
        var k = i
        var value = 0
        if let d = chineseDigit(t[k]) {
            k += 1
            if k < t.count && t[k] == ten {
                k += 1
                value = d * 10
                if k < t.count, let u = chineseDigit(t[k]) {
                    value += u
                    k += 1
                }
            } else {
                value = d
            }
        } else if t[k] == ten {
            k += 1
            value = 10
            if k < t.count, let u = chineseDigit(t[k]) {
                value += u
                k += 1
            }
        } else {
            return nil
        }
        return (value, k - i)
    }
}

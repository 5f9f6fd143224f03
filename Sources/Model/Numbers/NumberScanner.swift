/// Everything numeric found in one piece of text.
public struct ScannedText: Sendable {
    public var quantities: [Quantity] = []
    public var years: [YearMention] = []
    public var dates: [DateMention] = []
}

/// Finds quantities, years and dates in `CleanText` in one linear pass.
///
/// What is not an amount is recognised and set aside: years (2024年度, 〔2025〕),
/// dates (12月31日, 1—12月), document numbers (…1号), list numbers at a clause
/// start ("1." "（2）"), 功能分类 codes ("(201)" after a name), ordinals (第3名),
/// and alphanumeric codes (51090422T000000401050, 川J·1D692).
public enum NumberScanner {
    /// The quantities, years and dates of `t`, in order.
    ///
    /// `maxQuantities` stops the scan once that many quantities are kept (for callers that
    /// want the first); with a `budget`, the scan stops, and the budget records it, when
    /// the document's quantities outgrow its allowance at the current place in the text.
    public static func scan(_ t: CleanText, maxQuantities: Int = .max, budget: WorkBudget? = nil) -> ScannedText {
        var out = ScannedText()
        var i = 0
        let n = t.count
        // Checked every so many quantities: the allowance grows with the text read, so a
        // single 10 MB line of "1,1,1,…" is stopped within its first kilobytes.
        var nextCheck = budget == nil ? Int.max : 256
        while i < n {
            guard Chars.isDigit(t[i]) else {
                i += 1
                continue
            }
            i = scanNumber(t, at: i, into: &out, budget: budget)
            if out.quantities.count >= maxQuantities { break }
            if out.quantities.count >= nextCheck, let budget {
                nextCheck += 256
                let offset = t.span(min(i, n - 1)..<min(i, n - 1) + 1).start
                let allowance = budget.quantityAllowance(atOffset: offset)
                if budget.used(.quantities) + out.quantities.count > allowance {
                    budget.exceed(.quantities, limit: allowance, place: t.sourcePlace(offset))
                    break
                }
            }
        }
        // Kept for the whole audit: drop the growth slack of appending.
        if out.quantities.capacity > out.quantities.count + 1 { out.quantities = exact(out.quantities) }
        if out.years.capacity > out.years.count + 1 { out.years = exact(out.years) }
        return out
    }

    static func exact<T>(_ a: [T]) -> [T] {
        var copy: [T] = []
        copy.reserveCapacity(a.count)
        copy.append(contentsOf: a)
        return copy
    }

    // MARK: - scalar constants

    static let wan: UInt32 = 0x4E07, yuan: UInt32 = 0x5143, yi: UInt32 = 0x4EBF, zheng: UInt32 = 0x6574
    static let yu: UInt32 = 0x4F59, duo: UInt32 = 0x591A, jin: UInt32 = 0x8FD1, yue4: UInt32 = 0x7EA6
    static let nian: UInt32 = 0x5E74, du: UInt32 = 0x5EA6, mo: UInt32 = 0x672B, chu: UInt32 = 0x521D, di: UInt32 = 0x5E95
    static let yue: UInt32 = 0x6708, ri: UInt32 = 0x65E5, hao: UInt32 = 0x53F7, di4: UInt32 = 0x7B2C, fen: UInt32 = 0x5206
    static let qian: UInt32 = 0x5343, zhi: UInt32 = 0x81F3, mei: UInt32 = 0x6BCF, chao: UInt32 = 0x8D85, yu2: UInt32 = 0x903E
    static let openTortoise: UInt32 = 0x3014, closeTortoise: UInt32 = 0x3015

    /// Count units, longest first so that 人次 wins over 人.
    static let countUnits: [[UInt32]] = [
        "台(套)", "人次", "批次", "场次", "户次", "件次", "台套", "家次",
        "人", "个", "次", "辆", "期", "篇", "名", "项", "家", "条", "份", "套", "件", "场", "所", "户",
        "座", "处", "类", "部", "张", "本", "册", "种", "间", "起", "台", "字", "倍", "届", "周年", "课",
        "艘", "架", "亩", "平方米", "公里", "米", "吨", "株", "棵", "头", "只", "组", "批", "轮", "节", "门", "支"
    ].map(Chars.of).sorted { $0.count > $1.count }

    static let countUnitNames = countUnits.map { Chars.string($0) }

    static let durationUnits: [[UInt32]] = ["个月", "小时", "年", "天", "周", "日"].map(Chars.of)

    /// Words that begin with 分 but are not score points (分别, 分钟 …).
    static let notPoints: Set<UInt32> = Set(Chars.of("别钟之析配类为成管期批级项解布摊担"))

    // MARK: - scanning one number

    static func scanNumber(_ t: CleanText, at start: Int, into out: inout ScannedText, budget: WorkBudget? = nil) -> Int {
        let n = t.count
        // Part of an alphanumeric code ("T0001", "1D692").
        if start > 0 && (Chars.isASCIILetter(t[start - 1]) || t[start - 1] == 0x5F) {
            return skipAlphanumeric(t, from: start)
        }
        let number: Digits
        switch readDigits(t, at: start) {
        case .amount(let d): number = d
        case .notAmount(let end): return max(end, skipAlphanumeric(t, from: start))
        case .overlong(let end):
            // The document is refused (with a budget to say so), never read with the number cut.
            budget?.fail(overlongNumber(t, start..<end))
            return end
        }
        var j = number.end
        if j < n && Chars.isASCIILetter(t[j]) { return skipAlphanumeric(t, from: start) }
        // "4·15", "6.9.1": dotted dates and versions.
        if j + 1 < n && (t[j] == 0xB7 || t[j] == 0x30FB || t[j] == 0x2E) && Chars.isDigit(t[j + 1]) {
            return skipAlphanumeric(t, from: j + 1)
        }
        let before = previousNonSpace(t, before: start)

        // Years: 2024年度, 2023年末, 〔2025〕, (2023).
        if number.decimals == 0 && number.intDigits == 4, case let year = Int(number.value.mantissa), (1900...2100).contains(year) {
            if let (form, end) = yearSuffix(t, at: j) {
                let range = start..<end
                out.years.append(YearMention(year: year, form: form, textRange: range, span: t.span(range)))
                // A full date follows: 2024年12月31日.
                if form == .year, let dateEnd = scanMonthDay(t, at: end, year: year, yearStart: start, into: &out) {
                    return dateEnd
                }
                return end
            }
            if let b = before, b.scalar == openTortoise || b.scalar == 0x5B || b.scalar == 0x28,
                j < n, t[j] == closeTortoise || t[j] == 0x5D || t[j] == 0x29
            {
                let range = b.index..<(j + 1)
                out.years.append(YearMention(year: year, form: .bracketed, textRange: range, span: t.span(range)))
                return j + 1
            }
        }
        // Dates: 12月31日, 8月19, 1—12月, 10日.
        if number.decimals == 0, let end = scanMonthDay(t, at: start, year: nil, yearStart: nil, into: &out) {
            return end
        }
        // Document numbers (〔2025〕1号), ordinals (第3名).
        if j < n && t[j] == hao { return j + 1 }
        if let b = before, b.scalar == di4 { return j }
        // List numbers at a clause start: "1." "2、" "1：" "（1）".
        if isListMarker(t, start: start, end: j, before: before) { return j + 1 }
        // 功能分类 codes: "一般公共服务(201)".
        if let b = before, b.scalar == 0x28, b.index > 0, Chars.isHan(t[b.index - 1]) || t[b.index - 1] == 0x29,
            j < n, t[j] == 0x29, number.decimals == 0
        {
            return j + 1
        }

        var q = Quantity(
            value: number.value, decimals: number.decimals, unit: .none,
            textRange: start..<j, numberRange: start..<j, span: t.span(start..<j))
        q.numberSpan = t.span(start..<number.end)
        var rangeStart = start
        // Sign and prefixes: "-4.63%", "≥3", "近10篇", "超129倍".
        if let b = before {
            if b.scalar == 0x2D && b.index == start - 1 && !precededByOperand(t, b.index) {
                q.value = -q.value
                rangeStart = b.index
            } else if let c = comparator(b.scalar) {
                q.comparator = c
                rangeStart = b.index
            } else if b.scalar == jin || b.scalar == yue4 || b.scalar == chao || b.scalar == yu2 {
                q.approximate = true
            }
        }
        // Units and suffixes.
        j = readUnit(t, at: j, into: &q)
        // Ranges: "5-10年", "60%-80%", "4至6个".
        if j + 1 < n, isRangeSeparator(t[j]), Chars.isDigit(t[j + 1]) || (t[j + 1] == 0x20 && j + 2 < n && Chars.isDigit(t[j + 2])) {
            let secondStart = t[j + 1] == 0x20 ? j + 2 : j + 1
            if let second = parseDigits(t, at: secondStart) {
                var upper = Quantity(
                    value: second.value, decimals: second.decimals, unit: .none,
                    textRange: secondStart..<second.end, numberRange: secondStart..<second.end,
                    span: t.span(secondStart..<second.end))
                let after = readUnit(t, at: second.end, into: &upper)
                if upper.unit == .none { upper.unit = q.unit }
                if q.unit == .none || q.unit == upper.unit {
                    q.rangeLow = q.value
                    q.value = upper.value
                    q.decimals = max(q.decimals, upper.decimals)
                    q.unit = upper.unit
                    q.multiplier = upper.multiplier
                    q.approximate = q.approximate || upper.approximate
                    q.perUnit = upper.perUnit ?? q.perUnit
                    j = after
                }
            }
        }
        // "100万以上", "60岁以下".
        if j + 1 < n && t[j] == 0x4EE5 && (t[j + 1] == 0x4E0A || t[j + 1] == 0x4E0B) {
            if q.comparator == nil { q.comparator = t[j + 1] == 0x4E0A ? .ge : .le }
            j += 2
        }
        q.textRange = rangeStart..<j
        q.span = t.span(rangeStart..<j)
        out.quantities.append(q)
        return max(j, number.end)
    }

    struct Digits {
        var value: Dec
        var decimals: Int
        var intDigits: Int
        var end: Int
    }

    /// What a run of digits is: an amount, digits that are not one (a code, a figure beyond
    /// 10^12), or a number written with more significant digits than a report can hold.
    /// The last two say where the run ends, so that it is skipped in one step.
    enum DigitRun {
        case amount(Digits)
        case notAmount(end: Int)
        case overlong(end: Int)
    }

    /// Significant digits beyond which a number written as one (with separators or a decimal
    /// part) is an input error: exact decimals hold 38, and no report needs more than 28.
    public static let maxSignificantDigits = 28

    static func overlongNumber(_ t: CleanText, _ range: Range<Int>) -> InputError {
        let place = t.sourcePlace(t.span(range).start)
        let shown = t.string(range.lowerBound..<min(range.upperBound, range.lowerBound + 48)) + (range.count > 48 ? "…" : "")
        return InputError(
            .overflow,
            LocalizedText(
                zh: "\(place.zh)的数字“\(shown)”超过 \(maxSignificantDigits) 位有效数字，报告不可能有这样的数额",
                en: "\(place.en): the number “\(shown)” has more than \(maxSignificantDigits) significant digits, which no report can hold")
        )
    }

    /// Digits with optional thousands separators ("1,154.91") and a decimal part.
    static func parseDigits(_ t: CleanText, at start: Int) -> Digits? {
        if case .amount(let d) = readDigits(t, at: start) { return d }
        return nil
    }

    /// Finds the extent first, without arithmetic, then converts only what fits: a run of
    /// any length costs one pass and cannot overflow.
    static func readDigits(_ t: CleanText, at start: Int) -> DigitRun {
        let n = t.count
        var j = start
        while j < n && Chars.isDigit(t[j]) { j += 1 }
        let leading = j - start
        var intDigits = leading
        var grouped = false
        // Thousands groups: only after 1–3 leading digits, exactly three digits each.
        if leading <= 3 {
            while j + 3 < n, t[j] == 0x2C, Chars.isDigit(t[j + 1]), Chars.isDigit(t[j + 2]), Chars.isDigit(t[j + 3]),
                !(j + 4 < n && Chars.isDigit(t[j + 4]))
            {
                intDigits += 3
                grouped = true
                j += 4
            }
        }
        let intEnd = j
        var decimals = 0
        if j + 1 < n && t[j] == 0x2E && Chars.isDigit(t[j + 1]) {
            j += 1
            while j < n && Chars.isDigit(t[j]) {
                decimals += 1
                j += 1
            }
        }
        // A plain run of 16 digits or more is a code, whatever its length.
        if leading > 15 { return .notAmount(end: j) }
        if grouped || decimals > 0 {
            var zeros = 0
            var k = start
            while k < intEnd && (t[k] == 0x30 || t[k] == 0x2C) {
                if t[k] == 0x30 { zeros += 1 }
                k += 1
            }
            var significant = intDigits - zeros + decimals
            if k == intEnd {
                // Only zeros before the point: the leading zeros of the decimals are not significant either.
                var d = intEnd + 1
                while d < j && t[d] == 0x30 {
                    significant -= 1
                    d += 1
                }
            }
            if significant > maxSignificantDigits { return .overlong(end: j) }
        }
        if intDigits > 12 || decimals > 8 { return .notAmount(end: j) }
        var mantissa: Int128 = 0
        for k in start..<j where Chars.isDigit(t[k]) { mantissa = mantissa * 10 + Int128(t[k] - 0x30) }
        return .amount(Digits(value: Dec(mantissa: mantissa, scale: decimals), decimals: decimals, intDigits: intDigits, end: j))
    }

    static func skipAlphanumeric(_ t: CleanText, from i: Int) -> Int {
        var j = i
        while j < t.count
            && (Chars.isDigit(t[j]) || Chars.isASCIILetter(t[j]) || t[j] == 0x5F || t[j] == 0xB7 || t[j] == 0x30FB
                || (t[j] == 0x2E && j + 1 < t.count && Chars.isDigit(t[j + 1])))
        {
            j += 1
        }
        return max(j, i + 1)
    }

    static func previousNonSpace(_ t: CleanText, before i: Int) -> (scalar: UInt32, index: Int)? {
        var k = i - 1
        while k >= 0 && t[k] == 0x20 { k -= 1 }
        return k >= 0 ? (t[k], k) : nil
    }

    /// A minus sign is subtraction when an operand precedes it ("563.04-482.69").
    static func precededByOperand(_ t: CleanText, _ minus: Int) -> Bool {
        guard minus > 0 else { return false }
        let p = t[minus - 1]
        return Chars.isDigit(p) || p == 0x25 || p == 0x29 || Chars.isASCIILetter(p)
    }

    static func comparator(_ s: UInt32) -> Comparator? {
        switch s {
        case 0x2265: return .ge
        case 0x2264: return .le
        case 0x3E: return .gt
        case 0x3C: return .lt
        case 0x3D: return .eq
        default: return nil
        }
    }

    static func isRangeSeparator(_ s: UInt32) -> Bool {
        s == 0x2D || s == 0x2014 || s == 0x2013 || s == 0x7E || s == 0xFF5E || s == 0x81F3 // - — – ~ ～ 至
    }

    static func yearSuffix(_ t: CleanText, at j: Int) -> (YearMention.Form, Int)? {
        let n = t.count
        guard j < n, t[j] == nian else { return nil }
        if j + 1 < n {
            switch t[j + 1] {
            case du: return (.fiscalYear, j + 2)
            case mo, di: return (.yearEnd, j + 2)
            case chu: return (.yearStart, j + 2)
            default: break
            }
        }
        return (.year, j + 1)
    }

    /// "12月31日", "12月", "8月19", "1—12月", "10日": records a date and returns its end.
    static func scanMonthDay(_ t: CleanText, at start: Int, year: Int?, yearStart: Int?, into out: inout ScannedText) -> Int? {
        let n = t.count
        guard start < n, Chars.isDigit(t[start]) else { return nil }
        var j = start
        var first = 0
        while j < n && Chars.isDigit(t[j]) && j - start < 2 {
            first = first * 10 + Int(t[j] - 0x30)
            j += 1
        }
        if j < n && Chars.isDigit(t[j]) { return nil }
        // A month range: 1—12月, 1-12月, 1至12月.
        if j + 1 < n, isRangeSeparator(t[j]), Chars.isDigit(t[j + 1]) {
            var k = j + 1
            var second = 0
            while k < n && Chars.isDigit(t[k]) && k - j <= 2 {
                second = second * 10 + Int(t[k] - 0x30)
                k += 1
            }
            if k < n && t[k] == yue && (1...12).contains(first) && (1...12).contains(second) {
                let range = start..<(k + 1)
                out.dates.append(DateMention(year: year, month: second, day: nil, textRange: range, span: t.span(range)))
                return k + 1
            }
            return nil
        }
        guard j < n else { return nil }
        if t[j] == yue && (1...12).contains(first) {
            var end = j + 1
            var day: Int?
            var k = j + 1
            var d = 0
            while k < n && Chars.isDigit(t[k]) && k - j <= 2 {
                d = d * 10 + Int(t[k] - 0x30)
                k += 1
            }
            if k > j + 1 && (1...31).contains(d) && !(k < n && Chars.isDigit(t[k])) {
                day = d
                end = k
                if k < n && (t[k] == ri || t[k] == hao) { end = k + 1 }
            }
            let from = yearStart ?? start
            let range = from..<end
            out.dates.append(DateMention(year: year, month: first, day: day, textRange: range, span: t.span(range)))
            return end
        }
        if year == nil && t[j] == ri && (1...31).contains(first) {
            let range = start..<(j + 1)
            out.dates.append(DateMention(year: nil, month: nil, day: first, textRange: range, span: t.span(range)))
            return j + 1
        }
        return nil
    }

    /// "1." "2、" "3：" at the start of the text or of a clause, and "(1)" likewise.
    static func isListMarker(_ t: CleanText, start: Int, end: Int, before: (scalar: UInt32, index: Int)?) -> Bool {
        let n = t.count
        guard end - start <= 2, end < n else { return false }
        let atClauseStart: Bool
        var prefix = before
        if let b = prefix, b.scalar == 0x28 { prefix = previousNonSpace(t, before: b.index) }
        if let b = prefix {
            atClauseStart =
                b.scalar == 0xFF1B || b.scalar == 0x3B || b.scalar == 0x3002 || b.scalar == 0x0A
                || b.scalar == 0xFF1A || b.scalar == 0x3A
        } else {
            atClauseStart = true
        }
        guard atClauseStart else { return false }
        let next = t[end]
        if let b = before, b.scalar == 0x28 { return next == 0x29 }
        guard next == 0x2E || next == 0x3001 || next == 0xFF1A || next == 0x3A else { return false }
        // "1.5万元" is a number, "1.一般…" is a list item.
        return !(end + 1 < n && Chars.isDigit(t[end + 1]))
    }

    /// Reads what follows the digits: %, money units, counts, points, durations, 余, per-unit rates.
    static func readUnit(_ t: CleanText, at start: Int, into q: inout Quantity) -> Int {
        let n = t.count
        var j = start
        // One space may separate a number from its unit ("≥3 次", "100 %").
        if j + 1 < n && t[j] == 0x20 && !Chars.isDigit(t[j + 1]) { j += 1 }
        guard j < n else { return start }
        if t[j] == 0x25 {
            q.unit = .percent
            while j < n && t[j] == 0x25 { j += 1 }
            return j
        }
        if t[j] == yu || t[j] == duo {
            // "100余人", "20余万元"; but not "余额".
            if j + 1 < n && (t[j + 1] == wan || t[j + 1] == yuan || t[j + 1] == yi || t[j + 1] == qian || isCountStart(t, j + 1)) {
                q.approximate = true
                j += 1
            }
        }
        if t[j] == wan || t[j] == qian || t[j] == yi {
            let power = t[j] == wan ? 4 : t[j] == qian ? 3 : 8
            var k = j + 1
            if k < n && t[k] == yu {
                q.approximate = true
                k += 1
            }
            if k < n && t[k] == yuan {
                q.unit = .money(power: power)
                k += 1
                if k < n && t[k] == zheng { k += 1 }
                return readPerUnit(t, at: k, into: &q)
            }
            if let (unit, end) = countUnit(t, at: k) {
                q.unit = .count(unit)
                q.multiplier = power
                return end
            }
            if power == 4 {
                q.unit = .tenThousand
                return readPerUnit(t, at: k, into: &q)
            }
            if power == 8 {
                q.unit = .money(power: 8)
                return k
            }
            return start
        }
        if t[j] == yuan {
            q.unit = .yuan
            var k = j + 1
            if k < n && t[k] == zheng { k += 1 }
            return readPerUnit(t, at: k, into: &q)
        }
        if t[j] == fen && !(j + 1 < n && notPoints.contains(t[j + 1])) {
            q.unit = .points
            return j + 1
        }
        if let (unit, end) = countUnit(t, at: j) {
            q.unit = .count(unit)
            return end
        }
        for d in durationUnits where t.matches(d, at: j) {
            q.unit = .duration(Chars.string(d))
            return j + d.count
        }
        return q.approximate ? j : start
    }

    static func isCountStart(_ t: CleanText, _ j: Int) -> Bool { countUnit(t, at: j) != nil }

    static func countUnit(_ t: CleanText, at j: Int) -> (String, Int)? {
        guard j < t.count else { return nil }
        let first = t[j]
        for (i, u) in countUnits.enumerated() where u[0] == first && t.matches(u, at: j) {
            return (countUnitNames[i], j + u.count)
        }
        return nil
    }

    /// "元/人", "万元/场", "元每人/每月": a rate.
    static func readPerUnit(_ t: CleanText, at start: Int, into q: inout Quantity) -> Int {
        let n = t.count
        var j = start
        if j < n && t[j] == 0x20 && j + 1 < n && t[j + 1] == 0x2F { j += 1 }
        guard j < n, t[j] == 0x2F || t[j] == mei else { return start }
        var k = j + 1
        if k < n && t[k] == 0x20 { k += 1 }
        let unitStart = k
        while k < n && k - unitStart < 4 && (Chars.isHan(t[k]) || t[k] == 0xB7 || t[k] == 0x30FB || t[k] == 0x2F || t[k] == mei) {
            k += 1
        }
        guard k > unitStart else { return start }
        q.perUnit = t.string(unitStart..<k)
        return k
    }
}

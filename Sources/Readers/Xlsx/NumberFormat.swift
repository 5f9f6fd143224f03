import Model

/// How Excel shows a number: a format code ("#,##0.00", "0.0%", "0.00\"万元\"") applied to the
/// value stored in the sheet. The stored value is the shortest text that reads back as the
/// double ("1234.5", "0.30000000000000004"); what a reader of the table saw, and what the
/// audit must read, is the display: 1234.5 under "#,##0.00" is 1,234.50, whose two decimals
/// say how precisely it was printed. Arithmetic is exact on the decimal text (`Dec`).
struct NumberFormat: Sendable, Equatable {
    /// The format code's sections: positive;negative;zero;text.
    let sections: [Section]
    let isGeneral: Bool

    struct Section: Sendable, Equatable {
        var prefix = ""
        var suffix = ""
        var decimals = 0
        var grouping = false
        var percent = false
        /// Each trailing comma after the digits divides by 1000.
        var thousandsScale = 0
        var isDate = false
        /// The section prints a number at all (a zero section may be only "-").
        var hasDigits = false
        var dateUsesChinese = false
    }

    static let general = NumberFormat(code: "General")

    /// Built-in formats (ECMA-376 §18.8.30) that a style may refer to by id alone.
    static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 1: return NumberFormat(code: "0")
        case 2: return NumberFormat(code: "0.00")
        case 3: return NumberFormat(code: "#,##0")
        case 4: return NumberFormat(code: "#,##0.00")
        case 9: return NumberFormat(code: "0%")
        case 10: return NumberFormat(code: "0.00%")
        case 11: return NumberFormat(code: "0.00E+00")
        case 14...22, 27...36, 45...47, 50...58: return NumberFormat(code: "yyyy-mm-dd")
        case 37, 38: return NumberFormat(code: "#,##0;-#,##0")
        case 39, 40: return NumberFormat(code: "#,##0.00;-#,##0.00")
        case 41, 42: return NumberFormat(code: "#,##0;-#,##0;\"-\"")
        case 43, 44: return NumberFormat(code: "#,##0.00;-#,##0.00;\"-\"")
        case 48: return NumberFormat(code: "0.0E+0")
        default: return .general
        }
    }

    init(code: String) {
        let trimmed = code.trimmingSpaces
        isGeneral = trimmed.isEmpty || trimmed.lowercased() == "general" || trimmed == "@"
        sections = isGeneral ? [] : NumberFormat.split(trimmed).map(NumberFormat.parse)
    }

    /// The text Excel shows for a stored numeric value, or nil when the value is not a number.
    func display(_ stored: String) -> String? {
        guard let value = NumberFormat.decimal(stored) else { return nil }
        if isGeneral || sections.isEmpty { return NumberFormat.general(value) }
        var section = sections[0]
        var v = value
        var sign = ""
        if value.isNegative {
            if sections.count >= 2 {
                section = sections[1]
                v = -value
            } else {
                sign = "-"
                v = -value
            }
        } else if value.isZero, sections.count >= 3 {
            section = sections[2]
        }
        if section.isDate { return NumberFormat.date(serial: value, chinese: section.dateUsesChinese) }
        guard section.hasDigits else { return section.prefix + section.suffix }
        if section.percent { v = v * Dec.hundred }
        if section.thousandsScale > 0 { v = v.shifted(by: -3 * section.thousandsScale) }
        guard v.isValid else { return nil }
        let rounded = v.rounded(decimals: section.decimals)
        // A negative value that rounds to zero prints without its sign, as Excel does.
        let digits = rounded.formatted(minDecimals: section.decimals)
        let text = section.grouping ? NumberFormat.group(digits) : digits
        return (rounded.isZero ? "" : sign) + section.prefix + text + section.suffix
    }

    // MARK: parsing a format code

    /// Splits at ";" outside quotes, brackets and escapes.
    static func split(_ code: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for ch in code {
            if escaped {
                current.append(ch)
                escaped = false
                continue
            }
            switch ch {
            case "\\":
                escaped = true
                current.append(ch)
            case "\"":
                quoted.toggle()
                current.append(ch)
            case "[" where !quoted:
                bracket = true
                current.append(ch)
            case "]" where !quoted:
                bracket = false
                current.append(ch)
            case ";" where !quoted && !bracket:
                out.append(current)
                current = ""
            default: current.append(ch)
            }
        }
        out.append(current)
        return Array(out.prefix(4))
    }

    static func parse(_ code: String) -> Section {
        var s = Section()
        var literalBefore = ""
        var literalAfter = ""
        var inNumber = false
        var afterPoint = false
        var numberEnded = false
        var chars = Array(code)
        var i = 0
        func literal(_ text: String) {
            if text.contains("年") { s.dateUsesChinese = true }
            if numberEnded || inNumber { literalAfter += text } else { literalBefore += text }
            if inNumber {
                numberEnded = true
                inNumber = false
            }
        }
        while i < chars.count {
            let ch = chars[i]
            switch ch {
            case "\"":
                var j = i + 1
                var text = ""
                while j < chars.count && chars[j] != "\"" {
                    text.append(chars[j])
                    j += 1
                }
                literal(text)
                i = j + 1
                continue
            case "\\":
                if i + 1 < chars.count { literal(String(chars[i + 1])) }
                i += 2
                continue
            case "[":
                // Colours and conditions ([Red], [>=100]); [$¥-804] carries a currency symbol.
                var j = i + 1
                var text = ""
                while j < chars.count && chars[j] != "]" {
                    text.append(chars[j])
                    j += 1
                }
                if text.hasPrefix("$") {
                    let symbol = text.dropFirst().prefix { $0 != "-" }
                    literal(String(symbol))
                }
                i = j + 1
                continue
            case "_":
                // Space the width of the next character: nothing visible.
                i += 2
                continue
            case "*":
                // Repeat the next character to fill the cell: padding, not content.
                i += 2
                continue
            case "0", "#", "?":
                if numberEnded { break }
                inNumber = true
                s.hasDigits = true
                if afterPoint { s.decimals += 1 }
            case ".":
                if inNumber || (i + 1 < chars.count && "0#?".contains(chars[i + 1])) {
                    inNumber = true
                    afterPoint = true
                } else {
                    literal(".")
                }
            case ",":
                // Between digit placeholders: grouping; right after the last one: ÷1000.
                if inNumber && !afterPoint && i + 1 < chars.count && "0#?".contains(chars[i + 1]) {
                    s.grouping = true
                } else if inNumber {
                    s.thousandsScale += 1
                } else {
                    literal(",")
                }
            case "%":
                s.percent = true
                literal("%")
            case "E", "e":
                // Scientific notation: shown here in plain digits with the same decimals.
                if inNumber, i + 1 < chars.count, chars[i + 1] == "+" || chars[i + 1] == "-" {
                    i += 2
                    while i < chars.count && "0#?".contains(chars[i]) { i += 1 }
                    continue
                }
                literal(String(ch))
            case "y", "Y", "m", "M", "d", "D", "h", "H", "s", "S":
                s.isDate = true
            case "年", "月", "日":
                s.dateUsesChinese = true
                literal(String(ch))
            case "@":
                break
            default:
                literal(String(ch))
            }
            i += 1
        }
        chars.removeAll()
        if s.isDate && s.hasDigits { s.isDate = false }
        s.prefix = literalBefore
        s.suffix = literalAfter
        return s
    }

    // MARK: values

    /// The stored text as an exact decimal: "1234.5", "-3", "1.2345E+3", "2.9400500000000002E3".
    static func decimal(_ text: String) -> Dec? {
        var mantissa = ""
        var exponent = 0
        let parts = text.trimmingSpaces.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "E" || $0 == "e" })
        guard parts.count == 1 || parts.count == 2, let m = parts.first, !m.isEmpty else { return nil }
        mantissa = String(m)
        if parts.count == 2 {
            guard let e = Int(parts[1].hasPrefix("+") ? String(parts[1].dropFirst()) : String(parts[1])), abs(e) <= 60 else { return nil }
            exponent = e
        }
        guard let value = Dec(mantissa) else { return nil }
        let shifted = value.shifted(by: exponent)
        return shifted.isValid ? shifted : nil
    }

    /// General: the value with float noise removed (15 significant digits, as Excel keeps).
    static func general(_ value: Dec) -> String {
        let text = value.magnitude.formatted()
        let integerDigits = text.split(separator: ".").first.map { $0 == "0" ? 0 : $0.count } ?? 0
        var significantZeros = 0
        if integerDigits == 0, let fraction = text.split(separator: ".").last {
            significantZeros = fraction.prefix { $0 == "0" }.count
        }
        let decimals = max(0, 15 - integerDigits + significantZeros)
        return value.rounded(decimals: min(decimals, 30)).formatted()
    }

    /// "1234567.50" → "1,234,567.50".
    static func group(_ digits: String) -> String {
        var integer = Substring(digits)
        var fraction = Substring("")
        if let dot = digits.firstIndex(of: ".") {
            integer = digits[..<dot]
            fraction = digits[dot...]
        }
        var negative = false
        if integer.hasPrefix("-") {
            negative = true
            integer = integer.dropFirst()
        }
        var out: [Character] = []
        for (k, ch) in integer.reversed().enumerated() {
            if k > 0 && k % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (negative ? "-" : "") + String(out.reversed()) + fraction
    }

    /// A date serial of the 1900 date system (with Excel's phantom 29 February 1900).
    static func date(serial: Dec, chinese: Bool) -> String? {
        guard let whole = Int(serial.rounded(decimals: 0).formatted()), whole >= 1, whole < 2_958_466 else { return nil }
        // Days since 1899-12-31 (serial 60 is the phantom day; later serials are one ahead).
        let days = whole > 60 ? whole - 1 : whole
        // Civil-from-days (Howard Hinnant), counted from 0000-03-01: 1970-01-01 is day 719,468.
        let z = days + 693_900
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        var y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        if m <= 2 { y += 1 }
        if chinese { return "\(y)年\(m)月\(d)日" }
        return "\(y)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}

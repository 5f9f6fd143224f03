import Model

/// The figures a finding involves, as printed: the numbers in the text of its place and of
/// each related place (the total, the parts, the other statement), in order. A baseline
/// records them with the fingerprint, so that a discrepancy whose figures change — a gap
/// that moves from 3.08 to 2.00 because a new wrong figure replaced the old one — is a new
/// finding, while an edit anywhere else leaves it baselined. Thousands separators and
/// spaces are not part of a figure; units are (a 万元 that becomes 元 is a new statement).
public enum BaselineFigures {
    public static func of(_ finding: Finding, in source: SourceText) -> [String] {
        ([finding.span] + finding.related.map(\.span)).flatMap { figures(in: source.text($0.range)) }
    }

    /// The numbers of a stretch of text: digits with their decimal point and a trailing %
    /// (full-width forms read as ASCII), each as one string.
    static func figures(in text: String) -> [String] {
        let scalars = text.unicodeScalars.map(ascii)
        var out: [String] = []
        var current = ""
        func close() {
            while current.hasSuffix(".") { current.removeLast() }
            if !current.isEmpty { out.append(current) }
            current = ""
        }
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if ("0"..."9").contains(c) || (c == "." && !current.isEmpty) {
                current.unicodeScalars.append(c)
            } else if c == "%" && !current.isEmpty {
                current += "%"
                close()
            } else if c == "," && !current.isEmpty && groupFollows(scalars, i + 1) {
                // "1,418.62" and "1, 418.62" (an extractor's space): one figure.
                if i + 1 < scalars.count && scalars[i + 1] == " " { i += 1 }
            } else {
                close()
            }
            i += 1
        }
        close()
        return out
    }

    /// Three digits (after an optional space) and then no further digit: a thousands group.
    static func groupFollows(_ s: [Unicode.Scalar], _ from: Int) -> Bool {
        var k = from
        if k < s.count && s[k] == " " { k += 1 }
        guard k + 3 <= s.count, s[k..<(k + 3)].allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        return k + 3 == s.count || !("0"..."9").contains(s[k + 3])
    }

    static func ascii(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0xFF10...0xFF19: return Unicode.Scalar(s.value - 0xFF10 + 0x30)!
        case 0xFF0E: return "."
        case 0xFF05: return "%"
        default: return s
        }
    }
}

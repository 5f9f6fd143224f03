import Model

/// Where the extractor's lines were cut. A hard-wrapped line ends at the right margin, or
/// short of it by less than the first word of the next line (a number is never split, and a
/// comma never starts a line); a paragraph's last line ends wherever it ends.
///
/// The margin is the densest band of right edges among prose lines. Text laid out by a PDF
/// wraps at a width, which display columns follow (a CJK character takes two, a digit one);
/// text wrapped by a program wraps at a count of characters. The measure whose band holds
/// more lines is the one the text was wrapped by.
struct WrapModel {
    enum Measure { case columns, characters }

    let measure: Measure
    /// The right margin in the chosen measure (0: no wrapping seen).
    let margin: Int
    /// How far short of the margin a wrapped line may end, justification and kerning aside.
    let slack: Int

    static let none = WrapModel(measure: .columns, margin: 0, slack: 0)

    /// Prose lines are long single-field lines; table rows and headings say nothing about wrapping.
    static func isProseCandidate(_ l: LaidLine) -> Bool {
        l.fields.count == 1 && l.characters >= 8
    }

    static func estimate(_ lines: [LaidLine]) -> WrapModel {
        var columns: [Int] = []
        var characters: [Int] = []
        for l in lines where isProseCandidate(l) {
            columns.append(l.width)
            characters.append(l.rightEdgeInCharacters)
        }
        guard columns.count >= 2 else { return .none }
        let (c, cn) = densest(columns)
        let (k, kn) = densest(characters)
        // A program's wrap puts most lines at exactly one count; a page's at one width.
        if kn > cn {
            return WrapModel(measure: .characters, margin: k, slack: max(1, k / 50))
        }
        return WrapModel(measure: .columns, margin: c, slack: max(2, c / 25))
    }

    /// The right edge with the most lines within 3% below it (ties: the wider).
    static func densest(_ values: [Int]) -> (Int, Int) {
        var counts: [Int: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        var best = (0, 0)
        for v in counts.keys where v >= 16 {
            let band = max(1, v * 3 / 100)
            var n = 0
            for d in 0...band { n += counts[v - d] ?? 0 }
            if n > best.1 || (n == best.1 && v > best.0) { best = (v, n) }
        }
        return best
    }

    func edge(_ l: LaidLine) -> Int { measure == .columns ? l.width : l.rightEdgeInCharacters }

    /// Whether line `a` ends where a wrap would put it, given that `firstWord` (in this
    /// measure) begins the next line.
    func isFull(_ a: LaidLine, firstWord: Int) -> Bool {
        guard margin > 0 else { return false }
        return edge(a) + firstWord >= margin - slack
    }

    /// Nearly full: within an eighth of the margin (a line of wide punctuation or many digits).
    func isNearlyFull(_ a: LaidLine) -> Bool {
        guard margin > 0 else { return false }
        return edge(a) * 8 >= margin * 7
    }

    /// The first unbreakable unit of a line in this measure: a run of digits, letters and the
    /// marks inside numbers, or one CJK character; with the punctuation that may not start a
    /// line after it.
    func firstWord(_ bytes: [UInt8], _ l: LaidLine) -> Int {
        var i = l.content.lowerBound
        var size = 0
        var sawRun = false
        while i < l.content.upperBound {
            let (s, n) = UTF8Scan.decode(bytes, at: i, limit: l.content.upperBound)
            let f = Chars.fold(s)
            let w = measure == .columns ? Chars.displayWidth(s) : 1
            if Chars.isDigit(f) || Chars.isASCIILetter(f) || f == 0x2E || f == 0x2C || f == 0x25 {
                size += w
                sawRun = true
            } else if WrapModel.isClosing(f) {
                size += w
            } else if !sawRun && size == 0 {
                size += w
            } else {
                break
            }
            i += n
        }
        return size
    }

    /// Punctuation Chinese typesetting never puts at the start of a line.
    static func isClosing(_ s: UInt32) -> Bool {
        switch s {
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0x29, 0x201D, 0x2019, 0x300B, 0x300D, 0x300F, 0x3011,
            0x25, 0x2C, 0x3B, 0x3A, 0x2E:
            return true
        default:
            return false
        }
    }
}

import Model

/// Header cells to column roles, with `PerformanceVocabulary`'s words compiled once: each word
/// is indexed by its first scalar, so a cell is matched in one pass over its key.
enum HeaderMatcher {
    struct Word {
        let scalars: [UInt32]
        let entry: Int
        let whole: Bool
    }

    struct Compiled {
        let words: [Word]
        /// First scalar → indices into `words`.
        let byFirst: [UInt32: [Int]]
        let excluding: [[[UInt32]]]
    }

    static let compiled: Compiled = {
        var words: [Word] = []
        for (i, entry) in PerformanceVocabulary.roles.enumerated() {
            words += entry.words.map { Word(scalars: Chars.of($0), entry: i, whole: false) }
            words += entry.whole.map { Word(scalars: Chars.of($0), entry: i, whole: true) }
        }
        var byFirst: [UInt32: [Int]] = [:]
        for (i, w) in words.enumerated() { byFirst[w.scalars[0], default: []].append(i) }
        return Compiled(
            words: words, byFirst: byFirst,
            excluding: PerformanceVocabulary.roles.map { $0.excluding.map(Chars.of) })
    }()

    /// Header cells longer than this are sentences (instructions, data), not column names.
    static let longestHeader = 24

    /// The role the words of cell (r, c) name in `block` (nil: either block), if any: the longest
    /// word found decides, the earlier entry on a tie.
    static func role(_ g: Grid, _ r: Int, _ c: Int, in block: PerformanceBlockKind?) -> PerformanceRole? {
        guard let range = g.keyRange(r, c), !range.isEmpty, range.count <= longestHeader else { return nil }
        let key = g.keyScalars[range]
        let bare = withoutBrackets(key)
        let table = compiled
        var best: (length: Int, entry: Int)?
        var i = key.startIndex
        while i < key.endIndex {
            if let candidates = table.byFirst[key[i]] {
                for wi in candidates {
                    let w = table.words[wi]
                    let entry = PerformanceVocabulary.roles[w.entry]
                    if let b = entry.block, let block, b != block { continue }
                    if entry.block != nil && block == nil { continue }
                    let found =
                        w.whole
                        ? (i == key.startIndex && bare.elementsEqual(w.scalars))
                        : (key.endIndex - i >= w.scalars.count && key[i..<(i + w.scalars.count)].elementsEqual(w.scalars))
                    guard found else { continue }
                    if let b = best, b.length > w.scalars.count || (b.length == w.scalars.count && b.entry <= w.entry) { continue }
                    if table.excluding[w.entry].contains(where: { contains(key, $0) }) { continue }
                    best = (w.scalars.count, w.entry)
                }
            }
            i += 1
        }
        return best.map { PerformanceVocabulary.roles[$0.entry].role }
    }

    /// The unit a header gives to bare numbers below it: "（%）", "(B/A)" and a trailing "%" are
    /// percent; "（万元）", "（元）", "（亿元）" money. "（10分）" is the block's points, no unit.
    static func unit(_ g: Grid, _ r: Int, _ c: Int) -> Unit? {
        guard let range = g.keyRange(r, c), !range.isEmpty else { return nil }
        let key = Array(g.keyScalars[range])
        var depth = 0
        var inside: [UInt32] = []
        var groups: [[UInt32]] = []
        for s in key {
            if s == 0x28 || s == 0x5B || s == 0x3010 {
                depth += 1
                inside = []
                continue
            }
            if (s == 0x29 || s == 0x5D || s == 0x3011) && depth > 0 {
                depth -= 1
                groups.append(inside)
                continue
            }
            if depth > 0 { inside.append(s) }
        }
        for g in groups {
            if g.contains(0x25) { return .percent }
            if g.count >= 3, g.contains(0x2F), g.allSatisfy({ $0 == 0x2F || Chars.isASCIILetter($0) }) { return .percent }
            if g.elementsEqual(Chars.of("万元")) { return .wanYuan }
            if g.elementsEqual(Chars.of("亿元")) { return .yiYuan }
            if g.elementsEqual(Chars.of("元")) { return .yuan }
        }
        if key.last == 0x25 { return .percent }
        return nil
    }

    /// The key without bracketed parts ("全年预算数(A)" → "全年预算数"), for words that must be the whole cell.
    static func withoutBrackets(_ key: ArraySlice<UInt32>) -> [UInt32] {
        var out: [UInt32] = []
        var depth = 0
        for s in key {
            if s == 0x28 || s == 0x5B || s == 0x3010 {
                depth += 1
                continue
            }
            if (s == 0x29 || s == 0x5D || s == 0x3011) && depth > 0 {
                depth -= 1
                continue
            }
            if depth == 0 && s != 0x25 && s != 0x3A && s != 0xFF1A { out.append(s) }
        }
        return out
    }

    static func contains(_ key: ArraySlice<UInt32>, _ word: [UInt32]) -> Bool {
        guard !word.isEmpty, key.count >= word.count else { return false }
        var i = key.startIndex
        while i + word.count <= key.endIndex {
            if key[i] == word[0] && key[i..<(i + word.count)].elementsEqual(word) { return true }
            i += 1
        }
        return false
    }

    // MARK: block headers

    /// The roles of a row's cells read as a header of `block`.
    static func roles(_ g: Grid, row r: Int, in block: PerformanceBlockKind) -> [PerformanceRole?] {
        (0..<g.width(r)).map { role(g, r, $0, in: block) }
    }

    /// The block whose header row `r` is, with its roles: an indicator header names its levels and
    /// something measured of them; a budget header an amount budgeted and one executed (or the rate).
    static func header(_ g: Grid, row r: Int) -> (kind: PerformanceBlockKind, roles: [PerformanceRole?])? {
        let w = g.width(r)
        guard w >= 3 else { return nil }
        var filled = 0
        for c in 0..<w where !g.isEmpty(r, c) {
            filled += 1
            if g.keyLength(r, c) > longestHeader * 3 { return nil }
        }
        guard filled >= 3 else { return nil }
        let asIndicators = roles(g, row: r, in: .indicators)
        if isIndicatorHeader(asIndicators) { return (.indicators, asIndicators) }
        let asBudget = roles(g, row: r, in: .budget)
        if isBudgetHeader(asBudget) { return (.budget, asBudget) }
        return nil
    }

    static func isIndicatorHeader(_ roles: [PerformanceRole?]) -> Bool {
        let set = Set(roles.compactMap { $0 })
        let levels = [PerformanceRole.level1, .level2, .level3].filter(set.contains).count
        let measured = [PerformanceRole.target, .actual, .completionRate, .weight, .score, .targetOperator].filter(set.contains).count
        return (levels >= 2 && measured >= 1) || (levels >= 1 && measured >= 2)
    }

    static func isBudgetHeader(_ roles: [PerformanceRole?]) -> Bool {
        let set = Set(roles.compactMap { $0 })
        let budgeted = set.contains(.initialBudget) || set.contains(.adjustedBudget)
        let spent = set.contains(.executed) || set.contains(.executionRate)
        let data = [PerformanceRole.initialBudget, .adjustedBudget, .executed, .executionRate, .weight, .score].filter(set.contains).count
        return budgeted && spent && data >= 3
    }
}

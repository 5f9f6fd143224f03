/// Running headers, footers and page numbers: lines in the top or bottom band of a page that
/// read as a page number ("— 12 —", "第 3 页", "- 3 -", "3/25"), that a tagged PDF marks as
/// artifacts, or whose text (digits aside) repeats in the same band on other pages.
enum RunningText {
    /// The bands, as a share of the page height.
    static let band: Float = 0.09

    /// For each page, the indices of its lines that are running text.
    static func find(_ pages: [PageLayout]) -> [Set<Int>] {
        var result: [Set<Int>] = Array(repeating: [], count: pages.count)
        var candidates: [(page: Int, line: Int, key: [UInt32], top: Bool)] = []
        var counts: [[UInt32]: Set<Int>] = [:]
        for (p, page) in pages.enumerated() {
            let height = Float(page.box.height)
            let upper = Float(page.box.y1) - band * height
            let lower = Float(page.box.y0) + band * height
            // Only the lines beyond all table content of the page can be running text.
            let tableTop = page.tables.map(\.top).max() ?? -.infinity
            let tableBottom = page.tables.map(\.bottom).min() ?? .infinity
            for (k, line) in page.lines.enumerated() {
                let isTop = line.baseline >= upper && line.baseline > tableTop
                let isBottom = line.top <= lower && line.baseline < tableBottom
                guard isTop || isBottom else { continue }
                if line.artifact || isPageNumber(line.text) {
                    result[p].insert(k)
                    continue
                }
                let key = normalised(line.text)
                guard !key.isEmpty else { continue }
                candidates.append((p, k, key, isTop))
                counts[key, default: []].insert(p)
            }
        }
        let needed = pages.count >= 6 ? 3 : 2
        for c in candidates where (counts[c.key]?.count ?? 0) >= needed && pages.count >= 2 {
            result[c.page].insert(c.line)
        }
        return result
    }

    /// The text without spaces, digits folded to one symbol (page numbers vary, headers don't).
    static func normalised(_ text: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        for s in text where s != 0x20 && s != 0x3000 {
            out.append(s >= 0x30 && s <= 0x39 ? 0x23 : s)
        }
        return out
    }

    /// "12", "- 12 -", "— 12 —", "第 12 页", "第12页 共30页", "12/30", "Page 12", "（12）".
    static func isPageNumber(_ text: [UInt32]) -> Bool {
        let t = text.filter { $0 != 0x20 && $0 != 0x3000 }
        guard !t.isEmpty, t.count <= 16 else { return false }
        var i = 0
        func skip(_ set: Set<UInt32>) { while i < t.count && set.contains(t[i]) { i += 1 } }
        func digits() -> Bool {
            let s = i
            while i < t.count && t[i] >= 0x30 && t[i] <= 0x39 { i += 1 }
            return i > s && i - s <= 5
        }
        let dashes: Set<UInt32> = [
            0x2D, 0x2014, 0x2013, 0x2015, 0x2012, 0xFF0D, 0x2500, 0x7E, 0xB7, 0x2022, 0x28, 0x29, 0xFF08, 0xFF09, 0x5B, 0x5D
        ]
        // Page N / Page N of M
        if t.count >= 5, t[0] == 0x50 || t[0] == 0x70, t[1] == 0x61, t[2] == 0x67, t[3] == 0x65 {
            i = 4
            guard digits() else { return false }
            if i == t.count { return true }
            if i + 2 < t.count, t[i] == 0x6F, t[i + 1] == 0x66 {
                i += 2
                return digits() && i == t.count
            }
            return false
        }
        skip(dashes)
        if i < t.count && t[i] == 0x7B2C { // 第 N 页 (共 M 页)
            i += 1
            guard digits(), i < t.count, t[i] == 0x9875 else { return false }
            i += 1
            skip([0x2C, 0xFF0C, 0x3001, 0x2F])
            if i == t.count { return true }
            guard t[i] == 0x5171 else { return false }
            i += 1
            guard digits(), i < t.count, t[i] == 0x9875 else { return false }
            return i + 1 == t.count
        }
        guard digits() else { return false }
        if i < t.count && (t[i] == 0x2F || t[i] == 0xFF0F) { // N/M
            i += 1
            guard digits() else { return false }
        }
        skip(dashes)
        return i == t.count
    }
}

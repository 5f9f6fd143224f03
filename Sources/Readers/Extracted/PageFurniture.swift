import Model

/// What a page carries besides its content: page numbers ("— 12 —", "- 3 -", "第 3 页",
/// "第3页 共20页", "3/20", or a bare number counting up page after page) and running headers
/// or footers (the same line at the top or bottom of many pages). They interrupt sentences at
/// every page break, so they are found first and skipped.
enum PageFurniture {
    /// Lines to look at on each page's top and bottom.
    static let edgeLines = 2

    /// Indices (into `lines`) of page numbers and running headers and footers.
    static func find(_ lines: [LaidLine], source: SourceText) -> Set<Int> {
        let bytes = source.bytes
        var furniture = Set<Int>()
        // The edge lines of each page.
        var pages: [[Int]] = []
        var current: [Int] = []
        var page = lines.first?.page ?? 0
        for (i, l) in lines.enumerated() {
            if l.page != page {
                pages.append(current)
                current = []
                page = l.page
            }
            if !l.isBlank { current.append(i) }
        }
        pages.append(current)
        var edges: [(index: Int, page: Int, top: Bool)] = []
        for (p, content) in pages.enumerated() {
            for i in content.prefix(edgeLines) { edges.append((i, p, true)) }
            for i in content.suffix(edgeLines) where !content.prefix(edgeLines).contains(i) { edges.append((i, p, false)) }
        }
        // Page numbers in a decorated form are recognised on sight; bare numbers only when they count pages.
        var bare: [(index: Int, page: Int, value: Int)] = []
        for e in edges {
            let text = scalars(bytes, lines[e.index].content)
            if isDecoratedPageNumber(text) {
                furniture.insert(e.index)
            } else if let v = bareNumber(text), lines[e.index].fields.count == 1 {
                bare.append((e.index, e.page, v))
            }
        }
        // Bare numbers whose value minus their page is the same offset on at least three pages.
        var offsets: [Int: Int] = [:]
        for b in bare { offsets[b.value - b.page, default: 0] += 1 }
        if let (offset, count) = offsets.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), count >= 3, count * 3 >= pages.count {
            for b in bare where b.value - b.page == offset { furniture.insert(b.index) }
        }
        // Running headers and footers: the same words (digits aside) on the edge of many pages.
        let minimum = max(3, pages.count / 4)
        var byKey: [[UInt32]: [Int]] = [:]
        var pagesOfKey: [[UInt32]: Set<Int>] = [:]
        for e in edges where !furniture.contains(e.index) {
            let l = lines[e.index]
            // A table's header row repeated on each page, or its unit, belongs to the table.
            guard l.fields.count <= 2, !l.fields.contains(where: { $0.isValue && $0.digits > 4 }) else { continue }
            let key = runningKey(scalars(bytes, l.content))
            guard key.count >= 2, !containsUnitDeclaration(key) else { continue }
            byKey[key, default: []].append(e.index)
            pagesOfKey[key, default: []].insert(e.page)
        }
        for (key, indices) in byKey where (pagesOfKey[key]?.count ?? 0) >= minimum {
            furniture.formUnion(indices)
        }
        return furniture
    }

    static func scalars(_ bytes: [UInt8], _ r: Range<Int>) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(r.count)
        var i = r.lowerBound
        while i < r.upperBound {
            let (s, l) = UTF8Scan.decode(bytes, at: i, limit: r.upperBound)
            out.append(Chars.fold(s))
            i += l
        }
        return out
    }

    /// The line with spaces removed and every digit run replaced by one `#`: page numbers and
    /// dates in a running header do not make it a different header.
    static func runningKey(_ s: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        for c in s where c != 0x20 {
            if Chars.isDigit(c) {
                if out.last != 0x23 { out.append(0x23) }
            } else {
                out.append(c)
            }
        }
        return out
    }

    static let unitWord = Chars.of("单位")

    static func containsUnitDeclaration(_ key: [UInt32]) -> Bool {
        guard key.count >= 3 else { return false }
        for i in 0..<(key.count - 2)
        where key[i] == unitWord[0] && key[i + 1] == unitWord[1] && (key[i + 2] == 0xFF1A || key[i + 2] == 0x3A) {
            return true
        }
        return false
    }

    static func isDash(_ s: UInt32) -> Bool {
        s == 0x2D || s == 0x2014 || s == 0x2013 || s == 0x2012 || s == 0x2015 || s == 0x2212 || s == 0x7E || s == 0xFF5E
    }

    /// "— 12 —", "- 3 -", "第 3 页", "第3页 共20页", "第 3 页/共 20 页", "3 / 20", "Page 3", "12/20页".
    static func isDecoratedPageNumber(_ text: [UInt32]) -> Bool {
        let s = text.filter { $0 != 0x20 }
        guard !s.isEmpty, s.count <= 16 else { return false }
        // Dashes around a number.
        if let f = s.first, let l = s.last, isDash(f), isDash(l) {
            let inner = s.drop { isDash($0) }.reversed().drop { isDash($0) }
            return !inner.isEmpty && inner.count <= 4 && inner.allSatisfy(Chars.isDigit)
        }
        // 第N页 (共M页)
        if s[0] == 0x7B2C {
            var k = 1
            var digits = 0
            while k < s.count && Chars.isDigit(s[k]) {
                k += 1
                digits += 1
            }
            guard digits > 0, k < s.count, s[k] == 0x9875 else { return false } // 页
            k += 1
            if k == s.count { return true }
            if s[k] == 0x2F || s[k] == 0xFF0F || s[k] == 0x2C || s[k] == 0xFF0C { k += 1 }
            guard k < s.count, s[k] == 0x5171 else { return false } // 共
            k += 1
            var more = 0
            while k < s.count && Chars.isDigit(s[k]) {
                k += 1
                more += 1
            }
            return more > 0 && k < s.count && s[k] == 0x9875 && k + 1 == s.count
        }
        // N/M, N/M页
        if let slash = s.firstIndex(where: { $0 == 0x2F || $0 == 0xFF0F }) {
            let a = s[..<slash]
            let b = s[(slash + 1)...].prefix { Chars.isDigit($0) }
            let rest = s[(slash + 1 + b.count)...]
            return !a.isEmpty && a.count <= 4 && a.allSatisfy(Chars.isDigit) && !b.isEmpty && b.count <= 4
                && (rest.isEmpty || (rest.count == 1 && rest.first == 0x9875))
        }
        // Page N
        let lower = s.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if lower.count > 4, Array(lower.prefix(4)) == Chars.of("page") {
            let rest = lower.dropFirst(4)
            return !rest.isEmpty && rest.count <= 4 && rest.allSatisfy(Chars.isDigit)
        }
        return false
    }

    static func bareNumber(_ text: [UInt32]) -> Int? {
        let s = text.filter { $0 != 0x20 }
        guard !s.isEmpty, s.count <= 4, s.allSatisfy(Chars.isDigit) else { return nil }
        return s.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}

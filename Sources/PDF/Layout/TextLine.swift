/// Glyphs on one baseline, in reading order, with their text assembled: a space where the PDF
/// shows one (a space glyph, or a gap of a third of an em), none between glyphs that touch.
struct TextLine: Sendable {
    /// A stretch of the line between wide gaps: a column of a table drawn without rules.
    struct Chunk: Sendable {
        var left: Float
        var right: Float
        /// Scalars of the line's text.
        var range: Range<Int>
    }

    var text: [UInt32] = []
    var baseline: Float = 0
    var size: Float = 0
    var left: Float = 0
    var right: Float = 0
    var bold = false
    /// Every glyph of it lies in marked content tagged /Artifact.
    var artifact = false
    var chunks: [Chunk] = []
    var page = 0
    /// Width of the word the line starts with when it is Latin letters or digits ("2023",
    /// "180.00"): a wrap cannot split it, so the line above may stop that much short.
    var leadingWordWidth: Float = 0

    var top: Float { baseline + size * 0.8 }
}

/// Builds lines from glyphs: clustered by baseline (never by glyph boxes), ordered by x.
enum LineBuilder {
    /// A gap wider than this many ems separates chunks.
    static let chunkGap: Float = 1.6

    static func lines(_ indices: [Int], in page: PageContent) -> [TextLine] {
        let glyphs = page.glyphs
        var upright: [Int] = []
        var rotated: [Int] = []
        upright.reserveCapacity(indices.count)
        for i in indices { if glyphs[i].flags & Glyph.rotated != 0 { rotated.append(i) } else { upright.append(i) } }
        var lines = baselineLines(upright, page)
        if !rotated.isEmpty {
            lines += rotatedRuns(rotated.sorted(), page)
            lines.sort { $0.baseline > $1.baseline }
        }
        return lines
    }

    /// Rotated or mirrored text (a vertical header, a stamp): runs of glyphs drawn one after
    /// another and close together, each read in drawing order as one line placed at its top.
    static func rotatedRuns(_ indices: [Int], _ page: PageContent) -> [TextLine] {
        let glyphs = page.glyphs
        var lines: [TextLine] = []
        var run: [Int] = []
        func flush() {
            guard !run.isEmpty else { return }
            var line = TextLine()
            line.page = page.number
            var sizes: [Float] = []
            var bold = 0
            for i in run {
                let g = glyphs[i]
                if g.isSpace {
                    if line.text.last != 0x20 && !line.text.isEmpty { line.text.append(0x20) }
                    continue
                }
                line.text.append(contentsOf: page.text(g))
                sizes.append(g.size)
                if g.isBold { bold += 1 }
            }
            let xs = run.map { glyphs[$0].x }
            let ys = run.map { glyphs[$0].y }
            line.left = xs.min() ?? 0
            line.right = max(xs.max() ?? 0, line.left)
            line.baseline = ys.max() ?? 0
            sizes.sort()
            if !sizes.isEmpty, !line.text.isEmpty {
                line.size = sizes[sizes.count / 2]
                line.bold = bold * 2 > sizes.count
                line.chunks = [TextLine.Chunk(left: line.left, right: line.right, range: 0..<line.text.count)]
                lines.append(line)
            }
            run.removeAll(keepingCapacity: true)
        }
        for i in indices {
            if let last = run.last {
                let p = glyphs[last]
                let g = glyphs[i]
                let reach = max(1, max(p.size, g.size)) * 1.5 + p.width
                if i != last + 1 || abs(g.x - p.x) > reach || abs(g.y - p.y) > reach { flush() }
            }
            run.append(i)
        }
        flush()
        return lines
    }

    /// Upright text, clustered by baseline.
    static func baselineLines(_ indices: [Int], _ page: PageContent) -> [TextLine] {
        let glyphs = page.glyphs
        // Sorted by keys held together, not through the glyph array at each comparison.
        var keys = indices.map { (glyphs[$0].y, glyphs[$0].x, $0) }
        keys.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1 != $1.1 ? $0.1 < $1.1 : $0.2 < $1.2) }
        let order = keys.map(\.2)
        var lines: [TextLine] = []
        var group: [Int] = []
        var groupY: Float = 0
        var groupSize: Float = 0
        for i in order {
            let g = glyphs[i]
            if !group.isEmpty {
                let tolerance = max(1, 0.3 * min(max(g.size, 1), max(groupSize, 1)))
                if groupY - g.y > tolerance {
                    if let line = line(group, page) { lines.append(line) }
                    group.removeAll(keepingCapacity: true)
                }
            }
            if group.isEmpty {
                groupY = g.y
                groupSize = g.size
            }
            if !g.isSpace { groupSize = max(groupSize, g.size) }
            group.append(i)
        }
        if let line = line(group, page) { lines.append(line) }
        return lines
    }

    /// A space between CJK text and a number or Latin word ("2024 年度", "563.04 万元") is
    /// typesetting, not text: exporters and fonts put it there, the writer did not (and
    /// relations are read the same with or without it).
    static func isSpacedApart(_ a: UInt32, _ b: UInt32) -> Bool {
        (a >= 0x2E80 && isWordScalar(b)) || (isWordScalar(a) && b >= 0x2E80)
    }

    /// Letters, digits and the marks inside numbers ("1,234.56", "95%").
    static func isWordScalar(_ s: UInt32) -> Bool {
        (s >= 0x30 && s <= 0x39) || (s >= 0x41 && s <= 0x5A) || (s >= 0x61 && s <= 0x7A) || s == 0x2E || s == 0x2C || s == 0x25
    }

    /// One line from glyphs on a baseline; nil when it holds only spaces.
    static func line(_ members: [Int], _ page: PageContent) -> TextLine? {
        let glyphs = page.glyphs
        // Members come by baseline then x: in x order already unless baselines jitter.
        var sorted = members
        if !zip(members, members.dropFirst()).allSatisfy({ glyphs[$0.0].x <= glyphs[$0.1].x }) {
            sorted.sort { glyphs[$0].x != glyphs[$1].x ? glyphs[$0].x < glyphs[$1].x : $0 < $1 }
        }
        var line = TextLine()
        line.page = page.number
        var sizes: [Float] = []
        var boldCount = 0
        var artifactCount = 0
        var visible = 0
        var previous: Glyph? = nil
        var pendingSpace = false
        var chunkStart = 0
        var chunkLeft: Float = 0
        var baselineSum: Float = 0
        var inLeadingWord = true
        for i in sorted {
            let g = glyphs[i]
            if g.isSpace {
                pendingSpace = true
                continue
            }
            let text = page.text(g)
            if let p = previous {
                // A glyph drawn over the previous one with the same text (shadow or overprint): once.
                if g.x < p.right - 0.5 * max(p.width, 0.1), page.text(p) == text { continue }
                let gap = g.x - p.right
                let em = max(1, min(g.size, p.size))
                if gap > chunkGap * em {
                    line.chunks.append(TextLine.Chunk(left: chunkLeft, right: p.right, range: chunkStart..<line.text.count))
                    line.text.append(0x20)
                    chunkStart = line.text.count
                    chunkLeft = g.x
                } else if pendingSpace || gap > 0.3 * em, let last = line.text.last, last != 0x20,
                    !Self.isSpacedApart(last, text[text.startIndex])
                {
                    line.text.append(0x20)
                }
            } else {
                chunkLeft = g.x
                line.left = g.x
            }
            if inLeadingWord {
                if text.count == 1, Self.isWordScalar(text[text.startIndex]), previous == nil || !pendingSpace {
                    line.leadingWordWidth = g.right - line.left
                } else {
                    inLeadingWord = false
                }
            }
            line.text.append(contentsOf: text)
            sizes.append(g.size)
            baselineSum += g.y
            visible += 1
            if g.isBold { boldCount += 1 }
            if g.flags & Glyph.artifact != 0 { artifactCount += 1 }
            line.right = previous == nil ? g.right : max(line.right, g.right)
            previous = g
            pendingSpace = false
        }
        guard visible > 0, let last = previous else { return nil }
        line.chunks.append(TextLine.Chunk(left: chunkLeft, right: last.right, range: chunkStart..<line.text.count))
        sizes.sort()
        line.size = sizes[sizes.count / 2]
        line.baseline = baselineSum / Float(visible)
        line.bold = boldCount * 2 > visible
        line.artifact = artifactCount == visible
        return line
    }
}

/// An element laid over a stretch of a leaf's text: a finding's mark, a related figure, a
/// verified number, a reader's marker to hide.
struct InlineMark {
    /// Outer before inner where ranges are equal; findings are never split.
    enum Role: Int, Comparable {
        case finding, related, verified, noise
        static func < (a: Role, b: Role) -> Bool { a.rawValue < b.rawValue }
    }

    var range: Range<Int>
    var role: Role
    /// Opening tag of the element's first piece (it carries the id).
    var open: String
    /// Opening tag of a later piece, when a crossing element forces a split.
    var reopen: String
    var close: String
}

/// Writes a leaf's text with its marks as well-nested HTML.
///
/// Marks may overlap in any way, but HTML elements nest. Findings keep exactly one element
/// each: they are made laminar (a finding that starts inside another and ends after it is cut
/// at the other's end) and always sit outside the other roles, which are split into pieces
/// where they cross (only their first piece carries the id).
enum InlineMarkup {
    static func write(_ source: [UInt8], shown: Range<Int>, marks input: [InlineMark], into out: inout HTMLBuffer) {
        guard !input.isEmpty else {
            out.text(source: source, shown)
            return
        }
        var marks = input.map { m -> InlineMark in
            var m = m
            let lo = snap(min(max(m.range.lowerBound, shown.lowerBound), shown.upperBound), source, shown)
            let hi = snap(min(max(m.range.upperBound, lo), shown.upperBound), source, shown)
            m.range = lo..<hi
            return m
        }
        // Stable order: role, then outer before inner, then as given.
        let order = marks.indices.sorted { a, b in
            let x = marks[a]
            let y = marks[b]
            if x.role != y.role { return x.role < y.role }
            if x.range.lowerBound != y.range.lowerBound { return x.range.lowerBound < y.range.lowerBound }
            if x.range.upperBound != y.range.upperBound { return x.range.upperBound > y.range.upperBound }
            return a < b
        }
        marks = order.map { marks[$0] }
        // Findings laminar: cut one that crosses the end of an enclosing one.
        var stack: [Int] = []
        for i in marks.indices where marks[i].role == .finding {
            while let top = stack.last, marks[top].range.upperBound <= marks[i].range.lowerBound { stack.removeLast() }
            if let top = stack.last, marks[i].range.upperBound > marks[top].range.upperBound {
                marks[i].range = marks[i].range.lowerBound..<marks[top].range.upperBound
            }
            stack.append(i)
        }

        var boundaries = [shown.lowerBound, shown.upperBound]
        for m in marks { boundaries += [m.range.lowerBound, m.range.upperBound] }
        boundaries = Array(Set(boundaries)).sorted()

        var open: [Int] = [] // indices into marks, outermost first
        var opened = [Bool](repeating: false, count: marks.count)
        var points = marks.indices.filter { marks[$0].range.isEmpty }
        var nextPoint = 0
        points.sort { (marks[$0].range.lowerBound, $0) < (marks[$1].range.lowerBound, $1) }

        func emitPoints(at p: Int, _ out: inout HTMLBuffer) {
            while nextPoint < points.count && marks[points[nextPoint]].range.lowerBound <= p {
                let m = marks[points[nextPoint]]
                out.raw(opened[points[nextPoint]] ? m.reopen : m.open)
                opened[points[nextPoint]] = true
                out.raw(m.close)
                nextPoint += 1
            }
        }

        // The marks covering each stretch, kept as it goes (sorted by their order in `marks`):
        // a sweep, so a long line with thousands of marks costs no more than their number.
        let byStart = marks.indices.filter { !marks[$0].range.isEmpty }.sorted {
            (marks[$0].range.lowerBound, $0) < (marks[$1].range.lowerBound, $1)
        }
        var nextStart = 0
        var active: [Int] = []
        for k in 0..<(boundaries.count - 1) {
            let lo = boundaries[k]
            let hi = boundaries[k + 1]
            active.removeAll { marks[$0].range.upperBound <= lo }
            while nextStart < byStart.count && marks[byStart[nextStart]].range.lowerBound <= lo {
                let i = byStart[nextStart]
                var at = active.count
                while at > 0 && active[at - 1] > i { at -= 1 }
                active.insert(i, at: at)
                nextStart += 1
            }
            let wanted = active
            var common = 0
            while common < open.count && common < wanted.count && open[common] == wanted[common] { common += 1 }
            for i in open[common...].reversed() { out.raw(marks[i].close) }
            open.removeSubrange(common...)
            emitPoints(at: lo, &out)
            for i in wanted[common...] {
                out.raw(opened[i] ? marks[i].reopen : marks[i].open)
                opened[i] = true
                open.append(i)
            }
            out.text(source: source, lo..<hi)
        }
        for i in open.reversed() { out.raw(marks[i].close) }
        emitPoints(at: Int.max, &out)
    }

    /// Moves an offset off the middle of a UTF-8 sequence (spans come from the scanner and are
    /// on scalar boundaries; this keeps a damaged one from splitting a character).
    static func snap(_ offset: Int, _ source: [UInt8], _ shown: Range<Int>) -> Int {
        var o = offset
        while o < shown.upperBound && o < source.count && source[o] & 0xC0 == 0x80 { o += 1 }
        return o
    }
}

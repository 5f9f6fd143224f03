/// Collects the current path in page space and turns what is painted into ruling lines:
/// stroked horizontal or vertical segments, and filled rectangles thin enough to be lines.
struct PathCollector {
    private var segments: [(Double, Double, Double, Double)] = []
    /// Bounding boxes of the closed-or-not subpaths, with whether all their edges are axis-aligned.
    private var boxes: [(Double, Double, Double, Double, Bool)] = []
    private var start = (0.0, 0.0)
    private var current = (0.0, 0.0)
    private var box = (0.0, 0.0, 0.0, 0.0)
    private var aligned = true
    private var open = false

    /// Thicker than this, a filled rectangle is a shape (a shaded cell), not a line.
    static let thin = 2.5

    mutating func move(_ p: (Double, Double)) {
        finishSubpath()
        start = p
        current = p
        box = (p.0, p.1, p.0, p.1)
        aligned = true
        open = true
    }

    mutating func line(_ p: (Double, Double)) {
        if !open { move(current) }
        segments.append((current.0, current.1, p.0, p.1))
        if abs(p.0 - current.0) > 0.5 && abs(p.1 - current.1) > 0.5 { aligned = false }
        extend(p)
        current = p
    }

    /// A curve: its end point moves the pen; it is never a ruling line.
    mutating func curve(_ p: (Double, Double)) {
        if !open { move(current) }
        aligned = false
        extend(p)
        current = p
    }

    mutating func close() {
        if open, current != start { line(start) }
        current = start
    }

    mutating func rectangle(_ corners: [(Double, Double)]) {
        move(corners[0])
        for k in 1..<4 { line(corners[k]) }
        line(corners[0])
        current = corners[0]
    }

    private mutating func extend(_ p: (Double, Double)) {
        box = (min(box.0, p.0), min(box.1, p.1), max(box.2, p.0), max(box.3, p.1))
    }

    private mutating func finishSubpath() {
        if open { boxes.append((box.0, box.1, box.2, box.3, aligned)) }
        open = false
    }

    mutating func clear() {
        segments.removeAll(keepingCapacity: true)
        boxes.removeAll(keepingCapacity: true)
        open = false
    }

    /// The rules a paint operator draws; the path is consumed.
    mutating func paint(stroke: Bool, fill: Bool, into rules: inout [Rule], budget: WorkBudget) throws(PDFError) {
        finishSubpath()
        if stroke {
            for (x0, y0, x1, y1) in segments {
                let dx = abs(x1 - x0)
                let dy = abs(y1 - y0)
                if dy <= 1, dx >= 1 {
                    try budget.spendRule()
                    rules.append(Rule(position: Float((y0 + y1) / 2), from: Float(min(x0, x1)), to: Float(max(x0, x1)), horizontal: true))
                } else if dx <= 1, dy >= 1 {
                    try budget.spendRule()
                    rules.append(Rule(position: Float((x0 + x1) / 2), from: Float(min(y0, y1)), to: Float(max(y0, y1)), horizontal: false))
                }
            }
        }
        if fill {
            for (x0, y0, x1, y1, isAligned) in boxes where isAligned {
                let w = x1 - x0
                let h = y1 - y0
                if h <= Self.thin, w > h, w >= 1 {
                    try budget.spendRule()
                    rules.append(Rule(position: Float((y0 + y1) / 2), from: Float(x0), to: Float(x1), horizontal: true))
                } else if w <= Self.thin, h > w, h >= 1 {
                    try budget.spendRule()
                    rules.append(Rule(position: Float((x0 + x1) / 2), from: Float(y0), to: Float(y1), horizontal: false))
                }
            }
        }
        clear()
    }
}

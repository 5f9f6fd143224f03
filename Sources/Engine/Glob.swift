/// Shell-style patterns: `*` and `?` within one path segment, `**` across segments
/// (`**/` for zero or more whole folders), `[abc]`, `[a-z]` and `[!abc]` classes. A pattern
/// without a `/` is matched against the file name alone.
///
/// Matching runs the pattern as a small automaton over the path, keeping the set of places
/// the pattern can be at: time is the path's length times the pattern's, whatever the
/// pattern (backtracking took exponential time on `*a*a*a*a*a*a*a*ab`).
public struct Glob: Sendable, Hashable {
    public let pattern: String
    let steps: [Step]
    let matchesWholePath: Bool

    /// One element of a pattern.
    enum Step: Sendable, Hashable {
        case byte(UInt8)
        /// `?`: one byte, not a `/`.
        case one
        /// `[…]`: one byte among the members (ranges as pairs), or not among them.
        case set(members: [UInt8], ranges: [ClosedRange<UInt8>], negated: Bool)
        /// `*`: any bytes but `/`.
        case star
        /// `**` not followed by `/`: any bytes.
        case anything
        /// `**/`: zero or more folders (each ending in `/`).
        case folders
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        let p = Array(pattern.utf8)
        matchesWholePath = p.contains(0x2F)
        var steps: [Step] = []
        var i = 0
        while i < p.count {
            switch p[i] {
            case 0x2A where i + 1 < p.count && p[i + 1] == 0x2A:
                if i + 2 < p.count && p[i + 2] == 0x2F {
                    steps.append(.folders)
                    i += 3
                } else {
                    steps.append(.anything)
                    i += 2
                }
            case 0x2A:
                steps.append(.star)
                i += 1
            case 0x3F:
                steps.append(.one)
                i += 1
            case 0x5B:
                guard let close = p[(i + 1)...].firstIndex(of: 0x5D) else {
                    steps.append(.byte(0x5B))
                    i += 1
                    continue
                }
                var body = Array(p[(i + 1)..<close])
                let negated = body.first == 0x21 || body.first == 0x5E
                if negated { body.removeFirst() }
                var members: [UInt8] = []
                var ranges: [ClosedRange<UInt8>] = []
                var k = 0
                while k < body.count {
                    if k + 2 < body.count && body[k + 1] == 0x2D {
                        if body[k] <= body[k + 2] { ranges.append(body[k]...body[k + 2]) }
                        k += 3
                    } else {
                        members.append(body[k])
                        k += 1
                    }
                }
                steps.append(.set(members: members, ranges: ranges, negated: negated))
                i = close + 1
            default:
                steps.append(.byte(p[i]))
                i += 1
            }
        }
        self.steps = steps
    }

    public func matches(_ path: String) -> Bool {
        let whole = Array(path.utf8)
        guard !matchesWholePath, let slash = whole.lastIndex(of: 0x2F) else { return run(whole[...]) }
        return run(whole[(slash + 1)...])
    }

    /// States: `2i` is "at step i", `2i + 1` is "inside a folder of step i" (`**/`); `2n` accepts.
    func run(_ subject: ArraySlice<UInt8>) -> Bool {
        let n = steps.count
        var current = [Bool](repeating: false, count: 2 * n + 2)
        var next = current
        current[0] = true
        close(&current)
        for c in subject {
            for k in next.indices { next[k] = false }
            var any = false
            for i in 0..<n {
                if current[2 * i] {
                    switch steps[i] {
                    case .byte(let b): if c == b { next[2 * i + 2] = true }
                    case .one: if c != 0x2F { next[2 * i + 2] = true }
                    case .set(let members, let ranges, let negated):
                        let hit = members.contains(c) || ranges.contains { $0.contains(c) }
                        if hit != negated { next[2 * i + 2] = true }
                    case .star: if c != 0x2F { next[2 * i] = true }
                    case .anything: next[2 * i] = true
                    case .folders: next[c == 0x2F ? 2 * i : 2 * i + 1] = true
                    }
                }
                if current[2 * i + 1] { next[c == 0x2F ? 2 * i : 2 * i + 1] = true }
            }
            close(&next)
            for k in next.indices where next[k] {
                any = true
                break
            }
            if !any { return false }
            swap(&current, &next)
        }
        return current[2 * n]
    }

    /// Adds the states reachable without reading a byte: past any step that may match nothing.
    func close(_ states: inout [Bool]) {
        for i in 0..<steps.count where states[2 * i] {
            switch steps[i] {
            case .star, .anything, .folders: states[2 * i + 2] = true
            default: break
            }
        }
    }
}

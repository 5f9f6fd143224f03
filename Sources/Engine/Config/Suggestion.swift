import Extraction
import Model
import Readers

/// "Did you mean …?": the closest valid name by edit distance.
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        candidates.min { (Levenshtein.distance($0, word), $0) < (Levenshtein.distance($1, word), $1) }
    }

    /// The closest candidate when `word` is a likely misspelling of it (at most a third of its
    /// letters wrong, or two), else nil: "nosuch" suggests no check at all.
    public static func likely(_ word: String, in candidates: [String]) -> String? {
        guard let near = closest(to: word, in: candidates) else { return nil }
        return Levenshtein.distance(near, word) <= max(2, word.count / 3) ? near : nil
    }
}

public enum Levenshtein {
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}

/// Substring search over contiguous elements: scalars of clean text, UTF-8 bytes, file bytes.
/// The words searched for are short, so the first-element scan beats cleverer algorithms here.
public enum Search {
    /// First index in `from...` (up to `limit`, the last possible start) where `word` occurs.
    @inline(__always)
    public static func first<T: Equatable>(
        _ word: UnsafeBufferPointer<T>, in text: UnsafeBufferPointer<T>,
        from: Int = 0, limit: Int? = nil
    ) -> Int? {
        let last = min(limit ?? Int.max, text.count - word.count)
        guard !word.isEmpty, last >= from else { return word.isEmpty ? max(0, from) : nil }
        let head = word[0]
        var i = max(0, from)
        while i <= last {
            if text[i] == head {
                var k = 1
                while k < word.count && text[i + k] == word[k] { k += 1 }
                if k == word.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Last index where `word` occurs in `text`.
    @inline(__always)
    public static func last<T: Equatable>(_ word: UnsafeBufferPointer<T>, in text: UnsafeBufferPointer<T>) -> Int? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        let head = word[0]
        var i = text.count - word.count
        while i >= 0 {
            if text[i] == head {
                var k = 1
                while k < word.count && text[i + k] == word[k] { k += 1 }
                if k == word.count { return i }
            }
            i -= 1
        }
        return nil
    }

    public static func contains(_ word: [UInt8], in text: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { w in text.withUnsafeBufferPointer { first(w, in: $0) != nil } }
    }
}

import Model

/// What the words of a cell say, beyond its numbers: a payment note, a whole-department indicator's name.
enum NoteReader {
    static let notPaid = PerformanceVocabulary.notPaid.map(Chars.of)
    static let paid = PerformanceVocabulary.paid.map(Chars.of)
    static let wholeDepartment = PerformanceVocabulary.wholeDepartment.map { (Chars.of($0.0), $0.1) }

    /// A note that says the money was not paid yet, or was paid in full; nil when it says neither
    /// or both ("已支付30万元，尾款10万元未支付" is a partial payment, not a contradiction).
    static func payment(_ cell: CellValue?) -> PaymentNote? {
        guard let cell, !cell.isBlank else { return nil }
        // The longest words found ("尚未支付" rather than its "未支付").
        let no = notPaid.filter { cell.clean.contains($0) }.max { $0.count < $1.count }
        let yes = paid.filter { cell.clean.contains($0) }.max { $0.count < $1.count }
        switch (no, yes) {
        case (let w?, nil): return PaymentNote(says: .notPaid, words: Chars.string(w), cell: cell)
        case (nil, let w?): return PaymentNote(says: .paid, words: Chars.string(w), cell: cell)
        default: return nil
        }
    }

    /// The whole-department indicator an indicator's name names (quotes and spaces aside; the
    /// longest name found decides).
    static func wholeDepartment(_ name: String) -> WholeDepartmentIndicator? {
        let key = Chars.of(name).filter { $0 != 0x201C && $0 != 0x201D && $0 != 0x22 && !Chars.isSpace($0) }
        var best: (Int, WholeDepartmentIndicator)?
        for (word, indicator) in wholeDepartment where HeaderMatcher.contains(key[...], word) {
            if best.map({ $0.0 < word.count }) ?? true { best = (word.count, indicator) }
        }
        return best.map(\.1)
    }
}

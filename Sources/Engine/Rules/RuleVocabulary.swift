import Extraction
import Model

/// The names a rule's expression may use: the concepts of the fact index (`reportlint
/// concepts`: their Chinese names, aliases and ids), the columns of a table row, and the
/// qualifiers of year and basis.
public enum RuleVocabulary {
    public enum Entry: Sendable, Equatable {
        case concept(Concept)
        case field(RowField)
    }

    struct Name: Sendable {
        /// Folded, without quotes and spaces (as `normalize` makes the written text).
        var scalars: [UInt32]
        var text: String
        var entry: Entry
    }

    /// Every concept a rule may name: the amounts of `Catalogue.concepts` and the rates of
    /// `Catalogue.rates`.
    public static var concepts: [Concept] { Catalogue.concepts + Catalogue.rates }

    static let conceptNames: [Name] = concepts.flatMap { c in
        ([c.zh] + c.aliases + [c.id]).map { Name(scalars: normalize($0), text: $0, entry: .concept(c)) }
    }

    static let fieldNames: [Name] = RowField.allCases.flatMap { f in
        (f.names + [f.rawValue]).map { Name(scalars: normalize($0), text: $0, entry: .field(f)) }
    }

    static let names: [Name] = conceptNames + fieldNames

    /// Quotes and spaces do not distinguish names (“三公”经费 = 三公经费); look-alike characters
    /// are folded (（境） = (境)).
    static func normalize(_ s: String) -> [UInt32] {
        Chars.of(s).filter { !isQuote($0) && !Chars.isSpace($0) }
    }

    static func isQuote(_ s: UInt32) -> Bool { s == 0x201C || s == 0x201D || s == 0x2018 || s == 0x2019 }

    /// The names to suggest from, one per spelling, in a stable order.
    static func suggestions(concepts: Bool, fields: Bool) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for n in (concepts ? conceptNames : []) + (fields ? fieldNames : []) where seen.insert(n.text).inserted { out.append(n.text) }
        return out
    }

    /// Qualifiers after a concept's name (`.决算`, `.上年`, `.上年决算`), in Chinese and in English.
    public static let yearWords: [(String, RelativeYear)] = [
        ("本年", .current), ("本年度", .current), ("current", .current),
        ("上年", .prior), ("上年度", .prior), ("上一年", .prior), ("prior", .prior),
        ("前年", .twoBefore), ("two-years-before", .twoBefore)
    ]

    public static let basisWords: [(String, Basis)] = [
        ("决算", .actual), ("决算数", .actual), ("actual", .actual),
        ("预算", .budget), ("预算数", .budget), ("budget", .budget)
    ]

    /// A qualifier: a year word, a basis word, or a year word followed by a basis word
    /// (上年决算, prior-actual).
    static func qualifier(_ word: String) -> (year: RelativeYear?, basis: Basis?)? {
        if let b = basisWords.first(where: { $0.0 == word }) { return (nil, b.1) }
        for (y, year) in yearWords.sorted(by: { $0.0.count > $1.0.count }) where word.hasPrefix(y) {
            var rest = String(word.dropFirst(y.count))
            if rest.isEmpty { return (year, nil) }
            if rest.hasPrefix("-") { rest.removeFirst() }
            if let b = basisWords.first(where: { $0.0 == rest }) { return (year, b.1) }
        }
        return nil
    }

    static var qualifierSuggestions: [String] {
        yearWords.map(\.0) + basisWords.map(\.0) + ["上年决算", "上年预算", "本年决算", "本年预算"]
    }
}

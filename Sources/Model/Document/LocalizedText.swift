/// The output languages. Chinese is the default: the readers of these reports read Chinese.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}

/// A message in both output languages.
public struct LocalizedText: Hashable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// Text that reads the same in both languages (numbers, quotes).
    public init(_ both: String) {
        self.zh = both
        self.en = both
    }

    public func text(_ language: Language) -> String {
        language == .zh ? zh : en
    }

    public static func + (a: LocalizedText, b: LocalizedText) -> LocalizedText {
        LocalizedText(zh: a.zh + b.zh, en: a.en + b.en)
    }
}

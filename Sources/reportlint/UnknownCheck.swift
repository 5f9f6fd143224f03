import Checks
import Lint

/// A check id that names no check: the nearest id when it is a likely misspelling (at most a
/// third of its letters wrong), else the command that lists them all.
struct UnknownCheck {
    let id: String

    init(_ id: String) { self.id = id }

    var message: LocalizedText {
        guard let near = Suggestion.likely(id, in: Registry.ids) else {
            return LocalizedText(
                zh: "没有 '\(id)' 这项检查；'reportlint checks' 列出所有检查",
                en: "unknown check '\(id)'; 'reportlint checks' lists them all")
        }
        return LocalizedText(zh: "没有 '\(id)' 这项检查；是不是 '\(near)'？", en: "unknown check '\(id)'; did you mean '\(near)'?")
    }
}

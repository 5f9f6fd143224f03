import Engine
import Model

/// The checks a page may name: their titles, and the order pages list them in (the registry's).
struct CheckCatalogue: Sendable {
    private let descriptions: [CheckDescription]

    init(_ descriptions: [CheckDescription]) { self.descriptions = descriptions }

    func title(_ id: String, _ language: Language) -> String {
        descriptions.first { $0.id == id }?.title.text(language) ?? id
    }

    /// The ids given, in registry order; ids the registry does not know come last, sorted.
    func ordered(_ ids: Set<String>) -> [String] {
        let known = descriptions.map(\.id).filter { ids.contains($0) }
        return known + ids.subtracting(known).sorted()
    }

    var ids: [String] { descriptions.map(\.id) }
}

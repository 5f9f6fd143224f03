import Model

/// Relationship targets of a part (word/_rels/document.xml.rels): id → target path.
final class RelationshipsReader: XMLPartHandler {
    var targets: [String: String] = [:]
    private let budget: WorkBudget?

    init(budget: WorkBudget? = nil) {
        self.budget = budget
    }

    var isStopped: Bool { budget?.isExhausted == true }

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        if local == "Relationship", let id = a["Id"], let target = a["Target"] {
            budget?.charge(.memory, 64 + id.utf8.count + target.utf8.count)
            targets[id] = target
        }
    }

    func end(_ ns: XNamespace, _ local: String) {}
    func text(_ s: String) {}

    /// "charts/chart1.xml" relative to word/ → "word/charts/chart1.xml"; "/word/x" is absolute.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// The cached data of one chart part: each series' name, category labels and values,
/// as Word keeps them for display (c:strCache / c:numCache).
struct WordChart {
    struct Series {
        var name = ""
        var categories: [String] = []
        var values: [String] = []
    }

    /// The part it was read from: a chart is rendered once, however many relationships name it.
    var part = ""
    var series: [Series] = []
}

final class WordChartReader: XMLPartHandler {
    var result = WordChart()
    /// Charged for the points kept (an index may ask for thousands of empty ones).
    private let budget: WorkBudget?

    init(part: String, budget: WorkBudget? = nil) {
        self.budget = budget
        result.part = part
    }

    var isStopped: Bool { budget?.isExhausted == true }
    private var series: WordChart.Series?
    private enum Slot { case name, category, value }
    private var slot: Slot?
    private var point: Int?
    private var inValue = false
    private var text = ""

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        guard ns == .chart else { return }
        switch local {
        case "ser": series = WordChart.Series()
        case "tx" where series != nil && slot == nil: slot = .name
        case "cat" where series != nil: slot = .category
        case "val" where series != nil: slot = .value
        case "pt": point = a["idx"].flatMap { Int($0) }
        case "v":
            inValue = true
            text = ""
        default: break
        }
    }

    func end(_ ns: XNamespace, _ local: String) {
        guard ns == .chart else { return }
        switch local {
        case "v":
            inValue = false
            store(text)
        case "pt": point = nil
        case "tx" where slot == .name, "cat", "val": slot = nil
        case "ser":
            if let s = series { result.series.append(s) }
            series = nil
        default: break
        }
    }

    var wantsText: Bool { inValue }

    func text(_ s: String) { if inValue { text += s } }

    private func store(_ value: String) {
        guard series != nil, let slot else { return }
        switch slot {
        case .name: series!.name += value
        case .category: put(value, at: point, in: &series!.categories)
        case .value: put(value, at: point, in: &series!.values)
        }
    }

    /// Points carry their index; a cache may skip empty ones.
    private func put(_ value: String, at index: Int?, in list: inout [String]) {
        let i = index ?? list.count
        guard i >= 0, i < 10_000 else { return }
        if let budget, !budget.charge(.memory, (max(i, list.count) - list.count + 1) * MemoryLayout<String>.stride + value.utf8.count) {
            return
        }
        while list.count < i { list.append("") }
        if i < list.count { list[i] = value } else { list.append(value) }
    }
}

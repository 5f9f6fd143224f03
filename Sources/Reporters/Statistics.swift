import Engine
import Model

/// Findings of one severity ladder, counted (`--statistics`).
public struct SeverityCounts: Sendable, Equatable {
    public var errors = 0, warnings = 0, notes = 0

    public init() {}

    public var total: Int { errors + warnings + notes }

    public mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
    }

    var members: [(String, JSON)] { [("errors", .int(errors)), ("warnings", .int(warnings)), ("notes", .int(notes))] }
    var json: JSON { .object(members) }

    func text(_ language: Language) -> String {
        language == .zh
            ? "\(errors) 个错误，\(warnings) 个警告，\(notes) 个提示"
            : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"), \(notes) note\(notes == 1 ? "" : "s")"
    }
}

public struct FileCounts: Sendable, Equatable {
    public var path: String
    public var counts: SeverityCounts
}

extension Summary {
    /// `--statistics` in text: the checks by how often they fired (then by id), and the files
    /// with findings in report order, each count in a right-aligned column.
    public func statisticsText(_ language: Language) -> String {
        let checks = byCheck.sorted { ($0.value.total, $1.key) > ($1.value.total, $0.key) }
        let files = byFile.filter { $0.counts.total > 0 }
        let width = String((checks.map(\.value.total) + files.map(\.counts.total)).max() ?? 0).count
        func pad(_ n: Int) -> String { String(repeating: " ", count: width - String(n).count) + String(n) }
        let idWidth = checks.map(\.key.count).max() ?? 0
        var s = language == .zh ? "按检查统计：\n" : "by check:\n"
        if checks.isEmpty { s += language == .zh ? "  （没有问题）\n" : "  (no findings)\n" }
        for (id, c) in checks {
            s += "  \(pad(c.total))  \(id)\(String(repeating: " ", count: idWidth - id.count))  \(c.text(language))\n"
        }
        s += language == .zh ? "按文件统计：\n" : "by file:\n"
        if files.isEmpty { s += language == .zh ? "  （没有问题）\n" : "  (no findings)\n" }
        for f in files { s += "  \(pad(f.counts.total))  \(f.path)  \(f.counts.text(language))\n" }
        return s
    }
}

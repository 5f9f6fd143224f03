import Foundation
import Lint
import Checks
import Reporters

/// Runs a reporter over texts and returns what it wrote.
func render(_ make: (Output) -> Reporter, _ inputs: [(String, String)]) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-\(UUID().uuidString)").path
    guard let out = Output.file(path) else { throw CocoaError(.fileWriteUnknown) }
    let reporter = make(out)
    let auditor = Auditor(linter: Linter(checks: Registry.all))
    var summary = Summary()
    reporter.begin()
    for (name, text) in inputs {
        let r = auditor.audit(bytes: Array(text.utf8), displayPath: name)
        summary.add(r)
        reporter.report(r)
    }
    reporter.end(summary)
    out.close()
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try String(contentsOfFile: path, encoding: .utf8)
}

let faultyText = "2024年度本年收入合计860.00万元，其中：一般公共预算财政拨款收入774.00万元，占91.00%；政府性基金预算财政拨款收入86.00万元，占10.00%。\n"

let sarifSchema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("../shared/sarif/sarif-schema-2.1.0.json").standardizedFileURL

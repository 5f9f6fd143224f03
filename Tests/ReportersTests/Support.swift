import Checks
import DocxFixtures
import Foundation
import Lint
import Reporters

/// Runs a reporter over texts and returns what it wrote.
func render(_ make: (Output) -> Reporter, _ inputs: [(String, String)]) throws -> String {
    try render(make, bytes: inputs.map { ($0.0, Array($0.1.utf8)) })
}

/// The same for raw inputs (a .docx package).
func render(_ make: (Output) -> Reporter, bytes inputs: [(String, [UInt8])], adjust: (inout FileResult) -> Void = { _ in }) throws -> String
{
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-\(UUID().uuidString)").path
    guard let out = Output.file(path) else { throw CocoaError(.fileWriteUnknown) }
    let reporter = make(out)
    let auditor = Pipeline(linter: Linter(checks: Registry.all))
    var summary = Summary()
    reporter.begin()
    for (name, text) in inputs {
        var r = auditor.audit(bytes: text, displayPath: name)
        adjust(&r)
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

/// `faultyText` as a .docx whose second paragraph holds the error, and a table cell with a number.
let faultyDocx: [UInt8] = DocxFixture.docx(
    DocxFixture.paragraph("一、收入决算情况说明") + DocxFixture.paragraph(String(faultyText.dropLast()))
        + DocxFixture.table([["项目", "金额"], ["合计", "860.00"]]))

/// Runs a Python snippet that uses `jsonschema` (installed by .ci/run). nil when jsonschema
/// is missing, so that the caller records a known issue instead of passing silently.
func runJSONSchemaScript(_ body: String, arguments: [String]) throws -> (status: Int32, output: String)? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments =
        ["python3", "-c", "import json, sys\ntry:\n    import jsonschema\nexcept ImportError:\n    sys.exit(3)\n" + body] + arguments
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return p.terminationStatus == 3 ? nil : (p.terminationStatus, printed)
}

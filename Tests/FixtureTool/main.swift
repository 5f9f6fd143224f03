import DocxFixtures
import Foundation
import PDFFixtures

// Writes the test fixtures built in code to a folder, for the scripts that need them as
// files: `fixtures hostile DIR` (issue 14's inputs, for scripts/bench's measurements) and
// `fixtures seeds DIR` (scripts/fuzz's seed corpora: the bundled examples as .docx, .xlsx and PDF).
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2, arguments[0] == "hostile" || arguments[0] == "seeds" else {
    FileHandle.standardError.write(Data("usage: fixtures hostile|seeds DIR\n".utf8))
    exit(64)
}
let folder = URL(fileURLWithPath: arguments[1])
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
if arguments[0] == "hostile" {
    for input in HostileInputs.all() {
        try Data(input.bytes).write(to: folder.appendingPathComponent(input.name))
        print("\(input.name)\t\(input.bytes.count) bytes\t\(input.reported)")
    }
    exit(0)
}

/// Each example report as a .docx (TAB-separated lines as table rows), an .xlsx (its rows)
/// and a PDF (its
/// lines at a fixed leading, 40 to a page): small, well-formed inputs for the mutators.
let examples = URL(fileURLWithPath: "examples") // scripts run from the repository's root
let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".txt") }.sorted()
for name in names {
    let text = try String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    var body = ""
    var rows: [[String]] = []
    for line in lines {
        if line.contains("\t") {
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
            continue
        }
        if !rows.isEmpty {
            body += DocxFixture.table(rows)
            rows = []
        }
        body += DocxFixture.paragraph(line, style: line.hasPrefix("一、") || line.hasPrefix("二、") ? "Heading1" : nil)
    }
    if !rows.isEmpty { body += DocxFixture.table(rows) }
    let stem = String(name.dropLast(4))
    try Data(DocxFixture.docx(body)).write(to: folder.appendingPathComponent(stem + ".docx"))
    // The TAB-separated rows as a workbook: the title on a row of its own, then the table.
    let tableRows = lines.filter { $0.contains("\t") }.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    let sheet = XlsxFixture.sheet("Sheet1", [[lines.first ?? ""]] + tableRows)
    try Data(XlsxFixture([sheet]).bytes()).write(to: folder.appendingPathComponent(stem + ".xlsx"))
    var pages: [FixturePage] = []
    for start in stride(from: 0, to: lines.count, by: 40) {
        var page = FixturePage()
        page.lines(
            Array(lines[start..<min(lines.count, start + 40)]).map { $0.replacingOccurrences(of: "\t", with: "  ") },
            x: 40, top: 800, leading: 19, size: 9, indent: 0)
        pages.append(page)
    }
    try Data(PDFFixture(pages: Array(pages.prefix(3))).bytes()).write(to: folder.appendingPathComponent(stem + ".pdf"))
    var small = PDFFixture(pages: Array(pages.prefix(1)))
    small.compress = false
    try Data(small.bytes()).write(to: folder.appendingPathComponent(stem + "-plain.pdf"))
    print("\(stem): .docx, .xlsx and PDF")
}

import Foundation
import Testing

@testable import PDF

/// The published reports of ../shared/corpus/pdf against a reference extraction (poppler's
/// pdftotext): the same CJK characters and digits, prose in the same order, and each final
/// account's tables with the amounts printed. Skipped, loudly, without the corpus or the tool.
enum PDFCorpus {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus/pdf").standardizedFileURL

    static let pdftotext: URL? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext", "/opt/homebrew/bin/pdftotext"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static let isAvailable: Bool = {
        let corpus = FileManager.default.fileExists(atPath: directory.path)
        if !corpus {
            FileHandle.standardError.write(Data("⚠️  SKIPPING PDF corpus tests: \(directory.path) is absent (it exists in CI).\n".utf8))
        } else if pdftotext == nil {
            FileHandle.standardError.write(
                Data("⚠️  SKIPPING PDF corpus tests: pdftotext is not installed (apt-get install poppler-utils; .ci/run does).\n".utf8))
        }
        return corpus && pdftotext != nil
    }()

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".pdf") }.sorted()
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// pdftotext's text (pages separated by form feeds).
    static func reference(_ name: String, _ mode: String) throws -> String {
        let p = Process()
        p.executableURL = pdftotext
        p.arguments = [mode, directory.appendingPathComponent(name).path, "-"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func isKept(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x4E00 && s.value <= 0x9FFF) || (s.value >= 0x3400 && s.value <= 0x4DBF)
    }

    static func counts(_ text: String) -> [Unicode.Scalar: Int] {
        var c: [Unicode.Scalar: Int] = [:]
        for s in text.unicodeScalars where isKept(s) { c[s, default: 0] += 1 }
        return c
    }

    static func squeezed(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { !$0.properties.isWhitespace }
    }

    /// Amounts as printed: "1,234.56", "0.00", "-3.5".
    static func amounts(_ text: String) -> [String] {
        let regex = try! NSRegularExpression(
            pattern: "(?<![\\d.,])-?\\d{1,3}(?:,\\d{3})*\\.\\d+(?![\\d.,])|(?<![\\d.,])-?\\d+\\.\\d+(?![\\d.,])")
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
    }
}

extension PDFContent {
    /// All text, paragraphs and cells.
    var allText: String {
        blocks.map { b -> String in
            switch b {
            case .paragraph(let p): return p.text
            case .table(let t): return t.rows.flatMap { $0.map(\.text) }.joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }
}

@Suite(.enabled(if: PDFCorpus.isAvailable, "../shared/corpus/pdf or pdftotext is absent: PDF corpus tests skipped"))
struct PDFCorpusTests {
    @Test(arguments: PDFCorpus.files)
    func charactersAndDigitsAreThoseOfTheReference(_ name: String) throws {
        let content = try PDFReader.read(try PDFCorpus.bytes(name))
        let reference = PDFCorpus.counts(try PDFCorpus.reference(name, "-raw"))
        let ours = PDFCorpus.counts(content.allText)
        let common = reference.reduce(0) { $0 + min($1.value, ours[$1.key] ?? 0) }
        let total = max(reference.values.reduce(0, +), ours.values.reduce(0, +))
        let score = Double(common) / Double(max(1, total))
        print(
            "PDF corpus \(name): \(common) of \(total) CJK characters and digits agree with pdftotext (\(String(format: "%.2f", score * 100))%)"
        )
        #expect(score >= 0.995, "\(name): \(score)")
    }

    @Test(arguments: PDFCorpus.files)
    func proseReadsInTheReferenceOrder(_ name: String) throws {
        let content = try PDFReader.read(try PDFCorpus.bytes(name))
        let reference = PDFCorpus.squeezed(try PDFCorpus.reference(name, "-raw"))
        var cursor = 0
        var outOfOrder: [String] = []
        var missing: [String] = []
        func find(_ key: [Unicode.Scalar], from: Int) -> Int? {
            guard key.count <= reference.count else { return nil }
            var i = from
            while i + key.count <= reference.count {
                if reference[i] == key[0], Array(reference[i..<(i + key.count)]) == key { return i }
                i += 1
            }
            return nil
        }
        let prose = content.paragraphs.filter { !$0.headingLike && PDFCorpus.squeezed($0.text).count >= 20 && !$0.text.contains("……") }
        for p in prose {
            let key = Array(PDFCorpus.squeezed(p.text).prefix(12))
            if let i = find(key, from: cursor) {
                cursor = i + key.count
                continue
            }
            if find(key, from: 0) != nil { outOfOrder.append(p.text) } else { missing.append(p.text) }
        }
        #expect(prose.count >= 50, "\(name): \(prose.count) paragraphs of prose")
        #expect(outOfOrder.isEmpty, "\(name): out of order: \(outOfOrder.prefix(3))")
        #expect(missing.isEmpty, "\(name): not in the reference: \(missing.prefix(3))")
    }

    static let finalAccounts = PDFCorpus.files.filter { $0.contains("final") }
    static let titles = [
        "收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
        "一般公共预算财政拨款基本支出决算表", "三公"
    ]

    @Test(arguments: finalAccounts)
    func finalAccountsYieldTheirTablesWithTheAmountsPrinted(_ name: String) throws {
        let content = try PDFReader.read(try PDFCorpus.bytes(name))
        // Each table title is followed by its table (the contents page lists the titles too).
        for title in Self.titles {
            let found = content.blocks.indices.contains { k in
                guard case .paragraph(let p) = content.blocks[k], p.text.count <= 40,
                    p.text.hasSuffix(title) || (title == "三公" && p.text.contains(title) && p.text.hasSuffix("表"))
                else { return false }
                return content.blocks[(k + 1)..<min(content.blocks.count, k + 4)].contains {
                    if case .table(let t) = $0 { return t.rows.count >= 3 } else { return false }
                }
            }
            #expect(found, "\(name): no table after \(title)")
        }
        // On every page holding a table, the amounts are those printed, each a cell of its own.
        let pages = try PDFCorpus.reference(name, "-layout").components(separatedBy: "\u{0C}")
        var ours: [Int: [String]] = [:]
        var tablePages = Set<Int>()
        for block in content.blocks {
            switch block {
            case .paragraph(let p):
                ours[p.page, default: []] += PDFCorpus.amounts(p.text)
            case .table(let t):
                for cell in t.rows.joined() {
                    tablePages.insert(cell.page)
                    let amounts = PDFCorpus.amounts(cell.text)
                    if amounts.count == 1, amounts[0] == cell.text {
                        ours[cell.page, default: []].append(cell.text)
                    } else {
                        ours[cell.page, default: []] += amounts.map { "[\($0) in “\(cell.text)”]" }
                    }
                }
            }
        }
        var checked = 0
        for page in tablePages.sorted() where page - 1 < pages.count {
            let printed = PDFCorpus.amounts(pages[page - 1]).sorted()
            let read = (ours[page] ?? []).sorted()
            #expect(
                read == printed,
                "\(name) page \(page): read \(read.count) amounts, printed \(printed.count); differ: \(Set(read).symmetricDifference(printed).sorted().prefix(8))"
            )
            checked += printed.count
        }
        print("PDF corpus \(name): \(tablePages.count) pages with tables, \(checked) amounts checked")
    }
}

import DocxFixtures
import Foundation
import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

/// Issue 14's traps and quadratic walks, one test each, in the reader or number code
/// where each was fixed (the whole inputs are in `HostileInputTests`).
@Suite struct NumberScannerLimitTests {
    func scan(_ s: String, budget: WorkBudget? = nil) -> ScannedText { NumberScanner.scan(CleanTextBuilder.make(s), budget: budget) }

    @Test func moreThan28SignificantDigitsIsAnInputErrorNotATrap() {
        let budget = WorkBudget.unlimited()
        let scanned = scan("合计1" + String(repeating: ",000", count: 13) + "万元，其中12.50万元", budget: budget)
        #expect(budget.failure?.kind == .overflow)
        #expect(budget.failure?.message.en.contains("line 1") == true)
        // The numbers around it are still read.
        #expect(scanned.quantities.map(\.printed) == ["12.50万元"])
        // Decimals count: 1.000…0001 with 30 significant digits.
        let decimals = WorkBudget.unlimited()
        _ = scan("1." + String(repeating: "0", count: 28) + "1", budget: decimals)
        #expect(decimals.failure?.kind == .overflow)
    }

    @Test func numbersTooLargeForAnAmountButWithinExactDigitsAreNotAmounts() {
        let budget = WorkBudget.unlimited()
        // 19 digits: beyond 10^12 (no amount), within 28 (no error); the tail groups are not re-read as numbers.
        #expect(scan("1,000,000,000,000,000,000元", budget: budget).quantities.isEmpty)
        #expect(budget.failure == nil)
        // A plain run of digits is a code whatever its length.
        #expect(scan("编码5109042200000040105012345678901234567890", budget: budget).quantities.isEmpty)
        #expect(budget.failure == nil)
    }

    @Test func aLongRunOfThousandsGroupsIsReadInOnePass() {
        // Each group after a refused number used to be re-read from its start: quadratic.
        let text = "1" + String(repeating: ",000", count: 200_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = scan(text, budget: WorkBudget.unlimited()) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test func denseNumbersExceedTheQuantityBudgetEarly() {
        let budget = WorkBudget(inputBytes: 2_000_000)
        let scanned = scan(String(repeating: "1,", count: 1_000_000), budget: budget)
        #expect(budget.failure?.kind == .overBudget)
        #expect(budget.failure?.message.en.contains("quantities budget") == true)
        // Stopped once the excess over two per five bytes reached the floor (about 41 KB in), not after a million.
        #expect(scanned.quantities.count < 25_000)
    }

    @Test func honestDensityStaysWithinTheBudget() {
        let budget = WorkBudget(inputBytes: 400_000)
        let row = "\t1418.62\n\t143.78\n\t92.15%\n\n"
        _ = scan(String(repeating: row, count: 10_000), budget: budget)
        #expect(budget.failure == nil)
    }
}

@Suite struct ZipLimitTests {
    @Test func zip64ValuesBeyondIntMaxAreACorruptArchive() {
        for input in [HostileInputs.zip64SizeOfAllOnes(), HostileInputs.zip64LocatorNearInt64Max()] {
            #expect(throws: InputError.self) {
                _ = try ZipArchive(input.bytes).entries.map { e in try ZipArchive(input.bytes).contents(of: e) }
            }
        }
    }
}

@Suite struct WordNumberingLimitTests {
    func numbering(start: Int, format: String) -> WordNumbering {
        var n = WordNumbering()
        n.abstract[0] = [0: WordNumbering.Level(start: start, format: format, text: "%1.")]
        n.instances[1] = (0, [:])
        return n
    }

    @Test func aCounterAtIntMaxCannotAdvance() throws {
        var n = numbering(start: Int.max, format: "decimal")
        #expect(try n.nextLabel(numID: 1, level: 0) == "\(Int.max).")
        #expect(throws: InputError.self) { _ = try n.nextLabel(numID: 1, level: 0) }
    }

    @Test func letterLabelsAreBoundedBeforeTheyAreBuilt() throws {
        var small = numbering(start: 27, format: "lowerLetter")
        #expect(try small.nextLabel(numID: 1, level: 0) == "aa.")
        var huge = numbering(start: 1_000_000_000_000, format: "lowerLetter")
        #expect(throws: InputError.self) { _ = try huge.nextLabel(numID: 1, level: 0) }
    }

    @Test func labelCharactersAreChargedToTheBudget() throws {
        var n = WordNumbering()
        n.abstract[0] = [0: WordNumbering.Level(start: 1, format: "decimal", text: String(repeating: "%1、", count: 1_000))]
        n.instances[1] = (0, [:])
        let budget = WorkBudget(inputBytes: 4_000)
        var labels = 0
        while try n.nextLabel(numID: 1, level: 0, budget: budget) != nil { labels += 1 }
        #expect(budget.failure?.kind == .overBudget)
        #expect(labels < 40)
    }

    @Test func placeholdersOfDeeperLevelsStayLiteral() throws {
        var n = WordNumbering()
        n.abstract[0] = [0: WordNumbering.Level(start: 1, format: "chineseCounting", text: "%1、%2")]
        n.instances[1] = (0, [:])
        #expect(try n.nextLabel(numID: 1, level: 0) == "一、%2")
    }
}

@Suite struct XMLLimitTests {
    typealias F = DocxFixture

    @Test func endTagsMustRepeatTheQualifiedName() {
        let input = HostileInputs.endTagWithAnotherPrefix()
        #expect(throws: InputError.self) { _ = try DocxReader.read(input.bytes, path: "t.docx") }
        do {
            _ = try DocxReader.read(input.bytes, path: "t.docx")
        } catch {
            #expect(error.kind == .corrupt && error.message.en.contains("</x:tc>"))
        }
    }

    @Test func longStyleChainsAreResolvedOnce() throws {
        // 20,000 styles each based on the next, and 20,000 paragraphs of the first style:
        // walked per paragraph, that was 400 million steps.
        var styles = "<w:styles xmlns:w=\"\(F.w)\">"
        for i in 0..<20_000 {
            styles +=
                "<w:style w:type=\"paragraph\" w:styleId=\"s\(i)\"><w:name w:val=\"s\(i)\"/><w:basedOn w:val=\"s\(i + 1)\"/></w:style>"
        }
        styles += "<w:style w:type=\"paragraph\" w:styleId=\"s20000\"><w:name w:val=\"heading 2\"/></w:style></w:styles>"
        let body = (0..<20_000).map { F.paragraph("第\($0)段正文", style: "s0") }.joined()
        let clock = ContinuousClock()
        var document: Document?
        let elapsed = try clock.measure { document = try DocxReader.read(F.docx(body, extra: ["word/styles.xml": styles]), path: "t.docx") }
        #expect(elapsed < .seconds(20), "\(elapsed)")
        #expect(document?.sections.count == 20_000)
    }

    @Test func styleChainsInheritFromTheNearestDecidingBase() {
        var s = WordStyles()
        s.styles = [
            "a": .init(name: "A", basedOn: "b"), "b": .init(name: "B", basedOn: "c", numberingID: 3),
            "c": .init(name: "C", outlineLevel: 2), "x": .init(name: "X", basedOn: "y"), "y": .init(name: "Y", basedOn: "x")
        ]
        s.resolveChains()
        func p(_ id: String) -> WordParagraph {
            var w = WordParagraph()
            w.styleID = id
            return w
        }
        #expect(s.headingLevel(of: p("a")) == 3)
        #expect(s.numbering(of: p("a"))?.id == 3)
        #expect(s.numbering(of: p("c")) == nil)
        #expect(s.headingLevel(of: p("x")) == nil)
    }
}

@Suite struct TextReaderLimitTests {
    @Test func longRunsOfChartLabelsAreWalkedOnce() {
        // 100,000 label lines ("名称\t") ending in prose: each used to walk (and recurse
        // through) every label after it.
        let text = "标题\n" + String(repeating: "名称\t\n\n", count: 100_000) + "正文结束。\n"
        let clock = ContinuousClock()
        var document: Document?
        let elapsed = clock.measure { document = TextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8))) }
        #expect(elapsed < .seconds(20), "\(elapsed)")
        #expect(document?.charts.isEmpty == true)
    }

    @Test func labelsFollowedByDataStillStartAChart() {
        let text = "正文。\n占比（%）\t\n\n名称\t\n\n基本支出\t项目支出\t43.92\t56.08\t\n"
        let document = TextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8)))
        #expect(document.charts.count == 1)
    }

    @Test func cellsAreChargedAndReadingStopsAtTheBudget() {
        let budget = WorkBudget(
            inputBytes: 1_000,
            rules: {
                var r = WorkBudget.Rules.standard
                r.cells = WorkBudget.Rule(floor: 100, perByte: 0, LocalizedText("100"))
                return r
            }())
        let text = String(repeating: "\t1\n\t2\n\n", count: 1_000)
        let document = TextReader.read(SourceText(path: "t.txt", bytes: Array(text.utf8)), budget: budget)
        #expect(budget.failure?.kind == .overBudget)
        #expect(document.tables.reduce(0) { $0 + $1.rows.count } < 100)
    }
}

@Suite struct WorkBudgetTests {
    /// The budgets are for hostile input: honest reports (the examples, the corpus when
    /// present, and a report repeated to 2 MB) use a quarter of each at most (memory, an
    /// estimate, half).
    @Test func honestReportsUseLittleOfEachBudget() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".txt") }.map { root.appendingPathComponent("examples/" + $0) }
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.path) {
            files += names.filter { $0.hasSuffix(".txt") }.map { corpus.appendingPathComponent($0) }
        } else {
            print("WARNING: \(corpus.path) is absent: budget use measured on the bundled examples only")
        }
        var inputs = try files.map { (name: $0.lastPathComponent, bytes: [UInt8](try Data(contentsOf: $0))) }
        let example = inputs[0].bytes
        inputs.append(("2 MB of repeated report", Array((0..<(2_000_000 / example.count)).map { _ in example }.joined())))
        for input in inputs {
            let budget = WorkBudget(inputBytes: input.bytes.count)
            let read = DocumentReader.read(bytes: input.bytes, path: input.name, budget: budget)
            guard case .success(let document) = read, (try? AuditModel.extract(document, budget: budget)) != nil else {
                Issue.record("\(input.name): \(String(describing: budget.failure))")
                continue
            }
            for kind in WorkBudget.Kind.allCases {
                let share = Double(budget.used(kind)) / Double(budget.limit(kind))
                #expect(
                    share < (kind == .memory ? 0.5 : 0.25), "\(input.name): \(kind.rawValue) \(budget.used(kind)) of \(budget.limit(kind))")
            }
        }
    }

    @Test func limitsGrowWithTheInputAboveTheirFloors() {
        let small = WorkBudget(inputBytes: 1_000)
        let large = WorkBudget(inputBytes: 100_000_000)
        for kind in WorkBudget.Kind.allCases where kind != .relationships {
            #expect(large.limit(kind) > small.limit(kind), "\(kind)")
        }
        #expect(small.limit(.renderedText) == 4 << 20)
        #expect(WorkBudget(inputBytes: Int.max).limit(.memory) == Int.max)
    }

    @Test func theFirstFailureIsKept() {
        let budget = WorkBudget(inputBytes: 10)
        #expect(budget.charge(.relationships, 1_000))
        #expect(!budget.charge(.relationships, 1))
        budget.fail(InputError(.overflow, LocalizedText("later")))
        #expect(budget.failure?.kind == .overBudget)
        #expect(throws: InputError.self) { try budget.check() }
    }
}

@Suite struct GlobLimitTests {
    @Test func manyStarsMatchInLinearTime() {
        // Backtracking tried every split of the name between the stars: exponential.
        let glob = Glob("*a*a*a*a*a*a*a*ab")
        let name = String(repeating: "a", count: 60) + ".txt"
        let clock = ContinuousClock()
        var matched = true
        let elapsed = clock.measure { for _ in 0..<100 { matched = glob.matches("reports/" + name) } }
        #expect(!matched)
        #expect(elapsed < .seconds(2), "\(elapsed)")
        #expect(glob.matches(String(repeating: "a", count: 40) + "b"))
    }

    @Test func patternsKeepTheirMeaning() {
        #expect(Glob("**/x.txt").matches("x.txt") && Glob("**/x.txt").matches("a/b/x.txt"))
        #expect(!Glob("a/**/x.txt").matches("a/bx.txt"))
        #expect(Glob("a/**").matches("a/b/c") && !Glob("a/**").matches("b/c"))
        #expect(Glob("a/*/c").matches("a/b/c") && !Glob("a/*/c").matches("a/b/d/c"))
        #expect(Glob("[a-c]?.txt").matches("b1.txt") && !Glob("[a-c]?.txt").matches("d1.txt"))
        #expect(Glob("[^a-c]*").matches("z") && Glob("[").matches("["))
        #expect(Glob("*").matches("dir/file") && !Glob("d*/*").matches("e/f"))
    }
}

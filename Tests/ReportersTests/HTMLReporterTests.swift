import Checks
import Foundation
import Lint
import Testing

@testable import Reporters

@Suite struct HTMLEscapingTests {
    @Test func markupCharactersAreEscapedForContentAndAttributes() {
        #expect(HTMLEscape.text("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(HTMLEscape.text("\"><img src=x onerror=y>") == "&quot;&gt;&lt;img src=x onerror=y&gt;")
        #expect(HTMLEscape.text("a & b &amp;") == "a &amp; b &amp;amp;")
        #expect(HTMLEscape.text("收入1,418.62万元，占91.80%") == "收入1,418.62万元，占91.80%")
    }

    @Test func invisibleAndReorderingCharactersAreShownOrReplaced() {
        #expect(HTMLEscape.text("a\u{01}b\u{07}c\u{1B}d") == "a\u{2401}b\u{2407}c\u{241B}d")
        #expect(HTMLEscape.text("x\u{7F}") == "x\u{2421}")
        #expect(HTMLEscape.text("C1\u{85}\u{9B}") == "C1\u{FFFD}\u{FFFD}")
        #expect(HTMLEscape.text("\u{202E}evil\u{202C}\u{2066}\u{200F}\u{61C}") == "\u{FFFD}evil\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(HTMLEscape.text("\u{FFFE}\u{FFFF}") == "\u{FFFD}\u{FFFD}")
        #expect(HTMLEscape.text("line\r\nnext\rlone\ttab") == "line\nnext\u{240D}lone\ttab")
        // Characters that only look like the ones above pass unchanged.
        #expect(HTMLEscape.text("\u{2026}\u{3000}\u{FF05}\u{1F600}") == "\u{2026}\u{3000}\u{FF05}\u{1F600}")
    }
}

@Suite struct InlineMarkupTests {
    func render(_ text: String, _ marks: [InlineMark]) -> String {
        var out = HTMLBuffer()
        let bytes = Array(text.utf8)
        InlineMarkup.write(bytes, shown: 0..<bytes.count, marks: marks, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    func mark(_ r: Range<Int>, _ role: InlineMark.Role, _ id: String) -> InlineMark {
        InlineMark(range: r, role: role, open: "<b id=\"\(id)\">", reopen: "<b data-piece=\"\(id)\">", close: "</b>")
    }

    /// Findings on one figure nest, a finding crossing another is cut, related and verified
    /// marks crossing them are split, a point is kept: the tags nest and the text is intact.
    @Test func overlappingMarksNestAndFindingsAreNeverSplit() {
        let text = "0123456789"
        let marks = [
            mark(2..<6, .finding, "f1"), mark(2..<6, .finding, "f2"), mark(4..<8, .finding, "f3"),
            mark(1..<5, .related, "r1"), mark(5..<9, .verified, "v1"), mark(9..<9, .finding, "f4"),
            mark(0..<1, .noise, "n1"), mark(3..<20, .related, "r2")
        ]
        let html = render(text, marks)
        #expect(HTMLSupport.wellNested(html), "\(html)")
        #expect(HTMLSupport.stripTags(html) == text)
        for id in ["f1", "f2", "f3", "f4", "r1", "v1", "n1", "r2"] {
            #expect(HTMLSupport.count("id=\"\(id)\"", in: html) == 1, "\(id) in \(html)")
        }
        // Findings: one element each, never reopened; the others are split where they cross.
        for id in ["f1", "f2", "f3", "f4"] { #expect(!html.contains("data-piece=\"\(id)\""), "\(id) split in \(html)") }
        #expect(html.contains("data-piece=\"r1\"") && html.contains("data-piece=\"v1\""))
        #expect(html.contains("<b id=\"f1\"><b id=\"f2\">"))
        #expect(html.contains("<b id=\"f4\"></b>"))
    }

    @Test func aMarkNeverSplitsACharacter() {
        let html = render("收入合计", [mark(1..<7, .finding, "f1")]) // byte 1 is inside 收
        #expect(HTMLSupport.stripTags(html) == "收入合计")
        #expect(HTMLSupport.wellNested(html))
    }
}

@Suite struct HTMLPageTests {
    @Test func theSecurityPolicyAllowsExactlyThePagesOwnScriptAndStyle() throws {
        let page = HTMLSupport.page(HTMLSupport.audit(try HTMLSupport.example("faulty-2024-final-accounts.txt"), as: "faulty.txt"))
        let style = try #require(HTMLSupport.element("style", in: page))
        let script = try #require(HTMLSupport.element("script", in: page))
        let meta = try #require(
            page.range(of: "<meta http-equiv=\"Content-Security-Policy\" content=\"").map { page[$0.upperBound...].prefix { $0 != "\"" } })
        #expect(
            meta
                == "default-src 'none'; script-src \(InlineCode(script).hashSource); style-src \(InlineCode(style).hashSource); base-uri 'none'; form-action 'none'"
        )
        #expect(!meta.contains("unsafe"))
        // The policy comes before anything it governs, and nothing else could need it.
        #expect(page.range(of: "Content-Security-Policy")!.lowerBound < page.range(of: "<style>")!.lowerBound)
        #expect(HTMLSupport.count("<script", in: page) == 1 && HTMLSupport.count("<style", in: page) == 1)
        #expect(page.range(of: #" (on[a-z]+|style)="#, options: .regularExpression) == nil)
        #expect(page.range(of: #"(src|href)="(?!#|\./)"#, options: .regularExpression) == nil)
    }

    @Test func oneMarkPerFindingShowingTheFigureItNames() throws {
        for (name, bytes) in [
            ("faulty.txt", try HTMLSupport.example("faulty-2024-final-accounts.txt")),
            ("hostile.txt", try HTMLSupport.hostileFixture())
        ] {
            let result = HTMLSupport.audit(bytes, as: name)
            #expect(result.findings.count >= 4)
            let page = HTMLSupport.page(result)
            #expect(HTMLSupport.count("<mark ", in: page) == result.findings.count, "\(name)")
            for (i, f) in result.findings.enumerated() {
                #expect(HTMLSupport.count("data-finding=\"\(i + 1)\"", in: page) == 1, "\(name) finding \(i + 1)")
                let want = result.source!.text(f.span.range)
                #expect(HTMLSupport.markText(i + 1, in: page) == want, "\(name) finding \(i + 1) [\(f.checkID)]")
            }
            let body = try #require(
                page.range(of: "<body>").flatMap { b in page.range(of: "<script>").map { page[b.upperBound..<$0.lowerBound] } })
            #expect(HTMLSupport.wellNested(String(body)), "\(name): tags do not nest")
        }
    }

    /// The hostile fixture, under a hostile name, with hostile messages, related messages and
    /// an acceptance reason: nothing of it becomes markup.
    @Test func hostileTextRendersAsText() throws {
        var result = HTMLSupport.audit(try HTMLSupport.hostileFixture(), as: "<img src=x onerror=alert(1)>\"'.txt")
        #expect(result.findings.count >= 2)
        result.findings[0].message = LocalizedText("</style><script>alert(2)</script>")
        result.findings[0].related[0].message = LocalizedText("\"><svg onload=alert(3)>")
        result.findings[1].suppression = "javascript:alert(4)\u{202E}"
        result.findings[1].expected = "<iframe src=javascript:alert(5)>"
        let page = HTMLSupport.page(result)
        #expect(HTMLSupport.count("<script", in: page) == 1)
        #expect(HTMLSupport.count("<style", in: page) == 1 && HTMLSupport.count("</style>", in: page) == 1)
        for tag in ["<img", "<svg", "<iframe", "<base", "<link", "<a href=\"javascript", "<plaintext", "<textarea"] {
            #expect(!page.contains(tag), "\(tag) was injected")
        }
        #expect(page.contains("&lt;script&gt;console.log(&#39;PWNED-heading&#39;)"))
        #expect(page.contains("&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(page.contains("&quot;&gt;&lt;svg onload=alert(3)&gt;"))
        #expect(page.contains("javascript:alert(4)\u{FFFD}"))
        #expect(page.contains("<title>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;.txt — reportlint</title>"))
        #expect(page.contains("\u{2401}\u{2407}\u{241B}[31m"))
        // Every attribute value is quoted and free of quotes: none can be broken out of.
        let attributes = page.components(separatedBy: "=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(attributes.allSatisfy { !$0.contains("<") && !$0.contains(">") || $0.hasPrefix("default-src") })
    }

    @Test func identicalInputGivesIdenticalBytes() throws {
        let bytes = try HTMLSupport.example("faulty-2024-final-accounts.txt")
        let a = HTMLSupport.page(HTMLSupport.audit(bytes, as: "a.txt"))
        let b = HTMLSupport.page(HTMLSupport.audit(bytes, as: "a.txt"))
        #expect(a == b)
        #expect(HTMLSupport.page(HTMLSupport.audit(bytes, as: "a.txt"), language: .en).contains("<html lang=\"en\">"))
    }

    /// A report of 110 KB (the size of the largest corpus report) gives a page under 2 MB.
    @Test func theLargestReportsPageStaysSmall() throws {
        var bytes = try HTMLSupport.example("faulty-2024-final-accounts.txt")
        let one = bytes
        while bytes.count < 110_000 { bytes += one }
        let result = HTMLSupport.audit(bytes, as: "big.txt")
        let page = HTMLSupport.page(result)
        #expect(page.utf8.count < 2_000_000, "\(page.utf8.count) bytes for \(bytes.count)")
        #expect(HTMLSupport.count("<mark ", in: page) == result.findings.count)
    }

    /// Thousands of findings and related figures on one line (a flattened table) each keep one
    /// mark, and the page is written in one sweep of the line.
    @Test func aLineWithThousandsOfMarks() throws {
        let line = (1...4000).map { "项\($0)：\($0).00万元" }.joined(separator: "，")
        let source = SourceText(path: "long.txt", bytes: Array(("一、说明\n" + line + "。\n").utf8))
        var findings: [Finding] = []
        var offset = 0
        let bytes = source.bytes
        while let r = bytes[offset...].firstRange(of: Array("万元".utf8)) {
            var start = r.lowerBound
            while start > 0 && (bytes[start - 1] == 0x2E || (0x30...0x39).contains(bytes[start - 1])) { start -= 1 }
            let span = Span(start, r.upperBound)
            findings.append(
                Finding(
                    check: "breakdown-sum", severity: .warning, message: LocalizedText("x"), span: span,
                    related: [RelatedLocation(role: "part", span: Span(max(0, start - 9), r.upperBound), message: LocalizedText("p"))],
                    key: "k"))
            offset = r.upperBound
        }
        #expect(findings.count == 4000)
        let page = HTMLSupport.page(FileResult(path: "long.txt", source: source, findings: findings, error: nil))
        #expect(HTMLSupport.count("<mark ", in: page) == 4000)
        #expect(HTMLSupport.markText(4000, in: page) == "4000.00万元")
    }

    @Test func everySpanHasAPlaceEvenOutsideTheText() throws {
        let source = SourceText(path: "p.txt", bytes: Array("一、收入\n\n\n  \t金额\n\t100\n\n说明。\n\n".utf8))
        let outline = PageOutline(source: source)
        for offset in [0, 3, 13, 15, 17, 20, source.bytes.count, source.bytes.count + 40] {
            let (leaf, range) = outline.place(Span(offset, offset + 2))
            #expect(outline.leaves[leaf].shown.lowerBound <= range.lowerBound && range.upperBound <= outline.leaves[leaf].shown.upperBound)
        }
        // An empty document still has one leaf.
        let empty = PageOutline(source: SourceText(path: "e.txt", bytes: []))
        #expect(empty.leaves.count == 1 && empty.place(Span(5, 9)).range.isEmpty)
    }

    @Test func anUnreadableFileGetsAPageSayingSo() {
        let result = HTMLSupport.audit([], as: "empty.txt")
        let page = HTMLSupport.page(result)
        #expect(page.contains("无法读取") && !page.contains("<mark"))
    }
}

@Suite struct HTMLBatchTests {
    @Test func pageNamesAreSafeDistinctAndReadable() {
        var names = PageNames()
        let a = names.name(for: "../shared/报告 1.txt")
        #expect(a == "shared_报告_1.txt.html")
        #expect(names.name(for: "index") == "index-" + String(FNV1a.hex("index").prefix(8)) + ".html")
        let hostile = names.name(for: "/tmp/<img src=x onerror=alert(1)>.txt")
        #expect(!hostile.contains("<") && !hostile.contains("/") && !hostile.hasPrefix("."))
        let first = names.name(for: "a/b.txt")
        let second = names.name(for: "a_b.txt")
        #expect(first != second)
        #expect(PageNames.href("shared_报告.txt.html") == "./shared_%E6%8A%A5%E5%91%8A.txt.html")
    }

    /// The index of a batch: one row per file with the counts the JSON summary gives.
    @Test func theIndexRowsAndTotalsEqualTheSummary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs: [(String, [UInt8])] = [
            ("faulty.txt", try HTMLSupport.example("faulty-2024-final-accounts.txt")),
            ("clean.txt", try HTMLSupport.example("clean-2024-final-accounts.txt")),
            ("empty.txt", []), ("sub/<b>.txt", try HTMLSupport.hostileFixture())
        ]
        func run() throws -> (Summary, [String: Data]) {
            let reporter = HTMLReporter(destination: .directory(dir.path), language: .zh, rules: Registry.all.map(\.description))
            var summary = Summary()
            reporter.begin()
            for (name, bytes) in inputs {
                var result = HTMLSupport.audit(bytes, as: name)
                if name == "faulty.txt" { result.findings[0].suppression = "核对过" }
                summary.add(result)
                reporter.report(result)
            }
            reporter.end(summary)
            #expect(reporter.unwritable.isEmpty)
            var files: [String: Data] = [:]
            for f in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
                files[f] = try Data(contentsOf: dir.appendingPathComponent(f))
            }
            return (summary, files)
        }
        let (summary, files) = try run()
        #expect(files.count == inputs.count + 1)
        let index = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(
            index.contains(
                "data-files=\"4\" data-errors=\"\(summary.errors)\" data-warnings=\"\(summary.warnings)\" data-notes=\"\(summary.notes)\" data-suppressed=\"1\" data-input-errors=\"1\""
            ))
        #expect(HTMLSupport.count("<tr data-i=", in: index) == 4)
        #expect(index.contains("data-path=\"sub/&lt;b&gt;.txt\""))
        #expect(index.contains("href=\"./sub__b_.txt.html\""))
        let rowCounts = index.components(separatedBy: "<tr data-i=").dropFirst().map { row -> [Int] in
            ["data-errors", "data-warnings", "data-notes"].map { key in
                Int(row.components(separatedBy: key + "=\"")[1].prefix { $0 != "\"" })!
            }
        }
        #expect(
            rowCounts.reduce([0, 0, 0]) { [$0[0] + $1[0], $0[1] + $1[1], $0[2] + $1[2]] } == [
                summary.errors, summary.warnings, summary.notes
            ])
        // Identical input, identical bytes, page by page.
        let (_, again) = try run()
        #expect(again == files)
    }
}

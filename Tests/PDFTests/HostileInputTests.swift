import PDFFixtures
import Testing

@testable import PDF

/// Every hostile or unusable file is one clear error, quickly, with bounded memory; nothing traps.
@Suite struct HostileInputTests {
    static func valid() -> [UInt8] {
        var page = FixturePage()
        page.text("正常的文字内容", x: 72, y: 760)
        return PDFFixture(page).bytes()
    }

    /// A file whose object `5` has the given body, used as the page content.
    static func withContent(_ dictAndStream: String) -> [UInt8] {
        Array(
            """
            %PDF-1.7
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >> endobj
            5 0 obj \(dictAndStream) endobj
            trailer << /Root 1 0 R /Size 6 >>
            %%EOF

            """.utf8)
    }

    static func check(
        _ bytes: [UInt8], _ kind: PDFError.Kind, mentions: String? = nil, limits: PDFLimits = .standard,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var error: PDFError?
        let time = seconds { error = readError(bytes, limits: limits) }
        #expect(error?.kind == kind, "\(String(describing: error))", sourceLocation: sourceLocation)
        if let mentions {
            #expect(
                error.map { $0.en.contains(mentions) || $0.zh.contains(mentions) } == true, "\(String(describing: error))",
                sourceLocation: sourceLocation)
        }
        #expect(time < 1, "took \(time) s", sourceLocation: sourceLocation)
    }

    @Test func encryptedFilesSaySo() {
        var fixture = PDFFixture(FixturePage())
        fixture.encrypted = true
        Self.check(fixture.bytes(), .encrypted, mentions: "encrypted")
        fixture.xrefStream = true
        Self.check(fixture.bytes(), .encrypted, mentions: "加密")
    }

    @Test func scannedPagesAskForOCR() {
        var page = FixturePage()
        page.ops.append(.image)
        Self.check(PDFFixture(page).bytes(), .noTextLayer, mentions: "run OCR first")
        Self.check(PDFFixture(FixturePage()).bytes(), .noTextLayer, mentions: "no text")
    }

    @Test func referenceLoopsAreErrors() {
        // Contents → 6 → 5 → …
        var bytes = Self.withContent("6 0 R")
        bytes.insert(contentsOf: Array("6 0 obj 5 0 R endobj\n".utf8), at: bytes.count - 7)
        Self.check(bytes, .malformed, mentions: "loop")
        // A page tree whose kid is its own parent.
        let tree = Array(
            """
            %PDF-1.7
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj
            trailer << /Root 1 0 R /Size 3 >>
            %%EOF

            """.utf8)
        Self.check(tree, .malformed, mentions: "loop")
        // A form that invokes itself.
        var page = FixturePage()
        page.text("文字", x: 72, y: 760)
        page.ops.append(.form("Fm1"))
        var fixture = PDFFixture(page)
        fixture.forms["Fm1"] = "/Fm1 Do"
        Self.check(fixture.bytes(), .malformed, mentions: "loop")
        // A stream whose /Length is itself.
        Self.check(Self.withContent("<< /Length 5 0 R >> stream\nBT ET\nendstream"), .noTextLayer)
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        Self.check(Self.withContent("<< /Deep \(deep) /Length 0 >> stream\n\nendstream"), .limitExceeded, mentions: "nesting")
        // In a content stream too.
        let content = Array("BT /F1 12 Tf \(deep) TJ ET".utf8)
        Self.check(
            Self.withContent("<< /Length \(content.count) >> stream\n" + String(decoding: content, as: UTF8.self) + "\nendstream"),
            .limitExceeded, mentions: "nesting")
    }

    @Test func streamsOverTheSizeOrRatioLimitAreRefused() {
        let zeros = [UInt8](repeating: 0x20, count: 4 << 20)
        let bomb = PDFFixture.deflate(zeros)
        var bytes = Array(
            """
            %PDF-1.7
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >> endobj
            5 0 obj << /Length \(bomb.count) /Filter /FlateDecode >> stream

            """.utf8)
        bytes += bomb
        bytes += Array("\nendstream endobj\ntrailer << /Root 1 0 R /Size 6 >>\n%%EOF\n".utf8)
        Self.check(bytes, .limitExceeded, mentions: "ratio")
        var limits = PDFLimits()
        limits.maxRatio = 1_000_000
        limits.maxStreamBytes = 1 << 20
        Self.check(bytes, .limitExceeded, mentions: "one decoded stream", limits: limits)
    }

    @Test func truncatedAndGarbageFilesAreOneError() {
        let valid = Self.valid()
        for cut in [valid.count / 2, valid.count - 30, 200] {
            Self.check(Array(valid.prefix(cut)), .truncated)
        }
        var rng = LCG(seed: 7)
        var garbage = Array("%PDF-1.4\n".utf8)
        for _ in 0..<200_000 { garbage.append(UInt8(truncatingIfNeeded: rng.next())) }
        let error = readError(garbage)
        #expect(error?.kind == .malformed || error?.kind == .truncated)
        Self.check(Array("not a pdf at all".utf8), .malformed, mentions: "not a PDF")
    }

    @Test func otherFiltersAreNamed() {
        Self.check(
            Self.withContent("<< /Length 4 /Filter /LZWDecode >> stream\nabcd\nendstream"), .unsupportedFilter, mentions: "LZWDecode")
        Self.check(
            Self.withContent("<< /Length 4 /Filter [/FlateDecode /DCTDecode] >> stream\nabcd\nendstream"), .unsupportedFilter,
            mentions: "DCTDecode")
    }

    @Test func workBudgetsBoundOperatorsGlyphsAndPages() {
        var limits = PDFLimits()
        limits.maxOperators = 1000
        let ops = String(repeating: "q Q ", count: 2000)
        Self.check(
            Self.withContent("<< /Length \(ops.utf8.count) >> stream\n\(ops)\nendstream"), .limitExceeded, mentions: "operators",
            limits: limits)
        limits = PDFLimits()
        limits.maxGlyphs = 100
        var page = FixturePage()
        for k in 0..<20 { page.text(String(repeating: "数", count: 10), x: 72, y: 760 - Double(k) * 20) }
        Self.check(PDFFixture(page).bytes(), .limitExceeded, mentions: "glyphs", limits: limits)
        limits = PDFLimits()
        limits.maxPages = 3
        Self.check(PDFFixture(pages: Array(repeating: page, count: 5)).bytes(), .limitExceeded, mentions: "pages", limits: limits)
    }

    @Test func fontsWithHugeWidthRangesAreRefused() {
        let ranges = String(repeating: "0 65535 500 ", count: 200)
        let content = "BT /F1 12 Tf 72 700 Td <0041> Tj ET"
        let bytes = Array(
            """
            %PDF-1.7
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >> endobj
            5 0 obj << /Length \(content.utf8.count) >> stream
            \(content)
            endstream endobj
            6 0 obj << /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [7 0 R] >> endobj
            7 0 obj << /Type /Font /Subtype /CIDFontType2 /W [\(ranges)] >> endobj
            trailer << /Root 1 0 R >>
            %%EOF

            """.utf8)
        Self.check(bytes, .limitExceeded, mentions: "font mapping")
    }

    @Test func aPageOfThousandsOfRulesIsReadQuickly() throws {
        var page = FixturePage(width: 5000, height: 5000)
        var grid = "0 0 0 RG 0.5 w\n"
        for k in 0..<3500 {
            let p = Double(k) * 1.25 + 10
            grid += "10 \(p) m 4400 \(p) l \(p) 10 m \(p) 4400 l\n"
        }
        grid += "S"
        page.raw(grid)
        page.text("网格之上的文字", x: 72, y: 4900)
        var content: PDFContent?
        let time = seconds { content = try? PDFFixture(page).read() }
        #expect(content?.texts == ["网格之上的文字"])
        #expect(time < 1, "took \(time) s")
    }

    /// Damaged copies of a valid file: each reads or fails with an error, never traps or hangs.
    @Test func mutatedFilesNeverTrap() {
        var page = FixturePage()
        page.text("变异测试的文字", x: 72, y: 760)
        page.table(x: 72, top: 700, columns: [100, 100], rows: [20, 20], cells: [["甲", "1.00"], ["乙", "2.00"]])
        var fixture = PDFFixture(page)
        fixture.xrefStream = true
        fixture.objectStreams = true
        let bases = [PDFFixture(page).bytes(), fixture.bytes()]
        var rng = LCG(seed: 42)
        var outcomes = 0
        let time = seconds {
            for base in bases {
                for _ in 0..<300 {
                    var bytes = base
                    for _ in 0..<(1 + Int(rng.next() % 8)) {
                        let at = Int(rng.next() % UInt64(bytes.count))
                        switch rng.next() % 4 {
                        case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                        case 1: bytes.remove(at: at)
                        case 2: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
                        default: bytes[at] = "0123456789[]<>()/".utf8.map { $0 }[Int(rng.next() % 17)]
                        }
                    }
                    _ = PDFReader.fuzz(bytes)
                    outcomes += 1
                }
            }
        }
        #expect(outcomes == 600)
        #expect(time < 30)
    }
}

/// A small deterministic generator for test data.
struct LCG {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 17
    }
}

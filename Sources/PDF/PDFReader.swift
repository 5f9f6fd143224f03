/// Reads the text of a PDF: file structure, objects and streams, pages and their content
/// streams, fonts to Unicode, then the layout (lines, paragraphs, tables). Throws one
/// `PDFError` for anything it cannot or will not read; never traps on any input.
public enum PDFReader {
    /// `lap`, when given, is called after each stage with its name (for profiling).
    public static func read(_ bytes: [UInt8], limits: PDFLimits = .standard, lap: ((String) -> Void)? = nil) throws(PDFError) -> PDFContent
    {
        guard let header = headerOffset(bytes) else {
            throw PDFError.malformed("不是 PDF 文件（没有 %PDF- 文件头）", "not a PDF file (no %PDF- header)")
        }
        _ = header
        let budget = WorkBudget(limits)
        let store = try ObjectStore(bytes, budget: budget)
        let pages = try PageTree.pages(store)
        guard !pages.isEmpty else { throw PDFError.malformed("PDF 没有页面", "the PDF has no pages") }
        lap?("pdf structure")
        let fonts = FontCache()
        var layouts: [PageLayout] = []
        layouts.reserveCapacity(pages.count)
        var glyphs = 0
        var images = 0
        var unmapped = 0
        for info in pages {
            var interpreter = ContentInterpreter(page: info, store: store, fonts: fonts)
            try interpreter.run(info)
            glyphs += interpreter.page.glyphs.count
            images += interpreter.page.images
            unmapped += interpreter.page.unmapped
            layouts.append(PageLayout(interpreter.page))
        }
        lap?("pdf content")
        if !layouts.contains(where: { p in
            p.lines.contains { !$0.text.isEmpty } || p.tables.contains { t in t.cells.contains { !$0.text.isEmpty } }
        }) {
            if unmapped > 0 {
                throw PDFError(
                    .noTextLayer, zh: "PDF 的字体没有 Unicode 映射，无法提取文字：请先做 OCR 文字识别",
                    en: "no text layer: the PDF's fonts map no glyph to Unicode; run OCR first")
            }
            throw images > 0 ? PDFError.noTextLayer : PDFError.noText
        }
        _ = glyphs
        let content = DocumentLayout.build(layouts)
        lap?("pdf layout")
        return content
    }

    /// Where "%PDF-" starts (the standard allows junk before it, within the first kilobyte).
    static func headerOffset(_ bytes: [UInt8]) -> Int? {
        let magic: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x2D]
        let limit = min(bytes.count - magic.count, 1024)
        guard limit >= 0 else { return nil }
        for i in 0...limit where bytes[i] == 0x25 && Array(bytes[i..<(i + 5)]) == magic { return i }
        return nil
    }

    /// For fuzzing: reads and discards, returning whether the bytes were a readable PDF.
    @discardableResult
    public static func fuzz(_ bytes: [UInt8]) -> Bool {
        do {
            _ = try read(bytes)
            return true
        } catch {
            return false
        }
    }
}

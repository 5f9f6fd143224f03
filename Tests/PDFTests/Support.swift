import PDFFixtures

@testable import PDF

extension PDFFixture {
    func read(limits: PDFLimits = .standard) throws -> PDFContent { try PDFReader.read(bytes(), limits: limits) }
}

extension PDFContent {
    var paragraphs: [PDFParagraph] { blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } } }
    var tables: [PDFTable] { blocks.compactMap { if case .table(let t) = $0 { return t } else { return nil } } }
    var texts: [String] { paragraphs.map(\.text) }
}

extension PDFTable {
    /// Each row's cell texts, left to right.
    var texts: [[String]] { rows.map { $0.map(\.text) } }
}

/// The error a read throws, or nil.
func readError(_ bytes: [UInt8], limits: PDFLimits = .standard) -> PDFError? {
    do {
        _ = try PDFReader.read(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

/// Seconds an action takes.
func seconds(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    let d = clock.measure(body)
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// One glyph shown on a page, in page space (y up), by its origin on the baseline.
struct Glyph: Sendable {
    var x: Float
    /// The baseline.
    var y: Float
    /// The advance, in page space.
    var width: Float
    /// The font size in page space (the height of an em).
    var size: Float
    /// Its text: `count` scalars of the page's `scalars` from `start`.
    var start: Int32
    var count: Int16
    var flags: UInt8

    static let bold: UInt8 = 1
    /// Inside marked content tagged /Artifact (headers, footers, page numbers in tagged PDFs).
    static let artifact: UInt8 = 2
    /// Not upright: rotated or mirrored text.
    static let rotated: UInt8 = 4
    /// A space character (kept to separate words; never part of a cell's or line's edges).
    static let space: UInt8 = 8

    var isSpace: Bool { flags & Glyph.space != 0 }
    var isBold: Bool { flags & Glyph.bold != 0 }
    var right: Float { x + width }
}

/// A ruling line: a stroked segment or a thin filled rectangle, horizontal or vertical.
struct Rule: Sendable {
    /// For a horizontal rule: y, and x from `from` to `to`; for a vertical one: x, and y from `from` to `to`.
    var position: Float
    var from: Float
    var to: Float
    var horizontal: Bool
}

/// What a page shows: its glyphs in content order, their text, ruling lines and how many images.
struct PageContent: Sendable {
    var number: Int
    var box: Box
    var glyphs: [Glyph] = []
    var scalars: [UInt32] = []
    var rules: [Rule] = []
    var images = 0
    /// Glyphs whose font gave no Unicode text.
    var unmapped = 0

    func text(_ g: Glyph) -> ArraySlice<UInt32> { scalars[Int(g.start)..<(Int(g.start) + Int(g.count))] }
}

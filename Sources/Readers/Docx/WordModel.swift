import Model

/// What reportlint keeps of a WordprocessingML body: paragraphs with their text and the
/// properties that decide headings and list numbers, tables as rows of cells, and the
/// charts a paragraph anchors.
enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)
}

struct WordParagraph {
    var text = ""
    var styleID: String?
    var outlineLevel: Int?
    var numberingID: Int?
    var numberingLevel = 0
    /// Relationship ids of charts anchored in the paragraph.
    var charts: [String] = []
    /// Paragraphs of text boxes anchored in the paragraph, which Word shows as body text.
    var textBoxes: [WordBlock] = []
}

struct WordTable {
    var rows: [[WordCell]] = []
}

struct WordCell {
    var blocks: [WordBlock] = []
    /// Columns of the grid the cell spans (w:gridSpan).
    var span = 1
    /// Continues a vertical merge from the row above: Word shows it as part of that cell.
    var continuesMerge = false
}

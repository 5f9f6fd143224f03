import Model

/// Builds `WordBlock`s from word/document.xml events.
///
/// Text is taken from w:t (w:delText of deleted revisions and w:instrText of field codes
/// are not text the reader sees); w:tab, w:br and w:cr become TAB and line breaks.
/// mc:Fallback repeats its mc:Choice (a text box drawn twice, as DrawingML and as VML),
/// so it is skipped.
final class WordDocumentReader: XMLPartHandler {
    /// Open containers: the body, table cells, text boxes.
    private var containers: [[WordBlock]] = [[]]
    private var paragraphs: [WordParagraph] = []
    private var tables: [WordTable] = []
    private var cells: [WordCell] = []
    private var inText = false
    /// Depth inside elements whose content is skipped (w:del, mc:Fallback, w:instrText).
    private var skipping = 0
    private var inParagraphProperties = false
    private var inCellProperties = false
    /// Charged for every paragraph, cell and character kept: a small compressed part can
    /// hold millions of empty paragraphs.
    private let budget: WorkBudget?

    init(budget: WorkBudget? = nil) {
        self.budget = budget
    }

    var blocks: [WordBlock] { containers.first ?? [] }

    var isStopped: Bool { budget?.isExhausted == true }

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        if skipping > 0 {
            skipping += 1
            return
        }
        switch ns {
        case .markupCompatibility where local == "Fallback":
            skipping = 1
        case .chart where local == "chart":
            if let id = a["id"], !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].charts.append(id) }
        case .word:
            word(local, a)
        default:
            break
        }
    }

    private func word(_ local: String, _ a: XAttributes) {
        switch local {
        case "p", "tbl", "tr", "tc", "txbxContent":
            budget?.charge(.memory, MemoryLayout<WordParagraph>.stride + MemoryLayout<WordBlock>.stride)
        default: break
        }
        switch local {
        case "p": paragraphs.append(WordParagraph())
        case "pPr": inParagraphProperties = true
        case "pStyle" where inParagraphProperties: setParagraph { $0.styleID = a["val"] }
        case "outlineLvl" where inParagraphProperties: setParagraph { $0.outlineLevel = a["val"].flatMap { Int($0) } }
        case "numId" where inParagraphProperties: setParagraph { $0.numberingID = a["val"].flatMap { Int($0) } }
        case "ilvl" where inParagraphProperties: setParagraph { $0.numberingLevel = a["val"].flatMap { Int($0) } ?? 0 }
        case "t": inText = true
        case "tab" where !inParagraphProperties: appendText("\t")
        case "br", "cr": appendText("\n")
        case "noBreakHyphen": appendText("-")
        case "del", "instrText", "delText", "footnoteReference", "endnoteReference": skipping = 1
        case "tbl": tables.append(WordTable())
        case "tr": if !tables.isEmpty { tables[tables.count - 1].rows.append([]) }
        case "tc":
            cells.append(WordCell())
            containers.append([])
        case "tcPr": inCellProperties = true
        case "gridSpan" where inCellProperties:
            if !cells.isEmpty { cells[cells.count - 1].span = max(1, a["val"].flatMap { Int($0) } ?? 1) }
        case "vMerge" where inCellProperties:
            // <w:vMerge/> (no value, or "continue") continues the cell above; "restart" begins one.
            if !cells.isEmpty { cells[cells.count - 1].continuesMerge = a["val"] != "restart" }
        case "txbxContent": containers.append([])
        default: break
        }
    }

    func end(_ ns: XNamespace, _ local: String) {
        if skipping > 0 {
            skipping -= 1
            return
        }
        guard ns == .word else { return }
        switch local {
        case "t": inText = false
        case "pPr": inParagraphProperties = false
        case "tcPr": inCellProperties = false
        case "p":
            if let p = paragraphs.popLast() { containers[containers.count - 1].append(.paragraph(p)) }
        case "tc":
            if var cell = cells.popLast(), containers.count > 1 {
                cell.blocks = containers.removeLast()
                if !tables.isEmpty, !tables[tables.count - 1].rows.isEmpty {
                    let t = tables.count - 1
                    tables[t].rows[tables[t].rows.count - 1].append(cell)
                }
            }
        case "tbl":
            if let t = tables.popLast() { containers[containers.count - 1].append(.table(t)) }
        case "txbxContent":
            if containers.count > 1 {
                let boxed = containers.removeLast()
                if !paragraphs.isEmpty {
                    paragraphs[paragraphs.count - 1].textBoxes.append(contentsOf: boxed)
                } else {
                    containers[containers.count - 1].append(contentsOf: boxed)
                }
            }
        default: break
        }
    }

    var wantsText: Bool { inText && skipping == 0 }

    func text(_ s: String) {
        if inText && skipping == 0 { appendText(s) }
    }

    private func appendText(_ s: String) {
        guard skipping == 0, !paragraphs.isEmpty else { return }
        budget?.charge(.memory, s.utf8.count)
        paragraphs[paragraphs.count - 1].text += s
    }

    private func setParagraph(_ f: (inout WordParagraph) -> Void) {
        guard !paragraphs.isEmpty else { return }
        f(&paragraphs[paragraphs.count - 1])
    }
}

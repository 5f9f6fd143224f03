import Engine
import Model

/// Where each finding, related figure and verified number of a result goes on its page: the
/// marks of every leaf of the outline, and the findings explained beneath each block.
struct Layout {
    let outline: PageOutline
    let source: SourceText
    /// Findings (indices into the result's) explained beneath each block, in document order.
    private(set) var findingsByBlock: [[Int]]
    private var marksByLeaf: [[InlineMark]]
    /// The id number of each verified number's element (`v1`, `v2` …), by its span.
    private var verifiedIDs: [Span: Int] = [:]

    init(result: FileResult, source: SourceText, language: Language) {
        self.source = source
        outline = PageOutline(source: source)
        findingsByBlock = Array(repeating: [], count: outline.blocks.count)
        marksByLeaf = Array(repeating: [], count: outline.leaves.count)

        for (i, f) in result.findings.enumerated() {
            let n = i + 1
            let group = Self.group(f)
            let (leaf, range) = outline.place(f.span)
            let open =
                "<mark id=\"f\(n)\" class=\"\(group)\" data-finding=\"\(n)\" data-sev=\"\(group)\" data-check=\""
                + HTMLEscape.text(f.checkID) + "\" title=\"" + HTMLEscape.text(f.message.text(language)) + "\">"
            marksByLeaf[leaf].append(InlineMark(range: range, role: .finding, open: open, reopen: open, close: "</mark>"))
            findingsByBlock[outline.leaves[leaf].block].append(i)
            for (k, r) in f.related.enumerated() {
                let (relatedLeaf, relatedRange) = outline.place(r.span)
                let attributes = "class=\"rel\" data-back=\"f\(n)\" title=\"" + HTMLEscape.text(r.message.text(language)) + "\">"
                marksByLeaf[relatedLeaf].append(
                    InlineMark(
                        range: relatedRange, role: .related,
                        open: "<span id=\"f\(n)-r\(k + 1)\" " + attributes,
                        reopen: "<span " + attributes, close: "</span>"))
            }
        }
        // Verified numbers: one element for each distinct span, naming every relation that reads it.
        var uses: [(span: Span, relation: Int)] = []
        for (r, v) in result.verified.enumerated() {
            for span in v.numbers { uses.append((span, r + 1)) }
        }
        uses.sort { ($0.span, $0.relation) < ($1.span, $1.relation) }
        var k = 0
        while k < uses.count {
            var j = k
            var relations: [String] = []
            while j < uses.count && uses[j].span == uses[k].span {
                if relations.last != String(uses[j].relation) { relations.append(String(uses[j].relation)) }
                j += 1
            }
            let id = verifiedIDs.count + 1
            verifiedIDs[uses[k].span] = id
            let (leaf, range) = outline.place(uses[k].span)
            let attributes = "class=\"v\" data-rel=\"\(relations.joined(separator: " "))\">"
            marksByLeaf[leaf].append(
                InlineMark(
                    range: range, role: .verified, open: "<span id=\"v\(id)\" " + attributes,
                    reopen: "<span " + attributes, close: "</span>"))
            k = j
        }
    }

    /// Marks of a leaf, with the reader's markers (`[bookmark: …]`) hidden.
    func marks(in leaf: Int) -> [InlineMark] {
        var marks = marksByLeaf[leaf]
        forEachNoise(in: outline.leaves[leaf].shown) { r in
            marks.append(
                InlineMark(range: r, role: .noise, open: "<span class=\"noise\">", reopen: "<span class=\"noise\">", close: "</span>"))
        }
        return marks
    }

    /// Whether a stretch holds nothing but markers and white space (an image's line).
    func isOnlyNoise(_ range: Range<Int>) -> Bool {
        var covered = 0
        var sawNoise = false
        forEachNoise(in: range) { r in
            covered += r.count
            sawNoise = true
        }
        let blank = range.filter { PageOutline.isBlank(source.bytes[$0]) }.count
        return sawNoise && covered + blank >= range.count
    }

    private func forEachNoise(in range: Range<Int>, _ body: (Range<Int>) -> Void) {
        let bytes = source.bytes
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == 0x5B, let length = Noise.markerLength(bytes, at: i, limit: range.upperBound) {
                body(i..<(i + length))
                i += length
            } else {
                i += 1
            }
        }
    }

    func verifiedID(_ span: Span) -> Int? { verifiedIDs[span] }

    func placeName(_ language: Language) -> PlaceName { PlaceName(outline: outline, language: language) }

    /// "error", "warning", "note", or "accepted" for a finding the configuration accepts.
    static func group(_ f: Finding) -> String { f.suppression == nil ? f.severity.rawValue : "accepted" }

    static func groupName(_ group: String, _ words: PageWords) -> String {
        switch group {
        case "error": return words.severity(.error)
        case "warning": return words.severity(.warning)
        case "note": return words.severity(.note)
        default: return words.accepted
        }
    }

    /// The text of a figure, for a link: shortened when a span is long (a whole row).
    static func figure(_ source: SourceText, _ span: Span) -> String {
        let text = source.text(span.range).split(whereSeparator: { $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        if text.isEmpty { return "▲" }
        return PageOutline.shortened(text, to: 40)
    }
}

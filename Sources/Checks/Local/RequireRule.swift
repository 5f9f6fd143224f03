import Engine
import Extraction
import Model

/// `require`: a concept (stated with a figure) or a quoted phrase that each place must state.
/// The places are the sections whose heading names `section` (the outermost such section,
/// with everything under it), and the paragraphs outside them that open with those words
/// ("政府采购支出情况。2024年度…"); without `section`, the whole report. A report without such
/// a place is not judged.
struct RequireRule {
    let rule: LocalRule
    let statement: LocalRule.RequiredStatement
    let section: String?

    struct Place {
        var title: String
        var landing: Span
        var contains: (Int) -> Bool
    }

    func check(_ model: AuditModel, _ report: inout CheckReport) {
        let document = model.document
        var blockOfTable: [Int] = []
        for (bi, block) in document.blocks.enumerated() { if case .table = block { blockOfTable.append(bi) } }
        for place in places(document) {
            let stated: Bool
            switch statement {
            case .concept(let concept):
                stated = states(concept, in: place, model, blockOfTable)
            case .phrase(let phrase):
                stated = says(RequireRule.normalized(phrase), in: place, document)
            }
            if stated { continue }
            let key = "require|" + place.title
            let values: [String: LocalizedText] = ["section": LocalizedText(place.title), "required": LocalizedText(statement.written)]
            let fallback = LocalizedText(
                zh: "“\(place.title)”未说明\(statement.written)。", en: "“\(place.title)” does not state \(statement.written).")
            report.add(RuleCheck.message(rule, values, fallback: fallback), at: place.landing, key: key)
        }
    }

    func places(_ document: Document) -> [Place] {
        guard let section else {
            let first = document.blocks.first?.span ?? Span(0, 0)
            let title: String
            if case .heading(let h)? = document.blocks.first { title = h.title.string } else { title = "报告" }
            return [Place(title: title, landing: Span(first.start, min(first.end, first.start + 1)), contains: { _ in true })]
        }
        let words = RequireRule.normalized(section)
        var matched: [Int] = []
        for (si, s) in document.sections.enumerated() where RequireRule.normalized(s.title).includes(words) {
            // The outermost: a section inside a matched one is part of it.
            if !matched.contains(where: { RequireRule.isWithin(si, $0, document) }) { matched.append(si) }
        }
        var out: [Place] = []
        for si in matched {
            let s = document.sections[si]
            var landing = s.headingSpan
            if case .heading(let h) = document.blocks[s.block], let at = RequireRule.find(words, in: h.title) {
                landing = h.title.span(at)
            }
            out.append(
                Place(
                    title: s.title, landing: landing,
                    contains: { bi in
                        bi == s.block || RequireRule.isWithin(document.blocks[bi].section, si, document)
                    }))
        }
        // Paragraphs that open with the words, outside the matched sections.
        for (bi, block) in document.blocks.enumerated() {
            guard case .paragraph(let p) = block,
                !matched.contains(where: { RequireRule.isWithin(p.section, $0, document) })
            else { continue }
            var end = 0
            while end < min(p.text.count, 40) && !RequireRule.leadEnds.contains(p.text[end]) { end += 1 }
            let lead = p.text.slice(0..<end)
            guard let at = RequireRule.find(words, in: lead) else { continue }
            out.append(Place(title: lead.string, landing: p.text.span(at), contains: { $0 == bi }))
        }
        return out.sorted { $0.landing.start < $1.landing.start }
    }

    /// Where a paragraph's run-in heading ends: 。：: and the line's end.
    static let leadEnds: Set<UInt32> = Set(Chars.of("。：:\n"))

    func states(_ concept: Concept, in place: Place, _ model: AuditModel, _ blockOfTable: [Int]) -> Bool {
        func block(of unit: TextUnit) -> Int? {
            switch unit.location {
            case .paragraph(let b): return b
            case .cell(let t, _, _): return t < blockOfTable.count ? blockOfTable[t] : nil
            case .chart(let b, _): return b
            }
        }
        if concept.kind == .rate {
            return StatedRates.read(model).contains { r in
                guard r.concept.id == concept.id else { return false }
                switch r.place {
                case .prose(let m): return block(of: model.unit(of: m)).map(place.contains) ?? false
                case .indicator(let t, _, _):
                    let table = model.projectTables[t].table
                    return table < blockOfTable.count && place.contains(blockOfTable[table])
                }
            }
        }
        return model.mentions.contains { m in
            m.concept?.id == concept.id && (block(of: model.unit(of: m)).map(place.contains) ?? false)
        }
    }

    func says(_ phrase: [UInt32], in place: Place, _ document: Document) -> Bool {
        for (bi, block) in document.blocks.enumerated() where place.contains(bi) {
            switch block {
            case .heading(let h): if RequireRule.normalized(h.title.string).includes(phrase) { return true }
            case .paragraph(let p): if RequireRule.normalized(p.text.string).includes(phrase) { return true }
            case .table(let t):
                for row in t.rows { for cell in row.cells where RequireRule.normalized(cell.text.string).includes(phrase) { return true } }
            case .chart: continue
            }
        }
        return false
    }

    static func isWithin(_ section: Int?, _ ancestor: Int, _ document: Document) -> Bool {
        var s = section
        var steps = 0
        while let k = s, steps <= document.sections.count {
            if k == ancestor { return true }
            s = document.sections[k].parent
            steps += 1
        }
        return false
    }

    /// Folded, without spaces, quotes or line breaks: how a phrase and a text are compared.
    static func normalized(_ s: String) -> [UInt32] {
        Chars.of(s).filter {
            !Chars.isSpace($0) && $0 != 0x0A && $0 != 0x201C && $0 != 0x201D && $0 != 0x2018 && $0 != 0x2019 && $0 != 0x22
        }
    }

    /// Where `words` occur in `text` compared as `normalized` does (spaces and quotes skipped).
    static func find(_ words: [UInt32], in text: CleanText) -> Range<Int>? {
        guard !words.isEmpty else { return nil }
        let skip: (UInt32) -> Bool = {
            Chars.isSpace($0) || $0 == 0x0A || $0 == 0x201C || $0 == 0x201D || $0 == 0x2018 || $0 == 0x2019 || $0 == 0x22
        }
        for start in 0..<text.count where text[start] == words[0] {
            var i = start
            var k = 0
            while i < text.count && k < words.count {
                if skip(text[i]) {
                    i += 1
                    continue
                }
                guard text[i] == words[k] else { break }
                i += 1
                k += 1
            }
            if k == words.count { return start..<i }
        }
        return nil
    }
}

extension Array where Element == UInt32 {
    /// Whether `word` occurs in these scalars.
    func includes(_ word: [UInt32]) -> Bool {
        guard !word.isEmpty, word.count <= count else { return false }
        return withUnsafeBufferPointer { h in word.withUnsafeBufferPointer { Search.first($0, in: h) != nil } }
    }
}

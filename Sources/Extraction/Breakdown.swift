import Model

/// A stated total and the parts listed under it:
/// "本年支出合计X万元，其中：基本支出A万元，占P%；项目支出B万元，占Q%".
public struct Breakdown: Sendable {
    public struct Part: Sendable {
        public var amount: Mention
        public var share: Mention?
        /// A better name than the amount's own label, when the part is a whole paragraph
        /// ("行政运行" for "2.一般公共服务（类）组织事务（款）行政运行（项）：支出决算为…").
        public var title: String?

        public init(amount: Mention, share: Mention?, title: String? = nil) {
            self.amount = amount
            self.share = share
            self.title = title
        }

        public var name: String { title ?? amount.name }
    }

    public var id: Int
    /// The total as stated in the same sentence (or the sentence before "其中：").
    public var head: Mention?
    /// The total's concept when the sentence only names it ("“三公”经费…支出决算中，…").
    public var headConcept: Concept?
    /// Whether a named total is an outturn or a budget ("…支出决算中" / "…预算中"): its shares
    /// are of that figure, not of the other.
    public var headBasis: Basis? = nil
    public var parts: [Part]
    /// "主要用于", "…等": the list may leave items out.
    public var partial: Bool
    /// Where the list is introduced (其中 / 主要用于 …).
    public var marker: Span
    public var unit: Int
}

/// A share claim "X，占Y%" with the total it is a share of.
public struct ShareClaim: Sendable {
    public var share: Mention
    public var part: Mention
    public var base: Mention?
    /// Set when the share belongs to a breakdown.
    public var breakdown: Int?
}

/// Reads breakdowns and share claims from the mentions of each text unit.
enum BreakdownReader {
    static let markers: [[UInt32]] = ["主要用于以下方面", "主要用于", "具体包括", "主要包括", "分别为", "分别是", "其中"].map(Chars.of)
    static let partialMarkers: [[UInt32]] = ["主要用于", "主要包括", "具体包括"].map(Chars.of)
    static let deng = Chars.of("等")
    static let zhong = Chars.of("中")

    static func sameFamily(_ a: Unit, _ b: Unit) -> Bool {
        switch (a, b) {
        case (.money, .money), (.money, .tenThousand), (.tenThousand, .money), (.tenThousand, .tenThousand): return true
        case (.count(let x), .count(let y)): return x == y
        default: return false
        }
    }

    static func isAmount(_ m: Mention) -> Bool {
        m.role == .amount && m.quantity.perUnit == nil && m.quantity.comparator == nil
            && (m.quantity.unit.isMoney || m.quantity.unit.isCount || m.quantity.unit == .tenThousand)
    }

    static func read(units: [TextUnit], mentionsByUnit: MentionsByUnit, firstID: Int = 0) -> [Breakdown] {
        var out: [Breakdown] = []
        for unit in units where unit.location.isParagraph {
            let mentions = mentionsByUnit[unit.index]
            guard !mentions.isEmpty || endsWithMarker(unit) else { continue }
            for (si, sentence) in unit.sentences.enumerated() {
                guard let (markerAt, markerLength) = firstMarker(unit.text, in: sentence) else {
                    if let b = topicBreakdown(unit, si, mentions, id: firstID + out.count) { out.append(b) }
                    continue
                }
                let inSentence = mentions.filter { $0.sentence == si }
                let before = inSentence.filter { $0.quantity.textRange.lowerBound < markerAt }
                let after = inSentence.filter { $0.quantity.textRange.lowerBound >= markerAt + markerLength }
                var head = before.last(where: isAmount)
                if head == nil && before.isEmpty && si > 0 {
                    head = mentions.last(where: { $0.sentence == si - 1 && isAmount($0) })
                }
                guard let total = head else { continue }
                var parts = collectParts(after, like: total)
                let markerSpan = unit.text.span(markerAt..<(markerAt + markerLength))
                var partial = isPartial(unit.text, sentence: sentence, markerAt: markerAt)
                // "…，其中：" closing the paragraph: the parts are the paragraphs that follow.
                // ("…万元，主要用于机关运行。" names what the amount is for: no list follows.)
                if parts.isEmpty && after.isEmpty && si == unit.sentences.count - 1
                    && closesSentence(unit.text, markerEnd: markerAt + markerLength, sentence: sentence)
                {
                    parts = followingParts(after: unit, units: units, mentionsByUnit: mentionsByUnit, like: total)
                }
                // A part as large as the total beside other parts is a restatement, not a partition
                // ("使用253.13万元（其中：预算支出253.13万元，年度调增预算49.13万元）").
                if parts.count >= 2 && !total.quantity.value.isZero
                    && parts.contains(where: { $0.amount.quantity.value == total.quantity.value })
                    && parts.contains(where: { !$0.amount.quantity.value.isZero && $0.amount.quantity.value != total.quantity.value })
                {
                    continue
                }
                partial = partial || total.quantity.approximate
                guard !parts.isEmpty else { continue }
                out.append(
                    Breakdown(
                        id: firstID + out.count, head: total, headConcept: total.concept, parts: parts,
                        partial: partial, marker: markerSpan, unit: unit.index))
            }
        }
        return out
    }

    static func firstMarker(_ t: CleanText, in sentence: Range<Int>) -> (Int, Int)? {
        var best: (Int, Int)?
        for m in markers {
            if let i = t.find(m, from: sentence.lowerBound, to: sentence.upperBound), best == nil || i < best!.0 {
                best = (i, m.count)
            }
        }
        return best
    }

    static func endsWithMarker(_ unit: TextUnit) -> Bool {
        guard let last = unit.sentences.last else { return false }
        return firstMarker(unit.text, in: last) != nil
    }

    /// The run of amounts of the total's family, each with the share that follows it;
    /// an amount of another kind ends the run ("…采用3条…；编发…48期…").
    static func collectParts(_ mentions: [Mention], like total: Mention) -> [Breakdown.Part] {
        var parts: [Breakdown.Part] = []
        for m in mentions {
            if isListedAmount(m) && sameFamily(m.quantity.unit, total.quantity.unit) {
                parts.append(Breakdown.Part(amount: m, share: nil))
            } else if m.role == .share, m.baseLabel == nil, !parts.isEmpty, parts[parts.count - 1].share == nil {
                parts[parts.count - 1].share = m
            } else if isAmount(m) && !parts.isEmpty && !(m.quantity.unit.isMoney && total.quantity.unit.isCount) {
                break
            }
        }
        return parts
    }

    static let comparisonWords = ["比", "较", "相比", "同比", "上年", "去年", "上一年", "年初"].map(Chars.of)

    /// An amount of a list, also when its name holds a change word ("支持商销稳增长30.00万"): a
    /// change is stated against something (比、较、同比、上年), a name is not.
    static func isListedAmount(_ m: Mention) -> Bool {
        if isAmount(m) { return true }
        guard m.role == .changeAmount, m.quantity.perUnit == nil, m.quantity.comparator == nil,
            m.quantity.unit.isMoney || m.quantity.unit.isCount || m.quantity.unit == .tenThousand
        else { return false }
        let label = m.labelScalars
        return !comparisonWords.contains { MentionReader.contains($0, in: label) }
    }

    static func isPartial(_ t: CleanText, sentence: Range<Int>, markerAt: Int) -> Bool {
        for p in partialMarkers where t.matches(p, at: markerAt) { return true }
        // "…1.47万元等。": the list ends in 等.
        var k = sentence.upperBound - 1
        while k > sentence.lowerBound && (Chars.isSentenceEnd(t[k]) || Chars.isSpace(t[k])) { k -= 1 }
        return k >= sentence.lowerBound && t[k] == deng[0]
    }

    /// Parts listed one per paragraph after "其中：": the first amount of each following
    /// paragraph in the same section, until a paragraph has none.
    static func followingParts(after unit: TextUnit, units: [TextUnit], mentionsByUnit: MentionsByUnit, like total: Mention)
        -> [Breakdown.Part]
    {
        var parts: [Breakdown.Part] = []
        var next = unit.index + 1
        let ownNumbering = Numbering.parse(unit.text)?.0
        while next < units.count, parts.count < 60 {
            let u = units[next]
            guard u.location.isParagraph, u.section == unit.section else { break }
            guard let first = mentionsByUnit[next].first(where: { isAmount($0) && $0.sentence == 0 }),
                sameFamily(first.quantity.unit, total.quantity.unit)
            else { break }
            // A paragraph that itself opens with 其中 belongs to a nested list.
            if u.text.find(qizhong, from: 0, to: min(u.text.count, 4)) != nil { break }
            // Numbered items are siblings: "3. …" is never a part of "2. …" (domain §8).
            if let own = ownNumbering, let theirs = Numbering.parse(u.text)?.0, theirs.style == own.style { break }
            parts.append(Breakdown.Part(amount: first, share: nil, title: paragraphTitle(u, before: first)))
            next += 1
        }
        return parts
    }

    static let qizhong = Chars.of("其中")

    /// Only punctuation between the list's marker and the end of its sentence ("…，其中：").
    static func closesSentence(_ t: CleanText, markerEnd: Int, sentence: Range<Int>) -> Bool {
        var k = markerEnd
        while k < sentence.upperBound {
            let s = t[k]
            guard Chars.isSpace(s) || Chars.isClauseSeparator(s) || Chars.isSentenceEnd(s) else { return false }
            k += 1
        }
        return true
    }

    /// The words before a paragraph's first colon, without its list number: the last level of a
    /// classification path when it is one ("行政运行"), else the clause itself.
    static func paragraphTitle(_ u: TextUnit, before m: Mention) -> String? {
        let t = u.text
        var colon = 0
        while colon < m.quantity.textRange.lowerBound && t[colon] != 0xFF1A && t[colon] != 0x3A { colon += 1 }
        guard colon < m.quantity.textRange.lowerBound else { return nil }
        let start = Numbering.parse(t)?.1 ?? 0
        guard start < colon else { return nil }
        let path = Array(t.scalars[start..<colon])
        if let levels = ClassificationReader.parse(path), let last = levels.last, !last.name.isEmpty { return last.name }
        let title = Mention.trimmedLabel(t.string(start..<colon))
        return title.isEmpty ? nil : title
    }

    static let budgetWord = Chars.of("预算")

    /// A topic that speaks of 预算 and not of 决算 is a budget.
    static func topicBasis(_ topic: [UInt32]) -> Basis {
        func has(_ w: [UInt32]) -> Bool {
            topic.count >= w.count && (0...(topic.count - w.count)).contains { Array(topic[$0..<($0 + w.count)]) == w }
        }
        return has(FactIndex.actualWord) || !has(budgetWord) ? .actual : .budget
    }

    /// "2024年度“三公”经费财政拨款支出决算中，A万元，占P%；B万元，占Q%": the total is only named.
    static func topicBreakdown(_ unit: TextUnit, _ si: Int, _ mentions: ArraySlice<Mention>, id: Int) -> Breakdown? {
        let sentence = unit.sentences[si]
        let t = unit.text
        // The first clause names the topic and carries no number.
        var clauseEnd = sentence.lowerBound
        while clauseEnd < sentence.upperBound && !MentionReader.isBoundary(t[clauseEnd]) { clauseEnd += 1 }
        guard clauseEnd < sentence.upperBound, clauseEnd > sentence.lowerBound else { return nil }
        let inSentence = mentions.filter { $0.sentence == si }
        guard let firstMention = inSentence.first, firstMention.quantity.textRange.lowerBound > clauseEnd else { return nil }
        // The topic clause ends with 中 ("…决算中").
        var k = clauseEnd - 1
        while k > sentence.lowerBound && Chars.isSpace(t[k]) { k -= 1 }
        guard t[k] == zhong[0] else { return nil }
        let topic = Array(t.scalars[sentence.lowerBound..<clauseEnd])
        guard let concept = Catalogue.match(topic)?.concept, concept.kind == .money else { return nil }
        let parts = collectParts(inSentence, like: firstMention)
        guard parts.count >= 2, parts.contains(where: { $0.share != nil }) else { return nil }
        return Breakdown(
            id: id, head: nil, headConcept: concept, headBasis: topicBasis(topic), parts: parts, partial: false,
            marker: t.span(sentence.lowerBound..<clauseEnd), unit: unit.index)
    }
}

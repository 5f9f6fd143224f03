import Engine
import Extraction
import Model

/// `expect`: a relation over concepts of the text, tested once per report on the first
/// statement of each term (a figure stated twice with different values is figure-consistency's
/// business). Silent when a term is not stated, and when the relation holds within rounding.
struct ExpectRule {
    let rule: LocalRule
    let condition: RuleCondition

    func check(_ model: AuditModel, _ report: inout CheckReport) {
        let resolver = ConceptTerms(model: model)
        var terms: [String: RuleTerm] = [:]
        let references = condition.conclusion.left.concepts + condition.conclusion.right.concepts
        for ref in references where terms[ref.key] == nil {
            guard let t = resolver.term(ref) else { return }
            terms[ref.key] = t
        }
        let evaluator = RuleEvaluator { node in
            if case .concept(let ref) = node.kind { return terms[ref.key] }
            return nil
        }
        let verdict = evaluator.verdict(condition)
        let key = "expect|" + references.map(\.key).joined(separator: ",")
        if verdict == .holds { report.verified(terms.values.flatMap(\.quantities), key: key) }
        guard verdict == .fails || verdict == .holdsIfTruncated else { return }
        if let unless = rule.unless, terms.values.contains(where: { $0.reasonNearby(unless.words) }) { return }

        // Land on the term stated last: that is where a reader meets the contradiction.
        var placed: [(ConceptReference, RuleTerm, Span)] = []
        var seen = Set<String>()
        for ref in references where seen.insert(ref.key).inserted {
            if let t = terms[ref.key], let s = t.span { placed.append((ref, t, s)) }
        }
        guard let last = placed.max(by: { $0.2.start < $1.2.start }) else { return }
        let related = placed.filter { $0.2 != last.2 }.map {
            RelatedLocation(
                role: "term", span: $0.2,
                message: LocalizedText(
                    zh: "\($0.0.written) \($0.1.printed.zh)",
                    en: "\($0.0.written) \($0.1.printed.en)"))
        }
        let relation = condition.conclusion
        let left = evaluator.printed(relation.left)
        let right = evaluator.printed(relation.right)
        var values: [String: LocalizedText] = ["left": left, "right": right]
        for (ref, t, _) in placed { values[ref.written] = t.printed }
        let breach = relation.comparator.breach
        let fallback = LocalizedText(
            zh: "不符合规则“\(condition.text)”：\(left.zh) \(breach) \(right.zh)。",
            en: "The rule “\(condition.text)” does not hold: \(left.en) \(breach) \(right.en).")
        let message = RuleCheck.message(rule, values, fallback: fallback)
        report.judge(verdict, numbers: [], key: key, message: message, at: last.2, related: related)
    }
}

/// The terms of `expect` rules: each concept reference resolved in one report.
struct ConceptTerms {
    let model: AuditModel

    func term(_ ref: ConceptReference) -> RuleTerm? {
        let year = model.reportYear.map { $0 - ref.year.rawValue }
        if ref.year != .current && year == nil { return nil }
        if ref.concept.kind == .rate { return rate(ref, year: year) }
        let basis =
            ref.basis
            ?? (model.facts.first(ref.concept.id, year: year, basis: .actual, includeEquivalents: true) != nil ? .actual : .budget)
        if ref.year == .current {
            guard let fact = model.facts.first(ref.concept.id, year: year, basis: basis, includeEquivalents: true) else { return nil }
            var t = RuleTerm.figure(fact.mention.quantity)
            t.reasonNearby = { words in ReasonNearby.stated(words, after: fact.mention, in: model) }
            return t
        }
        guard let year, let prior = PriorYearValues.find(ref.concept.id, year: year, basis: basis, in: model) else { return nil }
        let derivation = prior.derivation
        let central = prior.central
        let decimals = prior.mentions.map { $0.quantity.comparable.decimals }.max() ?? 2
        let value = central.map { RuleEvaluator.format($0, .money, decimals: decimals) } ?? "?"
        let printed: LocalizedText
        if case .stated = prior.source {
            printed = derivation
        } else {
            printed = LocalizedText(zh: "\(value)（\(derivation.zh)）", en: "\(value) (\(derivation.en))")
        }
        let anchor = prior.mentions.last
        return RuleTerm(
            range: { prior.range($0) }, central: central, decimals: decimals,
            dimension: ref.concept.kind == .count ? .count : .money, text: printed.zh, printed: printed, span: prior.span,
            quantities: prior.mentions.map(\.quantity),
            reasonNearby: { words in anchor.map { ReasonNearby.stated(words, after: $0, in: model) } ?? false })
    }

    func rate(_ ref: ConceptReference, year: Int?) -> RuleTerm? {
        let stated = StatedRates.read(model).first {
            $0.concept.id == ref.concept.id && (year == nil || $0.year == nil || $0.year == year)
        }
        guard let stated else { return nil }
        var t = RuleTerm.figure(stated.quantity)
        switch stated.place {
        case .prose(let m):
            t.reasonNearby = { words in ReasonNearby.stated(words, after: m, in: model) }
        case .indicator(_, _, let reason):
            t.reasonNearby = { _ in !RuleEvaluator.normalizedText(reason?.text ?? "").isEmpty }
        }
        return t
    }
}

/// Whether a reason is given near a figure: from the start of its sentence to the end of its
/// paragraph, or in the paragraph right after it.
enum ReasonNearby {
    static func stated(_ words: [String], after m: Mention, in model: AuditModel) -> Bool {
        let unit = model.unit(of: m)
        let from = unit.sentences[m.sentence].lowerBound
        var texts = [unit.text.slice(from..<unit.text.count)]
        if case .paragraph(let block) = unit.location,
            let next = model.units[(unit.index + 1)...].first(where: { $0.isParagraph }),
            case .paragraph(let nextBlock) = next.location, nextBlock == block + 1
        {
            texts.append(next.text)
        }
        let folded = words.map(Chars.of)
        return texts.contains { t in folded.contains { t.contains($0) } }
    }
}

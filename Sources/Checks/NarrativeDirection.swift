import Engine
import Extraction
import Model

/// A sentence that says a quantity fell while the document's own figures say it rose, or the reverse.
public struct NarrativeDirection: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "narrative-direction",
        title: LocalizedText(zh: "文字描述的增减与数字相反", en: "The narrative's direction contradicts the figures"),
        rationale: LocalizedText(
            zh: """
                评价报告常用不带数字的话概括变化（“三公经费较上年压减”）。同一个量在决算说明中有带数字的同比句时，两处方向必须一致：\
                数字显示增加而文字说压减（或相反），报警告。
                """,
            en: """
                Evaluation reports summarise changes in words without figures (“三公经费较上年压减”). When the final accounts give the \
                same quantity a year-on-year sentence with figures, the directions must agree: figures that rose while the words say it \
                was cut (or the reverse) are a warning.
                """),
        severity: .warning,
        tags: ["cross-reference", "prose", "year-on-year"],
        triggering: [
            Example(
                """
                2024年度“三公”经费财政拨款支出决算为3万元，较上年度增加3万元。
                “三公”经费支出控制在预算范围内，且较上年↓压减。
                """)
        ],
        nonTriggering: [
            Example(
                """
                2024年度“三公”经费财政拨款支出决算为4.60万元，较上年度减少0.60万元。
                “三公”经费支出较上年压减，落实了过紧日子要求。
                """)
        ])

    static let comparisons = ["较上年", "比上年", "同比", "与上年相比", "较上年度", "比上年度"].map(Chars.of)
    static let words: [([UInt32], Direction)] = {
        let table: [(String, Direction)] = [
            ("压减", .down), ("减少", .down), ("下降", .down), ("降低", .down), ("缩减", .down),
            ("增加", .up), ("增长", .up), ("上升", .up), ("提高", .up)
        ]
        return table.map { (Chars.of($0.0), $0.1) }
    }()

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        // Directions the figures establish, per concept.
        var established: [String: (Direction, Mention)] = [:]
        for c in model.changeClaims {
            guard let concept = c.subject, let d = c.direction, d != .flat, let anchor = c.change ?? c.rate else { continue }
            if established[concept.id] == nil { established[concept.id] = (d, anchor) }
        }
        guard !established.isEmpty else { return }
        for u in model.units where u.location.isParagraph {
            let mentions = Set(u.scanned.quantities.map { u.sentence(containing: $0.textRange.lowerBound) ?? -1 })
            for (si, sentence) in u.sentences.enumerated() where !mentions.contains(si) {
                let compares = Self.comparisons.contains { u.text.find($0, from: sentence.lowerBound, to: sentence.upperBound) != nil }
                guard compares else { continue }
                for (word, direction) in Self.words {
                    guard let at = u.text.find(word, from: sentence.lowerBound, to: sentence.upperBound) else { continue }
                    guard let match = Catalogue.match(Array(u.text.scalars[sentence.lowerBound..<at])),
                        let (figures, anchor) = established[match.concept.id], figures != direction
                    else { continue }
                    let concept = LocalizedText(zh: match.concept.zh, en: match.concept.en)
                    let message = Message.contradicts(
                        concept: concept, word: Chars.string(word), saysDown: direction == .down,
                        figuresUp: figures == .up, figures: Say.named(anchor))
                    report.add(
                        message.text,
                        at: u.text.span(at..<(at + word.count)), related: [Say.related("figures", anchor, zh: "数字", en: "figures")],
                        key: "direction|\(match.concept.id)")
                    break
                }
            }
        }
    }
}

extension NarrativeDirection {
    enum Message {
        /// `word`: the direction word of the narrative; `figures`: the change the accounts state.
        case contradicts(concept: LocalizedText, word: String, saysDown: Bool, figuresUp: Bool, figures: LocalizedText)

        var text: LocalizedText {
            switch self {
            case .contradicts(let concept, let word, let saysDown, let figuresUp, let figures):
                LocalizedText(
                    zh: "此处说\(concept.zh)较上年“\(word)”，但决算数字显示\(figuresUp ? "增加" : "减少")（\(figures.zh)）。",
                    en: "here \(concept.en) is said to have \(saysDown ? "fallen" : "risen") against the year before, "
                        + "but the accounts show it \(figuresUp ? "rose" : "fell") (\(figures.en)).")
            }
        }
    }
}

/// The work and memory one document may cost, in proportion to its size with a floor.
///
/// The readers' limits (entry sizes, compression ratios, nesting) bound what a file may
/// hold; a budget bounds what reading it may cost: a 4 KB .docx whose list label repeats
/// "%1、" a thousand times, or a chart part referenced a thousand times, holds little and
/// costs gigabytes. Every reader and stage charges what it builds; the first charge beyond
/// a limit records the failure, the stage stops building, and the audit ends with one input
/// error naming the budget (`InputError.Kind.overBudget`). Honest reports use a small part
/// of each budget (`reportlint profile` prints the use).
///
/// A budget belongs to one audit on one thread; it is a class so that every stage charges
/// the same account without threading it back out.
public final class WorkBudget {
    public enum Kind: String, CaseIterable, Sendable {
        /// Bytes of text rendered from a .docx.
        case renderedText = "rendered-text"
        /// Relationships followed from the document to other parts (charts).
        case relationships
        /// Characters of list numbers generated ("一、", "（二）").
        case listLabels = "list-labels"
        /// Table cells read.
        case cells
        /// Numbers read (checked as text is read, against the text read so far).
        case quantities
        /// Bytes of the structures built for the document (estimated from what each stage builds).
        case memory

        var index: Int {
            switch self {
            case .renderedText: return 0
            case .relationships: return 1
            case .listLabels: return 2
            case .cells: return 3
            case .quantities: return 4
            case .memory: return 5
            }
        }
    }

    /// How a limit grows with the input: `floor`, or `numerator / denominator` per byte when larger.
    public struct Rule: Sendable, Equatable {
        public var floor: Int
        public var numerator: Int
        public var denominator: Int
        public var explanation: LocalizedText

        public init(floor: Int, perByte numerator: Int, over denominator: Int = 1, _ explanation: LocalizedText) {
            self.floor = floor
            self.numerator = numerator
            self.denominator = max(1, denominator)
            self.explanation = explanation
        }

        public func limit(_ bytes: Int) -> Int {
            let (scaled, overflow) = max(0, bytes).multipliedReportingOverflow(by: numerator)
            return overflow ? Int.max : max(floor, scaled / denominator)
        }

        static let none = Rule(floor: Int.max, perByte: 0, LocalizedText("∞"))
    }

    public struct Rules: Sendable {
        public var renderedText: Rule
        public var relationships: Rule
        public var listLabels: Rule
        public var cells: Rule
        public var memory: Rule
        /// Quantities: `floor` plus `numerator / denominator` per byte of text read so far.
        public var quantityFloor: Int
        public var quantitiesPerByte: (numerator: Int, denominator: Int)

        /// Limits grow with the file's size (memory with the larger of file and text, quantities
        /// with the text read so far). Chosen so that the corpus's documents use a small part
        /// of each (`WorkBudgetTests`) and the hostile inputs of issue 14 exceed one early.
        public static let standard = Rules(
            renderedText: Rule(
                floor: 4 << 20, perByte: 32,
                LocalizedText(
                    zh: "4 MB，或 .docx 文件大小的 32 倍", en: "4 MB, or 32 times the size of the .docx")),
            relationships: Rule(
                floor: 1_000, perByte: 1, over: 1_024,
                LocalizedText(
                    zh: "1000 个，或文件每 KB 1 个", en: "1,000, or one per KB of the file")),
            listLabels: Rule(
                floor: 64 << 10, perByte: 2,
                LocalizedText(
                    zh: "65536 个字符，或文件大小的 2 倍", en: "65,536 characters, or twice the size of the file")),
            cells: Rule(
                floor: 100_000, perByte: 1, over: 4,
                LocalizedText(
                    zh: "100000 个，或文件每 4 字节 1 个", en: "100,000, or one per 4 bytes of the file")),
            memory: Rule(
                floor: 96 << 20, perByte: 32,
                LocalizedText(
                    zh: "96 MB，或文件（或其文本）大小的 32 倍", en: "96 MB, or 32 times the size of the file or of its text")),
            quantityFloor: 4_096,
            quantitiesPerByte: (2, 5))

        public static let unlimited = Rules(
            renderedText: .none, relationships: .none, listLabels: .none, cells: .none, memory: .none,
            quantityFloor: Int.max / 2, quantitiesPerByte: (0, 1))
    }

    public let rules: Rules
    /// Size of the input file, and of the text audited (the same for a text file; the
    /// rendering of a .docx, known once it is rendered).
    public let inputBytes: Int
    public private(set) var textBytes: Int
    /// Charged so far, by `Kind.index`.
    private var counters = [Int](repeating: 0, count: Kind.allCases.count)
    /// The first failure: a budget exceeded, or an input error found while charging.
    public private(set) var failure: InputError?

    public init(inputBytes: Int, rules: Rules = .standard) {
        self.rules = rules
        self.inputBytes = inputBytes
        self.textBytes = inputBytes
    }

    /// A budget that never runs out (library callers that bound their inputs themselves).
    public static func unlimited() -> WorkBudget { WorkBudget(inputBytes: 0, rules: .unlimited) }

    public var isExhausted: Bool { failure != nil }

    public func used(_ kind: Kind) -> Int { counters[kind.index] }

    /// Sets the size the text-based limits grow with.
    public func audit(textBytes: Int) { self.textBytes = textBytes }

    public func limit(_ kind: Kind) -> Int {
        switch kind {
        case .renderedText: return rules.renderedText.limit(inputBytes)
        case .relationships: return rules.relationships.limit(inputBytes)
        case .listLabels: return rules.listLabels.limit(inputBytes)
        case .cells: return rules.cells.limit(inputBytes)
        case .memory: return rules.memory.limit(max(inputBytes, textBytes))
        case .quantities: return quantityAllowance(atOffset: textBytes)
        }
    }

    /// Quantities allowed once `offset` bytes of the text have been read.
    public func quantityAllowance(atOffset offset: Int) -> Int {
        let (n, d) = rules.quantitiesPerByte
        let (scaled, overflow) = max(0, offset).multipliedReportingOverflow(by: n)
        return overflow ? Int.max : rules.quantityFloor + scaled / max(1, d)
    }

    /// Adds `amount`; false (and the failure recorded) when it goes beyond the limit.
    @discardableResult
    public func charge(_ kind: Kind, _ amount: Int, place: LocalizedText? = nil) -> Bool {
        guard failure == nil else { return false }
        let (total, overflow) = counters[kind.index].addingReportingOverflow(max(0, amount))
        counters[kind.index] = overflow ? Int.max : total
        let limit = limit(kind)
        if overflow || total > limit {
            exceed(kind, limit: limit, place: place)
            return false
        }
        return true
    }

    /// Records that `kind` went beyond `limit` (for checks made where the work happens,
    /// such as the scanner's density of numbers).
    public func exceed(_ kind: Kind, limit: Int, place: LocalizedText? = nil) {
        guard failure == nil else { return }
        let explanation: LocalizedText
        switch kind {
        case .renderedText: explanation = rules.renderedText.explanation
        case .relationships: explanation = rules.relationships.explanation
        case .listLabels: explanation = rules.listLabels.explanation
        case .cells: explanation = rules.cells.explanation
        case .memory: explanation = rules.memory.explanation
        case .quantities:
            let (n, d) = rules.quantitiesPerByte
            explanation = LocalizedText(
                zh: "\(rules.quantityFloor) 个，另加已读文本每 \(d) 字节 \(n) 个",
                en: "\(rules.quantityFloor), plus \(n) per \(d) bytes of text read")
        }
        let at = place.map { LocalizedText(zh: "（\($0.zh)）", en: " (\($0.en))") } ?? LocalizedText("")
        failure = InputError(
            .overBudget,
            LocalizedText(
                zh: "超出文档的工作预算“\(kind.rawValue)”：上限 \(limit)（\(explanation.zh)）\(at.zh)；正常报告远用不到这么多，拒绝继续读取",
                en:
                    "the document exceeds its \(kind.rawValue) budget of \(limit) (\(explanation.en))\(at.en); no honest report needs as much, so reading stopped"
            ))
    }

    /// Records an input error found while building (an overflowing list counter, a number
    /// too long to hold); the first failure wins.
    public func fail(_ error: InputError) {
        if failure == nil { failure = error }
    }

    /// Throws the failure, if any: called between stages.
    public func check() throws(InputError) {
        if let failure { throw failure }
    }
}

import Model

/// What the narrative says about the project self-evaluations, to be held against the tables:
/// "该类项目总数23个，涉及预算总金额738.94万元，1—12月预算执行总体进度为100%，
/// 其中：预算结余率大于10%的项目共计0个", "等22个项目开展了…", "…项目绩效自评综合得分为100分".
public struct ProjectClaims: Sendable {
    /// A stated number of projects, with its category when the sentence gives one (常年, 阶段（一次性）).
    public struct Count: Sendable {
        public var mention: Mention
        public var category: String?
    }

    /// A score quoted for a project (by name) or for the department as a whole.
    public struct Score: Sendable {
        public var mention: Mention
        /// nil: the department as a whole ("部门整体…绩效自评得分为97分").
        public var project: String?
    }

    public var counts: [Count] = []
    /// "涉及预算总金额738.94万元", per category.
    public var budgetTotals: [Count] = []
    /// "1—12月预算执行总体进度为100%", per category.
    public var progress: [Count] = []
    /// "预算结余率大于10%的项目共计0个": the count, and the threshold.
    public var balanceCounts: [(count: Mention, threshold: Mention, category: String?)] = []
    public var scores: [Score] = []

    /// Finds the project table a name quoted in the text refers to, if one fits unambiguously.
    public static func matcher(_ tables: [PerformanceTable]) -> ProjectTableMatcher { ProjectTableMatcher(tables) }
}

enum ProjectClaimReader {
    static let projectWord = Chars.of("项目")
    static let categories: [(String, [UInt32])] = [("常年", Chars.of("常年项目")), ("一次性", Chars.of("一次性")), ("一次性", Chars.of("阶段"))]
    static let totalWords = ["项目总数", "项目数"].map(Chars.of)
    static let budgetTotal = Chars.of("涉及预算总金额")
    static let balance = Chars.of("结余率")
    static let score = Chars.of("得分")
    static let department = Chars.of("部门整体")
    static let evaluation = ["绩效自评", "自评"].map(Chars.of)
    static let nameSuffixes = ["专项预算项目", "专项预算", "预算项目", "项目"].map(Chars.of)

    static func read(units: [TextUnit], byUnit: MentionsByUnit) -> ProjectClaims {
        var out = ProjectClaims()
        for unit in units where unit.location.isParagraph {
            let t = unit.text
            // The category a paragraph speaks of ("常年项目绩效分析。该类项目总数23个…").
            var category: String?
            for (name, word) in categories where t.find(word, from: 0, to: min(t.count, 12)) != nil {
                category = name
                break
            }
            for m in byUnit[unit.index] {
                let q = m.quantity
                let label = m.labelScalars
                if case .count("个") = q.unit, q.comparator == nil, !q.approximate {
                    let after = q.textRange.upperBound
                    let followedByProjects = t.matches(projectWord, at: after)
                    let namedTotal = totalWords.contains { MentionReader.contains($0, in: label) }
                    let balanceCount = MentionReader.contains(balance, in: Chars.of(sentenceText(unit, m)))
                    if balanceCount,
                        let threshold = byUnit[unit.index].last(where: {
                            $0.id < m.id && $0.quantity.unit == .percent && $0.sentence == m.sentence
                        })
                    {
                        out.balanceCounts.append((m, threshold, category))
                    } else if followedByProjects || namedTotal {
                        out.counts.append(.init(mention: m, category: namedTotal ? category : nil))
                    }
                }
                if q.amountInWan != nil, MentionReader.contains(budgetTotal, in: label) {
                    out.budgetTotals.append(.init(mention: m, category: category))
                }
                if m.role == .executionRate, MentionReader.contains(Chars.of("总体进度"), in: label) {
                    out.progress.append(.init(mention: m, category: category))
                }
                if q.unit == .points, MentionReader.contains(score, in: label),
                    evaluation.contains(where: { MentionReader.contains($0, in: label) })
                {
                    if MentionReader.contains(department, in: label) {
                        out.scores.append(.init(mention: m, project: nil))
                    } else if let name = projectName(label) {
                        // "A项目、B项目、C项目自评得分均为100分" scores each of them.
                        for part in name.split(separator: "、") {
                            var n = String(part)
                            if n.hasSuffix("项目") && n.count > 2 { n.removeLast(2) }
                            if n.count >= 2 { out.scores.append(.init(mention: m, project: n)) }
                        }
                    }
                }
            }
        }
        return out
    }

    static func sentenceText(_ u: TextUnit, _ m: Mention) -> String { u.text.string(u.sentences[m.sentence]) }

    /// "人才工作先行区建设补助资金项目绩效自评综合得分为" → "人才工作先行区建设补助资金".
    static func projectName(_ label: [UInt32]) -> String? {
        guard let at = evaluation.compactMap({ MentionReader.lastIndex(of: $0, in: label) }).min() else { return nil }
        var name = Array(label[..<at])
        for suffix in nameSuffixes where name.count > suffix.count && Array(name[(name.count - suffix.count)...]) == suffix {
            name.removeLast(suffix.count)
            break
        }
        let s = Mention.trimmedLabel(Chars.string(name))
        return s.count >= 2 ? s : nil
    }

    static func normalize(_ s: String) -> [UInt32] {
        Chars.of(s).filter { !($0 == 0x20 || $0 == 0x2E || $0 == 0x3002) }
    }

    static func commonPrefix(_ a: [UInt32], _ b: [UInt32]) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}

/// The table whose project name best fits a name quoted in the text: equal, else one containing the
/// other, else the longest shared beginning of at least four characters. Equal names are a dictionary
/// lookup and other answers are remembered, so quoting every project of a long report stays linear.
public final class ProjectTableMatcher {
    private let tables: [PerformanceTable]
    private let names: [[UInt32]]
    private var exact: [[UInt32]: Int] = [:]
    private var answered: [[UInt32]: Int?] = [:]

    init(_ tables: [PerformanceTable]) {
        var kept: [PerformanceTable] = []
        var names: [[UInt32]] = []
        for t in tables {
            guard let name = t.projectName else { continue }
            kept.append(t)
            names.append(ProjectClaimReader.normalize(name))
        }
        self.tables = kept
        self.names = names
        for (i, n) in names.enumerated() where exact[n] == nil { exact[n] = i }
    }

    public func callAsFunction(_ name: String) -> PerformanceTable? {
        let wanted = ProjectClaimReader.normalize(name)
        if let i = exact[wanted] { return tables[i] }
        if let known = answered[wanted] { return known.map { tables[$0] } }
        let found = loose(wanted)
        answered[wanted] = found
        return found.map { tables[$0] }
    }

    private func loose(_ wanted: [UInt32]) -> Int? {
        if let i = names.firstIndex(where: { $0.starts(with: wanted) || wanted.starts(with: $0) }) { return i }
        let scored = names.indices.map { ($0, ProjectClaimReader.commonPrefix(names[$0], wanted)) }.filter { $0.1 >= 4 }
        guard let best = scored.max(by: { $0.1 < $1.1 }), scored.filter({ $0.1 == best.1 }).count == 1 else { return nil }
        return best.0
    }
}

/// Facts about the document as a whole.
public struct DocumentFacts: Sendable {
    public enum Part: String, Sendable, CaseIterable {
        case finalAccounts = "决算说明"
        case evaluationReport = "绩效评价报告"
        case departmentTable = "部门整体自评表"
        case projectTables = "项目自评表"
        case chartData = "图表数据"
    }

    public var reportYear: Int?
    /// A budget report (部门预算, 预算编制说明), not final accounts: it compares the budget year with
    /// the year before, never with itself.
    public var isBudget: Bool = false
    /// The document's own date ("填报日期：2025年8月19", a dated signature).
    public var date: DateMention?
    public var parts: [Part]
}

enum DocumentFactReader {
    static let dateWords = ["填报日期", "填表日期", "报送日期", "日期"].map(Chars.of)

    static func read(
        _ document: Document, units: [TextUnit], reportYear: Int?, performance: PerformanceReader.Result,
        hasCharts: Bool
    ) -> DocumentFacts {
        var parts: [DocumentFacts.Part] = []
        let titles = document.sections.map(\.title)
        if titles.contains(where: { $0.includes("决算情况说明") || $0.includes("决算说明") }) { parts.append(.finalAccounts) }
        if titles.contains(where: { $0.includes("绩效评价报告") || $0.includes("绩效自评报告") }) { parts.append(.evaluationReport) }
        if !performance.departments.isEmpty || performance.projects.contains(where: { $0.scope == .department }) {
            parts.append(.departmentTable)
        }
        if performance.projects.contains(where: { $0.scope == .project }) { parts.append(.projectTables) }
        if hasCharts { parts.append(.chartData) }
        var date: DateMention?
        for u in units where u.location.isParagraph {
            for d in u.scanned.dates where d.year != nil && d.month != nil {
                let before = u.text.string(max(0, d.textRange.lowerBound - 6)..<d.textRange.lowerBound)
                if dateWords.contains(where: { Chars.of(before).count >= $0.count && MentionReader.contains($0, in: Chars.of(before)) }) {
                    date = d
                }
            }
        }
        var facts = DocumentFacts(reportYear: reportYear, date: date, parts: parts)
        facts.isBudget =
            !parts.contains(.finalAccounts) && titles.contains { $0.includes("部门预算") || $0.includes("单位预算") || $0.includes("预算编制说明") }
            || document.blocks.prefix(8).contains { block in
                guard case .paragraph(let p) = block, p.text.count <= 40 else { return false }
                let s = p.text.string
                return (s.includes("部门预算") || s.includes("单位预算")) && !s.includes("决算")
            }
        return facts
    }
}

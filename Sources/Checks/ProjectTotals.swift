import Engine
import Extraction
import Model

/// The narrative about projects against the project tables: counts, amounts, overall
/// progress, projects with a large balance, and quoted scores.
public struct ProjectTotals: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "project-totals",
        title: LocalizedText(zh: "项目汇总与项目自评表不符", en: "The project summary contradicts the project tables"),
        rationale: LocalizedText(
            zh: """
                绩效评价报告对项目的汇总必须与所附项目支出绩效自评表一致：项目个数与表的张数；表中调整后预算之和与“涉及预算总金额”、\
                执行数之和与决算中的“项目支出”（只在各类项目个数之和等于表数、即表已覆盖全部项目时比较）；“预算执行总体进度”= 执行数之和 ÷ \
                预算之和；“结余率大于10%的项目共计N个”与表中实际个数；正文引用的项目得分、部门整体得分与表中合计。\
                个数与另一处叙述矛盾报警告，仅与表数不同报提示。
                """,
            en: """
                What the evaluation report says about its projects must match the attached project tables: the number of projects and of \
                tables; the tables' adjusted budgets against 涉及预算总金额 and their executed amounts against the 项目支出 of the \
                accounts (compared only when the category counts add up to the number of tables, i.e. the tables cover every project); \
                预算执行总体进度 = Σ executed ÷ Σ budget; “N projects with a balance above 10%” against the tables; every project or \
                department score quoted in the text against the table's total. A count that contradicts another statement is a warning; \
                one that only differs from the number of tables, a note.
                """),
        severity: .error,
        tags: ["cross-reference", "performance-table", "prose"],
        triggering: [
            Example(
                "本单位2024年部门整体支出绩效自评得分为↓98分。\n"
                    + Rows.table(
                        """
                        | 部门整体支出绩效自评表 |
                        | 一级指标 | 二级指标 | 三级指标 | 指标分值 | 指标解释 | 评分说明 | 自评得分 | 备注 |
                        | 总体绩效（100分） | 履职效能（100分） | 履职效果 | 100 | 说明 | 规则 | 97 | |
                        | 分值 | | | | 97 |
                        """))
        ],
        nonTriggering: [
            Example(
                "常年项目绩效分析。该类项目总数1个，涉及预算总金额20.00万元，1—12月预算执行总体进度为100%，其中：预算结余率大于10%的项目共计0个。\n"
                    + Rows.table(
                        """
                        | 部门预算项目支出绩效自评表（2024年度） |
                        | 项目名称 | 文化下乡项目 |
                        """, ExampleTables.budgetBlock,
                        """
                        | | 总额 | 20.00 | 20.00 | 20.00 | 100.00% | 10 | 10 | |
                        """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        let claims = model.projectClaims
        // A 部门整体 table with a project table's blocks is no project.
        let tables = model.projectTables.filter { $0.scope == .project }
        counts(claims, tables.count, &report)
        coverage(claims, tables, model, &report)
        scores(claims, model, &report)
    }

    // MARK: counts

    func counts(_ claims: ProjectClaims, _ n: Int, _ report: inout CheckReport) {
        guard n > 0 else { return }
        var statements: [(Mention, Dec)] = claims.counts.filter { $0.category == nil }.map { ($0.mention, $0.mention.quantity.value) }
        let categorized = claims.counts.filter { $0.category != nil }
        if let first = categorized.first {
            var sum = Dec.zero
            for c in categorized { sum = sum + c.mention.quantity.value }
            statements.append((first.mention, sum))
        }
        let nDec = Dec(n)
        let other = statements.first { $0.1 == nDec }?.0
        // A sentence that repeats the wrong count ("对22个项目…对22个项目…选取22个项目") is one finding.
        var bySentence: [String: [Mention]] = [:]
        for (m, value) in statements where value != nDec {
            bySentence["\(m.unit)|\(m.sentence)|\(value.formatted())", default: []].append(m)
        }
        var reported = Set<String>()
        for (m, value) in statements where value != nDec {
            let sentenceKey = "\(m.unit)|\(m.sentence)|\(value.formatted())"
            guard reported.insert(sentenceKey).inserted else { continue }
            let repeats = (bySentence[sentenceKey] ?? []).filter { $0.id != m.id }
            // Another statement agrees with the tables: this one contradicts the text itself, a warning.
            let message =
                other == nil
                ? Message.countAgainstTables(stated: value.formatted(), tables: n)
                : .countContradicted(stated: value.formatted(), tables: n)
            report.add(
                other == nil ? .note : .warning, message.text, at: m.span,
                related: repeats.map { Say.related("repeated", $0, zh: "同句", en: "same sentence") }
                    + (other.map { [Say.related("other-count", $0, zh: "另处", en: "elsewhere")] } ?? []),
                expected: "\(n)个", key: "count|\(value.formatted())")
        }
    }

    // MARK: amounts, progress, balances

    func coverage(_ claims: ProjectClaims, _ tables: [PerformanceTable], _ model: AuditModel, _ report: inout CheckReport) {
        let categorized = claims.counts.filter { $0.category != nil }
        var stated = Dec.zero
        for c in categorized { stated = stated + c.mention.quantity.value }
        let covered = !tables.isEmpty && !categorized.isEmpty && stated == Dec(tables.count)
        let rows = tables.compactMap { $0.budget?.total }
        let adjusted = rows.compactMap { TableSay.amount($0.adjusted) }
        let executed = rows.compactMap { TableSay.amount($0.executed) }

        // A category with no projects cannot have a progress rate.
        let emptyCategories = Set(categorized.filter { $0.mention.quantity.value.isZero }.map(\.category))
        for p in claims.progress where emptyCategories.contains(p.category) && !p.mention.quantity.value.isZero {
            report.add(
                .note, Message.progressOfNothing(stated: p.mention.quantity.printed).text, at: p.mention.span,
                key: "progress-empty|\(p.category ?? "")")
        }

        guard covered, adjusted.count == tables.count, executed.count == tables.count else {
            // Without full coverage, a 涉及预算总金额 that equals the whole department's expenditure is still suspect.
            for b in claims.budgetTotals where !b.mention.quantity.value.isZero {
                guard let all = model.facts.first("current-expenditure", year: model.reportYear)?.mention,
                    let projects = model.facts.first("project-expenditure", year: model.reportYear)?.mention,
                    b.mention.quantity.comparable.interval().intersects(all.quantity.comparable.interval()),
                    projects.quantity.comparable.value < all.quantity.comparable.value
                else { continue }
                report.add(
                    .warning,
                    Message.budgetIsDepartments(
                        stated: b.mention.quantity.printed, department: Say.named(all),
                        projects: projects.quantity.printed
                    ).text,
                    at: b.mention.span,
                    related: [Say.related("total", all, zh: "", en: ""), Say.related("projects", projects, zh: "", en: "")],
                    expected: projects.quantity.printed, key: "budget-total|department")
            }
            return
        }
        let sumAdjusted = Say.exactSum(adjusted)
        let sumExecuted = Say.exactSum(executed)
        // Every table's total row has both amounts here (checked above), in table order.
        let perTable = Array(zip(tables, zip(adjusted, executed)))
        let adjustedCells = rows.compactMap(\.adjusted)
        let executedCells = rows.compactMap(\.executed)
        // Σ adjusted budgets against 涉及预算总金额.
        let totals = claims.budgetTotals.map(\.mention)
        if let anchor = totals.first(where: { !$0.quantity.value.isZero }) ?? totals.first {
            let stated = totals.map { $0.quantity.comparable }
            let statedSum = Figure(value: Say.exactSum(stated), ulp: stated.map(\.ulp).max() ?? .zero)
            report.judge(
                Relations.sum(parts: adjusted, total: statedSum), ifTruncated: nil,
                numbers: adjustedCells.compactMap(\.quantity) + totals.map(\.quantity), key: "budget-total",
                message: Message.budgetTotal(
                    stated: anchor.quantity.printed, tables: tables.count,
                    sum: sumAdjusted.formatted()
                ).text,
                at: anchor.span, expected: sumAdjusted.formatted() + "万元")
        }
        // Σ executed against the accounts' 项目支出.
        if let projects = model.facts.first("project-expenditure", year: model.reportYear)?.mention {
            report.judge(
                Relations.sum(parts: executed, total: projects.quantity.comparable), ifTruncated: nil,
                numbers: executedCells.compactMap(\.quantity) + [projects.quantity], key: "project-expenditure",
                message: Message.projectExpenditure(
                    stated: Say.named(projects), tables: tables.count,
                    sum: sumExecuted.formatted()
                ).text,
                at: projects.span, expected: sumExecuted.formatted() + "万元")
        }
        // Overall progress = Σ executed ÷ Σ adjusted.
        // Summed once for both readings: a long report quotes its progress many times.
        let executedSums = (rounded: Relations.sumInterval(executed, .rounded), truncated: Relations.sumInterval(executed, .truncated))
        let adjustedSums = (rounded: Relations.sumInterval(adjusted, .rounded), truncated: Relations.sumInterval(adjusted, .truncated))
        let lagging = NamedTables(perTable.filter { $0.1.1.value < $0.1.0.value }.map(\.0))
        for p in claims.progress where p.category != "一次性" || !sumAdjusted.isZero {
            guard !sumAdjusted.isZero else { continue }
            let verdict = Relations.ratio(
                part: { $0 == .rounded ? executedSums.rounded : executedSums.truncated },
                whole: { $0 == .rounded ? adjustedSums.rounded : adjustedSums.truncated },
                percent: p.mention.quantity.figure)
            // Verified under one key for the document, reported under its category's.
            if verdict == .holds {
                report.verified([p.mention.quantity], key: "progress")
                continue
            }
            lazy var rate = Say.percent(sumExecuted, of: sumAdjusted, decimals: 2)
            report.judge(
                verdict, ifTruncated: nil, numbers: [p.mention.quantity], key: "progress|\(p.category ?? "")",
                message: Message.progress(
                    stated: p.mention.quantity.printed, executed: sumExecuted.formatted(),
                    budget: sumAdjusted.formatted(), rate: rate, lagging: lagging
                ).text,
                at: p.mention.span, related: lagging.related, expected: rate, relatedOmitted: lagging.omitted)
        }
        // Projects whose balance exceeds the threshold.
        var overByThreshold: [Dec: NamedTables] = [:]
        for (count, threshold, _) in claims.balanceCounts {
            let t = threshold.quantity.value
            let over =
                overByThreshold[t]
                ?? NamedTables(
                    perTable.filter { _, amounts in
                        let (a, e) = amounts
                        // (a − e)/a > t%  ⇔  100·(a − e) > t·a
                        return !a.value.isZero && t * a.value < Dec.hundred * (a.value - e.value)
                    }.map(\.0))
            overByThreshold[t] = over
            report.judge(
                .exact(Dec(over.count) == count.quantity.value), numbers: [count.quantity], key: "balance",
                message: Message.balances(threshold: threshold.quantity.printed, stated: count.quantity.printed, over: over).text,
                at: count.span, related: over.related, expected: "\(over.count)个", relatedOmitted: over.omitted)
        }
    }

    // MARK: scores

    func scores(_ claims: ProjectClaims, _ model: AuditModel, _ report: inout CheckReport) {
        let tableNamed = ProjectClaims.matcher(model.projectTables.filter { $0.scope == .project })
        let departmentTotal =
            model.departmentTables.first?.total?.score
            ?? model.projectTables.first { $0.scope == .department }?.total?.score
        for s in claims.scores {
            let stated = s.mention.quantity.value
            if let name = s.project {
                guard let total = tableNamed(name)?.total?.score, let value = TableSay.points(total)?.value else { continue }
                report.judge(
                    .exact(value == stated), numbers: [s.mention.quantity], key: "score|\(name)",
                    message: Message.projectScore(project: name, stated: s.mention.quantity.printed, table: total.text).text,
                    at: s.mention.span, related: [TableSay.related("table-total", total, zh: "表中合计", en: "table total")],
                    expected: total.text + "分")
            } else if let total = departmentTotal, let value = TableSay.points(total)?.value {
                report.judge(
                    .exact(value == stated), numbers: [s.mention.quantity], key: "score|department",
                    message: Message.departmentScore(stated: s.mention.quantity.printed, table: total.text).text,
                    at: s.mention.span, related: [TableSay.related("table-total", total, zh: "表中总分", en: "table total")],
                    expected: total.text + "分")
            }
        }
    }
}

/// Project tables named in a message and pointed at as related places: built once per list
/// (a long report may quote the same list many times) and bounded like every related list.
struct NamedTables {
    let count: Int
    let zh: String
    let en: String
    let related: [RelatedLocation]
    let omitted: Int

    var isEmpty: Bool { count == 0 }

    init(_ tables: [PerformanceTable]) {
        count = tables.count
        let names = tables.prefix(12).compactMap(\.projectName)
        zh = tables.count > 12 ? names.prefix(10).joined(separator: "、") + "…（共\(tables.count)项）" : names.joined(separator: "、")
        en = tables.count > 12 ? names.prefix(10).joined(separator: ", ") + "… (\(tables.count) in all)" : names.joined(separator: ", ")
        let pointed = tables.compactMap { t in t.budget?.total?.executed.map { (t.projectName ?? "", $0) } }
        related = pointed.prefix(Linter.maxRelated).map { name, executed in TableSay.related("project", executed, zh: name, en: name) }
        omitted = max(0, pointed.count - Linter.maxRelated)
    }
}

extension ProjectTotals {
    enum Message {
        /// A count that differs from the tables only.
        case countAgainstTables(stated: String, tables: Int)
        /// A count that another statement (agreeing with the tables) contradicts.
        case countContradicted(stated: String, tables: Int)
        case progressOfNothing(stated: String)
        case budgetIsDepartments(stated: String, department: LocalizedText, projects: String)
        case budgetTotal(stated: String, tables: Int, sum: String)
        case projectExpenditure(stated: LocalizedText, tables: Int, sum: String)
        /// `lagging`: the tables not fully executed.
        case progress(stated: String, executed: String, budget: String, rate: String, lagging: NamedTables)
        case balances(threshold: String, stated: String, over: NamedTables)
        case projectScore(project: String, stated: String, table: String)
        case departmentScore(stated: String, table: String)

        var text: LocalizedText {
            switch self {
            case .countAgainstTables(let stated, let n):
                LocalizedText(
                    zh: "此处称\(stated)个项目，所附项目支出绩效自评表只有\(n)张。",
                    en: "the text speaks of \(stated) projects, but \(n) project tables are attached.")
            case .countContradicted(let stated, let n):
                LocalizedText(
                    zh: "项目个数前后矛盾：此处为\(stated)个，另处为\(n)个，所附项目支出绩效自评表也是\(n)张。",
                    en: "the number of projects contradicts itself: \(stated) here, \(n) elsewhere, and \(n) project tables are attached.")
            case .progressOfNothing(let stated):
                LocalizedText(
                    zh: "该类项目为0个、预算为0，却写执行总体进度\(stated)。",
                    en: "this category has 0 projects and no budget, yet its overall progress is given as \(stated).")
            case .budgetIsDepartments(let stated, let department, let projects):
                LocalizedText(
                    zh: "项目“涉及预算总金额”\(stated)等于整个部门的\(department.zh)，而项目支出只有\(projects)。",
                    en: "the projects' total budget \(stated) equals the whole department's \(department.en), "
                        + "while project expenditure is only \(projects).")
            case .budgetTotal(let stated, let n, let sum):
                LocalizedText(
                    zh: "“涉及预算总金额”\(stated)，而\(n)张项目自评表的调整后预算数之和为\(sum)万元。",
                    en: "the projects' total budget is \(stated), but the adjusted budgets of the \(n) project tables sum to \(sum)万元.")
            case .projectExpenditure(let stated, let n, let sum):
                LocalizedText(
                    zh: "\(stated.zh)与\(n)张项目自评表的预算执行数之和\(sum)万元不符。",
                    en: "\(stated.en) differs from the executed amounts of the \(n) project tables, which sum to \(sum)万元.")
            case .progress(let stated, let executed, let budget, let rate, let lagging):
                LocalizedText(
                    zh: "预算执行总体进度写为\(stated)，而项目表合计：执行数\(executed)万元 ÷ 调整后预算\(budget)万元 = \(rate)"
                        + (lagging.isEmpty ? "" : "（未执行完的有\(lagging.zh)）") + "。",
                    en: "the overall progress is given as \(stated), but the project tables give \(executed)万元 executed ÷ "
                        + "\(budget)万元 budget = \(rate)" + (lagging.isEmpty ? "" : " (not fully executed: \(lagging.en))") + ".")
            case .balances(let threshold, let stated, let over):
                LocalizedText(
                    zh: "称结余率大于\(threshold)的项目共\(stated)，项目表中却有\(over.count)个：\(over.zh)。",
                    en: "\(stated) projects are said to have a balance above \(threshold), but the tables show \(over.count): \(over.en).")
            case .projectScore(let project, let stated, let table):
                LocalizedText(
                    zh: "正文称“\(project)”自评得分\(stated)，其项目支出绩效自评表合计得分为\(table)分。",
                    en: "the text gives “\(project)” a score of \(stated), but its project table totals \(table).")
            case .departmentScore(let stated, let table):
                LocalizedText(
                    zh: "正文称部门整体自评得分\(stated)，部门整体支出绩效自评表总分为\(table)分。",
                    en: "the text gives the department a score of \(stated), but the department self-evaluation table totals \(table).")
            }
        }
    }
}

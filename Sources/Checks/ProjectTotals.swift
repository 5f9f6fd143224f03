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
            zh: "绩效评价报告对项目的汇总必须与所附项目支出绩效自评表一致：项目个数与表的张数；表中调整后预算之和与“涉及预算总金额”、执行数之和与决算中的“项目支出”（只在各类项目个数之和等于表数、即表已覆盖全部项目时比较）；“预算执行总体进度”= 执行数之和 ÷ 预算之和；“结余率大于10%的项目共计N个”与表中实际个数；正文引用的项目得分、部门整体得分与表中合计。个数与另一处叙述矛盾报警告，仅与表数不同报提示。",
            en: "What the evaluation report says about its projects must match the attached project tables: the number of projects and of tables; the tables' adjusted budgets against 涉及预算总金额 and their executed amounts against the 项目支出 of the accounts (compared only when the category counts add up to the number of tables, i.e. the tables cover every project); 预算执行总体进度 = Σ executed ÷ Σ budget; “N projects with a balance above 10%” against the tables; every project or department score quoted in the text against the table's total. A count that contradicts another statement is a warning; one that only differs from the number of tables, a note."),
        severity: .error,
        tags: ["cross-reference", "performance-table", "prose"],
        triggering: [
            Example("""
            本单位2024年部门整体支出绩效自评得分为↓98分。
            \t部门整体支出绩效自评表

            \t一级指标
            \t二级指标
            \t三级指标
            \t指标分值
            \t指标解释
            \t评分说明
            \t自评得分
            \t备注

            \t总体绩效（100分）
            \t履职效能（100分）
            \t履职效果
            \t100
            \t说明
            \t规则
            \t97
            \t

            \t分值
            \t
            \t
            \t
            \t97

            """),
        ],
        nonTriggering: [
            Example("""
            常年项目绩效分析。该类项目总数1个，涉及预算总金额20.00万元，1—12月预算执行总体进度为100%，其中：预算结余率大于10%的项目共计0个。
            \t部门预算项目支出绩效自评表（2024年度）

            \t项目名称
            \t文化下乡项目

            \t预算执行情况（10分）
            \t年度预算数（万元）
            \t年初预算
            \t调整后预算数
            \t预算执行数
            \t预算执行率
            \t权重
            \t得分
            \t原因

            \t
            \t总额
            \t20.00
            \t20.00
            \t20.00
            \t100.00%
            \t10
            \t10
            \t

            """),
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        let claims = model.projectClaims
        let tables = model.projectTables
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
        let agreeing = statements.contains { $0.1 == nDec }
        let other = statements.first { $0.1 == nDec }?.0
        // A sentence that repeats the wrong count ("对22个项目…对22个项目…选取22个项目") is one finding.
        var bySentence: [String: [Mention]] = [:]
        for (m, value) in statements where value != nDec { bySentence["\(m.unit)|\(m.sentence)|\(value.formatted())", default: []].append(m) }
        var reported = Set<String>()
        for (m, value) in statements where value != nDec {
            let sentenceKey = "\(m.unit)|\(m.sentence)|\(value.formatted())"
            guard reported.insert(sentenceKey).inserted else { continue }
            let repeats = (bySentence[sentenceKey] ?? []).filter { $0.id != m.id }.map { ($0, value) }
            let severity: Severity = agreeing ? .warning : .note
            let message = agreeing
                ? LocalizedText(zh: "项目个数前后矛盾：此处为\(value.formatted())个，另处为\(n)个，所附项目支出绩效自评表也是\(n)张。",
                                en: "the number of projects contradicts itself: \(value.formatted()) here, \(n) elsewhere, and \(n) project tables are attached.")
                : LocalizedText(zh: "此处称\(value.formatted())个项目，所附项目支出绩效自评表只有\(n)张。",
                                en: "the text speaks of \(value.formatted()) projects, but \(n) project tables are attached.")
            lazy var related = repeats.map { Say.related("repeated", $0.0, zh: "同句", en: "same sentence") }
                + (other.map { [Say.related("other-count", $0, zh: "另处", en: "elsewhere")] } ?? [])
            report.add(Self.description.finding(severity, message, at: m.span, related: related,
                                                expected: "\(n)个", key: "count|\(value.formatted())"))
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
        for p in claims.progress {
            if emptyCategories.contains(p.category) && !p.mention.quantity.value.isZero {
                report.add(Self.description.finding(.note, LocalizedText(
                    zh: "该类项目为0个、预算为0，却写执行总体进度\(p.mention.quantity.printed)。",
                    en: "this category has 0 projects and no budget, yet its overall progress is given as \(p.mention.quantity.printed)."),
                    at: p.mention.span, key: "progress-empty|\(p.category ?? "")"))
            }
        }

        guard covered, adjusted.count == tables.count, executed.count == tables.count else {
            // Without full coverage, a 涉及预算总金额 that equals the whole department's expenditure is still suspect.
            for b in claims.budgetTotals where !b.mention.quantity.value.isZero {
                guard let all = model.facts.first("current-expenditure", year: model.reportYear)?.mention,
                      let projects = model.facts.first("project-expenditure", year: model.reportYear)?.mention,
                      b.mention.quantity.comparable.interval().intersects(all.quantity.comparable.interval()),
                      projects.quantity.comparable.value < all.quantity.comparable.value else { continue }
                report.add(Self.description.finding(.warning, LocalizedText(
                    zh: "项目“涉及预算总金额”\(b.mention.quantity.printed)等于整个部门的\(all.named)，而项目支出只有\(projects.quantity.printed)。",
                    en: "the projects' total budget \(b.mention.quantity.printed) equals the whole department's \(all.namedEnglish), while project expenditure is only \(projects.quantity.printed)."),
                    at: b.mention.span, related: [Say.related("total", all, zh: "", en: ""), Say.related("projects", projects, zh: "", en: "")],
                    expected: projects.quantity.printed, key: "budget-total|department"))
            }
            return
        }
        let sumAdjusted = Say.exactSum(adjusted), sumExecuted = Say.exactSum(executed)
        // Every table's total row has both amounts here (checked above), in table order.
        let perTable = Array(zip(tables, zip(adjusted, executed)))
        let adjustedCells = rows.compactMap(\.adjusted), executedCells = rows.compactMap(\.executed)
        // Σ adjusted budgets against 涉及预算总金额.
        if !claims.budgetTotals.isEmpty {
            let stated = claims.budgetTotals.map { $0.mention.quantity.comparable }
            let statedSum = Say.exactSum(stated)
            let anchor = claims.budgetTotals.first { !$0.mention.quantity.value.isZero }?.mention ?? claims.budgetTotals[0].mention
            let verdict = Relations.sum(parts: adjusted, total: Figure(value: statedSum, ulp: stated.map(\.ulp).max() ?? .zero))
            if verdict == .holds {
                report.verified(adjustedCells.compactMap(\.quantity) + claims.budgetTotals.map(\.mention.quantity), key: "budget-total")
            } else if verdict == .fails {
                report.add(Self.description.finding(nil, LocalizedText(
                    zh: "“涉及预算总金额”\(anchor.quantity.printed)，而\(tables.count)张项目自评表的调整后预算数之和为\(sumAdjusted.formatted())万元。",
                    en: "the projects' total budget is \(anchor.quantity.printed), but the adjusted budgets of the \(tables.count) project tables sum to \(sumAdjusted.formatted())万元."),
                    at: anchor.span, expected: sumAdjusted.formatted() + "万元", key: "budget-total"))
            }
        }
        // Σ executed against the accounts' 项目支出.
        if let projects = model.facts.first("project-expenditure", year: model.reportYear)?.mention {
            let verdict = Relations.sum(parts: executed, total: projects.quantity.comparable)
            if verdict == .holds {
                report.verified(executedCells.compactMap(\.quantity) + [projects.quantity], key: "project-expenditure")
            } else if verdict == .fails {
                report.add(Self.description.finding(nil, LocalizedText(
                    zh: "\(projects.named)与\(tables.count)张项目自评表的预算执行数之和\(sumExecuted.formatted())万元不符。",
                    en: "\(projects.namedEnglish) differs from the executed amounts of the \(tables.count) project tables, which sum to \(sumExecuted.formatted())万元."),
                    at: projects.span, expected: sumExecuted.formatted() + "万元", key: "project-expenditure"))
            }
        }
        // Overall progress = Σ executed ÷ Σ adjusted.
        // Summed once for both readings: a long report quotes its progress many times.
        let executedSums = (rounded: Relations.sumInterval(executed, .rounded), truncated: Relations.sumInterval(executed, .truncated))
        let adjustedSums = (rounded: Relations.sumInterval(adjusted, .rounded), truncated: Relations.sumInterval(adjusted, .truncated))
        let lagging = NamedTables(perTable.filter { $0.1.1.value < $0.1.0.value }.map(\.0))
        for p in claims.progress where p.category != "一次性" || !sumAdjusted.isZero {
            guard !sumAdjusted.isZero else { continue }
            let verdict = Relations.ratio(part: { $0 == .rounded ? executedSums.rounded : executedSums.truncated },
                                          whole: { $0 == .rounded ? adjustedSums.rounded : adjustedSums.truncated }, percent: p.mention.quantity.figure)
            let rate = Relations.percent(sumExecuted, of: sumAdjusted, decimals: 2).formatted(minDecimals: 2)
            if verdict == .holds { report.verified([p.mention.quantity], key: "progress"); continue }
            guard verdict == .fails else { continue }
            var f = Self.description.finding(nil, LocalizedText(
                zh: "预算执行总体进度写为\(p.mention.quantity.printed)，而项目表合计：执行数\(sumExecuted.formatted())万元 ÷ 调整后预算\(sumAdjusted.formatted())万元 = \(rate)%\(lagging.isEmpty ? "" : "（未执行完的有\(lagging.zh)）")。",
                en: "the overall progress is given as \(p.mention.quantity.printed), but the project tables give \(sumExecuted.formatted())万元 executed ÷ \(sumAdjusted.formatted())万元 budget = \(rate)%\(lagging.isEmpty ? "" : " (not fully executed: \(lagging.en))")."),
                at: p.mention.span, related: lagging.related, expected: rate + "%", key: "progress|\(p.category ?? "")")
            f.relatedOmitted = lagging.omitted
            report.add(f)
        }
        // Projects whose balance exceeds the threshold.
        var overByThreshold: [Dec: NamedTables] = [:]
        for (count, threshold, _) in claims.balanceCounts {
            let t = threshold.quantity.value
            let over = overByThreshold[t] ?? NamedTables(perTable.filter { _, amounts in
                let (a, e) = amounts
                // (a − e)/a > t%  ⇔  100·(a − e) > t·a
                return !a.value.isZero && t * a.value < Dec.hundred * (a.value - e.value)
            }.map(\.0))
            overByThreshold[t] = over
            let stated = count.quantity.value
            if Dec(over.count) == stated { report.verified([count.quantity], key: "balance"); continue }
            var f = Self.description.finding(nil, LocalizedText(
                zh: "称结余率大于\(threshold.quantity.printed)的项目共\(count.quantity.printed)，项目表中却有\(over.count)个：\(over.zh)。",
                en: "\(count.quantity.printed) projects are said to have a balance above \(threshold.quantity.printed), but the tables show \(over.count): \(over.en)."),
                at: count.span, related: over.related, expected: "\(over.count)个", key: "balance")
            f.relatedOmitted = over.omitted
            report.add(f)
        }
    }

    // MARK: scores

    func scores(_ claims: ProjectClaims, _ model: AuditModel, _ report: inout CheckReport) {
        let tableNamed = ProjectClaims.matcher(model.projectTables)
        for s in claims.scores {
            let stated = s.mention.quantity.value
            if let name = s.project {
                guard let table = tableNamed(name), let total = table.total?.score,
                      let value = TableSay.points(total)?.value else { continue }
                if value == stated { report.verified([s.mention.quantity], key: "score|\(name)"); continue }
                report.add(Self.description.finding(nil, LocalizedText(
                    zh: "正文称“\(name)”自评得分\(s.mention.quantity.printed)，其项目支出绩效自评表合计得分为\(total.text)分。",
                    en: "the text gives “\(name)” a score of \(s.mention.quantity.printed), but its project table totals \(total.text)."),
                    at: s.mention.span, related: [TableSay.related("table-total", total, zh: "表中合计", en: "table total")],
                    expected: total.text + "分", key: "score|\(name)"))
            } else if let total = model.departmentTables.first?.total?.score, let value = TableSay.points(total)?.value {
                if value == stated { report.verified([s.mention.quantity], key: "score|department"); continue }
                report.add(Self.description.finding(nil, LocalizedText(
                    zh: "正文称部门整体自评得分\(s.mention.quantity.printed)，部门整体支出绩效自评表总分为\(total.text)分。",
                    en: "the text gives the department a score of \(s.mention.quantity.printed), but the department self-evaluation table totals \(total.text)."),
                    at: s.mention.span, related: [TableSay.related("table-total", total, zh: "表中总分", en: "table total")],
                    expected: total.text + "分", key: "score|department"))
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
        let pointed = tables.filter { $0.budget?.total?.executed != nil }
        related = pointed.prefix(Linter.maxRelated).map { t in
            TableSay.related("project", t.budget!.total!.executed!, zh: t.projectName ?? "", en: t.projectName ?? "")
        }
        omitted = max(0, pointed.count - Linter.maxRelated)
    }
}

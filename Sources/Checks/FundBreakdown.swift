import Engine
import Extraction
import Model

/// The 部门整体 table's funds by income nature and by expenditure nature each add up to the
/// 年度资金总额.
public struct FundBreakdown: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "fund-breakdown",
        title: LocalizedText(zh: "资金按性质分项之和与资金总额不符", en: "Funds by nature do not add up to the total"),
        rationale: LocalizedText(
            zh: """
                部门整体支出绩效自评表把年度资金总额按收入性质（一般公共预算、政府性基金预算、国有资本经营预算……）和按支出性质（基本支出、\
                项目支出）各分一次，金额常写在标签格里（“其中：一般公共预算：1100.00”）。列出两项及以上的一侧，其和应等于年度资金总额的\
                年初预算数、全年预算数或全年执行数之一；只列一项的，不得超过其中最大者。按区间算术核对。
                """,
            en: """
                The 部门整体 table splits the year's funds twice, by income nature (一般公共预算, 政府性基金预算, 国有资本经营预算 …) and by \
                expenditure nature (基本支出, 项目支出), often with the amount inside the label cell (“其中：一般公共预算：1100.00”). A side \
                listing two or more amounts must add up to one of the 年度资金总额 row's amounts (initial budget, full-year budget or \
                executed); a side with one amount may not exceed the largest of them. Tested with interval arithmetic.
                """),
        severity: .error,
        tags: ["arithmetic", "performance-table"],
        triggering: [
            Example(
                Rows.table(
                    ExampleTables.departmentFundBlock,
                    """
                    | 年度资金总额 | 1200.00 | 1250.00 | 1187.50 | 10 | 95.00% | 9.5 |
                    | 按收入性质分 | 按支出性质分 |
                    | 其中：一般公共预算：1100.00 | 其中：基本支出：800.00 |
                    | 政府性基金预算：87.50 | 项目支出：↓377.50 |
                    """))
        ],
        nonTriggering: [
            Example(
                Rows.table(
                    ExampleTables.departmentFundBlock,
                    """
                    | 年度资金总额 | 1200.00 | 1250.00 | 1187.50 | 10 | 95.00% | 9.5 |
                    | 按收入性质分 | 按支出性质分 |
                    | 其中：一般公共预算：1100.00 | 其中：基本支出：800.00 |
                    | 政府性基金预算：87.50 | 项目支出：387.50 |
                    | 国有资本经营预算：0.00 | |
                    """))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for p in model.projectTables where !p.fundShares.isEmpty {
            guard let total = p.budget?.total else { continue }
            var totals: [(Figure, Message.Column, CellValue)] = []
            for (cell, column) in [(total.initial, Message.Column.initial), (total.adjusted, .adjusted), (total.executed, .executed)] {
                if let cell, let figure = TableSay.amount(cell) { totals.append((figure, column, cell)) }
            }
            guard !totals.isEmpty else { continue }
            for side in [FundShare.Side.income, .expenditure] {
                let shares = p.fundShares.filter { $0.side == side }
                guard !shares.isEmpty else { continue }
                let parts = shares.map(\.amount.comparable)
                let verdicts = totals.map { t in
                    shares.count >= 2 ? Relations.sum(parts: parts, total: t.0) : Relations.sum(parts: parts, total: t.0, partial: true)
                }
                let verdict: Verdict =
                    verdicts.contains(.holds)
                    ? .holds
                    : verdicts.contains(.holdsIfTruncated)
                        ? .holdsIfTruncated
                        : verdicts.allSatisfy { $0 == .undefined } ? .undefined : .fails
                let matched = verdicts.firstIndex(of: .holds) ?? verdicts.firstIndex(of: .holdsIfTruncated) ?? 0
                let last = shares[shares.count - 1]
                report.judge(
                    verdict, numbers: shares.map(\.amount) + [totals[matched].2.quantity].compactMap { $0 },
                    key: TableSay.key(p, "funds|\(side.rawValue)"),
                    message: Message.mismatch(
                        project: TableSay.project(p), side: side,
                        parts: shares.map { "\($0.label)\($0.amount.printed)" },
                        sum: Say.exactSum(parts).formatted(minDecimals: Say.decimals(parts)),
                        totals: totals.map { ($0.1, $0.2.text) }, single: shares.count == 1
                    ).text,
                    at: last.amount.span,
                    related: shares.dropLast().map {
                        RelatedLocation(
                            role: "part", span: $0.amount.span,
                            message: LocalizedText(zh: $0.label, en: $0.label))
                    }
                        + totals.map { TableSay.related("total", $0.2, zh: $0.1.text.zh, en: $0.1.text.en) })
            }
        }
    }
}

extension FundBreakdown {
    enum Message {
        enum Column {
            case initial, adjusted, executed

            var text: LocalizedText {
                switch self {
                case .initial: LocalizedText(zh: "年初预算数", en: "initial budget")
                case .adjusted: LocalizedText(zh: "全年预算数", en: "full-year budget")
                case .executed: LocalizedText(zh: "全年执行数", en: "executed")
                }
            }
        }

        case mismatch(project: LocalizedText, side: FundShare.Side, parts: [String], sum: String, totals: [(Column, String)], single: Bool)

        var text: LocalizedText {
            switch self {
            case .mismatch(let project, let side, let parts, let sum, let totals, let single):
                let zhTotals = totals.map { "\($0.0.text.zh)\($0.1)" }.joined(separator: "、")
                let enTotals = totals.map { "\($0.0.text.en) \($0.1)" }.joined(separator: ", ")
                if single {
                    return LocalizedText(
                        zh: "\(project.zh)\(side.rawValue)的\(parts.joined())超过年度资金总额（\(zhTotals)）。",
                        en: "\(project.en): \(side.rawValue) \(parts.joined()) exceeds the year's funds (\(enTotals)).")
                }
                return LocalizedText(
                    zh: "\(project.zh)\(side.rawValue)各项之和 \(Say.list(parts, separator: " + ")) = \(sum)万元，与年度资金总额（\(zhTotals)）均不符。",
                    en: "\(project.en): \(side.rawValue) adds up to \(Say.listEnglish(parts, separator: " + ")) = \(sum)万元, "
                        + "matching none of the year's funds (\(enTotals)).")
            }
        }
    }
}

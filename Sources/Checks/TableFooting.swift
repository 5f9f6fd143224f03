import Engine
import Extraction
import Model

/// Every 合计 and 总计 of a 部门决算 / 部门预算 table equals its parts: across a row
/// (本年支出合计 = 基本 + 项目 + …), down the classification (类 = Σ款, 款 = Σ项), the 合计 row,
/// the two sides of a summary table and their totals, 人员经费 = 301 + 303 and 公用经费 = the
/// other classes of the 基本支出 table.
public struct TableFooting: Check {
    public init() {}

    public static let description = CheckDescription(
        id: "table-footing",
        title: LocalizedText(zh: "表内合计与明细不符", en: "A table total does not equal its parts"),
        rationale: LocalizedText(
            zh:
                "部门决算九张表和部门预算各表都是层层汇总的：每行的合计 = 各分列（本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出；财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营；“三公”经费 = 因公出国（境）+ 公务用车 + 公务接待，公务用车 = 购置 + 运行维护，预算数和决算数分别成立）；每一列，类 = 其下各款之和，款 = 其下各项之和（按科目编码前缀），合计行 = 各类之和；收支总表中本年收入（支出）合计 = 各项之和，收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余，支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余，两边总计相等；基本支出表中人员经费 = 301 + 303，公用经费 = 其余各类；政府性基金、国有资本经营表中年末结转和结余 = 年初 + 本年收入 − 本年支出。每个数按其印出的位数是一个区间，区间不相交才是错误；表中空白的明细格是零，空白的合计格视为未填、不核对。",
            en:
                "The tables of a final account or budget add up at every level: across each row, the total is the sum of its columns (expenditure of the year = basic + project + remittance + business + subsidiary grants; appropriations = general public + government fund + state capital; the three public costs = travel abroad + vehicles + reception, vehicles = purchase + running, for budget and outturn alike); down each column, a class is the sum of its segments and a segment of its items (by code prefix), and the 合计 row the sum of the classes; in a summary table the year's totals are the sums of their lines, 总计 = the year's total plus what is carried, and both sides' 总计 agree; in the basic expenditure table personnel costs = 301 + 303 and public costs = the other classes; in the fund tables the closing balance = opening + income − expenditure. Each printed figure is the interval its digits allow, and only intervals that cannot meet are an error; a blank detail cell is zero, a blank total is not stated and not tested."
        ),
        severity: .error,
        tags: ["arithmetic", "finance-table", "footing"],
        triggering: [
            Example(
                FinanceExamples.table(
                    "支出决算表",
                    Rows.table(
                        """
                        | 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
                        | | 合计 | 1,260.00 | 800.00 | 460.00 |
                        | 201 | 一般公共服务支出 | 900.00 | 500.00 | 400.00 |
                        | 20126 | 档案事务 | 900.00 | 500.00 | ↓400.00 |
                        | 2012601 | 行政运行 | 500.00 | 500.00 | |
                        | 2012604 | 档案馆 | ↓400.00 | | 410.00 |
                        | 208 | 社会保障和就业支出 | 360.00 | 300.00 | 60.00 |
                        """))),
            Example(
                FinanceExamples.table(
                    "一般公共预算财政拨款基本支出决算表",
                    Rows.table(
                        """
                        | 科目编码 | 科目名称 | 决算数 | 科目编码 | 科目名称 | 决算数 |
                        | 301 | 工资福利支出 | 482.69 | 302 | 商品和服务支出 | 70.27 |
                        | 30101 | 基本工资 | 482.69 | 30201 | 办公费 | 70.27 |
                        | 303 | 对个人和家庭的补助 | 3.30 | 310 | 资本性支出 | 7.00 |
                        | 30302 | 退休费 | 3.30 | 31002 | 办公设备购置 | 7.00 |
                        | | 人员经费合计 | ↓482.69 | | 公用经费合计 | 77.27 |
                        """)))
        ],
        nonTriggering: [
            Example(
                FinanceExamples.table(
                    "支出决算表",
                    Rows.table(
                        """
                        | 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
                        | | 合计 | 1,260.00 | 800.00 | 460.00 |
                        | 201 | 一般公共服务支出 | 900.00 | 500.00 | 400.00 |
                        | 20126 | 档案事务 | 900.00 | 500.00 | 400.00 |
                        | 2012601 | 行政运行 | 500.00 | 500.00 | |
                        | 2012604 | 档案馆 | 400.00 | | 400.00 |
                        | 208 | 社会保障和就业支出 | 360.00 | 300.00 | 60.00 |
                        """))),
            // Eight items each rounded to the cent may sum to a class total 0.01 away.
            Example(
                FinanceExamples.table(
                    "一般公共预算财政拨款基本支出决算表",
                    Rows.table(
                        """
                        | 科目编码 | 科目名称 | 决算数 |
                        | 301 | 工资福利支出 | 100.00 |
                        | 30101 | 基本工资 | 33.33 |
                        | 30102 | 津贴补贴 | 33.33 |
                        | 30103 | 奖金 | 33.33 |
                        | | 人员经费合计 | 100.00 |
                        """)))
        ])

    public func check(_ model: AuditModel, _ report: inout CheckReport) {
        for table in model.financeTables.tables {
            guard FinanceReliability.isReliable(table) else {
                report.add(
                    .note, Message.unreliable(table: table.named).text, at: table.titleSpan ?? table.span,
                    key: "unreliable|\(table.kind.rawValue)")
                continue
            }
            Footing(table: table).run(&report)
        }
    }
}

/// The footing of one table.
struct Footing {
    let table: FinanceTable
    var d: CheckDescription { TableFooting.description }

    func run(_ report: inout CheckReport) {
        for panel in table.panels {
            if table.unreadColumns.isEmpty { columnSums(panel, &report) }
            balance(panel, &report)
            hierarchy(panel, &report)
            if table.kind.isSummary { summary(panel, &report) }
        }
        if table.kind.isSummary { sides(&report) }
        if table.kind.isEconomic { economicTotals(&report) }
    }

    // MARK: across a row

    func columnSums(_ panel: TablePanel, _ report: inout CheckReport) {
        if panel.trusted != nil {
            positionalSums(panel, &report)
            return
        }
        let bases = Set(panel.valueColumns.map(\.basis))
        for rule in TableRules.columnSums {
            for basis in bases.sorted(by: { $0.rawValue < $1.rawValue }) {
                guard let total = rule.totals.lazy.compactMap({ panel.column($0, basis: basis) }).first else { continue }
                let parts = rule.parts.compactMap { panel.column($0, basis: basis) }.filter { $0.index != total.index }
                guard parts.count >= 2 else { continue }
                for row in panel.rows {
                    guard let t = row.values[total.index] else { continue }
                    let stated = parts.compactMap { c in row.values[c.index].map { (c, $0) } }
                    guard !stated.isEmpty else { continue }
                    let totalName = FinanceSay.column(table, total, panel)
                    judge(
                        &report, total: t, parts: stated.map(\.1), key: "\(FinanceSay.key(table, row))|\(rule.id)|\(basis.rawValue)",
                        claim: .columns(
                            row: FinanceSay.row(table, row), total: LocalizedText(zh: totalName.zh, en: totalName.en), printed: t.printed,
                            parts: stated.map {
                                (
                                    LocalizedText(
                                        zh: FinanceSay.column(table, $0.0, panel).zh, en: FinanceSay.column(table, $0.0, panel).en),
                                    $0.1.printed
                                )
                            }),
                        related: stated.map {
                            FinanceSay.related(
                                "part", $0.1, zh: FinanceSay.column(table, $0.0, panel).zh, en: FinanceSay.column(table, $0.0, panel).en)
                        },
                        verifiedKey:
                            "\(table.named.zh) \(row.title)：\(totalName.zh) = \(parts.map { FinanceSay.column(table, $0, panel).zh }.joined(separator: " + "))"
                    )
                }
            }
        }
    }

    /// A table rebuilt from extracted text, whose parts' columns are a guess: a row's total (its
    /// first figure) is the sum of its other figures, whichever columns they stand in.
    func positionalSums(_ panel: TablePanel, _ report: inout CheckReport) {
        guard let total = panel.valueColumns.first, panel.trusts(total),
            TableRules.columnSums.contains(where: { $0.totals.contains(total.role) })
        else { return }
        let name = FinanceSay.column(table, total, panel)
        for row in panel.rows {
            guard let t = row.values[total.index] else { continue }
            let parts = panel.valueColumns.dropFirst().compactMap { row.values[$0.index] } + row.unplaced
            guard !parts.isEmpty else { continue }
            judge(
                &report, total: t, parts: parts, key: "\(FinanceSay.key(table, row))|row",
                claim: .unplacedColumns(
                    row: FinanceSay.row(table, row), total: LocalizedText(zh: name.zh, en: name.en), printed: t.printed),
                related: parts.map { FinanceSay.related("part", $0, zh: "", en: "") },
                verifiedKey: "\(table.named.zh) \(row.title)：\(name.zh) = 各分列之和")
        }
    }

    /// 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出 (the fund tables).
    func balance(_ panel: TablePanel, _ report: inout CheckReport) {
        guard panel.trusted == nil, let income = panel.column(.currentIncome), let spent = panel.column(.currentExpenditure),
            let closing = panel.column(.carryOut), income.index != spent.index
        else { return }
        let opening = panel.column(.carryIn)
        for row in panel.rows {
            guard let i = row.values[income.index], let e = row.values[spent.index] else { continue }
            let o = opening.flatMap { row.values[$0.index] }
            let c = row.values[closing.index]
            var negated = e.figure
            negated.value = -negated.value
            negated.nonNegative = false
            let parts = [i.figure, negated] + (o.map { [$0.figure] } ?? [])
            let total = c?.figure ?? Figure.exact(.zero)
            let verdict = Relations.compare(parts: parts, total: total, relation: .equal)
            let openingText = o?.printed ?? "0"
            let closingText = c?.printed ?? "0"
            var sum = i.quantity.value - e.quantity.value
            if let o { sum = sum + o.quantity.value }
            let expected = sum.formatted(minDecimals: i.quantity.decimals)
            report.judge(
                verdict, numbers: [i.quantity, e.quantity] + [o?.quantity, c?.quantity].compactMap { $0 },
                key: verdict == .holds
                    ? "\(table.named.zh) \(row.title)：年末结转和结余 = 年初 + 本年收入 − 本年支出" : "\(FinanceSay.key(table, row))|balance",
                message: TableFooting.Message.balance(
                    row: FinanceSay.row(table, row), closing: closingText, opening: openingText,
                    income: i.printed, spent: e.printed, expected: expected
                ).text,
                at: (c ?? e).cellSpan,
                related: [
                    FinanceSay.related("part", i, zh: "本年收入", en: "income"), FinanceSay.related("part", e, zh: "本年支出", en: "expenditure")
                ],
                expected: expected)
        }
    }

    // MARK: down a column

    /// 类 = Σ款, 款 = Σ项 (by code prefix), and the 合计 row = Σ of the top codes.
    func hierarchy(_ panel: TablePanel, _ report: inout CheckReport) {
        var byCode: [String: Int] = [:]
        for (k, row) in panel.rows.enumerated() {
            if let c = row.code, byCode[c.digits] == nil { byCode[c.digits] = k }
        }
        guard !byCode.isEmpty else { return }
        var children: [String: [Int]] = [:]
        var top: [Int] = []
        for (code, k) in byCode.sorted(by: { $0.value < $1.value }) {
            if let p = panel.rows[k].code?.parent?.digits, byCode[p] != nil { children[p, default: []].append(k) } else { top.append(k) }
            _ = code
        }
        for column in panel.valueColumns where panel.trusts(column) {
            let name = FinanceSay.column(table, column, panel)
            for (parent, kids) in children.sorted(by: { byCode[$0.key]! < byCode[$1.key]! }) {
                let row = panel.rows[byCode[parent]!]
                guard let total = row.values[column.index] else { continue }
                let stated = kids.compactMap { k in panel.rows[k].values[column.index].map { (panel.rows[k], $0) } }
                guard !stated.isEmpty else { continue }
                let ofClass = row.code?.level == 1
                let level = ofClass ? "各款" : "各项"
                // A detail row printed with its parent's figure while its siblings have figures too.
                let repeated = stated.count > 1 ? stated.first { $0.1.quantity.value == total.quantity.value }?.0.title : nil
                judge(
                    &report, total: total, parts: stated.map(\.1),
                    key: "\(FinanceSay.key(table, row))|children|\(column.role.rawValue)|\(column.basis.rawValue)",
                    claim: .children(
                        row: FinanceSay.row(table, row), column: LocalizedText(zh: name.zh, en: name.en), printed: total.printed,
                        ofClass: ofClass, repeatedBy: repeated),
                    related: stated.map { FinanceSay.related("part", $0.1, zh: $0.0.title, en: $0.0.title) },
                    verifiedKey: "\(table.named.zh) \(row.title) \(name.zh) = 其下\(level)之和")
            }
            // The 合计 row: the sum of the top codes.
            if let totalRow = panel.row(.total), let total = totalRow.values[column.index] {
                let stated = top.compactMap { k in panel.rows[k].values[column.index].map { (panel.rows[k], $0) } }
                guard !stated.isEmpty else { continue }
                judge(
                    &report, total: total, parts: stated.map(\.1),
                    key: "\(table.kind.rawValue)|total-row|\(column.role.rawValue)|\(column.basis.rawValue)",
                    claim: .totalRow(table: table.named, column: LocalizedText(zh: name.zh, en: name.en), printed: total.printed),
                    related: stated.map { FinanceSay.related("part", $0.1, zh: $0.0.title, en: $0.0.title) },
                    verifiedKey: "\(table.named.zh) 合计行 \(name.zh) = 各类之和")
            }
        }
    }

    // MARK: summary tables

    /// 本年合计 = Σ listed items; an item = Σ its sub-items; 总计 = 本年合计 + what is carried.
    func summary(_ panel: TablePanel, _ report: inout CheckReport) {
        let carried: [RowRole] = panel.side == .income ? [.nonFiscalSurplus, .carryIn] : [.surplusDistribution, .carryOut]
        for column in panel.valueColumns where panel.trusts(column) {
            let name = FinanceSay.column(table, column, panel)
            let top = panel.rows.filter { $0.role == .item && $0.parent == nil }
            let current = panel.row(.currentTotal)
            if let current, let total = current.values[column.index] {
                let stated = top.compactMap { r in r.values[column.index].map { (r, $0) } }
                if !stated.isEmpty {
                    judge(
                        &report, total: total, parts: stated.map(\.1),
                        key: "\(table.kind.rawValue)|\(panel.side.rawValue)|current|\(column.role.rawValue)",
                        claim: .lines(
                            table: table.named, row: current.title,
                            column: column.role == .amount ? nil : LocalizedText(zh: name.zh, en: name.en), printed: total.printed),
                        related: stated.map { FinanceSay.related("part", $0.1, zh: $0.0.title, en: $0.0.title) },
                        verifiedKey: "\(table.named.zh) \(current.title) = 各项之和")
                }
            }
            // Items with sub-items (年初结转和结余's funds, "1. 一般公共预算资金" under "一、财政拨款收入").
            for (k, row) in panel.rows.enumerated() {
                guard let total = row.values[column.index] else { continue }
                let kids = panel.rows.filter { $0.parent == k }
                let stated = kids.compactMap { r in r.values[column.index].map { (r, $0) } }
                guard !stated.isEmpty else { continue }
                judge(
                    &report, total: total, parts: stated.map(\.1),
                    key: "\(table.kind.rawValue)|\(panel.side.rawValue)|\(row.name)|parts|\(column.role.rawValue)",
                    claim: .subItems(table: table.named, row: row.title, printed: total.printed),
                    related: stated.map { FinanceSay.related("part", $0.1, zh: $0.0.title, en: $0.0.title) },
                    verifiedKey: "\(table.named.zh) \(row.title) = 其下各项之和")
            }
            // 总计 = 本年合计 (or the items) + what is carried.
            guard let grand = panel.row(.grandTotal), let total = grand.values[column.index] else { continue }
            var parts: [(String, TableFigure)] = []
            if let current {
                // 本年合计 left blank: 总计 cannot be tested against it.
                guard let f = current.values[column.index] else { continue }
                parts.append((current.title, f))
            } else {
                parts += top.compactMap { r in r.values[column.index].map { (r.title, $0) } }
            }
            for role in carried { if let r = panel.row(role), let f = r.values[column.index] { parts.append((r.title, f)) } }
            guard !parts.isEmpty else { continue }
            judge(
                &report, total: total, parts: parts.map(\.1),
                key: "\(table.kind.rawValue)|\(panel.side.rawValue)|grand|\(column.role.rawValue)",
                claim: .grand(
                    table: table.named, row: grand.title, printed: total.printed, parts: parts.map { (LocalizedText($0.0), $0.1.printed) }),
                related: parts.map { FinanceSay.related("part", $0.1, zh: $0.0, en: $0.0) },
                verifiedKey: "\(table.named.zh) \(grand.title) = \(parts.map(\.0).joined(separator: " + "))")
        }
    }

    /// 收入总计 = 支出总计.
    func sides(_ report: inout CheckReport) {
        guard let income = table.panel(.income), let spending = table.panel(.expenditure),
            let a = income.row(.grandTotal), let b = spending.row(.grandTotal),
            let ca = income.valueColumns.first, let cb = spending.column(.total) ?? spending.valueColumns.first,
            let fa = a.values[ca.index], let fb = b.values[cb.index], !fa.guessed, !fb.guessed
        else { return }
        let agreement = FinanceSay.agreement(fa.figure, fb.figure)
        report.judge(
            agreement.verdict, severity: agreement == .differs ? nil : .note, numbers: [fa.quantity, fb.quantity],
            key: agreement == .holds ? "\(table.named.zh) 收入总计 = 支出总计" : "\(table.kind.rawValue)|sides",
            message: TableFooting.Message.sides(
                table: table.named, income: fa.printed, expenditure: fb.printed,
                drift: agreement != .differs
            ).text,
            at: fb.cellSpan, related: [FinanceSay.related("total", fa, zh: "收入总计", en: "total income")], expected: fa.printed)
    }

    // MARK: the basic expenditure table

    /// 人员经费合计 = the personnel classes (301, 303); 公用经费合计 = the other classes.
    func economicTotals(_ report: inout CheckReport) {
        var personnel: [(FinanceRow, TableFigure)] = []
        var publicCosts: [(FinanceRow, TableFigure)] = []
        var totals: [RowRole: TableFigure] = [:]
        var seen = Set<String>()
        for panel in table.panels {
            guard let column = panel.column(.amount) ?? panel.column(.total) else { continue }
            for row in panel.rows {
                guard let f = row.values[column.index] else { continue }
                if row.role == .personnelTotal || row.role == .publicFundsTotal {
                    totals[row.role] = totals[row.role] ?? f
                    continue
                }
                guard let code = row.code, code.level == 1, seen.insert(code.digits).inserted else { continue }
                if TableRules.personnelClasses.contains(code.digits) { personnel.append((row, f)) } else { publicCosts.append((row, f)) }
            }
        }
        for (role, parts, name) in [
            (RowRole.personnelTotal, personnel, ("人员经费合计", "personnel costs")), (.publicFundsTotal, publicCosts, ("公用经费合计", "public costs"))
        ] {
            guard let total = totals[role], !parts.isEmpty else { continue }
            judge(
                &report, total: total, parts: parts.map(\.1), key: "\(table.kind.rawValue)|\(role.rawValue)",
                claim: .economic(
                    table: table.named, total: LocalizedText(zh: name.0, en: name.1), printed: total.printed,
                    parts: parts.map { (LocalizedText($0.0.title), $0.1.printed) }),
                related: parts.map { FinanceSay.related("part", $0.1, zh: $0.0.title, en: $0.0.title) },
                verifiedKey: "\(table.named.zh) \(name.0) = \(parts.map { $0.0.code?.digits ?? $0.0.name }.joined(separator: " + "))")
        }
    }

    // MARK: verdicts

    /// Σ parts = total, as intervals; the finding lands on the total.
    func judge(
        _ report: inout CheckReport, total: TableFigure, parts: [TableFigure], key: @autoclosure () -> String,
        claim: @autoclosure () -> TableFooting.Message.Claim,
        related: @autoclosure () -> [RelatedLocation], verifiedKey: @autoclosure () -> String
    ) {
        // A figure whose row was guessed (printed apart from its label) decides nothing.
        if total.guessed || parts.contains(where: \.guessed) { return }
        let verdict = Relations.compare(parts: parts.map(\.figure), total: total.figure, relation: .equal)
        let sum = FinanceSay.sum(parts)
        // Verified relations are keyed by what they state, findings by where they are.
        report.judge(
            verdict, numbers: parts.map(\.quantity) + [total.quantity], key: verdict == .holds ? verifiedKey() : key(),
            message: TableFooting.Message.footing(
                claim(), sum: sum, gap: FinanceSay.gap(total, parts), onePart: parts.count == 1,
                truncated: verdict == .holdsIfTruncated
            ).text,
            at: total.cellSpan, related: related(), expected: sum)
    }
}

extension TableFooting {
    enum Message {
        /// A part of a sum, as messages name it: "项目支出410.00".
        typealias Term = (name: LocalizedText, printed: String)

        /// What a footing states: a total, and what it should be the sum of.
        enum Claim {
            /// 本年支出合计 = 基本支出 + 项目支出 … across a row.
            case columns(row: LocalizedText, total: LocalizedText, printed: String, parts: [Term])
            /// The same, the parts' columns unknown (a table rebuilt from extracted text).
            case unplacedColumns(row: LocalizedText, total: LocalizedText, printed: String)
            /// 类 = Σ款, 款 = Σ项 down a column; a child that repeats its parent's figure.
            case children(row: LocalizedText, column: LocalizedText, printed: String, ofClass: Bool, repeatedBy: String?)
            /// The 合计 row = Σ 类.
            case totalRow(table: LocalizedText, column: LocalizedText, printed: String)
            /// 本年收入/支出合计 = Σ the listed lines.
            case lines(table: LocalizedText, row: String, column: LocalizedText?, printed: String)
            /// A line = Σ its sub-items.
            case subItems(table: LocalizedText, row: String, printed: String)
            /// 总计 = 本年合计 + what is carried.
            case grand(table: LocalizedText, row: String, printed: String, parts: [Term])
            /// 人员经费合计 = 301 + 303; 公用经费合计 = the other classes.
            case economic(table: LocalizedText, total: LocalizedText, printed: String, parts: [Term])

            static func terms(_ parts: [Term], english: Bool) -> String {
                let list = parts.map { (english ? $0.name.en : $0.name.zh) + (english && !$0.name.en.isEmpty ? " " : "") + $0.printed }
                return english ? Say.listEnglish(list, separator: " + ") : Say.list(list, separator: " + ")
            }

            var text: LocalizedText {
                switch self {
                case .columns(let row, let total, let printed, let parts):
                    LocalizedText(
                        zh: "\(row.zh)：\(total.zh)\(printed) ≠ \(Self.terms(parts, english: false))",
                        en: "\(row.en): \(total.en) \(printed) ≠ \(Self.terms(parts, english: true))")
                case .unplacedColumns(let row, let total, let printed):
                    LocalizedText(
                        zh: "\(row.zh)：\(total.zh)\(printed) ≠ 各分列之和", en: "\(row.en): \(total.en) \(printed) ≠ the sum of its columns")
                case .children(let row, let column, let printed, let ofClass, _):
                    LocalizedText(
                        zh: "\(row.zh)\(column.zh)\(printed) ≠ 其下\(ofClass ? "各款" : "各项")之和",
                        en: "\(row.en): \(column.en) \(printed) ≠ the sum of \(ofClass ? "its segments" : "its items")")
                case .totalRow(let table, let column, let printed):
                    LocalizedText(
                        zh: "\(table.zh)合计行\(column.zh)\(printed) ≠ 各类之和",
                        en: "\(table.en), 合计 row: \(column.en) \(printed) ≠ the sum of the classes")
                case .lines(let table, let row, let column, let printed):
                    LocalizedText(
                        zh: "\(table.zh)「\(row)」\(column?.zh ?? "")\(printed) ≠ 各项之和",
                        en: "\(table.en), “\(row)” \(column.map { $0.en + " " } ?? "")\(printed) ≠ the sum of its lines")
                case .subItems(let table, let row, let printed):
                    LocalizedText(
                        zh: "\(table.zh)「\(row)」\(printed) ≠ 其下各项之和", en: "\(table.en), “\(row)” \(printed) ≠ the sum of its sub-items")
                case .grand(let table, let row, let printed, let parts):
                    LocalizedText(
                        zh: "\(table.zh)「\(row)」\(printed) ≠ \(Self.terms(parts, english: false))",
                        en: "\(table.en), “\(row)” \(printed) ≠ \(Self.terms(parts, english: true))")
                case .economic(let table, let total, let printed, let parts):
                    LocalizedText(
                        zh: "\(table.zh)\(total.zh)\(printed) ≠ \(Self.terms(parts, english: false))",
                        en: "\(table.en): \(total.en) \(printed) ≠ \(Self.terms(parts, english: true))")
                }
            }

            /// "；其中「2012604 档案馆」重复了上级的400.00".
            var repeatNote: LocalizedText? {
                guard case .children(_, _, let printed, _, let repeatedBy?) = self else { return nil }
                return LocalizedText(zh: "；其中「\(repeatedBy)」重复了上级的\(printed)", en: "; “\(repeatedBy)” repeats its parent’s \(printed)")
            }

            /// A claim of one part needs no sum ("400.00 ≠ 项目支出410.00（差10.00）").
            var restatesItsSum: Bool {
                switch self {
                case .unplacedColumns, .children, .totalRow, .lines, .subItems: return true
                default: return false
                }
            }
        }

        case footing(Claim, sum: String, gap: String, onePart: Bool, truncated: Bool)
        case balance(row: LocalizedText, closing: String, opening: String, income: String, spent: String, expected: String)
        case sides(table: LocalizedText, income: String, expenditure: String, drift: Bool)
        case unreliable(table: LocalizedText)

        var text: LocalizedText {
            switch self {
            case .footing(let claim, let sum, let gap, let onePart, let truncated):
                let equals = onePart && !claim.restatesItsSum ? "" : " = \(sum)"
                let claimText = claim.text
                let note = claim.repeatNote
                return LocalizedText(
                    zh: "\(claimText.zh)\(equals)（差\(gap)）\(note?.zh ?? "")\(truncated ? "；只有按截尾而非四舍五入才相符" : "")。",
                    en:
                        "\(claimText.en)\(equals) (off by \(gap))\(note?.en ?? "")\(truncated ? "; it holds only if figures were truncated, not rounded" : "")."
                )
            case .balance(let row, let closing, let opening, let income, let spent, let expected):
                return LocalizedText(
                    zh: "\(row.zh)：年末结转和结余\(closing) ≠ 年初结转和结余\(opening) + 本年收入\(income) − 本年支出\(spent) = \(expected)。",
                    en:
                        "\(row.en): closing balance \(closing) ≠ opening \(opening) + income \(income) − expenditure \(spent) = \(expected)."
                )
            case .sides(let table, let income, let expenditure, let drift):
                return drift
                    ? LocalizedText(
                        zh: "\(table.zh)收入总计\(income)与支出总计\(expenditure)差一个末位单位：两边应相等。",
                        en:
                            "\(table.en): total income \(income) and total expenditure \(expenditure) differ in the last place; they should be equal."
                    )
                    : LocalizedText(
                        zh: "\(table.zh)收入总计\(income) ≠ 支出总计\(expenditure)：两边总计必须相等。",
                        en: "\(table.en): total income \(income) ≠ total expenditure \(expenditure); the two sides must agree.")
            case .unreliable(let table):
                return LocalizedText(
                    zh: "\(table.zh)的各列是按文字在行中的位置重建的（PDF提取的文本），多处合计对不上，更可能是列没有对齐，未核对此表。",
                    en:
                        "\(table.en) was rebuilt from where figures stand on their lines (text extracted from a PDF) and many of its totals fail: its columns were more likely misaligned than its figures wrong, so it was not checked."
                )
            }
        }
    }
}

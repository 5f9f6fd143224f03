import Engine
import Extraction
import Model
import Readers

/// `reportlint dump FILE`: the parsed model as JSON — sections, blocks (paragraphs,
/// tables as rows of cells, chart lines) with their locations, every quantity,
/// and what extraction made of them (mentions, breakdowns, share claims, chart series).
public enum Dump {
    public static func json(_ model: AuditModel) -> JSON {
        let doc = model.document
        let source = doc.source
        func loc(_ span: Span) -> JSON {
            let a = source.position(of: span.start)
            let b = source.position(of: span.end)
            return .object([("line", .int(a.line)), ("column", .int(a.column)), ("endLine", .int(b.line)), ("endColumn", .int(b.column))])
        }
        func quantity(_ q: Quantity) -> JSON {
            var m: [(String, JSON)] = [
                ("text", .string(source.text(q.span.range))), ("value", .number(q.value.formatted(minDecimals: q.decimals))),
                ("decimals", .int(q.decimals)), ("unit", .string(q.unit.description)), ("unitKind", .string(q.unit.code))
            ]
            if q.multiplier != 0 { m.append(("multiplier", .int(q.multiplier))) }
            if let c = q.comparator { m.append(("comparator", .string(c.rawValue))) }
            if q.approximate { m.append(("approximate", .bool(true))) }
            if let low = q.rangeLow { m.append(("rangeLow", .number(low.formatted()))) }
            if let per = q.perUnit { m.append(("per", .string(per))) }
            m.append(("location", loc(q.span)))
            return .object(m)
        }
        var unitOf: [Location: Int] = [:]
        for u in model.units { unitOf[u.location] = u.index }
        func numbers(_ location: Location) -> [(String, JSON)] {
            guard let i = unitOf[location] else { return [] }
            let u = model.units[i]
            var m: [(String, JSON)] = []
            if !u.scanned.quantities.isEmpty { m.append(("quantities", .array(u.scanned.quantities.map(quantity)))) }
            if !u.scanned.years.isEmpty {
                m.append(
                    (
                        "years",
                        .array(
                            u.scanned.years.map {
                                .object([("year", .int($0.year)), ("form", .string($0.form.rawValue)), ("location", loc($0.span))])
                            })
                    ))
            }
            if !u.scanned.dates.isEmpty {
                m.append(
                    (
                        "dates",
                        .array(
                            u.scanned.dates.map { d in
                                .object([
                                    ("text", .string(source.text(d.span.range))), ("year", d.year.map(JSON.int) ?? .null),
                                    ("month", d.month.map(JSON.int) ?? .null), ("day", d.day.map(JSON.int) ?? .null),
                                    ("location", loc(d.span))
                                ])
                            })
                    ))
            }
            return m
        }

        var blocks: [JSON] = []
        var tableIndex = 0
        for (bi, block) in doc.blocks.enumerated() {
            switch block {
            case .heading(let h):
                blocks.append(
                    .object([
                        ("kind", .string("heading")), ("level", .int(h.level)), ("numbering", .optional(h.numbering?.marker)),
                        ("title", .string(h.title.string)), ("section", h.section.map(JSON.int) ?? .null), ("location", loc(h.span))
                    ]))
            case .paragraph(let p):
                blocks.append(
                    .object(
                        [
                            ("kind", .string("paragraph")), ("text", .string(p.text.string)),
                            ("listMarker", .optional(p.listMarker?.marker)),
                            ("section", p.section.map(JSON.int) ?? .null), ("location", loc(p.span))
                        ] + numbers(.paragraph(block: bi))))
            case .table(let t):
                let rows: [JSON] = t.rows.enumerated().map { ri, row in
                    .object([
                        ("location", loc(row.span)),
                        (
                            "cells",
                            .array(
                                row.cells.enumerated().map { ci, cell in
                                    .object(
                                        [("text", .string(cell.text.string)), ("location", loc(cell.span))]
                                            + numbers(.cell(table: tableIndex, row: ri, column: ci)))
                                })
                        )
                    ])
                }
                blocks.append(
                    .object([
                        ("kind", .string("table")), ("number", .int(t.number)), ("title", .optional(t.title)),
                        ("rows", .int(t.rows.count)), ("columns", .int(t.rows.map { $0.cells.count }.max() ?? 0)),
                        ("rowWidths", .array(t.rows.map { .int($0.cells.count) })),
                        ("section", t.section.map(JSON.int) ?? .null), ("location", loc(t.span)), ("cells", .array(rows))
                    ]))
                tableIndex += 1
            case .chart(let c):
                blocks.append(
                    .object([
                        ("kind", .string("chart")), ("number", .int(c.number)), ("location", loc(c.span)),
                        (
                            "lines",
                            .array(
                                c.lines.map { l in
                                    .object([("fields", .array(l.fields.map { .string($0.string) })), ("location", loc(l.span))])
                                })
                        )
                    ]))
            }
        }
        let sections: [JSON] = doc.sections.enumerated().map { i, s in
            .object([
                ("index", .int(i)), ("title", .string(s.title)), ("level", .int(s.level)), ("numbering", .optional(s.numbering?.marker)),
                ("parent", s.parent.map(JSON.int) ?? .null), ("location", loc(s.headingSpan))
            ])
        }
        func mentionRef(_ m: Mention) -> JSON {
            .object([("id", .int(m.id)), ("name", .string(m.name)), ("value", .string(m.quantity.printed)), ("location", loc(m.span))])
        }
        let mentions: [JSON] = model.mentions.map { m in
            var o: [(String, JSON)] = [
                ("id", .int(m.id)), ("role", .string(m.role.rawValue)), ("label", .string(m.label)),
                ("name", .string(m.name)), ("concept", .optional(m.concept?.id)), ("value", .string(m.quantity.printed))
            ]
            if let d = m.direction { o.append(("direction", .string(d.rawValue))) }
            if let y = m.year { o.append(("year", .int(y))) }
            if let b = m.baseLabel { o.append(("base", .string(b))) }
            o.append(("location", loc(m.span)))
            return .object(o)
        }
        let breakdowns: [JSON] = model.breakdowns.map { b in
            .object([
                ("id", .int(b.id)), ("head", b.head.map(mentionRef) ?? .null), ("headConcept", .optional(b.headConcept?.id)),
                ("partial", .bool(b.partial)), ("marker", loc(b.marker)),
                (
                    "parts",
                    .array(b.parts.map { p in .object([("amount", mentionRef(p.amount)), ("share", p.share.map(mentionRef) ?? .null)]) })
                )
            ])
        }
        let shares: [JSON] = model.shareClaims.map { s in
            .object([
                ("share", mentionRef(s.share)), ("part", mentionRef(s.part)), ("base", s.base.map(mentionRef) ?? .null),
                ("breakdown", s.breakdown.map(JSON.int) ?? .null)
            ])
        }
        func cell(_ c: CellValue?) -> JSON {
            guard let c else { return .null }
            var m: [(String, JSON)] = [("text", .string(c.text))]
            if let q = c.quantity { m.append(("value", quantity(q))) }
            m.append(("location", loc(c.span)))
            return .object(m)
        }
        func columns(_ b: BlockColumns?) -> JSON {
            guard let b else { return .null }
            var m: [(String, JSON)] = [("kind", .string(b.kind.rawValue)), ("headerRow", .int(b.headerRow + 1))]
            if let above = b.headerRowAbove { m.append(("headerRowAbove", .int(above + 1))) }
            m.append(
                (
                    "columns",
                    .array(
                        b.columns.map { c in
                            var o: [(String, JSON)] = [
                                ("column", .int(c.column + 1)), ("header", .string(c.headerText)),
                                ("role", .optional(c.role?.rawValue))
                            ]
                            if let u = c.unit { o.append(("unit", .string(u.description))) }
                            if c.fromRowAbove { o.append(("fromRowAbove", .bool(true))) }
                            return .object(o)
                        })
                ))
            if let label = b.labelColumn { m.append(("labelColumn", .int(label + 1))) }
            if !b.unalignedRows.isEmpty { m.append(("unalignedRows", .array(b.unalignedRows.map { .int($0 + 1) }))) }
            return .object(m)
        }
        /// How a row lies under its header, when not cell for cell ("from the right", 2 leading cells merged away).
        func alignment(_ b: BlockColumns?, _ row: Int) -> [(String, JSON)] {
            guard let a = b?.alignment(of: row), a.method != .asHeader else { return [] }
            return [("aligned", .object([("method", .string(a.method.rawValue)), ("offset", .int(a.offset))]))]
        }
        let projects: [JSON] = model.projectTables.map { p in
            let budget: JSON =
                p.budget.map { b in
                    .object([
                        ("points", b.points.map(quantity) ?? .null),
                        (
                            "rows",
                            .array(
                                b.rows.map { r in
                                    .object(
                                        [
                                            ("row", .int(r.row + 1)), ("label", .string(r.label)), ("initial", cell(r.initial)),
                                            ("adjusted", cell(r.adjusted)),
                                            ("executed", cell(r.executed)), ("rate", cell(r.rate)), ("weight", cell(r.weight)),
                                            ("score", cell(r.score)), ("reason", cell(r.reason))
                                        ] + alignment(p.budgetColumns, r.row))
                                })
                        )
                    ])
                } ?? .null
            let indicators: [JSON] = p.indicators.map { i in
                .object(
                    [
                        ("row", .int(i.row + 1)), ("level1", .string(i.level1)), ("level2", .string(i.level2)), ("level3", .string(i.name)),
                        ("kind", .string(i.kind.rawValue)), ("section", i.section.map(JSON.int) ?? .null),
                        ("operator", .optional(i.op?.rawValue)), ("target", i.target.map(quantity) ?? .null),
                        ("targetText", .optional(i.targetCell?.text)), ("unit", .optional(i.unitText)),
                        ("actual", cell(i.actual)), ("completionRate", cell(i.completionRate)), ("weight", cell(i.weight)),
                        ("score", cell(i.score)), ("reason", cell(i.reason)),
                        ("location", loc(i.span))
                    ] + alignment(p.indicatorColumns, i.row))
            }
            return .object([
                ("table", .int(p.table + 1)), ("scope", .string(p.scope.rawValue)), ("layout", .string(p.layout.rawValue)),
                ("title", .optional(p.title)), ("project", .optional(p.projectName)), ("code", .optional(p.projectCode)),
                ("goal", cell(p.goal)), ("goalCompletion", cell(p.goalCompletion)),
                ("budgetColumns", columns(p.budgetColumns)), ("budget", budget),
                (
                    "fundShares",
                    .array(
                        p.fundShares.map { f in
                            .object([("side", .string(f.side.rawValue)), ("label", .string(f.label)), ("amount", quantity(f.amount))])
                        })
                ),
                ("indicatorColumns", columns(p.indicatorColumns)),
                ("indicatorPoints", p.indicatorPoints.map(quantity) ?? .null),
                (
                    "sections",
                    .array(p.sections.map { .object([("name", .string($0.name)), ("points", $0.points.map(quantity) ?? .null)]) })
                ),
                ("indicators", .array(indicators)), ("emptyIndicatorRows", .int(p.emptyIndicatorRows.count)),
                (
                    "total",
                    p.total.map { t in
                        .object([
                            ("label", .string(t.label.text)), ("weight", cell(t.weight)), ("score", cell(t.score)),
                            ("reason", cell(t.reason))
                        ])
                    } ?? .null
                )
            ])
        }
        let departments: [JSON] = model.departmentTables.map { d in
            .object([
                ("table", .int(d.table + 1)), ("columns", columns(d.columns)),
                (
                    "groups",
                    .array(
                        d.groups.map { g in
                            .object([
                                ("name", .string(g.name)), ("level", .int(g.level)),
                                ("points", g.points.map(quantity) ?? .null), ("parent", g.parent.map(JSON.int) ?? .null)
                            ])
                        })
                ),
                (
                    "rows",
                    .array(
                        d.rows.map { r in
                            .object(
                                [
                                    ("row", .int(r.row + 1)), ("name", .string(r.name)), ("group", r.group.map(JSON.int) ?? .null),
                                    ("weight", cell(r.weight)), ("score", cell(r.score))
                                ] + alignment(d.columns, r.row))
                        })
                ),
                ("total", cell(d.total?.score))
            ])
        }
        let unread: [JSON] = model.unreadTables.map { t in
            var m: [(String, JSON)] = [("table", .int(t.table + 1)), ("title", .string(t.title))]
            switch t.problem {
            case .noBlock: m.append(("problem", .string("no block")))
            case .unmappedHeader(let block, let words):
                m.append(("problem", .string("unmapped header")))
                m.append(("block", .string(block.rawValue)))
                m.append(("words", .array(words.map(JSON.string))))
            case .unalignedRows(let block, let rows):
                m.append(("problem", .string("unaligned rows")))
                m.append(("block", .string(block.rawValue)))
                m.append(("rows", .array(rows.map { .int($0 + 1) })))
            }
            m.append(("reason", .string(t.reason.en)))
            m.append(("location", loc(t.span)))
            return .object(m)
        }
        let series: [JSON] = model.chartSeries.map { s in
            .object([
                ("chart", .int(s.chart)), ("caption", .string(s.caption)), ("percent", .bool(s.isPercent)),
                ("year", s.year.map(JSON.int) ?? .null),
                ("points", .array(s.points.map { .object([("label", .string($0.label)), ("value", quantity($0.value))]) }))
            ])
        }
        let pc = model.projectClaims
        let projectClaims = JSON.object([
            ("counts", .array(pc.counts.map { .object([("value", mentionRef($0.mention)), ("category", .optional($0.category))]) })),
            (
                "budgetTotals",
                .array(pc.budgetTotals.map { .object([("value", mentionRef($0.mention)), ("category", .optional($0.category))]) })
            ),
            ("progress", .array(pc.progress.map { .object([("value", mentionRef($0.mention)), ("category", .optional($0.category))]) })),
            (
                "balanceCounts",
                .array(
                    pc.balanceCounts.map {
                        .object([
                            ("count", mentionRef($0.count)), ("threshold", mentionRef($0.threshold)),
                            ("category", .optional($0.category))
                        ])
                    })
            ),
            ("scores", .array(pc.scores.map { .object([("project", .optional($0.project)), ("score", mentionRef($0.mention))]) }))
        ])
        let df = model.documentFacts
        let documentFacts = JSON.object([
            ("reportYear", df.reportYear.map(JSON.int) ?? .null),
            ("date", df.date.map { .string(source.text($0.span.range)) } ?? .null),
            ("parts", .array(df.parts.map { .string($0.rawValue) }))
        ])
        return .object([
            ("path", .string(source.path)),
            ("encoding", .string(source.encoding)),
            ("lines", .int(source.lineCount)),
            ("document", documentFacts),
            ("sections", .array(sections)),
            ("blocks", .array(blocks)),
            (
                "extracted",
                .object([
                    ("mentions", .array(mentions)), ("breakdowns", .array(breakdowns)),
                    ("shareClaims", .array(shares)), ("chartSeries", .array(series)),
                    (
                        "changeClaims",
                        .array(
                            model.changeClaims.map { c in
                                .object([
                                    ("subject", .string(c.subjectName)), ("concept", .optional(c.subject?.id)),
                                    ("current", c.current.map(mentionRef) ?? .null), ("change", c.change.map(mentionRef) ?? .null),
                                    ("rate", c.rate.map(mentionRef) ?? .null), ("direction", .optional(c.direction?.rawValue)),
                                    ("referenceYear", c.referenceYear.map(JSON.int) ?? .null),
                                    ("prior", c.prior.map { quantity($0.quantity) } ?? .null)
                                ])
                            })
                    ),
                    (
                        "facts",
                        .array(
                            model.facts.facts.map { f in
                                .object([
                                    ("concept", .string(f.concept.id)), ("year", f.year.map(JSON.int) ?? .null),
                                    ("basis", .string(f.basis.rawValue)), ("value", .string(f.mention.quantity.printed)),
                                    ("location", loc(f.mention.span))
                                ])
                            })
                    ),
                    (
                        "classificationItems",
                        .array(
                            model.classificationItems.map { i in
                                .object([
                                    ("path", .array(i.levels.map { .object([("name", .string($0.name)), ("code", .optional($0.code))]) })),
                                    ("amount", mentionRef(i.amount))
                                ])
                            })
                    ),
                    ("projectTables", .array(projects)), ("departmentTables", .array(departments)),
                    ("unreadTables", .array(unread)), ("projectClaims", projectClaims)
                ])
            )
        ])
    }
}

extension Dump {
    /// `reportlint dump --coverage --format json FILE`: every figure (its digits' offset and
    /// length, so that another binary's evidence can be laid over it) and whether it is bound.
    public static func coverageJSON(_ coverage: Coverage, _ source: SourceText) -> JSON {
        let figures: [JSON] = coverage.figures.map { f in
            let p = source.position(of: f.quantity.numberSpan.start)
            var m: [(String, JSON)] = [
                ("line", .int(p.line)), ("column", .int(p.column)), ("offset", .int(f.quantity.numberSpan.start)),
                ("length", .int(f.quantity.numberSpan.length)), ("text", .string(source.text(f.quantity.span.range))),
                ("unit", .string(f.quantity.unit.code)), ("bound", .bool(f.bound))
            ]
            if case .cell(let t, let r, let c) = f.location {
                m += [
                    ("table", .int(t + 1)), ("row", .int(r + 1)), ("cell", .int(c + 1)), ("rowLabel", .optional(f.rowLabel)),
                    ("header", .optional(f.header))
                ]
            }
            m.append(("context", .string(f.context)))
            return .object(m)
        }
        let tables: [JSON] = coverage.tables.map { t in
            .object([
                ("table", .int(t.number)), ("title", .optional(t.title)), ("line", .int(source.position(of: t.span.start).line)),
                ("figures", .int(t.figures)), ("bound", .int(t.bound)),
                (
                    "columns",
                    .array(
                        t.columns.map { c in
                            .object([
                                ("column", .int(c.index + 1)), ("header", .string(c.header)), ("figures", .int(c.figures)),
                                ("bound", .int(c.bound))
                            ])
                        })
                ),
                ("unboundColumns", .array(t.unboundColumns.map { .int($0.index + 1) }))
            ])
        }
        return .object([
            ("path", .string(source.path)), ("figureCount", .int(coverage.figures.count)), ("boundCount", .int(coverage.boundCount)),
            ("figures", .array(figures)), ("tables", .array(tables))
        ])
    }
}

/// `reportlint checks` and `reportlint explain ID`.
public enum CheckCatalog {
    public static func text(_ checks: [CheckDescription], _ language: Language) -> String {
        let width = checks.map(\.id.count).max() ?? 0
        return checks.map { d in
            d.id + String(repeating: " ", count: width - d.id.count) + "  " + d.severity.rawValue
                + String(repeating: " ", count: 8 - d.severity.rawValue.count) + d.title.text(language)
        }.joined(separator: "\n") + "\n"
    }

    public static func json(_ checks: [CheckDescription], _ language: Language) -> JSON {
        .array(
            checks.map { d in
                .object([
                    ("id", .string(d.id)), ("title", .string(d.title.text(language))), ("severity", .string(d.severity.rawValue)),
                    ("tags", .array(d.tags.map(JSON.string))), ("rationale", .string(d.rationale.text(language))),
                    ("triggering", .array(d.triggering.map { .string($0.text) })),
                    ("nonTriggering", .array(d.nonTriggering.map { .string($0.text) }))
                ])
            })
    }

    /// docs/checks.md: every check with an anchor of its own (`#share-of-total`), which SARIF
    /// rules link to as their helpUri; both languages, the examples as the tests run them.
    public static func markdown(_ checks: [CheckDescription]) -> String {
        var s = """
            # Checks / 检查项

            Generated from the checks' own descriptions (`Sources/Checks`); do not edit by hand:
            `REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter DerivedFilesTests` rewrites it.
            本文件由各检查项的说明生成，请勿手工修改。

            | id | default | 标题 | title |
            |---|---|---|---|

            """
        for d in checks {
            s += "| [`\(d.id)`](#\(d.id)) | \(d.severity.rawValue) | \(d.title.zh) | \(d.title.en) |\n"
        }
        for d in checks {
            s += "\n## \(d.id)\n\n"
            s += "**\(d.title.zh)** — \(d.title.en)\n\n"
            s += "默认级别 / default severity: `\(d.severity.rawValue)` · 标签 / tags: \(d.tags.map { "`\($0)`" }.joined(separator: ", "))\n\n"
            s += d.rationale.zh + "\n\n" + d.rationale.en + "\n"
            func block(_ title: String, _ examples: [Example]) {
                guard !examples.isEmpty else { return }
                s += "\n" + title + "\n"
                for e in examples {
                    s += "\n```text\n" + e.text + (e.text.hasSuffix("\n") ? "" : "\n") + "```\n"
                }
            }
            block("会报告的示例（↓ 标出报告位置） / Examples that trigger it (↓ marks where):", d.triggering)
            block("不会报告的示例 / Examples that do not trigger it:", d.nonTriggering)
        }
        return s
    }

    public static func explain(_ d: CheckDescription, _ language: Language) -> String {
        var s = "\(d.id) — \(d.title.text(language))\n"
        s += (language == .zh ? "默认级别：" : "Default severity: ") + d.severity.rawValue + "\n"
        s += (language == .zh ? "标签：" : "Tags: ") + d.tags.joined(separator: ", ") + "\n\n"
        s += d.rationale.text(language) + "\n"
        s += "\n" + (language == .zh ? "会报告的示例（↓ 标出报告位置）：" : "Examples that trigger it (↓ marks where):") + "\n"
        for e in d.triggering {
            s += "\n" + e.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        s += "\n" + (language == .zh ? "不会报告的示例：" : "Examples that do not trigger it:") + "\n"
        for e in d.nonTriggering {
            s += "\n" + e.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return s
    }
}

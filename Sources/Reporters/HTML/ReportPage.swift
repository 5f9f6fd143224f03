import Engine
import Model

/// The page of one audited file: the document as reportlint read it with every finding marked
/// on its figure and explained beneath the block, related figures linked both ways, a side list
/// of the findings by severity and check with filters, and the verified relations on request.
struct ReportPage {
    let result: FileResult
    let words: PageWords
    let checks: CheckCatalogue
    /// A link back to the batch index, when there is one.
    let indexLink: String?

    var language: Language { words.language }

    func html() -> [UInt8] {
        var out = HTMLBuffer(capacity: (result.source?.bytes.count ?? 0) * 3 + 65_536)
        PageFrame.open(&out, title: result.path, words: words, script: PageAssets.reportScript)
        out.raw("<header class=\"top\">")
        if let link = indexLink {
            out.raw("<a class=\"up\" href=\"")
            out.text(link)
            out.raw("\">")
            out.text(words.allFiles)
            out.raw("</a>")
        }
        out.raw("<h1>")
        out.text(result.path)
        out.raw("</h1>")
        guard let source = result.source, result.error == nil else {
            out.raw("<p class=\"summary bad\">")
            out.text(words.inputError + (language == .zh ? "：" : ": ") + (result.error?.message.text(language) ?? ""))
            out.raw("</p></header>")
            PageFrame.close(&out, script: PageAssets.reportScript)
            return out.bytes
        }
        let layout = Layout(result: result, source: source, language: language)
        let counts = FindingCounts(result.findings)
        out.raw("<p class=\"summary\">")
        out.text(
            words.counts(
                errors: counts.errors, warnings: counts.warnings, notes: counts.notes,
                accepted: counts.accepted, verified: result.verified.count))
        out.raw("</p><p class=\"legend\">")
        out.text(words.legend)
        out.raw("</p></header><div class=\"layout\"><main id=\"doc\"><h2 class=\"doc\">")
        out.text(words.documentHeading)
        out.raw("</h2>")
        writeDocument(layout, source, &out)
        out.raw("</main><aside id=\"side\">")
        writeFilters(counts, &out)
        writeFindingList(layout, &out)
        writeVerifiedList(layout, source, &out)
        out.raw("</aside></div>")
        PageFrame.close(&out, script: PageAssets.reportScript)
        return out.bytes
    }

    // MARK: the document

    func writeDocument(_ layout: Layout, _ source: SourceText, _ out: inout HTMLBuffer) {
        let outline = layout.outline
        for (b, block) in outline.blocks.enumerated() {
            switch block.kind {
            case .heading(let level):
                let tag = "h\(min(6, max(3, level + 2)))"
                out.raw("<\(tag) class=\"h\">")
                writeLeaves(block.leaves, layout, source, &out)
                out.raw("</\(tag)>")
            case .paragraph:
                out.raw("<p class=\"para\">")
                writeLeaves(block.leaves, layout, source, &out)
                out.raw("</p>")
            case .unread:
                let onlyMarkers = block.leaves.allSatisfy { layout.isOnlyNoise(outline.leaves[$0].shown) }
                out.raw(onlyMarkers ? "<p class=\"unread noise\">" : "<p class=\"unread\">")
                writeLeaves(block.leaves, layout, source, &out)
                out.raw("</p>")
            case .chart:
                out.raw("<div class=\"chart\"><div class=\"tlabel\">")
                out.text(words.chartData)
                out.raw("</div>")
                for leaf in block.leaves {
                    out.raw("<div class=\"cl\">")
                    writeLeaves(leaf..<(leaf + 1), layout, source, &out)
                    out.raw("</div>")
                }
                out.raw("</div>")
            case .table(let number, _, let rows):
                let width = rows.map(\.count).max() ?? 1
                out.raw("<div class=\"tbl\"><div class=\"tlabel\">")
                out.text(words.table + String(number))
                out.raw("</div><table class=\"doc\" data-table=\"\(number)\"><tbody>")
                for (r, row) in rows.enumerated() {
                    out.raw("<tr><th class=\"rn\">\(r + 1)</th>")
                    for leaf in row {
                        out.raw(row.count == 1 && width > 1 ? "<td colspan=\"\(width)\">" : "<td>")
                        writeLeaves(leaf..<(leaf + 1), layout, source, &out)
                        out.raw("</td>")
                    }
                    out.raw("</tr>")
                }
                out.raw("</tbody></table></div>")
            }
            let here = layout.findingsByBlock[b]
            if !here.isEmpty {
                out.raw("<div class=\"callouts\">")
                for i in here { writeCallout(i, layout, source, &out) }
                out.raw("</div>")
            }
        }
    }

    func writeLeaves(_ leaves: Range<Int>, _ layout: Layout, _ source: SourceText, _ out: inout HTMLBuffer) {
        for leaf in leaves {
            InlineMarkup.write(source.bytes, shown: layout.outline.leaves[leaf].shown, marks: layout.marks(in: leaf), into: &out)
        }
    }

    /// Beneath the block: what is wrong, the arithmetic (in the message), the value expected,
    /// and links to the related figures.
    func writeCallout(_ i: Int, _ layout: Layout, _ source: SourceText, _ out: inout HTMLBuffer) {
        let f = result.findings[i]
        let n = i + 1
        let group = Layout.group(f)
        out.raw("<div class=\"callout \(group)\" id=\"c\(n)\"")
        out.attribute("data-sev", group)
        out.attribute("data-check", f.checkID)
        out.raw("><p><span class=\"sev \(group)\">")
        out.text(f.suppression == nil ? words.severityOne(f.severity) : words.accepted)
        out.raw("</span> <a href=\"#f\(n)\">")
        out.text(layout.placeName(language).name(f.span, f.logical))
        out.raw("</a> <span class=\"cid\">")
        out.text(f.checkID + " · " + checks.title(f.checkID, language))
        out.raw("</span></p><p class=\"msg\">")
        out.text(f.message.text(language))
        out.raw("</p>")
        if let expected = f.expected {
            out.raw("<p class=\"exp\">")
            out.text(words.expected + (language == .zh ? "：" : ": "))
            out.raw("<b>")
            out.text(expected)
            out.raw("</b></p>")
        }
        if let reason = f.suppression {
            out.raw("<p class=\"cid\">")
            out.text(words.acceptedBecause + reason)
            out.raw("</p>")
        }
        if !f.related.isEmpty {
            out.raw("<ul class=\"rels\">")
            for (k, r) in f.related.enumerated() {
                out.raw("<li><a class=\"to-rel\" href=\"#f\(n)-r\(k + 1)\">")
                out.text(Layout.figure(source, r.span))
                out.raw("</a> ")
                out.text(r.message.text(language))
                out.raw(" <span class=\"cid\">")
                out.text(layout.placeName(language).name(r.span, r.logical, near: f.span))
                out.raw("</span></li>")
            }
            if f.relatedOmitted > 0 {
                out.raw("<li>")
                out.text(words.moreRelated(f.relatedOmitted))
                out.raw("</li>")
            }
            out.raw("</ul>")
        }
        out.raw("</div>")
    }

    // MARK: the side list

    func writeFilters(_ counts: FindingCounts, _ out: inout HTMLBuffer) {
        out.raw("<div class=\"filters\"><fieldset><legend>")
        out.text(words.filters)
        out.raw("</legend>")
        for (group, count) in [
            ("error", counts.errors), ("warning", counts.warnings), ("note", counts.notes), ("accepted", counts.accepted)
        ]
        where count > 0 || group != "accepted" {
            out.raw("<label><input type=\"checkbox\" checked data-filter=\"sev:\(group)\"> ")
            out.text(Layout.groupName(group, words) + " \(count)")
            out.raw("</label>")
        }
        out.raw("</fieldset>")
        let present = checks.ordered(Set(result.findings.map(\.checkID)))
        if !present.isEmpty {
            out.raw("<fieldset><legend>")
            out.text(words.checks)
            out.raw("</legend>")
            for id in present {
                out.raw("<label><input type=\"checkbox\" checked")
                out.attribute("data-filter", "check:" + id)
                out.raw("> ")
                out.text(id + " \(result.findings.filter { $0.checkID == id }.count)")
                out.raw("</label>")
            }
            out.raw("</fieldset>")
        }
        out.raw("<label><input type=\"checkbox\" id=\"show-verified\"> ")
        out.text(words.showVerified + " \(result.verified.count)")
        out.raw("</label></div>")
    }

    func writeFindingList(_ layout: Layout, _ out: inout HTMLBuffer) {
        out.raw("<h2>")
        out.text(words.findings)
        out.raw("</h2>")
        if result.findings.isEmpty {
            out.raw("<p>")
            out.text(words.noFindings)
            out.raw("</p>")
            return
        }
        let names = layout.placeName(language)
        for group in ["error", "warning", "note", "accepted"] {
            let members = result.findings.indices.filter { Layout.group(result.findings[$0]) == group }
            guard !members.isEmpty else { continue }
            out.raw("<section class=\"group\"><h2>")
            out.text(Layout.groupName(group, words) + words.parenthesized(members.count))
            out.raw("</h2>")
            for id in checks.ordered(Set(members.map { result.findings[$0].checkID })) {
                let ofCheck = members.filter { result.findings[$0].checkID == id }
                out.raw("<div")
                out.attribute("data-sev", group)
                out.attribute("data-check", id)
                out.raw("><h3>")
                out.text(id + " · " + checks.title(id, language) + words.parenthesized(ofCheck.count))
                out.raw("</h3><ol>")
                for i in ofCheck {
                    let f = result.findings[i]
                    out.raw("<li><a href=\"#f\(i + 1)\">")
                    out.text(names.name(f.span, f.logical))
                    out.raw("</a> <span class=\"msg\">")
                    out.text(f.message.text(language))
                    out.raw("</span></li>")
                }
                out.raw("</ol></div>")
            }
            out.raw("</section>")
        }
    }

    func writeVerifiedList(_ layout: Layout, _ source: SourceText, _ out: inout HTMLBuffer) {
        out.raw("<section id=\"verified-list\"><h2>")
        out.text(words.verifiedTitle + words.parenthesized(result.verified.count))
        out.raw("</h2>")
        if result.verified.isEmpty {
            out.raw("<p>")
            out.text(words.noVerified)
            out.raw("</p>")
        }
        let names = layout.placeName(language)
        for id in checks.ordered(Set(result.verified.map(\.check))) {
            let members = result.verified.indices.filter { result.verified[$0].check == id }
            out.raw("<h3>")
            out.text(id + " · " + checks.title(id, language) + words.parenthesized(members.count))
            out.raw("</h3><ol>")
            for r in members {
                let v = result.verified[r]
                out.raw("<li id=\"vr\(r + 1)\">")
                if let first = v.numbers.first {
                    out.raw("<span class=\"cid\">")
                    out.text(names.name(first, nil))
                    out.raw("</span> ")
                }
                out.text(v.key.split(separator: "|").joined(separator: " · "))
                out.raw("：")
                for (k, span) in v.numbers.enumerated() {
                    if k > 0 { out.raw("、") }
                    out.raw("<a href=\"#v\(layout.verifiedID(span) ?? 0)\">")
                    out.text(Layout.figure(source, span))
                    out.raw("</a>")
                }
                out.raw("</li>")
            }
            out.raw("</ol>")
        }
        out.raw("</section>")
    }
}

/// Counts of a file's findings as the summary counts them (accepted ones apart).
struct FindingCounts {
    var errors = 0, warnings = 0, notes = 0, accepted = 0

    init(_ findings: [Finding]) {
        for f in findings {
            if f.suppression != nil {
                accepted += 1
                continue
            }
            switch f.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }
}

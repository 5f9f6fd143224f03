import Engine
import Model

/// One file of a batch, as its index row shows it.
struct IndexRow {
    var path: String
    var page: String
    var counts: FindingCounts
    var verified: Int
    var error: String?
}

/// The index of a batch: one sortable row per file (errors, warnings, notes, verified
/// relations, input errors) linking to its page, the totals (the run's summary), and totals
/// by check.
struct IndexPage {
    let rows: [IndexRow]
    let summary: Summary
    /// Findings (not accepted) by check and severity, and verified relations by check.
    let byCheck: [String: CheckTotals]
    let words: PageWords
    let checks: CheckCatalogue

    struct CheckTotals {
        var errors = 0, warnings = 0, notes = 0, accepted = 0, verified = 0
    }

    func html() -> [UInt8] {
        let language = words.language
        var out = HTMLBuffer(capacity: 4096 + rows.count * 400)
        PageFrame.open(&out, title: "reportlint", words: words, script: PageAssets.indexScript)
        out.raw("<header class=\"top\"><h1>reportlint</h1><p class=\"summary\" id=\"summary\"")
        out.attribute("data-files", String(summary.files))
        out.attribute("data-errors", String(summary.errors))
        out.attribute("data-warnings", String(summary.warnings))
        out.attribute("data-notes", String(summary.notes))
        out.attribute("data-suppressed", String(summary.suppressed))
        out.attribute("data-input-errors", String(summary.inputErrors))
        out.raw(">")
        out.text(summary.line(language))
        out.raw("</p>")
        for notice in summary.notices {
            out.raw("<p class=\"legend\">")
            out.text(notice.text(language))
            out.raw("</p>")
        }
        out.raw("</header><section class=\"index\">")
        let showAccepted = summary.suppressed > 0
        out.raw("<table class=\"index\" id=\"files\"><thead><tr>")
        header(words.file, numeric: false, &out)
        header(words.severity(.error), numeric: true, &out)
        header(words.severity(.warning), numeric: true, &out)
        header(words.severity(.note), numeric: true, &out)
        if showAccepted { header(words.accepted, numeric: true, &out) }
        header(words.verified, numeric: true, &out)
        header(words.inputError, numeric: false, &out)
        out.raw("</tr></thead><tbody>")
        for (i, row) in rows.enumerated() {
            out.raw("<tr data-i=\"\(i + 1)\"")
            out.attribute("data-path", row.path)
            out.raw(" data-errors=\"\(row.counts.errors)\" data-warnings=\"\(row.counts.warnings)\" data-notes=\"\(row.counts.notes)\"")
            out.raw(
                " data-accepted=\"\(row.counts.accepted)\" data-verified=\"\(row.verified)\" data-input-error=\"\(row.error == nil ? 0 : 1)\">"
            )
            out.raw("<td")
            out.attribute("data-v", row.path)
            out.raw("><a")
            out.attribute("href", PageNames.href(row.page))
            out.raw(">")
            out.text(row.path)
            out.raw("</a></td>")
            number(row.counts.errors, &out)
            number(row.counts.warnings, &out)
            number(row.counts.notes, &out)
            if showAccepted { number(row.counts.accepted, &out) }
            number(row.verified, &out)
            out.raw("<td class=\"bad\"")
            out.attribute("data-v", row.error ?? "")
            out.raw(">")
            out.text(row.error ?? "")
            out.raw("</td></tr>")
        }
        out.raw("</tbody><tfoot><tr><td>")
        out.text(words.total + (language == .zh ? "（\(summary.files) 个文件）" : " (\(summary.files) file\(summary.files == 1 ? "" : "s"))"))
        out.raw("</td>")
        number(summary.errors, &out)
        number(summary.warnings, &out)
        number(summary.notes, &out)
        if showAccepted { number(summary.suppressed, &out) }
        number(rows.reduce(0) { $0 + $1.verified }, &out)
        out.raw(summary.inputErrors > 0 ? "<td class=\"bad\">" : "<td>")
        out.text(String(summary.inputErrors))
        out.raw("</td></tr></tfoot></table>")

        out.raw("<h2>")
        out.text(words.byCheck)
        out.raw("</h2><table class=\"index\" id=\"checks\"><thead><tr><th>")
        out.text(words.check)
        out.raw("</th><th>")
        out.text(words.severity(.error))
        out.raw("</th><th>")
        out.text(words.severity(.warning))
        out.raw("</th><th>")
        out.text(words.severity(.note))
        if showAccepted {
            out.raw("</th><th>")
            out.text(words.accepted)
        }
        out.raw("</th><th>")
        out.text(words.verified)
        out.raw("</th></tr></thead><tbody>")
        for id in checks.ordered(Set(byCheck.keys)) {
            let t = byCheck[id] ?? CheckTotals()
            out.raw("<tr")
            out.attribute("data-check", id)
            out.raw(
                " data-errors=\"\(t.errors)\" data-warnings=\"\(t.warnings)\" data-notes=\"\(t.notes)\" data-accepted=\"\(t.accepted)\" data-verified=\"\(t.verified)\"><td>"
            )
            out.text(id + " · " + checks.title(id, language))
            out.raw("</td>")
            number(t.errors, &out)
            number(t.warnings, &out)
            number(t.notes, &out)
            if showAccepted { number(t.accepted, &out) }
            number(t.verified, &out)
            out.raw("</tr>")
        }
        out.raw("</tbody></table><p class=\"legend\">")
        out.text(words.generatedBy)
        out.raw("</p></section>")
        PageFrame.close(&out, script: PageAssets.indexScript)
        return out.bytes
    }

    private func header(_ label: String, numeric: Bool, _ out: inout HTMLBuffer) {
        out.raw("<th data-type=\"\(numeric ? "n" : "s")\"><button type=\"button\">")
        out.text(label)
        out.raw("</button></th>")
    }

    private func number(_ n: Int, _ out: inout HTMLBuffer) {
        out.raw("<td data-v=\"\(n)\">\(n)</td>")
    }
}

import Engine
import Model

/// `--format html`: self-contained pages a person opens, forwards and prints.
///
/// One file's page goes to an output (a file or standard output); a batch goes to a directory:
/// one page per file, written as each file is reported (so a large batch is never held in
/// memory), and `index.html` at the end. Pages embed their style and script, load nothing, and
/// carry a Content-Security-Policy that allows only those by hash.
public final class HTMLReporter: Reporter {
    public enum Destination {
        /// A single page, written to this output.
        case page(Output)
        /// A directory that exists: one page per file and index.html.
        case directory(String)
    }

    let destination: Destination
    let words: PageWords
    let checks: CheckCatalogue
    private var names = PageNames()
    private var rows: [IndexRow] = []
    private var byCheck: [String: IndexPage.CheckTotals] = [:]
    /// Pages that could not be written (a full disk, a read-only directory), by path.
    public private(set) var unwritable: [String] = []

    public init(destination: Destination, language: Language, rules: [CheckDescription]) {
        self.destination = destination
        self.words = PageWords(language: language)
        self.checks = CheckCatalogue(rules)
    }

    public func begin() {}

    public func report(_ result: FileResult) {
        switch destination {
        case .page(let out):
            out.write(bytes: ReportPage(result: result, words: words, checks: checks, indexLink: nil).html())
        case .directory(let directory):
            let name = names.name(for: result.path)
            let page = ReportPage(result: result, words: words, checks: checks, indexLink: PageNames.href("index.html")).html()
            write(page, to: directory + "/" + name)
            rows.append(
                IndexRow(
                    path: result.path, page: name, counts: FindingCounts(result.findings), verified: result.verified.count,
                    error: result.error?.message.text(words.language)))
            for f in result.findings {
                var t = byCheck[f.checkID] ?? IndexPage.CheckTotals()
                if f.suppression != nil {
                    t.accepted += 1
                } else {
                    switch f.severity {
                    case .error: t.errors += 1
                    case .warning: t.warnings += 1
                    case .note: t.notes += 1
                    }
                }
                byCheck[f.checkID] = t
            }
            for v in result.verified { byCheck[v.check, default: IndexPage.CheckTotals()].verified += 1 }
        }
    }

    public func end(_ summary: Summary) {
        guard case .directory(let directory) = destination else { return }
        let index = IndexPage(rows: rows, summary: summary, byCheck: byCheck, words: words, checks: checks)
        write(index.html(), to: directory + "/index.html")
    }

    private func write(_ bytes: [UInt8], to path: String) {
        guard let out = Output.file(path) else {
            unwritable.append(path)
            return
        }
        out.write(bytes: bytes)
        out.close()
        if out.failure != nil { unwritable.append(path) }
    }
}

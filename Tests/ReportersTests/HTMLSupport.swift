import Checks
import Foundation
import Lint

@testable import Reporters

/// Pages rendered in memory, and what the tests read back from them.
enum HTMLSupport {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("examples/" + name)))
    }

    static func hostileFixture() throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent("Tests/Fixtures/hostile-report.txt")))
    }

    static func audit(_ bytes: [UInt8], as path: String) -> FileResult {
        var pipeline = Pipeline(linter: Linter(checks: Registry.all))
        pipeline.keepVerified = true
        return pipeline.audit(bytes: bytes, displayPath: path)
    }

    static func page(_ result: FileResult, language: Language = .zh) -> String {
        let page = ReportPage(
            result: result, words: PageWords(language: language),
            checks: CheckCatalogue(Registry.all.map(\.description)), indexLink: nil)
        return String(decoding: page.html(), as: UTF8.self)
    }

    /// Every occurrence of `needle`.
    static func count(_ needle: String, in s: String) -> Int {
        s.components(separatedBy: needle).count - 1
    }

    /// The text a finding's mark shows: from its opening tag to the matching `</mark>`, tags
    /// removed and the five escapes undone. nil when the mark is missing.
    static func markText(_ n: Int, in page: String) -> String? {
        guard let open = page.range(of: "<mark id=\"f\(n)\"") else { return nil }
        guard let tagEnd = page[open.upperBound...].firstIndex(of: ">") else { return nil }
        var depth = 1
        var i = page.index(after: tagEnd)
        var inner = ""
        while i < page.endIndex {
            if page[i...].hasPrefix("<mark") { depth += 1 }
            if page[i...].hasPrefix("</mark>") {
                depth -= 1
                if depth == 0 { break }
            }
            inner.append(page[i])
            i = page.index(after: i)
        }
        return unescape(stripTags(inner))
    }

    static func stripTags(_ s: String) -> String {
        var out = ""
        var inTag = false
        for c in s {
            if c == "<" {
                inTag = true
                continue
            }
            if c == ">" && inTag {
                inTag = false
                continue
            }
            if !inTag { out.append(c) }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The content between the first `<tag>` and `</tag>`.
    static func element(_ tag: String, in page: String) -> String? {
        guard let a = page.range(of: "<\(tag)>"), let b = page.range(of: "</\(tag)>", range: a.upperBound..<page.endIndex) else {
            return nil
        }
        return String(page[a.upperBound..<b.lowerBound])
    }

    /// Whether the tags of `html` nest: every closing tag closes the innermost open one.
    static func wellNested(_ html: String) -> Bool {
        var stack: [String] = []
        var i = html.startIndex
        while let lt = html[i...].firstIndex(of: "<") {
            guard let gt = html[lt...].firstIndex(of: ">") else { return false }
            let tag = html[html.index(after: lt)..<gt]
            if tag.hasPrefix("/") {
                guard stack.popLast() == String(tag.dropFirst()) else { return false }
            } else if !tag.hasPrefix("!") {
                let name = String(tag.prefix { $0 != " " && $0 != "/" })
                if !["meta", "br", "input", "hr", "img", "link"].contains(name) && !tag.hasSuffix("/") { stack.append(name) }
            }
            i = html.index(after: gt)
        }
        return stack.isEmpty
    }
}

import Engine
import Extraction
import Model
import Readers

/// SARIF 2.1.0 for code scanning: every rule described in `tool.driver.rules` with a
/// `helpUri` into docs/checks.md, results with relative percent-encoded URIs under
/// `%SRCROOT%`, full regions (UTF-16 columns, the SARIF default) with snippets, related
/// locations, partial fingerprints (GitHub's `primaryLocationLineHash` is the logical
/// fingerprint, so an alert survives edits to the paragraph around it), the run's language
/// and `automationDetails`. Input errors become tool execution notifications.
///
/// GitHub keeps at most 5,000 results of a run (and refuses more than 25,000): past
/// `maxResults`, results are kept by severity — errors, then warnings, then notes, each in
/// document order — and a notification says how many were left out.
public final class SARIFReporter: Reporter {
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let baseID = "SRCROOT"

    let out: Output
    let language: Language
    let rules: [CheckDescription]
    let ruleIndex: [String: Int]
    /// Absolute `file:` URI of the directory relative paths are relative to, ending in "/".
    let baseURI: String
    /// Reports' paths (relative to the working directory) made relative to the base directory.
    let paths: RepositoryPaths?
    /// Results beyond this many are left out (nil: no limit).
    let maxResults: Int?
    /// GitHub's `automationDetails.id`: the category of the analysis, then "/".
    let automationID: String
    var first = true
    var notifications: [JSON] = []
    /// When capped: every result as written, with its severity, until the end decides.
    var held: [(severity: Severity, bytes: [UInt8])] = []

    public static let gitHubResultLimit = 5_000

    /// `workingDirectory`: what the results' paths are relative to, when it is not `baseDirectory`
    /// (a run from a subfolder of the repository, whose root is the base).
    public init(
        out: Output, language: Language, rules: [CheckDescription], baseDirectory: String, workingDirectory: String? = nil,
        maxResults: Int? = SARIFReporter.gitHubResultLimit, category: String = ToolInfo.name
    ) {
        self.paths = workingDirectory.map { RepositoryPaths(root: baseDirectory, workingDirectory: $0) }
        self.out = out
        self.language = language
        self.rules = rules
        self.maxResults = maxResults
        self.automationID = category + "/"
        var index: [String: Int] = [:]
        for (i, r) in rules.enumerated() { index[r.id] = i }
        self.ruleIndex = index
        let dir = baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"
        self.baseURI = "file://" + URIEncoding.encodePath(dir)
    }

    public func begin() {
        let driver = JSON.object([
            ("name", .string(ToolInfo.name)),
            ("version", .string(ToolInfo.version)),
            ("semanticVersion", .string(ToolInfo.version)),
            ("informationUri", .string(ToolInfo.repository)),
            ("rules", .array(rules.map(rule)))
        ])
        let head = JSON.object([
            ("tool", .object([("driver", driver)])),
            ("automationDetails", .object([("id", .string(automationID))])),
            ("language", .string(language == .zh ? "zh-CN" : "en")),
            ("originalUriBaseIds", .object([(SARIFReporter.baseID, .object([("uri", .string(baseURI))]))])),
            ("columnKind", .string("utf16CodeUnits"))
        ]).serialized(depth: 2)
        // Stream the run: its opening members, then results one by one, then invocations.
        out.write("{\n  \"$schema\": \"\(SARIFReporter.schemaURI)\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    ")
        out.write(String(head.dropLast()).trimmingTrailingWhitespace() + ",\n      \"results\": [")
    }

    public func report(_ result: FileResult) {
        if let e = result.error {
            notifications.append(
                .object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string("\(result.path): \(e.message.text(language))"))])),
                    ("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifact(result.path))]))])])),
                    ("descriptor", .object([("id", .string("input-" + e.kind.rawValue))]))
                ]))
            return
        }
        guard let source = result.source else { return }
        for f in result.findings {
            let json = self.result(f, result.path, source)
            if maxResults != nil {
                var bytes: [UInt8] = []
                json.write(into: &bytes, pretty: true, depth: 4)
                held.append((f.severity, bytes))
            } else {
                write(json)
            }
        }
    }

    private func write(_ json: JSON) {
        out.write(first ? "\n        " : ",\n        ")
        out.write(json, pretty: true, depth: 4)
        first = false
    }

    private func write(bytes: [UInt8]) {
        out.write(first ? "\n        " : ",\n        ")
        out.write(bytes: bytes)
        first = false
    }

    /// Writes the held results, the most severe first when there are too many.
    private func flushHeld() {
        guard let limit = maxResults else { return }
        var keep = [Bool](repeating: held.count <= limit, count: held.count)
        if held.count > limit {
            var room = limit
            for level in [Severity.error, .warning, .note] {
                for i in held.indices where held[i].severity == level && room > 0 {
                    keep[i] = true
                    room -= 1
                }
            }
            let left = held.count - limit
            let counts = [Severity.error, .warning, .note].map { level in
                (level, held.indices.filter { !keep[$0] && held[$0].severity == level }.count)
            }.filter { $0.1 > 0 }
            let zh = counts.map { "\($0.0.zh)\($0.1)个" }.joined(separator: "、")
            let en = counts.map { "\($0.1) \($0.0.rawValue)\($0.1 == 1 ? "" : "s")" }.joined(separator: ", ")
            let text = LocalizedText(
                zh:
                    "共 \(held.count) 个结果，超过 \(limit) 个的上限（GitHub 代码扫描每次最多保留 5000 个），按级别保留，省略了 \(left) 个（\(zh)）；可用 --min-severity 只报较严重的问题，或用 --max-results 调整上限",
                en:
                    "\(held.count) results exceed the limit of \(limit) (GitHub code scanning keeps at most 5,000 per run); kept by severity, \(left) left out (\(en)); use --min-severity to report only the graver ones, or --max-results to change the limit"
            )
            notifications.append(
                .object([
                    ("level", .string("warning")), ("message", .object([("text", .string(text.text(language)))])),
                    ("descriptor", .object([("id", .string("results-capped"))]))
                ]))
        }
        for (i, h) in held.enumerated() where keep[i] { write(bytes: h.bytes) }
        held.removeAll()
    }

    public func end(_ summary: Summary) {
        flushHeld()
        out.write(first ? "]" : "\n      ]")
        for notice in summary.notices {
            notifications.append(.object([("level", .string("note")), ("message", .object([("text", .string(notice.text(language)))]))]))
        }
        var invocation: [(String, JSON)] = [("executionSuccessful", .bool(summary.inputErrors == 0))]
        if !notifications.isEmpty { invocation.append(("toolExecutionNotifications", .array(notifications))) }
        let invocations = JSON.array([.object(invocation)]).serialized(depth: 3)
        out.write(",\n      \"invocations\": " + invocations + "\n    }\n  ]\n}\n")
    }

    func rule(_ d: CheckDescription) -> JSON {
        let example = d.triggering.first.map { $0.stripped.text } ?? ""
        let markdown =
            d.rationale.text(language)
            + (example.isEmpty ? "" : "\n\n" + (language == .zh ? "触发示例：" : "Example that triggers it:") + "\n\n```\n" + example + "\n```")
        return .object([
            ("id", .string(d.id)),
            (
                "name",
                .string(d.id.split(whereSeparator: { $0 == "-" || $0 == "/" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
            ),
            ("shortDescription", .object([("text", .string(d.title.text(language)))])),
            ("fullDescription", .object([("text", .string(d.rationale.text(language)))])),
            ("helpUri", .string(ToolInfo.helpURI(d.id))),
            ("help", .object([("text", .string(d.rationale.text(language))), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(d.severity.rawValue))])),
            ("properties", .object([("tags", .array(d.tags.map(JSON.string)))]))
        ])
    }

    func artifact(_ given: String) -> JSON {
        var path = given
        if let paths {
            path = paths.relative(given) ?? paths.absolute(given)
        }
        if path.hasPrefix("/") {
            return .object([("uri", .string("file://" + URIEncoding.encodePath(path)))])
        }
        return .object([("uri", .string(URIEncoding.encodePath(path))), ("uriBaseId", .string(SARIFReporter.baseID))])
    }

    func location(_ span: Span, _ path: String, _ source: SourceText) -> JSON {
        let p = Place(span, in: source)
        var members: [(String, JSON)] = [
            ("artifactLocation", artifact(path)),
            (
                "region",
                .object([
                    ("startLine", .int(p.start16.line)), ("startColumn", .int(p.start16.column)),
                    ("endLine", .int(p.end16.line)), ("endColumn", .int(p.end16.column)),
                    ("snippet", .object([("text", .string(p.text))]))
                ])
            )
        ]
        if source.encoding == "docx" || source.encoding == "xlsx" {
            // A .docx or .xlsx has no lines of its own: the region is in its rendering (`reportlint dump --text`).
            members.append(("properties", .object([("regionIn", .string("reportlint dump --text"))])))
        }
        return .object(members)
    }

    /// Where Word shows it: "表3 第5行 第4列", "第12段".
    func logical(_ l: LogicalLocation?) -> [(String, JSON)] {
        guard let l else { return [] }
        return [("logicalLocations", .array([.object([("name", .string(l.name.text(language))), ("kind", .string(l.sarifKind))])]))]
    }

    func result(_ f: Finding, _ path: String, _ source: SourceText) -> JSON {
        var members: [(String, JSON)] = [
            ("ruleId", .string(f.checkID))
        ]
        if let i = ruleIndex[f.checkID] { members.append(("ruleIndex", .int(i))) }
        members += [
            ("level", .string(f.severity.rawValue)),
            ("message", .object([("text", .string(f.message.text(language)))])),
            ("locations", .array([.object([("physicalLocation", location(f.span, path, source))] + logical(f.logical))]))
        ]
        if !f.related.isEmpty {
            members.append(
                (
                    "relatedLocations",
                    .array(
                        f.related.enumerated().map { i, r in
                            .object(
                                [("id", .int(i + 1)), ("physicalLocation", location(r.span, path, source))] + logical(r.logical)
                                    + [("message", .object([("text", .string(r.message.text(language)))]))])
                        })
                ))
        }
        // The logical fingerprint (check, what the finding is about, occurrence; no line), also as
        // GitHub's line hash, which GitHub would otherwise compute from the text around the line.
        members.append(
            (
                "partialFingerprints",
                .object([
                    ("primaryLocationLineHash", .string(f.fingerprint + ":1")),
                    ("reportlint/v1", .string(f.fingerprint))
                ])
            ))
        if let reason = f.suppression {
            members.append(
                (
                    "suppressions",
                    .array([
                        .object([
                            ("kind", .string("external")), ("status", .string("accepted")),
                            ("justification", .string(reason))
                        ])
                    ])
                ))
        }
        var properties: [(String, JSON)] = []
        if let e = f.expected { properties.append(("expected", .string(e))) }
        if f.relatedOmitted > 0 { properties.append(("relatedOmitted", .int(f.relatedOmitted))) }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = self
        while let last = s.last, last == " " || last == "\n" { s.removeLast() }
        return s
    }
}

/// Percent-encoding of paths for URIs (RFC 3986: unreserved characters and "/" stay).
public enum URIEncoding {
    public static func encodePath(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

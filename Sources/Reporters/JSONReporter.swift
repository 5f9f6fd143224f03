import Engine
import Extraction
import Model
import Readers

/// The versioned JSON report (docs/json-format.md). With `lines` set it writes
/// JSON Lines instead: one object per file as it finishes, nothing else, so the
/// output of several runs can be concatenated.
public final class JSONReporter: Reporter {
    public static let formatVersion = 1

    let out: Output
    let language: Language
    let lines: Bool
    var first = true

    public init(out: Output, language: Language, lines: Bool = false) {
        self.out = out
        self.language = language
        self.lines = lines
    }

    public func begin() {
        guard !lines else { return }
        let tool = JSON.object([
            ("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version)),
            ("format", .int(JSONReporter.formatVersion)), ("language", .string(language.rawValue))
        ])
        out.write("{\n  \"tool\": " + tool.serialized(depth: 1) + ",\n  \"files\": [")
    }

    public func report(_ result: FileResult) {
        if lines {
            JSONReporter.writeFile(result, language: language, to: out, pretty: false, depth: 0)
            out.write("\n")
            return
        }
        out.write(first ? "\n    " : ",\n    ")
        JSONReporter.writeFile(result, language: language, to: out, pretty: true, depth: 2)
        first = false
    }

    /// The same object `file(_:language:)` builds, written finding by finding, so that a report
    /// with thousands of findings is never held twice in memory (as a tree and as text).
    public static func writeFile(_ result: FileResult, language: Language, to out: Output, pretty: Bool, depth: Int) {
        guard let source = result.source else {
            out.write(file(result, language: language), pretty: pretty, depth: depth)
            return
        }
        var object = StreamedObject(out: out, pretty: pretty, depth: depth)
        object.member("path", .string(result.path))
        object.member("encoding", .string(source.encoding))
        object.member("error", .null)
        object.array("findings", count: result.findings.count) { finding(result.findings[$0], source, language) }
        if !result.verified.isEmpty {
            object.array("verified", count: result.verified.count) { i in
                let v = result.verified[i]
                return .object([
                    ("check", .string(v.check)), ("key", .string(v.key)),
                    ("numbers", .array(v.numbers.map { Place($0, in: source).json }))
                ])
            }
        }
        object.end()
    }

    public func end(_ summary: Summary) {
        guard !lines else { return }
        out.write((first ? "]" : "\n  ]") + ",\n  \"summary\": " + summary.json(language).serialized(depth: 1) + "\n}\n")
    }

    public static func file(_ result: FileResult, language: Language) -> JSON {
        var members: [(String, JSON)] = [("path", .string(result.path))]
        if let source = result.source { members.append(("encoding", .string(source.encoding))) }
        if let e = result.error {
            members.append(("error", .object([("kind", .string(e.kind.rawValue)), ("message", .string(e.message.text(language)))])))
        } else {
            members.append(("error", .null))
        }
        var findings: [JSON] = []
        if let source = result.source {
            for f in result.findings { findings.append(finding(f, source, language)) }
        }
        members.append(("findings", .array(findings)))
        if !result.verified.isEmpty, let source = result.source {
            members.append(
                (
                    "verified",
                    .array(
                        result.verified.map { v in
                            .object([
                                ("check", .string(v.check)), ("key", .string(v.key)),
                                ("numbers", .array(v.numbers.map { Place($0, in: source).json }))
                            ])
                        })
                ))
        }
        return .object(members)
    }

    static func finding(_ f: Finding, _ source: SourceText, _ language: Language) -> JSON {
        var members: [(String, JSON)] = [
            ("check", .string(f.checkID)),
            ("severity", .string(f.severity.rawValue)),
            ("message", .string(f.message.text(language))),
            ("location", Place(f.span, in: source).json)
        ]
        if let l = f.logical { members.append(("logicalLocation", l.json(language))) }
        if let s = f.section { members.append(("section", .string(s))) }
        members += [
            (
                "related",
                .array(
                    f.related.map { r in
                        var related: [(String, JSON)] = [
                            ("role", .string(r.role)), ("message", .string(r.message.text(language))),
                            ("location", Place(r.span, in: source).json)
                        ]
                        if let l = r.logical { related.append(("logicalLocation", l.json(language))) }
                        return .object(related)
                    })
            )
        ]
        if f.relatedOmitted > 0 { members.append(("relatedOmitted", .int(f.relatedOmitted))) }
        members += [
            ("expected", .optional(f.expected)),
            ("fingerprint", .string(f.fingerprint))
        ]
        if let s = f.suppression { members.append(("suppressed", .object([("justification", .string(s))]))) }
        return .object(members)
    }
}

import Extraction
import Model
import Readers

/// A configuration that cannot be used: one line naming the file, the line, the key, the
/// offending value and, when a name was misspelt, the closest valid one. The command line
/// exits 64 on it.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// The key path, e.g. `checks.disable[0]`; empty for the whole file.
    public var key: String
    public var problem: String
    public var suggestion: String?
    /// The line of the offending key or value, when known.
    public var line: Int?

    public init(file: String, key: String, problem: String, suggestion: String? = nil, line: Int? = nil) {
        self.file = file
        self.key = key
        self.problem = problem
        self.suggestion = suggestion
        self.line = line
    }

    public var description: String {
        file + (line.map { ":\($0)" } ?? "") + ": " + (key.isEmpty ? "" : key + ": ") + problem
            + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}

/// Reads and validates a `.reportlint.json` (the rules are those of docs/reportlint.schema.json)
/// with reportlint's own JSON parser: every key, type and value is checked, and an error
/// names the key, the value as written and its line.
public enum ConfigurationLoader {
    public static let fileName = ".reportlint.json"
    /// A configuration is a page of settings; anything larger is not one.
    public static let maxBytes = 1 << 20
    static let topKeys = ["$schema", "_comment", "lang", "fail-on", "include", "exclude", "checks", "overrides", "accepted", "rules"]
    static let checkKeys = ["_comment", "only", "disable", "enable", "severity"]
    static let overrideKeys = ["_comment", "files", "checks", "fail-on"]
    static let acceptanceKeys = ["_comment", "path", "fingerprint", "check", "reason"]

    /// `display` names the file in messages; `absolute` locates it.
    public static func load(absolute: String, display: String, knownChecks: [String]) throws(ConfigError) -> Configuration {
        let bytes: [UInt8]
        switch FileInput.read(absolute, limit: maxBytes) {
        case .success(let b): bytes = b
        case .failure(let e) where e.kind == .tooLarge:
            throw ConfigError(file: display, key: "", problem: "is larger than \(maxBytes >> 20) MB, which no configuration is")
        case .failure(let e):
            throw ConfigError(file: display, key: "", problem: "cannot be read (\(e.message.en))")
        }
        return try parse(bytes, absolute: absolute, display: display, knownChecks: knownChecks)
    }

    public static func parse(_ bytes: [UInt8], absolute: String, display: String, knownChecks: [String]) throws(ConfigError)
        -> Configuration
    {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ConfigError(file: display, key: "", problem: "is not valid JSON (\(error.message))", line: error.line)
        }
        let directory = absolute.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let reader = JSONSchemaReader(file: display, bytes: bytes)
        var config = Configuration(file: absolute, directory: directory.isEmpty ? "/" : directory)
        let top = try reader.object(root, "", allowed: topKeys)
        // The rules first: `checks`, `overrides` and `accepted` may name their ids.
        if let v = top["rules"] { config.rules = try LocalRuleReader.read(v, key: "rules", file: display, bytes: bytes) }
        let knownChecks = knownChecks + config.rules.map(\.id)
        if let v = top["$schema"] { _ = try reader.string(v, "$schema") }
        if let v = top["_comment"] { try reader.comment(v, "_comment") }
        if let v = top["lang"] { config.language = try reader.choice(v, "lang", Language.allCases) }
        if let v = top["fail-on"] { config.failOn = try reader.choice(v, "fail-on", FailOn.allCases) }
        if let v = top["include"] { config.include = try reader.strings(v, "include").map(Glob.init) }
        if let v = top["exclude"] { config.exclude = try reader.strings(v, "exclude").map(Glob.init) }
        if let v = top["checks"] { config.checks = try checks(v, "checks", reader, knownChecks) }
        if let v = top["overrides"] {
            for (i, item) in try reader.array(v, "overrides").enumerated() {
                let key = "overrides[\(i)]"
                let o = try reader.object(item, key, allowed: overrideKeys)
                if let c = o["_comment"] { try reader.comment(c, key + "._comment") }
                guard let files = o["files"] else { throw reader.error(key, "needs \"files\": the globs it applies to", at: item) }
                let globs = try reader.strings(files, key + ".files")
                guard !globs.isEmpty else { throw reader.error(key + ".files", "must list at least one glob", at: files) }
                var override = Configuration.Override(files: globs.map(Glob.init))
                if let c = o["checks"] { override.checks = try checks(c, key + ".checks", reader, knownChecks) }
                if let f = o["fail-on"] { override.failOn = try reader.choice(f, key + ".fail-on", FailOn.allCases) }
                config.overrides.append(override)
            }
        }
        if let v = top["accepted"] {
            for (i, item) in try reader.array(v, "accepted").enumerated() {
                let key = "accepted[\(i)]"
                let a = try reader.object(item, key, allowed: acceptanceKeys)
                if let c = a["_comment"] { try reader.comment(c, key + "._comment") }
                guard let pathNode = a["path"], let fingerprintNode = a["fingerprint"], let reasonNode = a["reason"] else {
                    let missing = ["path", "fingerprint", "reason"].first { a[$0] == nil } ?? "reason"
                    throw reader.error(
                        key, "needs \"\(missing)\"" + (missing == "reason" ? ": say why the finding is accepted" : ""), at: item)
                }
                let path = try reader.string(pathNode, key + ".path")
                let fingerprint = try reader.fingerprint(fingerprintNode, key + ".fingerprint")
                let reason = trimmed(try reader.string(reasonNode, key + ".reason"))
                guard !reason.isEmpty else {
                    throw reader.error(key + ".reason", "must not be empty: say why the finding is accepted", at: reasonNode)
                }
                let check = try a["check"].map { v throws(ConfigError) in try checkID(v, key + ".check", reader, knownChecks) }
                config.accepted.append(
                    .init(
                        path: path, absolutePath: PathText.join(config.directory, path), fingerprint: fingerprint,
                        check: check, reason: reason))
            }
        }
        return config
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }

    static func checkID(_ v: JSONNode, _ key: String, _ reader: JSONSchemaReader, _ knownChecks: [String]) throws(ConfigError) -> String {
        let id = try reader.string(v, key)
        guard knownChecks.contains(id) else {
            throw reader.error(key, "unknown check '\(id)'", suggestion: Suggestion.likely(id, in: knownChecks), at: v)
        }
        return id
    }

    static func checks(_ v: JSONNode, _ key: String, _ reader: JSONSchemaReader, _ knownChecks: [String]) throws(ConfigError)
        -> CheckSettings
    {
        let o = try reader.object(v, key, allowed: checkKeys, checkIDs: knownChecks)
        var c = CheckSettings()
        if let x = o["_comment"] { try reader.comment(x, key + "._comment") }
        func ids(_ name: String) throws(ConfigError) -> [String]? {
            guard let list = o[name] else { return nil }
            var out: [String] = []
            for (i, item) in try reader.array(list, key + "." + name).enumerated() {
                out.append(try checkID(item, "\(key).\(name)[\(i)]", reader, knownChecks))
            }
            return out
        }
        c.only = try ids("only")
        c.disable = try ids("disable") ?? []
        c.enable = try ids("enable") ?? []
        if let s = o["severity"] {
            guard let members = s.members else {
                throw reader.error(key + ".severity", "must be an object mapping check ids to severities, not \(reader.shown(s))", at: s)
            }
            for m in members {
                guard knownChecks.contains(m.key) else {
                    throw reader.error(
                        "\(key).severity.\(m.key)", "unknown check '\(m.key)'", suggestion: Suggestion.likely(m.key, in: knownChecks),
                        at: m.value)
                }
                c.severity[m.key] = try reader.choice(m.value, "\(key).severity.\(m.key)", Severity.allCases)
            }
        }
        return c
    }
}

/// Checks a parsed JSON document against the shape reportlint's files must have: every
/// value's type and every name against what is allowed, an error naming the key path, the
/// value as written and its line.
struct JSONSchemaReader {
    let file: String
    let bytes: [UInt8]

    func error(_ key: String, _ problem: String, suggestion: String? = nil, at node: JSONNode) -> ConfigError {
        ConfigError(file: file, key: key, problem: problem, suggestion: suggestion, line: JSONPosition.of(node.offset, in: bytes).line)
    }

    /// The value as written, shortened for a message.
    func shown(_ node: JSONNode) -> String {
        let printed = node.printed
        return printed.count <= 40 ? printed : String(printed.prefix(37)) + "…"
    }

    /// Members by key; unknown keys are refused with a likely known one. `checkIDs`: where a
    /// misspelt check id may stand for a key ("checks": {"shar-of-total": …}), the check is named
    /// and where ids go, rather than the nearest key.
    func object(_ v: JSONNode, _ key: String, allowed: [String], checkIDs: [String] = []) throws(ConfigError) -> [String: JSONNode] {
        guard let members = v.members else { throw error(key, "must be an object, not \(shown(v))", at: v) }
        var out: [String: JSONNode] = [:]
        for m in members {
            guard allowed.contains(m.key) else {
                let path = key.isEmpty ? m.key : key + "." + m.key
                let keys = allowed.filter { $0 != "_comment" && $0 != "$schema" }
                let line = JSONPosition.of(m.offset, in: bytes).line
                if let check = Suggestion.likely(m.key, in: checkIDs), Suggestion.likely(m.key, in: keys) == nil {
                    throw ConfigError(
                        file: file, key: path, problem: "unknown key: check ids go in \"disable\", \"enable\", \"only\" or \"severity\"",
                        suggestion: check, line: line)
                }
                throw ConfigError(file: file, key: path, problem: "unknown key", suggestion: Suggestion.likely(m.key, in: keys), line: line)
            }
            out[m.key] = m.value
        }
        return out
    }

    func array(_ v: JSONNode, _ key: String) throws(ConfigError) -> [JSONNode] {
        guard let a = v.array else { throw error(key, "must be an array, not \(shown(v))", at: v) }
        return a
    }

    func string(_ v: JSONNode, _ key: String) throws(ConfigError) -> String {
        guard let s = v.string else { throw error(key, "must be a string, not \(shown(v))", at: v) }
        return s
    }

    func strings(_ v: JSONNode, _ key: String) throws(ConfigError) -> [String] {
        var out: [String] = []
        for (i, item) in try array(v, key).enumerated() { out.append(try string(item, "\(key)[\(i)]")) }
        return out
    }

    func comment(_ v: JSONNode, _ key: String) throws(ConfigError) {
        if v.string != nil { return }
        _ = try strings(v, key)
    }

    /// The 16 lowercase hex digits of a fingerprint.
    func fingerprint(_ v: JSONNode, _ key: String) throws(ConfigError) -> String {
        let s = try string(v, key)
        guard s.utf8.count == 16, s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            throw error(key, "must be the 16 hex digits reportlint prints, not \(shown(v))", at: v)
        }
        return s
    }

    func choice<T: RawRepresentable & CaseIterable>(_ v: JSONNode, _ key: String, _ all: T.AllCases) throws(ConfigError) -> T
    where T.RawValue == String {
        let names = all.map(\.rawValue)
        guard let s = v.string else {
            throw error(key, "must be one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), not \(shown(v))", at: v)
        }
        guard let value = T(rawValue: s) else {
            throw error(key, "\"\(s)\" is not one of \(names.joined(separator: ", "))", suggestion: Suggestion.likely(s, in: names), at: v)
        }
        return value
    }
}

/// Path arithmetic on strings ('/'-separated), without touching the file system.
public enum PathText {
    /// `base` joined with `relative` (kept when absolute), with `.` and `..` resolved.
    public static func join(_ base: String, _ relative: String) -> String {
        normalize(relative.hasPrefix("/") ? relative : base + "/" + relative)
    }

    public static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for p in path.split(separator: "/") {
            if p == "." || p.isEmpty { continue }
            if p == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(p)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `directory` when inside it, else nil.
    public static func relative(_ path: String, to directory: String) -> String? {
        if directory == "/" { return String(path.dropFirst()) }
        guard path.hasPrefix(directory + "/") else { return nil }
        return String(path.dropFirst(directory.count + 1))
    }

    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}

import Foundation
import Model
import Readers
import Extraction

/// A configuration that cannot be used: one line naming the file, the key and, when a
/// name was misspelt, the closest valid one. The command line exits 64 on it.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// The key path, e.g. `checks.disable[0]`; empty for the whole file.
    public var key: String
    public var problem: String
    public var suggestion: String?

    public var description: String {
        (key.isEmpty ? "\(file): " : "\(file): \(key): ") + problem + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }
}

/// Reads and validates a `.reportlint.json` (the rules are those of docs/reportlint.schema.json).
public enum ConfigurationLoader {
    public static let fileName = ".reportlint.json"
    static let topKeys = ["$schema", "_comment", "lang", "fail-on", "include", "exclude", "checks", "overrides", "accepted"]
    static let checkKeys = ["_comment", "only", "disable", "enable", "severity"]
    static let overrideKeys = ["_comment", "files", "checks", "fail-on"]
    static let acceptanceKeys = ["_comment", "path", "fingerprint", "check", "reason"]

    /// `display` names the file in messages; `absolute` locates it.
    public static func load(absolute: String, display: String, knownChecks: [String]) throws(ConfigError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw ConfigError(file: display, key: "", problem: "cannot be read")
        }
        return try parse(data, absolute: absolute, display: display, knownChecks: knownChecks)
    }

    public static func parse(_ data: Data, absolute: String, display: String, knownChecks: [String]) throws(ConfigError) -> Configuration {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigError(file: display, key: "", problem: "is not valid JSON (\(String(describing: error).prefix(120)))")
        }
        let directory = absolute.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let reader = Reader(file: display, knownChecks: knownChecks)
        var config = Configuration(file: absolute, directory: directory.isEmpty ? "/" : directory)
        let top = try reader.object(root, "", allowed: topKeys)
        if let v = top["$schema"] { _ = try reader.string(v, "$schema") }
        if let v = top["_comment"] { try reader.comment(v, "_comment") }
        if let v = top["lang"] { config.language = try reader.choice(v, "lang", Language.allCases) }
        if let v = top["fail-on"] { config.failOn = try reader.choice(v, "fail-on", FailOn.allCases) }
        if let v = top["include"] { config.include = try reader.strings(v, "include").map(Glob.init) }
        if let v = top["exclude"] { config.exclude = try reader.strings(v, "exclude").map(Glob.init) }
        if let v = top["checks"] { config.checks = try reader.checks(v, "checks") }
        if let v = top["overrides"] {
            for (i, item) in try reader.array(v, "overrides").enumerated() {
                let key = "overrides[\(i)]"
                let o = try reader.object(item, key, allowed: overrideKeys)
                if let c = o["_comment"] { try reader.comment(c, key + "._comment") }
                guard let files = o["files"] else { throw reader.error(key, "needs \"files\": the globs it applies to") }
                let globs = try reader.strings(files, key + ".files")
                guard !globs.isEmpty else { throw reader.error(key + ".files", "must list at least one glob") }
                var override = Configuration.Override(files: globs.map(Glob.init))
                if let c = o["checks"] { override.checks = try reader.checks(c, key + ".checks") }
                if let f = o["fail-on"] { override.failOn = try reader.choice(f, key + ".fail-on", FailOn.allCases) }
                config.overrides.append(override)
            }
        }
        if let v = top["accepted"] {
            for (i, item) in try reader.array(v, "accepted").enumerated() {
                let key = "accepted[\(i)]"
                let a = try reader.object(item, key, allowed: acceptanceKeys)
                if let c = a["_comment"] { try reader.comment(c, key + "._comment") }
                for required in ["path", "fingerprint", "reason"] where a[required] == nil {
                    throw reader.error(key, "needs \"\(required)\"" + (required == "reason" ? ": say why the finding is accepted" : ""))
                }
                let path = try reader.string(a["path"]!, key + ".path")
                let fingerprint = try reader.string(a["fingerprint"]!, key + ".fingerprint")
                guard fingerprint.count == 16, fingerprint.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                    throw reader.error(key + ".fingerprint", "must be the 16 hex digits reportlint prints, not \"\(fingerprint)\"")
                }
                let reason = try reader.string(a["reason"]!, key + ".reason").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { throw reader.error(key + ".reason", "must not be empty: say why the finding is accepted") }
                let check = try a["check"].map { v throws(ConfigError) in try reader.checkID(v, key + ".check") }
                config.accepted.append(.init(path: path, absolutePath: PathText.join(config.directory, path), fingerprint: fingerprint,
                                             check: check, reason: reason))
            }
        }
        return config
    }

    /// Checks every value's type and every name against what is allowed, with the key path.
    struct Reader {
        let file: String
        let knownChecks: [String]

        func error(_ key: String, _ problem: String, suggestion: String? = nil) -> ConfigError {
            ConfigError(file: file, key: key, problem: problem, suggestion: suggestion)
        }

        func object(_ v: Any, _ key: String, allowed: [String]) throws(ConfigError) -> [String: Any] {
            guard let o = v as? [String: Any] else { throw error(key, "must be an object, not \(kind(v))") }
            for k in o.keys.sorted() where !allowed.contains(k) {
                let path = key.isEmpty ? k : key + "." + k
                throw error(path, "unknown key", suggestion: Suggestion.closest(to: k, in: allowed.filter { $0 != "_comment" && $0 != "$schema" }))
            }
            return o
        }

        func array(_ v: Any, _ key: String) throws(ConfigError) -> [Any] {
            guard let a = v as? [Any] else { throw error(key, "must be an array, not \(kind(v))") }
            return a
        }

        func string(_ v: Any, _ key: String) throws(ConfigError) -> String {
            guard let s = v as? String, !(v is NSNumber) else { throw error(key, "must be a string, not \(kind(v))") }
            return s
        }

        func strings(_ v: Any, _ key: String) throws(ConfigError) -> [String] {
            var out: [String] = []
            for (i, item) in try array(v, key).enumerated() { out.append(try string(item, "\(key)[\(i)]")) }
            return out
        }

        func comment(_ v: Any, _ key: String) throws(ConfigError) {
            if v is String { return }
            _ = try strings(v, key)
        }

        func choice<T: RawRepresentable & CaseIterable>(_ v: Any, _ key: String, _ all: T.AllCases) throws(ConfigError) -> T where T.RawValue == String {
            let names = all.map(\.rawValue)
            guard let s = v as? String, !(v is NSNumber) else {
                throw error(key, "must be one of \(names.map { "\"\($0)\"" }.joined(separator: ", ")), not \(kind(v))")
            }
            guard let value = T(rawValue: s) else {
                throw error(key, "\"\(s)\" is not one of \(names.joined(separator: ", "))", suggestion: Suggestion.closest(to: s, in: names))
            }
            return value
        }

        func checkID(_ v: Any, _ key: String) throws(ConfigError) -> String {
            let id = try string(v, key)
            guard knownChecks.contains(id) else {
                throw error(key, "unknown check '\(id)'", suggestion: Suggestion.closest(to: id, in: knownChecks))
            }
            return id
        }

        func checks(_ v: Any, _ key: String) throws(ConfigError) -> CheckSettings {
            let o = try object(v, key, allowed: checkKeys)
            var c = CheckSettings()
            if let x = o["_comment"] { try comment(x, key + "._comment") }
            func ids(_ name: String) throws(ConfigError) -> [String]? {
                guard let list = o[name] else { return nil }
                var out: [String] = []
                for (i, item) in try array(list, key + "." + name).enumerated() { out.append(try checkID(item, "\(key).\(name)[\(i)]")) }
                return out
            }
            c.only = try ids("only")
            c.disable = try ids("disable") ?? []
            c.enable = try ids("enable") ?? []
            if let s = o["severity"] {
                guard let map = s as? [String: Any] else { throw error(key + ".severity", "must be an object mapping check ids to severities, not \(kind(s))") }
                for id in map.keys.sorted() {
                    guard knownChecks.contains(id) else {
                        throw error("\(key).severity.\(id)", "unknown check '\(id)'", suggestion: Suggestion.closest(to: id, in: knownChecks))
                    }
                    c.severity[id] = try choice(map[id]!, "\(key).severity.\(id)", Severity.allCases)
                }
            }
            return c
        }

        func kind(_ v: Any) -> String {
            switch v {
            case is String: return "a string"
            case is NSNumber: return "a number or boolean"
            case is [Any]: return "an array"
            case is [String: Any]: return "an object"
            case is NSNull: return "null"
            default: return "\(type(of: v))"
            }
        }

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
            if p == ".." { _ = parts.popLast(); continue }
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

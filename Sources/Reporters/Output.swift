import Engine
import Extraction
import Model
import Readers

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a report is written: standard output or a file, buffered.
///
/// A file is written beside its destination under a temporary name and renamed over it by
/// `close()`, so a report that fails half-way (a full disk) never replaces a good one and a
/// destination is never truncated before the run has something to put there. A write that
/// fails is remembered (`failure`): the caller reports it and exits 2, whatever `--fail-on`
/// says, rather than losing the report silently.
public final class Output: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let ownsDescriptor: Bool
    /// For a file: the temporary name written and the destination it is renamed to.
    private let temporary: String?
    private let destination: String?
    public let isTerminal: Bool
    /// The first write, close or rename that failed (strerror), if any.
    public private(set) var failure: String?

    public static func standardOutput() -> Output { Output(fd: 1, owns: false) }
    public static func standardError() -> Output { Output(fd: 2, owns: false) }

    /// A file written under a temporary name in its folder and renamed over `path` by
    /// `close()` (over what a symbolic link points to, keeping the link); nil if the folder
    /// cannot be written. A destination that exists and is not a regular file (/dev/null,
    /// /dev/stdout, a pipe) is written directly: it cannot be replaced.
    public static func file(_ named: String) -> Output? {
        var st = stat()
        if stat(named, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
            let fd = open(named, O_WRONLY | O_TRUNC)
            return fd < 0 ? nil : Output(fd: fd, owns: true)
        }
        var path = named
        if let real = realpath(named, nil) {
            path = String(cString: real)
            free(real)
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array((folder + "." + name + ".reportlint-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        let temporary = String(cString: template.map { UInt8(bitPattern: $0) })
        // mkstemp makes it 0600; a report is as readable as any file the user writes.
        let mask = umask(0)
        umask(mask)
        fchmod(fd, 0o666 & ~mask)
        return Output(fd: fd, owns: true, temporary: temporary, destination: path)
    }

    init(fd: Int32, owns: Bool, temporary: String? = nil, destination: String? = nil) {
        self.fd = fd
        self.ownsDescriptor = owns
        self.temporary = temporary
        self.destination = destination
        self.isTerminal = isatty(fd) == 1
    }

    public func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Serializes a JSON value straight into the buffer.
    public func write(_ json: JSON, pretty: Bool, depth: Int = 0) {
        json.write(into: &buffer, pretty: pretty, depth: depth)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count, failure == nil {
            let n = buffer.withUnsafeBytes { raw in
                #if canImport(Glibc)
                    Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #else
                    Darwin.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #endif
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                failure = n < 0 ? String(cString: strerror(errno)) : "nothing could be written"
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes; a file is closed and renamed over its destination (or removed, if anything
    /// failed: the destination keeps what it had).
    public func close() {
        flush()
        guard ownsDescriptor else { return }
        #if canImport(Glibc)
            if Glibc.close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        #else
            if Darwin.close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        #endif
        guard let temporary, let destination else { return }
        if failure == nil, rename(temporary, destination) != 0 { failure = String(cString: strerror(errno)) }
        if failure != nil { unlink(temporary) }
    }
}

/// Counts for the closing summary.
public struct Summary: Sendable {
    public var files = 0
    public var inputErrors = 0
    public var errors = 0
    public var warnings = 0
    public var notes = 0
    public var suppressed = 0
    /// Findings left out because the baseline has them, and baseline entries that no longer occur.
    public var baselined = 0
    public var staleBaseline = 0
    /// Things the run itself wants said: an acceptance that matches nothing, a stale baseline.
    public var notices: [LocalizedText] = []
    /// --statistics: report the counts per check and per file.
    public var statistics = false
    /// Findings per check id, and per file in report order (accepted ones left out).
    public var byCheck: [String: SeverityCounts] = [:]
    public var byFile: [FileCounts] = []

    public init() {}

    public mutating func add(_ result: FileResult) {
        files += 1
        if result.error != nil { inputErrors += 1 }
        var file = SeverityCounts()
        for f in result.findings {
            if f.suppression != nil {
                suppressed += 1
                continue
            }
            switch f.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
            file.add(f.severity)
            byCheck[f.checkID, default: SeverityCounts()].add(f.severity)
        }
        byFile.append(FileCounts(path: result.path, counts: file))
    }

    public func count(atLeast s: Severity) -> Int {
        switch s {
        case .error: return errors
        case .warning: return errors + warnings
        case .note: return errors + warnings + notes
        }
    }

    public func line(_ language: Language) -> String {
        switch language {
        case .zh:
            var s = "共 \(files) 个文件：\(errors) 个错误，\(warnings) 个警告，\(notes) 个提示"
            if suppressed > 0 { s += "，\(suppressed) 个已接受" }
            if baselined > 0 { s += "，\(baselined) 个在基线中" }
            if staleBaseline > 0 { s += "，基线中 \(staleBaseline) 个已不再出现" }
            if inputErrors > 0 { s += "；\(inputErrors) 个文件无法读取" }
            return s
        case .en:
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            var s = "\(plural(files, "file")): \(plural(errors, "error")), \(plural(warnings, "warning")), \(plural(notes, "note"))"
            if suppressed > 0 { s += ", \(suppressed) accepted" }
            if baselined > 0 { s += ", \(baselined) in the baseline" }
            if staleBaseline > 0 { s += ", \(staleBaseline) baseline \(staleBaseline == 1 ? "entry" : "entries") no longer occurring" }
            if inputErrors > 0 { s += "; \(plural(inputErrors, "input error"))" }
            return s
        }
    }

    public func json(_ language: Language) -> JSON {
        var members: [(String, JSON)] = [
            ("files", .int(files)), ("inputErrors", .int(inputErrors)), ("errors", .int(errors)),
            ("warnings", .int(warnings)), ("notes", .int(notes)), ("suppressed", .int(suppressed))
        ]
        if baselined > 0 || staleBaseline > 0 { members += [("baselined", .int(baselined)), ("staleBaseline", .int(staleBaseline))] }
        if !notices.isEmpty { members.append(("notices", .array(notices.map { .string($0.text(language)) }))) }
        if statistics {
            members.append(("byCheck", .object(byCheck.keys.sorted().map { ($0, byCheck[$0, default: SeverityCounts()].json) })))
            members.append(("byFile", .array(byFile.map { .object([("path", .string($0.path))] + $0.counts.members) })))
        }
        return .object(members)
    }
}

/// A report format: told about each file as it finishes, in path order.
public protocol Reporter: AnyObject {
    func begin()
    func report(_ result: FileResult)
    func end(_ summary: Summary)
}

public enum ToolInfo {
    public static let name = "reportlint"
    public static let version = "0.2.0"

    /// Where reportlint's source and documentation are published. A bureau that mirrors the
    /// project internally sets REPORTLINT_REPOSITORY_URL so that SARIF links open its mirror.
    public static var repository: String {
        if let v = getenv("REPORTLINT_REPOSITORY_URL"), case let url = String(cString: v), url.hasPrefix("http") {
            return url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        return defaultRepository
    }

    public static let defaultRepository = "https://github.com/reportlint/reportlint"

    /// A check's section of docs/checks.md at this version (SARIF `helpUri`); for a rule of
    /// the configuration (`local/…`), the section of docs/configuration.md on rules.
    public static func helpURI(_ checkID: String) -> String {
        if checkID.hasPrefix("local/") { return repository + "/blob/v" + version + "/docs/configuration.md#rules" }
        return repository + "/blob/v" + version + "/docs/checks.md#" + checkID
    }
}

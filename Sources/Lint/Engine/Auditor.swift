#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The audit of one input: its findings, or the reason it could not be read.
public struct FileResult: Sendable {
    /// The path as reported (relative to the working directory when possible).
    public var path: String
    public var source: SourceText?
    public var findings: [Finding]
    public var error: InputError?
    /// Relations the checks found consistent (kept only when asked for: evaluation).
    public var verified: [VerifiedRelation] = []

    public init(path: String, source: SourceText?, findings: [Finding], error: InputError?) {
        self.path = path
        self.source = source
        self.findings = findings
        self.error = error
    }
}

/// Reads, parses, extracts and lints one input at a time; never throws, never traps
/// on bad input: every failure becomes an `InputError` naming the file.
public struct Auditor: Sendable {
    public var linter: Linter
    /// Inputs larger than this are refused (a report is kilobytes; this bounds memory).
    public var maxBytes: Int
    /// Keep the verified relations in each result (for `--verified`).
    public var keepVerified = false

    public init(linter: Linter, maxBytes: Int = 512 << 20) {
        self.linter = linter
        self.maxBytes = maxBytes
    }

    public func audit(path: String, displayPath: String) -> FileResult {
        switch FileInput.read(path, limit: maxBytes) {
        case .success(let bytes): return audit(bytes: bytes, displayPath: displayPath)
        case .failure(let error): return FileResult(path: displayPath, source: nil, findings: [], error: error)
        }
    }

    public func audit(bytes: [UInt8], displayPath: String) -> FileResult {
        switch Auditor.parse(bytes: bytes, displayPath: displayPath) {
        case .failure(let error):
            return FileResult(path: displayPath, source: nil, findings: [], error: error)
        case .success(let document):
            let model = AuditModel(document: document)
            var (findings, verified) = linter.lintWithEvidence(model, path: displayPath, recordVerified: keepVerified)
            let locator = LogicalLocator(document)
            for i in findings.indices {
                findings[i].logical = locator.location(at: findings[i].span.start)
                for j in findings[i].related.indices {
                    findings[i].related[j].logical = locator.location(at: findings[i].related[j].span.start)
                }
            }
            var result = FileResult(path: displayPath, source: document.source, findings: findings, error: nil)
            if keepVerified { result.verified = verified }
            return result
        }
    }

    /// Bytes to document, choosing the reader by content rather than by file name.
    public static func parse(bytes: [UInt8], displayPath: String) -> Result<Document, InputError> {
        if BinarySniffer.isZip(bytes) {
            do {
                return .success(try DocxReader.read(bytes, path: displayPath))
            } catch {
                return .failure(error)
            }
        }
        if BinarySniffer.isOLE2(bytes) {
            return .failure(BinarySniffer.describeOLE2(bytes))
        }
        do {
            let decoded = try TextDecoder.decode(bytes)
            let source = SourceText(path: displayPath, bytes: decoded.bytes, encoding: decoded.encoding)
            return .success(TextReader.read(source))
        } catch {
            return .failure(error)
        }
    }
}

/// Reads a whole file with POSIX calls, refusing directories and oversized files.
public enum FileInput {
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], InputError> {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                return .failure(InputError(.notFound, LocalizedText(zh: "文件不存在", en: "no such file")))
            }
            return .failure(InputError(.unreadable, LocalizedText(zh: "无法读取：\(String(cString: strerror(code)))",
                                                                   en: "cannot read: \(String(cString: strerror(code)))")))
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(InputError(.unreadable, LocalizedText(zh: "这是一个目录", en: "this is a directory")))
        }
        if Int(st.st_size) > limit {
            return .failure(InputError(.tooLarge, LocalizedText(zh: "文件超过 \(limit >> 20) MB 上限", en: "the file exceeds the \(limit >> 20) MB limit")))
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let code = errno
            return .failure(InputError(.unreadable, LocalizedText(zh: "无法打开：\(String(cString: strerror(code)))",
                                                                   en: "cannot open: \(String(cString: strerror(code)))")))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(st.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                return .failure(InputError(.unreadable, LocalizedText(zh: "读取失败：\(String(cString: strerror(code)))",
                                                                       en: "read failed: \(String(cString: strerror(code)))")))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                return .failure(InputError(.tooLarge, LocalizedText(zh: "文件超过 \(limit >> 20) MB 上限", en: "the file exceeds the \(limit >> 20) MB limit")))
            }
        }
        return .success(bytes)
    }

    /// Standard input, bounded like a file.
    public static func readStandardInput(limit: Int) -> Result<[UInt8], InputError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(InputError(.unreadable, LocalizedText(zh: "无法读取标准输入", en: "cannot read standard input")))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit {
                return .failure(InputError(.tooLarge, LocalizedText(zh: "输入超过 \(limit >> 20) MB 上限", en: "the input exceeds the \(limit >> 20) MB limit")))
            }
        }
        return .success(bytes)
    }
}

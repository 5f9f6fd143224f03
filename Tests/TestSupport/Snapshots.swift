#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder of snapshot files beside a test source (e.g. Tests/ChecksTests/Snapshots/), read
/// and written with the C library only: snapshots need nothing beyond the standard library
/// and Swift Testing. A snapshot is a text file compared byte for byte; a change fails until
/// it is re-recorded on purpose with REPORTLINT_RECORD_SNAPSHOTS=1.
public struct SnapshotFolder: Sendable {
    public let directory: String
    /// The snapshots' file extension ("txt"; "md" for generated documentation).
    public let fileExtension: String

    /// The folder `name` beside the test file that declares it.
    public init(beside filePath: String = #filePath, named name: String = "Snapshots") {
        var parts = filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        self.init(directory: parts.joined(separator: "/") + "/" + name)
    }

    public init(directory: String, fileExtension: String = "txt") {
        self.directory = directory
        self.fileExtension = fileExtension
    }

    /// Set to re-record every snapshot from the current code instead of comparing.
    public var recording: Bool {
        guard let value = getenv("REPORTLINT_RECORD_SNAPSHOTS") else { return false }
        let s = String(cString: value)
        return !s.isEmpty && s != "0"
    }

    public func path(_ name: String) -> String { directory + "/" + name + "." + fileExtension }

    public func read(_ path: String) -> String? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n > 0 { bytes.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public struct WriteError: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "cannot write \(path)" }
    }

    public func write(_ text: String, to path: String) throws {
        mkdir(directory, 0o755)
        guard let f = fopen(path, "wb") else { throw WriteError(path: path) }
        defer { fclose(f) }
        let bytes = Array(text.utf8)
        guard fwrite(bytes, 1, bytes.count, f) == bytes.count else { throw WriteError(path: path) }
    }

    /// File names in the snapshot directory, sorted.
    public func files() -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Compares `text` with snapshot `name` (or records it when recording): nil when they
    /// agree, else a description of the difference that says how to re-record (`rerun`).
    public func mismatch(_ text: String, name: String, rerun: String) throws -> String? {
        let file = path(name)
        if recording {
            try write(text, to: file)
            return nil
        }
        guard let stored = read(file) else { return "no snapshot \(file): record it with \(rerun)" }
        guard stored != text else { return nil }
        return """
            \(file) differs from the current output (- snapshot, + now); if the change is meant, re-record with
                \(rerun)
            \(LineDiff.unified(old: stored, new: text))
            """
    }
}

/// A line diff for failure messages: `-` lines only in the snapshot, `+` lines only in the new
/// text, and two unchanged lines of context around each change (a longest-common-subsequence
/// alignment; snapshots are small enough for the quadratic table).
public enum LineDiff {
    public static func unified(old: String, new: String, context: Int = 2) -> String {
        let a = lines(old)
        let b = lines(new)
        // lcs[i][j]: length of the longest common subsequence of a[i...] and b[j...].
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [(Character, String)] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                ops.append((" ", a[i]))
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.append(("-", a[i]))
                i += 1
            } else {
                ops.append(("+", b[j]))
                j += 1
            }
        }
        let changed = ops.indices.filter { ops[$0].0 != " " }
        var out: [String] = []
        var last = -1
        for k in ops.indices where changed.contains(where: { abs($0 - k) <= context }) {
            if last >= 0 && k > last + 1 { out.append("  …") }
            out.append("\(ops[k].0) \(ops[k].1)".trailingSpaceTrimmed())
            last = k
        }
        return out.joined(separator: "\n")
    }

    public static func lines(_ s: String) -> [String] {
        var parts = s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }
}

extension String {
    public func trailingSpaceTrimmed() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

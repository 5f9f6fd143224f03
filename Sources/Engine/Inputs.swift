#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Model
import Readers
import Extraction

/// One file to audit: where to read it, and how to name it in reports.
public struct Input: Sendable, Hashable {
    public var path: String
    public var display: String
    /// Named on the command line (else found by walking a directory).
    public var named: Bool

    public init(path: String, display: String, named: Bool = true) {
        self.path = path
        self.display = display
        self.named = named
    }

    public static let standardInput = Input(path: "-", display: "<stdin>")
}

/// Turns the command line's paths into the sorted list of files to audit.
///
/// A directory is walked recursively for `*.txt`, `*.docx`, `*.xlsx` and `*.pdf` files, skipping
/// hidden entries, `.build` and, inside a git work tree, what its `.gitignore` files ignore
/// (`GitIgnore`; `--no-ignore` turns that off); `--include` / `--exclude` globs filter what
/// the walk finds (a file named on the command line is always audited). Inputs are sorted by the
/// displayed path, bytewise, so reports are the same whatever order the paths came in.
public struct InputDiscovery: Sendable {
    public var include: [Glob] = []
    public var exclude: [Glob] = []
    public var extensions: Set<String> = ["txt", "docx", "xlsx", "pdf"]
    /// Leave out what `.gitignore` files ignore (inside a git work tree).
    public var honoursGitIgnore = true
    /// Paths are displayed relative to this directory when they lie inside it.
    public var workingDirectory: String

    public init(workingDirectory: String) {
        self.workingDirectory = workingDirectory
    }

    public func inputs(_ arguments: [String]) -> [Input] {
        var seen = Set<String>()
        var out: [Input] = []
        func add(_ input: Input) {
            if seen.insert(input.display).inserted { out.append(input) }
        }
        for argument in arguments {
            if argument == "-" { add(.standardInput); continue }
            if isDirectory(argument) {
                let root = argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument
                let absolute = PathText.join(workingDirectory, root)
                let ignores = honoursGitIgnore ? GitIgnoreStack.enclosing(absolute) : nil
                walk(root, absolute: absolute, relative: "", ignores: ignores) { file, relative in
                    guard matches(relative) else { return }
                    add(Input(path: file, display: display(file), named: false))
                }
            } else {
                add(Input(path: argument, display: display(argument)))
            }
        }
        return out.sorted { a, b in
            if a.path == "-" { return b.path != "-" }
            if b.path == "-" { return false }
            return a.display.utf8.lexicographicallyPrecedes(b.display.utf8)
        }
    }

    func matches(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        guard let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) else { return false }
        if !include.isEmpty && !include.contains(where: { $0.matches(relative) }) { return false }
        return !exclude.contains { $0.matches(relative) }
    }

    func display(_ path: String) -> String {
        var p = path
        if p.hasPrefix(workingDirectory + "/") { p = String(p.dropFirst(workingDirectory.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        return p
    }

    func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Depth-first, entries in name order; hidden entries, `.build` and what the `.gitignore`
    /// files in force ignore are skipped, and symbolic links to directories are not followed
    /// (no cycles). `absolute` is `directory` from the root, for the ignore rules.
    func walk(_ directory: String, absolute: String, relative: String, ignores: GitIgnoreStack?, _ visit: (String, String) -> Void) {
        var ignores = ignores
        ignores?.load(absolute + "/.gitignore", base: absolute)
        guard let dir = opendir(directory) else { return }
        var entries: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: UInt8.self, capacity: 256) { String(decoding: UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))), as: UTF8.self) }
            }
            if name.hasPrefix(".") || name == ".build" { continue }
            let full = directory + "/" + name
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            let kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                entries.append((name, true))
            } else if kind == S_IFREG || (kind == S_IFLNK && !isDirectory(full)) {
                entries.append((name, false))
            }
        }
        closedir(dir)
        for (name, isDir) in entries.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            let full = directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            let fullAbsolute = absolute == "/" ? "/" + name : absolute + "/" + name
            if ignores?.ignores(fullAbsolute, isDirectory: isDir) == true { continue }
            if isDir { walk(full, absolute: fullAbsolute, relative: rel, ignores: ignores, visit) } else { visit(full, rel) }
        }
    }
}

/// `--shard K/N`: a file belongs to shard K when FNV-1a-64 of its displayed path
/// (UTF-8), modulo N, is K − 1. Fixed and documented, so N machines split a corpus
/// without talking to each other.
public struct Shard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else { return nil }
        self.index = k
        self.count = n
    }

    public func contains(_ input: Input) -> Bool {
        Int(FNV1a.hash(input.display) % UInt64(count)) == index - 1
    }
}

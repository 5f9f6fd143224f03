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

/// Something a directory walk found under an audited name and left out, and why (a named
/// pipe would block the run, a device would be read endlessly, a link loop never resolves).
public struct SkippedEntry: Sendable, Hashable {
    public var display: String
    public var reason: LocalizedText

    public init(display: String, reason: LocalizedText) {
        self.display = display
        self.reason = reason
    }
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
        discover(arguments).inputs
    }

    /// The inputs, and the entries of walked folders that have an audited name but are not
    /// files (FIFOs, sockets, devices, links that loop or lead nowhere), to be mentioned.
    public func discover(_ arguments: [String]) -> (inputs: [Input], skipped: [SkippedEntry]) {
        var skipped: [SkippedEntry] = []
        var seen = Set<String>()
        var out: [Input] = []
        func add(_ input: Input) {
            if seen.insert(input.display).inserted { out.append(input) }
        }
        for argument in arguments {
            if argument == "-" {
                add(.standardInput)
                continue
            }
            if isDirectory(argument) {
                let root = argument.hasSuffix("/") && argument.count > 1 ? String(argument.dropLast()) : argument
                let absolute = PathText.join(workingDirectory, root)
                let ignores = honoursGitIgnore ? GitIgnoreStack.enclosing(absolute) : nil
                walk(root, absolute: absolute, relative: "", ignores: ignores) { file, relative, special in
                    guard matches(relative) else { return }
                    if let special {
                        skipped.append(SkippedEntry(display: display(file), reason: special))
                    } else {
                        add(Input(path: file, display: display(file), named: false))
                    }
                }
            } else {
                add(Input(path: argument, display: display(argument)))
            }
        }
        let sorted = out.sorted { a, b in
            if a.path == "-" { return b.path != "-" }
            if b.path == "-" { return false }
            return a.display.utf8.lexicographicallyPrecedes(b.display.utf8)
        }
        return (sorted, skipped.sorted { $0.display.utf8.lexicographicallyPrecedes($1.display.utf8) })
    }

    func matches(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        guard let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) else { return false }
        if !include.isEmpty && !include.contains(where: { $0.matches(relative) }) { return false }
        return !exclude.contains { $0.matches(relative) }
    }

    /// How a path is shown: relative to the working directory, bytes that are not UTF-8 and
    /// control characters escaped (`FileName.shown`: a name cannot forge a line of output).
    func display(_ path: String) -> String {
        var p = path
        if p.hasPrefix(workingDirectory + "/") { p = String(p.dropFirst(workingDirectory.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        return FileName.shown(p)
    }

    func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return FileName.withSystemPath(path) { stat($0, &st) } == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Depth-first, entries in name order; hidden entries, `.build` and what the `.gitignore`
    /// files in force ignore are skipped, and symbolic links to directories are not followed
    /// (no cycles). `absolute` is `directory` from the root, for the ignore rules. Names are
    /// read as bytes (`FileName`: one that is not UTF-8 is still audited). `visit` gets each
    /// regular file (or link to one), or with a reason, an entry that is none (FIFO, socket,
    /// device, a link that loops or leads nowhere): never opened, it could block or never end.
    func walk(
        _ directory: String, absolute: String, relative: String, ignores: GitIgnoreStack?,
        _ visit: (String, String, LocalizedText?) -> Void
    ) {
        var ignores = ignores
        ignores?.load(absolute + "/.gitignore", base: absolute)
        guard let dir = FileName.withSystemPath(directory, { opendir($0) }) else { return }
        var entries: [(name: String, isDirectory: Bool, special: LocalizedText?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: UInt8.self, capacity: 256) {
                    FileName.decode(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
                }
            }
            if name.hasPrefix(".") || name == ".build" { continue }
            let full = directory + "/" + name
            var st = stat()
            guard FileName.withSystemPath(full, { lstat($0, &st) }) == 0 else { continue }
            var kind = st.st_mode & S_IFMT
            if kind == S_IFDIR {
                entries.append((name, true, nil))
                continue
            }
            if kind == S_IFLNK {
                var target = stat()
                guard FileName.withSystemPath(full, { stat($0, &target) }) == 0 else {
                    let loop = errno == ELOOP
                    entries.append(
                        (
                            name, false,
                            loop
                                ? LocalizedText(zh: "符号链接循环，已跳过", en: "a symbolic link loop: skipped")
                                : LocalizedText(zh: "符号链接指向不存在的文件，已跳过", en: "a symbolic link to nothing: skipped")
                        ))
                    continue
                }
                kind = target.st_mode & S_IFMT
                if kind == S_IFDIR { continue }
                st = target
            }
            if kind == S_IFREG {
                entries.append((name, false, nil))
            } else if let special = SpecialFile.kind(st.st_mode) {
                entries.append((name, false, LocalizedText(zh: "这是\(special.zh)，不是文件，已跳过", en: "\(special.en), not a file: skipped")))
            }
        }
        closedir(dir)
        for e in entries.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
            let full = directory + "/" + e.name
            let rel = relative.isEmpty ? e.name : relative + "/" + e.name
            let fullAbsolute = absolute == "/" ? "/" + e.name : absolute + "/" + e.name
            if ignores?.ignores(fullAbsolute, isDirectory: e.isDirectory) == true { continue }
            if e.isDirectory {
                walk(full, absolute: fullAbsolute, relative: rel, ignores: ignores, visit)
            } else {
                visit(full, rel, e.special)
            }
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

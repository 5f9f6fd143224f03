import Readers

/// The rules of one `.gitignore` (or `.git/info/exclude`), applied to paths below its folder.
///
/// The subset of gitignore(5) a directory walk needs, with git's meaning: blank lines and
/// `#` comments; `\#`, `\!` and `\ ` escapes; trailing spaces dropped; `!` re-includes; a
/// trailing `/` matches folders only; a pattern with a `/` at its start or in its middle is
/// anchored to the file's folder, one without matches a name at any depth; `*`, `?` and
/// `[a-z]`/`[!a-z]` never cross a `/`; `**` as a whole segment matches any number of folders
/// (`**/x`, `a/**/b`, `a/**`). The last rule that matches decides; a deeper file's rules come
/// after a shallower one's. As in git, a file inside an ignored folder cannot be re-included
/// (the walk never enters the folder).
public struct GitIgnore: Sendable {
    struct Rule: Sendable {
        var segments: [[UInt8]]
        var negated: Bool
        var directoryOnly: Bool
        var anchored: Bool
    }

    /// The folder the rules are relative to, as the walk spells it.
    public let base: String
    let rules: [Rule]

    public init(base: String, text: String) {
        self.base = base
        rules = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .compactMap { GitIgnore.rule(Array($0.utf8)) }
    }

    static func rule(_ line: [UInt8]) -> Rule? {
        var p = line
        if p.last == UInt8(ascii: "\r") { p.removeLast() }
        // Trailing spaces go unless escaped with a backslash.
        while p.last == UInt8(ascii: " ") && !(p.count >= 2 && p[p.count - 2] == UInt8(ascii: "\\")) { p.removeLast() }
        guard let first = p.first, first != UInt8(ascii: "#") else { return nil }
        var negated = false
        if first == UInt8(ascii: "!") {
            negated = true
            p.removeFirst()
        } else if first == UInt8(ascii: "\\"), p.count > 1, p[1] == UInt8(ascii: "#") || p[1] == UInt8(ascii: "!") {
            p.removeFirst()
        }
        var directoryOnly = false
        if p.last == UInt8(ascii: "/") {
            directoryOnly = true
            while p.last == UInt8(ascii: "/") { p.removeLast() }
        }
        guard !p.isEmpty else { return nil }
        let anchored = p.contains(UInt8(ascii: "/"))
        var segments = p.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Array.init)
        // "**" alone or a name without a slash matches at any depth.
        if !anchored { segments.insert(Array("**".utf8), at: 0) }
        guard !segments.isEmpty else { return nil }
        return Rule(segments: segments, negated: negated, directoryOnly: directoryOnly, anchored: anchored)
    }

    /// nil when no rule speaks about `relative` (a path below `base`, without a leading "/"),
    /// else whether the last rule that matches ignores it.
    func verdict(_ relative: String, isDirectory: Bool) -> Bool? {
        let parts = Array(relative.utf8).split(separator: UInt8(ascii: "/")).map(Array.init)
        var decided: Bool?
        for rule in rules where !(rule.directoryOnly && !isDirectory) {
            if GitIgnore.match(rule.segments[...], parts[...]) { decided = !rule.negated }
        }
        return decided
    }

    static let doubleStar = Array("**".utf8)

    static func match(_ pattern: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == doubleStar {
            let rest = pattern.dropFirst()
            // A trailing "**" matches what is inside (one segment or more).
            if rest.isEmpty { return !path.isEmpty }
            var p = path
            while true {
                if match(rest, p) { return true }
                guard !p.isEmpty else { return false }
                p = p.dropFirst()
            }
        }
        guard let name = path.first, segment(head[...], name[...]) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// One segment against one name: `*`, `?`, classes and backslash escapes.
    static func segment(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var pi = p.startIndex
        var si = s.startIndex
        // The last `*` seen and where it was tried, for backtracking.
        var star: (p: Int, s: Int)?
        while si < s.endIndex {
            if pi < p.endIndex {
                let c = p[pi]
                if c == UInt8(ascii: "*") {
                    star = (pi, si)
                    pi += 1
                    continue
                }
                if c == UInt8(ascii: "?") {
                    pi += 1
                    si += 1
                    continue
                }
                if c == UInt8(ascii: "["), let (hit, next) = classMatch(p, pi, s[si]) {
                    if hit {
                        pi = next
                        si += 1
                        continue
                    }
                } else {
                    var literal = c
                    var next = pi + 1
                    if c == UInt8(ascii: "\\"), pi + 1 < p.endIndex {
                        literal = p[pi + 1]
                        next = pi + 2
                    }
                    if literal == s[si] {
                        pi = next
                        si += 1
                        continue
                    }
                }
            }
            guard let last = star else { return false }
            pi = last.p + 1
            si = last.s + 1
            star = (last.p, last.s + 1)
        }
        while pi < p.endIndex && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.endIndex
    }

    /// `[…]` at `start`: whether `c` is in the class, and the index after it; nil when the
    /// bracket is not closed (then it is a literal "[").
    static func classMatch(_ p: ArraySlice<UInt8>, _ start: Int, _ c: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < p.endIndex && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^")) {
            negate = true
            i += 1
        }
        var hit = false
        var first = true
        while i < p.endIndex {
            if p[i] == UInt8(ascii: "]") && !first { return (hit != negate, i + 1) }
            first = false
            var lo = p[i]
            if lo == UInt8(ascii: "\\") && i + 1 < p.endIndex {
                i += 1
                lo = p[i]
            }
            if i + 2 < p.endIndex && p[i + 1] == UInt8(ascii: "-") && p[i + 2] != UInt8(ascii: "]") {
                if lo <= c && c <= p[i + 2] { hit = true }
                i += 3
            } else {
                if lo == c { hit = true }
                i += 1
            }
        }
        return nil
    }
}

/// The `.gitignore` files that apply at one point of a walk: those of the repository's
/// folders above the walk's start (down from the work tree's root, with `.git/info/exclude`),
/// then one per folder entered. Outside a git work tree nothing is ignored, as in git.
public struct GitIgnoreStack: Sendable {
    var files: [GitIgnore] = []

    public init() {}

    /// The rules above `directory` (absolute) up to its work tree's root, or nil outside one.
    public static func enclosing(_ directory: String) -> GitIgnoreStack? {
        guard let root = GitWorkTree.root(containing: directory) else { return nil }
        var stack = GitIgnoreStack()
        if FileSystem.isFile(root + "/.git/info/exclude") { stack.load(root + "/.git/info/exclude", base: root) }
        var folders: [String] = []
        var dir = PathText.parent(directory)
        while dir.count >= root.count && (dir == root || dir.hasPrefix(root == "/" ? "/" : root + "/")) {
            folders.append(dir)
            if dir == root || dir == "/" { break }
            dir = PathText.parent(dir)
        }
        for folder in folders.reversed() where folder != directory {
            stack.load((folder == "/" ? "" : folder) + "/.gitignore", base: folder)
        }
        return stack
    }

    /// Adds a folder's `.gitignore` when it has one (at most 1 MB: a bigger one is not a list of patterns).
    public mutating func load(_ file: String, base: String) {
        guard FileSystem.isFile(file), case .success(let bytes) = FileInput.read(file, limit: 1 << 20) else { return }
        files.append(GitIgnore(base: base, text: String(decoding: bytes, as: UTF8.self)))
    }

    /// Whether `path` (absolute, in the walk's spelling) is ignored.
    public func ignores(_ path: String, isDirectory: Bool) -> Bool {
        var decided = false
        for file in files {
            guard let relative = PathText.relative(path, to: file.base) else { continue }
            if let v = file.verdict(relative, isDirectory: isDirectory) { decided = v }
        }
        return decided
    }
}

/// The root of the git work tree holding a folder: the nearest folder above (or at) it with a
/// `.git` entry (a folder, or a file in a linked work tree or a submodule).
public enum GitWorkTree {
    public static func root(containing directory: String) -> String? {
        var dir = directory
        while true {
            if FileSystem.exists(dir == "/" ? "/.git" : dir + "/.git") { return dir }
            if dir == "/" { return nil }
            dir = PathText.parent(dir)
        }
    }
}

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

/// Finds the configuration of each audited file: the nearest `.reportlint.json` from the
/// file's folder upward, stopping at the repository root (a folder holding `.git`), or the
/// one file given with `--config`. Each folder is looked at once and each file parsed once.
public final class ConfigurationFinder {
    let explicit: Configuration?
    let knownChecks: [String]
    let workingDirectory: String
    private var byDirectory: [String: Configuration?] = [:]

    public init(explicit: Configuration?, knownChecks: [String], workingDirectory: String) {
        self.explicit = explicit
        self.knownChecks = knownChecks
        self.workingDirectory = workingDirectory
    }

    /// Loads `--config FILE` (relative to the working directory).
    public static func explicit(_ path: String, knownChecks: [String], workingDirectory: String) throws(ConfigError) -> Configuration {
        try ConfigurationLoader.load(absolute: PathText.join(workingDirectory, path), display: path, knownChecks: knownChecks)
    }

    public func configuration(forFile absolutePath: String) throws(ConfigError) -> Configuration? {
        if let explicit { return explicit }
        return try configuration(inOrAbove: PathText.parent(absolutePath))
    }

    public func configuration(inOrAbove directory: String) throws(ConfigError) -> Configuration? {
        if let explicit { return explicit }
        var visited: [String] = []
        var dir = directory
        var found: Configuration?
        while true {
            if let cached = byDirectory[dir] {
                found = cached
                break
            }
            visited.append(dir)
            let candidate = dir == "/" ? "/" + ConfigurationLoader.fileName : dir + "/" + ConfigurationLoader.fileName
            if FileSystem.isFile(candidate) {
                let display = PathText.relative(candidate, to: workingDirectory) ?? candidate
                found = try ConfigurationLoader.load(absolute: candidate, display: display, knownChecks: knownChecks)
                break
            }
            if FileSystem.exists(dir == "/" ? "/.git" : dir + "/.git") || dir == "/" { break }
            dir = PathText.parent(dir)
        }
        for v in visited { byDirectory[v] = found }
        return found
    }
}

/// The few file-system questions configuration and baselines ask.
public enum FileSystem {
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    public static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// The absolute, normalized form of `path` (symbolic links are kept: paths are compared as written).
    public static func absolute(_ path: String, from workingDirectory: String) -> String {
        PathText.join(workingDirectory, path)
    }
}

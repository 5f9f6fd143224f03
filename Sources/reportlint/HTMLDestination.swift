import Lint
import Reporters

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `--format html` writes: one page (to `--output FILE`, or standard output) for one
/// file named on the command line; a directory of pages and an index for a batch (several
/// files, or a directory searched), or whenever `--output` names a directory or ends in `/`.
enum HTMLDestination {
    enum Choice: Equatable {
        case page
        case directory(String)
    }

    static func choose(output: String?, inputs: [Input]) throws(UsageError) -> Choice {
        let batch = inputs.count != 1 || inputs.contains { !$0.named }
        guard let output else {
            if batch {
                throw UsageError(message: "'--format html' writes one page per file for a batch: give '--output DIR'")
            }
            return .page
        }
        if batch || output.hasSuffix("/") || isDirectory(output) {
            var path = output
            while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
            guard makeDirectories(path) else { throw UsageError(message: "cannot create the directory '\(output)'") }
            return .directory(path)
        }
        return .page
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// `mkdir -p`: each missing folder of the path, then whether it is a directory.
    static func makeDirectories(_ path: String) -> Bool {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + part
            if !isDirectory(prefix) { _ = mkdir(prefix, 0o755) }
        }
        return isDirectory(path)
    }
}

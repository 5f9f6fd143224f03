import Lint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Refuses an output path that would overwrite what is being audited: one of the inputs
/// (by real path, so `./x.txt`, `dir/../x.txt` and a symbolic link all count), or a file
/// inside a folder named for auditing that a walk would audit (a `.txt`, `.docx`, `.xlsx` or `.pdf`):
/// the report would replace an input, or be audited as a report by the next run. A SARIF or
/// JSON report in the audited folder (CI writes them in the work tree) is allowed.
struct OutputGuard {
    let workingDirectory: String
    var audited: Set<String> = InputDiscovery(workingDirectory: "/").extensions

    func refuse(_ output: String, option: String, inputs: [Input], arguments: [String]) throws(UsageError) {
        guard let target = Self.resolved(PathText.join(workingDirectory, output)) else { return }
        for input in inputs where input.path != "-" {
            if Self.realPath(PathText.join(workingDirectory, input.path)) == target {
                throw UsageError(
                    message:
                        "'\(option) \(output)' is one of the inputs (\(input.display)): it would be overwritten before it is read; write the report elsewhere"
                )
            }
        }
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        guard audited.contains(ext) else { return }
        for argument in arguments where argument != "-" {
            guard let folder = Self.realPath(PathText.join(workingDirectory, argument)), Self.isDirectory(folder) else { continue }
            if target.hasPrefix(folder == "/" ? "/" : folder + "/") {
                throw UsageError(message: "'\(option) \(output)' is inside the audited folder '\(argument)': write the report outside it")
            }
        }
    }

    /// The real path of `path`, or for a file that does not exist yet, its folder's real path
    /// and its name; nil when not even the folder exists (opening it will fail and say so).
    static func resolved(_ path: String) -> String? {
        if let real = realPath(path) { return real }
        let parent = PathText.parent(path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let folder = realPath(parent.isEmpty ? "." : parent) else { return nil }
        return folder == "/" ? "/" + name : folder + "/" + name
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }
}

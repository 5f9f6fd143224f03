import Engine

/// Paths as code-scanning and workflow annotations need them: relative to the repository's
/// root, whatever folder reportlint ran in. Reports name files relative to the working
/// directory; this turns them into root-relative paths (nil for a file outside the root).
public struct RepositoryPaths: Sendable {
    public let root: String
    public let workingDirectory: String

    public init(root: String, workingDirectory: String) {
        self.root = root
        self.workingDirectory = workingDirectory
    }

    public func absolute(_ path: String) -> String { PathText.join(workingDirectory, path) }

    public func relative(_ path: String) -> String? {
        let a = absolute(path)
        return a == root ? "" : PathText.relative(a, to: root)
    }
}

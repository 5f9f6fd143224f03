import Foundation
import Testing

@testable import Engine

/// The subset of gitignore(5) a directory walk honours, rule by rule, and the walk itself.
@Suite struct GitIgnoreTests {
    func ignored(_ rules: String, _ path: String, directory: Bool = false) -> Bool {
        GitIgnore(base: "/r", text: rules).verdict(path, isDirectory: directory) == true
    }

    @Test func namesMatchAtAnyDepthAndSlashesAnchor() {
        #expect(ignored("draft.txt", "draft.txt") && ignored("draft.txt", "a/b/draft.txt"))
        #expect(ignored("/draft.txt", "draft.txt") && !ignored("/draft.txt", "a/draft.txt"))
        #expect(ignored("a/draft.txt", "a/draft.txt") && !ignored("a/draft.txt", "x/a/draft.txt"))
        #expect(ignored("*.txt", "a/b.txt") && !ignored("*.txt", "a/b.docx"))
        #expect(!ignored("a/*.txt", "a/b/c.txt"), "a star does not cross a slash")
        #expect(ignored("d?.txt", "d1.txt") && !ignored("d?.txt", "d10.txt"))
        #expect(ignored("[0-9]*.txt", "2024.txt") && !ignored("[!0-9]*.txt", "2024.txt"))
        #expect(ignored("草稿*", "报告/草稿一.txt"))
    }

    @Test func doubleStars() {
        #expect(ignored("**/drafts", "drafts", directory: true) && ignored("**/drafts", "a/b/drafts", directory: true))
        #expect(!ignored("**/x", "dirax"), "** matches whole segments only")
        #expect(ignored("a/**/b.txt", "a/b.txt") && ignored("a/**/b.txt", "a/x/y/b.txt") && !ignored("a/**/b.txt", "c/a/b.txt"))
        #expect(ignored("old/**", "old/a.txt") && ignored("old/**", "old/x/a.txt"))
    }

    @Test func negationDirectoriesCommentsAndEscapes() {
        #expect(!ignored("*.txt\n!keep.txt", "keep.txt") && ignored("*.txt\n!keep.txt", "drop.txt"))
        #expect(ignored("!keep.txt\n*.txt", "keep.txt"), "the last matching rule decides")
        #expect(ignored("build/", "build", directory: true) && !ignored("build/", "build"), "a trailing slash matches folders only")
        #expect(!ignored("# a comment\n\n", "# a comment"))
        #expect(ignored("\\#notes.txt", "#notes.txt") && ignored("\\!important.txt", "!important.txt"))
        #expect(ignored("draft.txt   ", "draft.txt"), "trailing spaces are dropped")
        #expect(ignored("a.txt\r\n", "a.txt"), "CRLF files")
    }

    /// A work tree: rules from the root's .gitignore and .git/info/exclude apply below it,
    /// nested files add theirs, and a .gitignore above the work tree is not part of it.
    @Test func aWalkHonoursTheWorkTreesFiles() throws {
        let fm = FileManager.default
        let outer = fm.temporaryDirectory.appendingPathComponent("rl-git-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: outer) }
        let repo = outer.appendingPathComponent("repo")
        for dir in ["repo/.git/info", "repo/reports/drafts", "repo/reports/2024/tmp", "repo/reports/keep"] {
            try fm.createDirectory(at: outer.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        func write(_ path: String, _ text: String) throws {
            try text.write(to: outer.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try write(".gitignore", "*.txt\n") // above the work tree: not git's business
        try write("repo/.gitignore", "drafts/\n*-old.txt\n")
        try write("repo/.git/info/exclude", "scratch.txt\n")
        try write("repo/reports/.gitignore", "2024/tmp/\n!important-old.txt\n")
        try write("repo/reports/keep/.gitignore", "!*-old.txt\n")
        for f in [
            "a.txt", "a-old.txt", "important-old.txt", "scratch.txt", "drafts/d.txt", "2024/b.txt", "2024/tmp/t.txt",
            "keep/k-old.txt"
        ] {
            try write("repo/reports/" + f, "x")
        }
        var discovery = InputDiscovery(workingDirectory: repo.path)
        let walked = discovery.inputs([repo.path + "/reports"]).map(\.display)
        #expect(walked == ["reports/2024/b.txt", "reports/a.txt", "reports/important-old.txt", "reports/keep/k-old.txt"])
        // A file named on the command line is audited whatever ignores it.
        #expect(discovery.inputs([repo.path + "/reports/scratch.txt"]).map(\.display) == ["reports/scratch.txt"])
        discovery.honoursGitIgnore = false
        #expect(discovery.inputs([repo.path + "/reports"]).count == 8)
        // Outside a work tree nothing is ignored.
        try fm.removeItem(at: repo.appendingPathComponent(".git"))
        #expect(InputDiscovery(workingDirectory: repo.path).inputs([repo.path + "/reports"]).count == 8)
    }
}

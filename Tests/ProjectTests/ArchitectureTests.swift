import Foundation
import Testing

/// The pipeline runs one way: a target may import only the stages before it. The compiler
/// enforces the dependencies Package.swift declares; this test keeps Package.swift itself
/// honest, so that a convenient backward edge cannot be added to it unnoticed.
@Suite struct ArchitectureTests {
    /// Stages in pipeline order, with the project targets (not stages) each may also import.
    static let stages = ["Model", "PDF", "Readers", "Extraction", "Engine", "Lint", "Checks", "Reporters", "reportlint"]
    /// Imports that are not stages of the pipeline: system modules.
    static let system: Set<String> = [
        "Glibc", "Musl", "Darwin", "Foundation", "FoundationEssentials", "Dispatch", "CZlib", "Testing", "XCTest"
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func imports(ofTarget target: String) throws -> [(file: String, module: String)] {
        let folder = root.appendingPathComponent("Sources/" + target)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var out: [(String, String)] = []
        for case let relative as String in walker where relative.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let words = line.split(separator: " ")
                guard let i = words.firstIndex(of: "import"), i + 1 < words.count,
                    words[..<i].allSatisfy({ $0.hasPrefix("@") })
                else { continue }
                out.append((target + "/" + relative, String(words[i + 1])))
            }
        }
        return out.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    @Test func noTargetImportsALaterStage() throws {
        var checked = 0
        for (rank, target) in Self.stages.enumerated() {
            for (file, module) in try Self.imports(ofTarget: target) where !Self.system.contains(module) {
                checked += 1
                guard let other = Self.stages.firstIndex(of: module) else {
                    Issue.record("\(file) imports \(module), which is neither a stage nor a system module: add it to ArchitectureTests")
                    continue
                }
                #expect(other < rank, "\(file) imports \(module), a later stage than \(target)")
            }
        }
        #expect(checked > 50, "the import scan found almost nothing: is the Sources layout still the one this test expects?")
    }

    /// Loading Foundation (and its ICU data) is most of the start-up of a run and most of a
    /// static binary's size (issue 23): the sources use the standard library and Glibc.
    @Test func noSourceImportsFoundation() throws {
        var files = Set<String>()
        for target in Self.stages {
            for (file, module) in try Self.imports(ofTarget: target) {
                files.insert(file)
                #expect(!module.hasPrefix("Foundation"), "\(file) imports \(module): use the standard library and Glibc (issue 23)")
            }
        }
        #expect(files.count > 50, "the import scan found almost nothing: is the Sources layout still the one this test expects?")
    }

    @Test func everyStageFolderIsKnown() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
        for folder in folders where !folder.hasPrefix(".") && folder != "CZlib" {
            #expect(Self.stages.contains(folder), "Sources/\(folder) is not a stage of ArchitectureTests.stages")
        }
    }
}

import Checks
import Foundation
import Lint

/// The shared corpus (../shared/corpus): present in CI, absent in a user's fresh clone.
enum Corpus {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus").standardizedFileURL

    static let isAvailable: Bool = {
        let ok = FileManager.default.fileExists(atPath: directory.path)
        if !ok {
            FileHandle.standardError.write(Data("⚠️  SKIPPING corpus tests: \(directory.path) is absent (it exists in CI).\n".utf8))
        }
        return ok
    }()

    static var documents: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func labelled(_ doc: URL, _ kind: String) -> [[String: Any]] {
        let url = doc.deletingPathExtension().appendingPathExtension(kind + ".json")
        guard let data = try? Data(contentsOf: url),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list
    }

    /// Which checks speak about each golden/clean `kind` (shared with scripts/eval).
    static let kinds: [String: [String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("eval/kinds.json")
        guard let data = try? Data(contentsOf: url),
            let map = try? JSONSerialization.jsonObject(with: data) as? [String: [String]]
        else { return [:] }
        return map
    }()
}

/// Lints text with the given checks.
func lint(_ text: String, checks: [any Check] = Registry.all, path: String = "example.txt") -> (SourceText, [Finding]) {
    let source = SourceText(path: path, bytes: Array(text.utf8))
    let document = TextReader.read(source)
    let model = AuditModel(document: document)
    return (source, Linter(checks: checks).lint(model, path: path))
}

func lint(file: URL, checks: [any Check] = Registry.all) throws -> (SourceText, [Finding]) {
    let bytes = try [UInt8](Data(contentsOf: file))
    let decoded = try TextDecoder.decode(bytes)
    let source = SourceText(path: file.lastPathComponent, bytes: decoded.bytes, encoding: decoded.encoding)
    let model = AuditModel(document: TextReader.read(source))
    return (source, Linter(checks: checks).lint(model, path: file.lastPathComponent))
}

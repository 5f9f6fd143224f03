import DocxFixtures
import Foundation

// Writes the test fixtures built in code to a folder, for the scripts that need them as
// files: `fixtures hostile DIR` (issue 14's inputs, for scripts/bench's measurements).
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2, arguments[0] == "hostile" else {
    FileHandle.standardError.write(Data("usage: fixtures hostile DIR\n".utf8))
    exit(64)
}
let folder = URL(fileURLWithPath: arguments[1])
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
for input in HostileInputs.all() {
    try Data(input.bytes).write(to: folder.appendingPathComponent(input.name))
    print("\(input.name)\t\(input.bytes.count) bytes\t\(input.reported)")
}

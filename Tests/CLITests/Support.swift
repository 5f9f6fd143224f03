import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `reportlint` binary as a user would.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let binary: URL = {
        // Another build to run the tests against (to show a test fails before a change).
        if let other = ProcessInfo.processInfo.environment["REPORTLINT_TEST_BINARY"] { return URL(fileURLWithPath: other) }
        // The test bundle sits next to the products it was built with.
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("reportlint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/reportlint")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    @discardableResult
    static func run(_ args: [String], stdin: Data? = nil, cwd: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = cwd ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        let input = Pipe()
        p.standardInput = input
        try p.run()
        if let data = stdin { input.fileHandleForWriting.write(data) }
        try input.fileHandleForWriting.close()
        // Read before waiting so a large report cannot fill the pipe and block.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self), stdoutBytes: o)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reportlint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Runs the binary with posix_spawn, for what Process does not report: peak resident memory. Output goes to files (nothing to drain), and a run that outlives
/// `timeout` is killed (reported as `timedOut`).
enum Measured {
    struct Run {
        var status: Int32
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var seconds: Double
        var peakKB: Int
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// VmHWM of a running process (0 once it has exited).
    static func highWaterKB(_ pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Paths in `args` should be absolute (the child runs in the test's working directory).
    static func run(_ args: [String], timeout: Double = 120) throws -> Run {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let err = dir.appendingPathComponent("err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let arguments: [String] = [CLI.binary.path] + args
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let environment: [String] = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" } + ["NO_COLOR=1"]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for e in envp { free(e) } }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        guard posix_spawn(&pid, CLI.binary.path, &actions, nil, argv, envp) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        var timedOut = false
        // Peak memory from the child's own high-water mark, read while it runs: wait4's
        // ru_maxrss would include this test process's, which the child inherits across exec.
        var peakKB = 0
        while true {
            peakKB = max(peakKB, highWaterKB(pid))
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if ContinuousClock.now - start > .seconds(timeout) && !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(1_000)
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let signaled = (status & 0x7F) != 0 && (status & 0x7F) != 0x7F
        return Run(
            status: signaled ? -1 : (status >> 8) & 0xFF, signal: signaled ? status & 0x7F : nil, seconds: seconds,
            peakKB: peakKB, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "", timedOut: timedOut)
    }
}

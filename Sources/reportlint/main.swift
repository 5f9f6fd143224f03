#if canImport(Glibc)
import Reporters
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The thin command line: parse, run, exit with the code CI reads.
let stderr = Output.standardError()
do {
    let command = try Arguments.parse(Array(CommandLine.arguments.dropFirst()))
    let code = Commands.run(command)
    exit(code)
} catch {
    stderr.write("reportlint: \(error.message)\n")
    stderr.flush()
    exit(64)
}

#if canImport(Glibc)
    import Reporters
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The thin command line: parse, run, exit with the code CI reads.
let stderr = Output.standardError()
let arguments = Array(CommandLine.arguments.dropFirst())
do {
    let command = try Arguments.parse(arguments)
    let code = Commands.run(command)
    exit(code)
} catch {
    stderr.write("reportlint: \(error.message(Arguments.language(in: arguments)))\n")
    stderr.flush()
    exit(64)
}

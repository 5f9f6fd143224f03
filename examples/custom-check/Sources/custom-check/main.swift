import Checks
import Lint
import Reporters

#if canImport(Glibc)
    import Glibc
#endif

// Runs the bureau's check with every built-in one, through the same Linter and Pipeline the
// command line uses, on the sample report (or the files given), prints the findings as
// `reportlint` does, and exits 1 unless the check's own examples pass and the sample's
// planted duplicate is found.

let arguments = Array(CommandLine.arguments.dropFirst())
let files = arguments.isEmpty ? ["sample-2024.txt"] : arguments
let checks: [any Check] = Registry.all + [DuplicateIndicator()]
let pipeline = Pipeline(linter: Linter(checks: checks))
let out = Output.standardOutput()
let reporter = TextReporter(out: out, language: .zh, color: false)

var ok = true
for outcome in ExampleRunner.run(DuplicateIndicator()) where !outcome.passed {
    print("example \(outcome.number) of \(outcome.check) failed: \(outcome.detail.en)")
    ok = false
}

var summary = Summary()
var found = 0
reporter.begin()
for file in files {
    let result = pipeline.audit(path: file, displayPath: file)
    found += result.findings.filter { $0.checkID == DuplicateIndicator.description.id }.count
    summary.add(result)
    reporter.report(result)
}
reporter.end(summary)
out.flush()

if arguments.isEmpty && found != 1 {
    print("expected the planted duplicate indicator in sample-2024.txt, found \(found)")
    ok = false
}
print(ok ? "custom-check: ok" : "custom-check: FAILED")
exit(ok ? 0 : 1)

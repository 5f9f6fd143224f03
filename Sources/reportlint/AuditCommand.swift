import Checks
import Lint
import Reporters

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `reportlint [check] …`: finds the inputs and each one's configuration, audits them in
/// parallel, applies acceptances and the baseline, reports, and turns it all into an exit code.
struct AuditCommand {
    let o: AuditOptions
    let cwd = Paths.currentDirectory()

    init(_ options: AuditOptions) { o = options }

    func run() -> Int32 {
        do {
            return try audit()
        } catch {
            return Commands.usageFailure(error, language: o.language ?? .zh)
        }
    }

    func audit() throws -> Int32 {
        // A rule's id (local/…) is known once the configurations are read, below.
        for id in (o.select ?? []) + o.ignore where Registry.check(id) == nil && !LocalRuleReader.isRuleID(id) {
            throw UsageError(UnknownCheck(id).message)
        }
        let finder = try configurationFinder()
        let language = try o.language ?? finder?.configuration(inOrAbove: cwd)?.language ?? .zh
        let baseline = try o.baseline.map { path throws(ConfigError) in
            try Baseline.read(absolute: PathText.join(cwd, path), display: path)
        }
        // The baseline --write-baseline replaces: what this run does not cover is kept from it.
        let previousBaseline = try o.writeBaseline.flatMap { path throws(ConfigError) -> Baseline? in
            let absolute = PathText.join(cwd, path)
            return FileSystem.exists(absolute) ? try Baseline.read(absolute: absolute, display: path, messages: true) : nil
        }

        // Inputs, each with its configuration and settings.
        var discovery = InputDiscovery(workingDirectory: cwd)
        discovery.include = o.include.map(Glob.init)
        discovery.exclude = o.exclude.map(Glob.init)
        discovery.honoursGitIgnore = !o.noIgnore
        var inputs: [Input] = []
        var plans: [String: Plan] = [:]
        var ledger = AcceptanceLedger()
        var seenConfigs = Set<String>()
        var pipelines: [PipelineKey: Int] = [:]
        var rules = RulesInUse()
        var pipelineList: [Pipeline] = []
        var scope = AuditScope()
        let discovered = discovery.discover(o.paths)
        // Not files (FIFOs, devices, link loops) under an audited name: said, never opened.
        for entry in discovered.skipped { Commands.printError("\(entry.display): \(entry.reason.text(language))") }
        for found in discovered.inputs {
            var input = found
            // --stdin-filename: standard input is reported, configured and placed as that file.
            if input.path == "-", let name = o.stdinFilename { input.display = name }
            if let shard = o.shard, !shard.contains(input) { continue }
            let absolute = input.path == "-" ? PathText.join(cwd, o.stdinFilename ?? "<stdin>") : PathText.join(cwd, input.path)
            let config =
                try input.path == "-" && o.stdinFilename == nil
                ? finder?.configuration(inOrAbove: cwd) : finder?.configuration(forFile: absolute)
            var settings = FileSettings(enabled: Set(Registry.ids).union(config?.rules.map(\.id) ?? []), failOn: .error)
            if let config {
                rules.add(config)
                let relative = PathText.relative(absolute, to: config.directory) ?? input.display
                if !input.named && !config.admits(relativePath: relative) { continue }
                settings = config.settings(forRelativePath: relative, base: settings)
                if seenConfigs.insert(config.file).inserted { ledger.add(config) }
            }
            let configured = settings.enabled
            if let select = o.select { settings.enabled.formIntersection(select) }
            settings.enabled.subtract(o.ignore)
            let skipped = configured.subtracting(settings.enabled)
            if let f = o.failOn { settings.failOn = f }
            // Two configurations may give one rule id different rules: a pipeline is per configuration too.
            let key = PipelineKey(settings: settings, rulesOf: config?.rules.isEmpty == false ? config?.file : nil)
            let index =
                pipelines[key]
                ?? {
                    let local = (config?.rules ?? []).filter { settings.enabled.contains($0.id) }.map { RuleCheck($0) as any Check }
                    var pipeline = Pipeline(
                        linter: Linter(
                            checks: Registry.all.filter { settings.enabled.contains($0.id) } + local,
                            severities: settings.severities))
                    // A page shows what was checked and held (on request), so html keeps it too.
                    pipeline.keepVerified = o.verified || o.format == .html
                    pipelineList.append(pipeline)
                    pipelines[key] = pipelineList.count - 1
                    return pipelineList.count - 1
                }()
            inputs.append(input)
            plans[input.display] = Plan(absolute: absolute, pipeline: index, failOn: settings.failOn, skipped: skipped)
        }

        for id in (o.select ?? []) + o.ignore where Registry.check(id) == nil && !rules.ids.contains(id) {
            let near = Suggestion.likely(id, in: rules.ids.sorted() + Registry.ids)
            throw UsageError(
                zh: "没有 '\(id)' 这项检查或规则（读到的配置文件中都没有）" + (near.map { "；是不是 '\($0)'？" } ?? ""),
                en: "unknown check '\(id)' (no configuration read here declares it as a rule)"
                    + (near.map { "; did you mean '\($0)'?" } ?? ""))
        }
        if inputs.isEmpty {
            // A gate that audits nothing must not pass, whatever --fail-on says.
            Commands.printError(NothingToAudit(options: o, configured: !seenConfigs.isEmpty).message.text(language))
            return ExitCode.inputError
        }
        // Inputs are never written: a report or baseline aimed at one is refused before anything is opened.
        for (option, path) in [("--output", o.output), ("--write-baseline", o.writeBaseline)] {
            guard let path else { continue }
            try OutputGuard(workingDirectory: cwd).refuse(path, option: option, inputs: inputs, arguments: o.paths)
        }
        let html = o.format == .html ? try HTMLDestination.choose(output: o.output, inputs: inputs) : nil
        let out = html == .page || html == nil ? try output() : Output.standardOutput()
        let reporter = makeReporter(out, language, html: html, rules: Registry.all.map(\.description) + rules.descriptions)
        let progress = Progress(total: inputs.count, enabled: o.progress ?? (isatty(2) == 1), language: language)
        let frozenPipelines = pipelineList
        let frozenPlans = plans
        let frozenLedger = ledger
        let parallel = ParallelAuditor(jobs: o.jobs ?? ProcessInfoCores.count) { input in
            let plan = frozenPlans[input.display]
            let pipeline = frozenPipelines[plan?.pipeline ?? 0]
            let accepted = plan.map { frozenLedger.reasons(forFile: $0.absolute) } ?? [:]
            if input.path == "-" {
                switch FileInput.readStandardInput(limit: pipeline.maxBytes) {
                case .success(let bytes): return pipeline.audit(bytes: bytes, displayPath: input.display, accepted: accepted)
                case .failure(let e): return FileResult(path: input.display, source: nil, findings: [], error: e)
                }
            }
            return pipeline.audit(path: input.path, displayPath: input.display, accepted: accepted)
        }

        var summary = Summary()
        summary.statistics = o.statistics
        var failing = 0
        var matcher = baseline.map(Baseline.Matcher.init)
        var recorded: [Baseline.Entry] = []
        let baselineDirectory = o.writeBaseline.map { PathText.parent(PathText.join(cwd, $0)) }
        reporter.begin()
        parallel.run(inputs) { original in
            var result = original
            let plan = frozenPlans[result.path] ?? Plan(absolute: PathText.join(cwd, result.path), pipeline: 0, failOn: .error)
            if let e = result.error {
                progress.clear()
                Commands.printError("\(result.path): \(e.message.text(language))")
            }
            // A file that could not be read says nothing about its baseline entries and acceptances.
            if result.error == nil { scope.audited(plan.absolute, skipping: plan.skipped) }
            ledger.record(result.findings, file: plan.absolute)
            if var m = matcher {
                let accepted = result.findings.filter { $0.suppression != nil }
                let (kept, dropped) = m.filter(result.findings.filter { $0.suppression == nil }, source: result.source, file: plan.absolute)
                result.findings = (kept + accepted).sorted(by: Linter.documentOrder)
                summary.baselined += dropped
                matcher = m
            }
            if let dir = baselineDirectory {
                let path = PathText.relative(plan.absolute, to: dir) ?? plan.absolute
                for f in result.findings where f.suppression == nil {
                    recorded.append(
                        Baseline.Entry(
                            path: path, check: f.checkID, fingerprint: f.fingerprint,
                            figures: result.source.map { BaselineFigures.of(f, in: $0) }, message: f.message.text(language)))
                }
            }
            // Below --min-severity: neither shown nor counted (after the baseline saw them all,
            // so that a filtered run neither drops nor reports stale entries).
            if let floor = o.minSeverity { result.findings.removeAll { $0.severity < floor } }
            failing += result.findings.filter { $0.suppression == nil && plan.failOn.fails($0.severity) }.count
            summary.add(result)
            // The progress line goes before the report is written where both share a terminal.
            progress.clear()
            reporter.report(result)
            if out.isTerminal && progress.enabled { out.flush() }
            progress.advance(findings: result.findings.count)
        }
        let display = { (path: String) in PathText.relative(path, to: cwd) ?? path }
        summary.notices = ledger.unused(in: scope, display: display)
        if let m = matcher {
            let stale = m.stale(in: scope)
            summary.staleBaseline = stale
            if stale > 0, let b = o.baseline {
                summary.notices.append(
                    LocalizedText(
                        zh: "基线 \(b) 中有 \(stale) 个问题已不再出现；用 --write-baseline \(b) 重新生成可以缩小基线",
                        en:
                            "\(stale) finding\(stale == 1 ? "" : "s") in the baseline \(b) no longer occur; regenerate it with --write-baseline \(b) to shrink it"
                    ))
            }
        }
        reporter.end(summary)
        out.close()
        // A report that could not be written is lost: say so and fail, whatever --fail-on says.
        if let failure = out.failure {
            Commands.printError("cannot write the report to \(o.output.map { "'\($0)'" } ?? "standard output"): \(failure)")
            return ExitCode.inputError
        }
        if let pages = reporter as? HTMLReporter, !pages.unwritable.isEmpty {
            for path in pages.unwritable { Commands.printError("cannot write '\(path)'") }
            return ExitCode.inputError
        }
        // The text report on standard output has its notices and summary; other reports, on a
        // terminal's standard error (the summary once, never twice).
        let reportHasSummary = o.format == .text && o.output == nil
        for notice in summary.notices where !reportHasSummary {
            Commands.printError(notice.text(language))
        }
        progress.finish(summary, show: progress.enabled && !reportHasSummary && !o.quiet)
        // --fail-on never: the upload step after it always runs; input errors are in the report.
        let neverFail = o.failOn == .never

        if let path = o.writeBaseline {
            let baseline = Baseline.merged(
                previous: previousBaseline, recorded: recorded, directory: baselineDirectory ?? cwd, scope: scope)
            guard let file = Output.file(path) else { throw UsageError(message: "cannot write '\(path)'") }
            file.write(BaselineWriter.json(baseline))
            file.close()
            if let failure = file.failure {
                Commands.printError("cannot write the baseline '\(path)': \(failure)")
                return ExitCode.inputError
            }
            let kept = baseline.entries.count - recorded.count
            Commands.printError(
                language == .zh
                    ? "已将 \(recorded.count) 个问题写入基线 \(path)" + (kept > 0 ? "，保留了本次未检查的 \(kept) 条" : "")
                    : "recorded \(recorded.count) finding\(recorded.count == 1 ? "" : "s") in the baseline \(path)"
                        + (kept > 0 ? ", keeping \(kept) \(kept == 1 ? "entry" : "entries") this run did not cover" : ""))
            return summary.inputErrors > 0 && !neverFail ? ExitCode.inputError : ExitCode.clean
        }
        if neverFail { return ExitCode.clean }
        if summary.inputErrors > 0 { return ExitCode.inputError }
        if o.strictBaseline && summary.staleBaseline > 0 { return ExitCode.findings }
        return failing > 0 ? ExitCode.findings : ExitCode.clean
    }

    /// What a pipeline is made from: the settings, and the configuration whose rules it runs.
    struct PipelineKey: Hashable {
        var settings: FileSettings
        var rulesOf: String?
    }

    /// Where an input's audit goes: which pipeline (one per distinct settings) and what fails it.
    struct Plan {
        var absolute: String
        var pipeline: Int
        var failOn: FailOn
        /// The checks the configuration runs on this file and the command line does not.
        var skipped: Set<String> = []
    }

    func configurationFinder() throws(ConfigError) -> ConfigurationFinder? {
        switch o.config {
        case ""?: return nil
        case let path?:
            let config = try ConfigurationFinder.explicit(path, knownChecks: Registry.ids, workingDirectory: cwd)
            return ConfigurationFinder(explicit: config, knownChecks: Registry.ids, workingDirectory: cwd)
        case nil:
            return ConfigurationFinder(explicit: nil, knownChecks: Registry.ids, workingDirectory: cwd)
        }
    }

    func output() throws(UsageError) -> Output {
        guard let path = o.output else { return Output.standardOutput() }
        guard let file = Output.file(path) else { throw UsageError(message: "cannot write '\(path)'") }
        return file
    }

    func makeReporter(_ out: Output, _ language: Language, html: HTMLDestination.Choice?, rules: [CheckDescription]) -> Reporter {
        switch o.format {
        case .html:
            if case .directory(let path)? = html {
                return HTMLReporter(destination: .directory(path), language: language, rules: rules)
            }
            return HTMLReporter(destination: .page(out), language: language, rules: rules)
        case .text:
            return TextReporter(
                out: out, language: language, color: o.color ?? (out.isTerminal && getenv("NO_COLOR") == nil), summary: !o.quiet)
        case .json: return JSONReporter(out: out, language: language)
        case .jsonl: return JSONReporter(out: out, language: language, lines: true)
        case .sarif:
            return SARIFReporter(
                out: out, language: language, rules: rules, baseDirectory: root,
                workingDirectory: cwd, maxResults: o.maxResults ?? SARIFReporter.gitHubResultLimit)
        case .github:
            return GitHubReporter(
                out: out, language: language, paths: RepositoryPaths(root: root, workingDirectory: cwd), maxResults: o.maxResults)
        }
    }

    /// What SARIF and GitHub paths are relative to: --root, else the enclosing git work tree,
    /// else the working directory (so that a run from a subfolder still names files from the top).
    var root: String {
        if let r = o.root { return PathText.join(cwd, r) }
        return GitWorkTree.root(containing: cwd) ?? cwd
    }
}

import Checks
import Lint
import Reporters

/// `reportlint rules [test]`, `reportlint concepts` and `reportlint explain local/…`: the rules
/// of a configuration (the nearest `.reportlint.json` above the working directory, or
/// `--config FILE`), listed, explained, or with their examples run as the built-in checks'
/// examples run in the test suite.
enum RulesCommand {
    static func concepts(_ format: OutputFormat, _ language: Language) -> Int32 {
        print(
            format == .json ? RuleCatalog.conceptsJSON().serialized() : RuleCatalog.concepts(language),
            terminator: format == .json ? "\n" : "")
        return ExitCode.clean
    }

    static func run(_ r: RulesOptions) -> Int32 {
        let loaded: Configuration
        do {
            loaded = try configuration(r.config)
        } catch {
            return Commands.usageFailure(error, language: r.language ?? .zh)
        }
        let language = r.language ?? loaded.language ?? .zh
        guard r.test else {
            let descriptions = loaded.rules.map(\.description)
            print(
                r.format == .json ? CheckCatalog.json(descriptions, language).serialized() : CheckCatalog.text(descriptions, language),
                terminator: r.format == .json ? "\n" : "")
            return ExitCode.clean
        }
        let outcomes = loaded.rules.flatMap { ExampleRunner.run(RuleCheck($0)) }
        let ok = outcomes.allSatisfy(\.passed)
        if r.format == .json {
            print(RuleCatalog.testJSON(loaded.rules, outcomes, language).serialized())
        } else {
            print(RuleCatalog.test(loaded.rules, outcomes, language).text, terminator: "")
        }
        return ok ? ExitCode.clean : ExitCode.findings
    }

    /// `explain local/…`: the rule as reportlint understood it.
    static func explain(_ id: String, _ language: Language, config: String?) -> Int32 {
        do {
            let loaded = try configuration(config)
            guard let rule = loaded.rules.first(where: { $0.id == id }) else {
                let near = Suggestion.closest(to: id, in: loaded.rules.map(\.id) + Registry.ids)
                Commands.printError("no rule '\(id)' in \(loaded.file)" + (near.map { "; did you mean '\($0)'?" } ?? ""))
                return ExitCode.usage
            }
            print(RuleCatalog.explain(rule, language), terminator: "")
            return ExitCode.clean
        } catch {
            return Commands.usageFailure(error, language: language)
        }
    }

    static func configuration(_ path: String?) throws -> Configuration {
        let cwd = Paths.currentDirectory()
        if let path {
            return try ConfigurationFinder.explicit(path, knownChecks: Registry.ids, workingDirectory: cwd)
        }
        let finder = ConfigurationFinder(explicit: nil, knownChecks: Registry.ids, workingDirectory: cwd)
        guard let found = try finder.configuration(inOrAbove: cwd) else {
            throw UsageError(
                zh: "当前目录及其上方没有 \(ConfigurationLoader.fileName)；用 --config FILE 指定",
                en: "no \(ConfigurationLoader.fileName) in this folder or above it; name one with --config FILE")
        }
        return found
    }
}

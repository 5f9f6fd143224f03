import Checks
import Lint
import Reporters

/// `reportlint init`: a commented starter configuration, its schema for editors, and how
/// to run reportlint in CI and as a pre-commit hook.
enum Starter {
    static let configuration = """
        {
          "$schema": "./.reportlint.schema.json",
          "_comment": [
            "reportlint configuration. Paths and globs are relative to this folder; the nearest .reportlint.json above a report applies to it.",
            "lang: message language (zh, en). fail-on: the least severe finding that fails the run (error, warning, note, never).",
            "include / exclude: globs that filter the reports found in directories (** crosses folders).",
            "checks: every check runs by default; 'reportlint checks' lists them and 'reportlint explain ID' describes one.",
            "overrides: settings for some paths, applied in order after the ones above.",
            "accepted: findings reviewed and accepted, each {\\"path\\", \\"fingerprint\\", \\"reason\\"}: reported as suppressed, never dropped.",
            "Adopting reportlint on many existing reports? Record them once with --write-baseline FILE and gate CI with --baseline FILE."
          ],
          "lang": "zh",
          "fail-on": "error",
          "include": ["**/*.txt", "**/*.docx", "**/*.xlsx", "**/*.pdf"],
          "exclude": [],
          "checks": {
            "_comment": "only: run just these; disable: turn off; enable: turn back on; severity: error, warning or note per check.",
            "disable": [],
            "severity": {}
          },
          "overrides": [
            {
              "_comment": "An example that changes nothing: older reports could be audited with fewer checks and never fail the run.",
              "files": ["archive/**"],
              "checks": {}
            }
          ],
          "accepted": []
        }

        """

    static let instructions = """

        In CI, fail the job on errors (exit 1; exit 2 when a report cannot be read):
            reportlint reports/

        GitHub code scanning (findings as annotations on pull requests):
            - run: reportlint --format sarif --output reportlint.sarif --fail-on never reports/
            - uses: github/codeql-action/upload-sarif@v3
              with: { sarif_file: reportlint.sarif }

        A repository with existing findings: record them once, then fail only on new ones:
            reportlint --write-baseline .reportlint-baseline.json reports/
            reportlint --baseline .reportlint-baseline.json reports/

        As a pre-commit hook (.pre-commit-config.yaml; the hook is defined in reportlint's .pre-commit-hooks.yaml):
            repos:
              - repo: <reportlint's repository URL>
                rev: <a release tag>
                hooks:
                  - id: reportlint

        """

    static func run(force: Bool) -> Int32 {
        let cwd = Paths.currentDirectory()
        let config = cwd + "/" + ConfigurationLoader.fileName
        let schema = cwd + "/.reportlint.schema.json"
        if FileSystem.exists(config) && !force {
            Commands.printError("\(ConfigurationLoader.fileName) already exists; use 'reportlint init --force' to replace it")
            return ExitCode.usage
        }
        for (path, text) in [(config, configuration), (schema, ConfigSchema.json(checkIDs: Registry.ids))] {
            guard let out = Output.file(path) else {
                Commands.printError("cannot write '\(path)'")
                return ExitCode.usage
            }
            out.write(text)
            out.close()
            if let failure = out.failure {
                Commands.printError("cannot write '\(path)': \(failure)")
                return ExitCode.inputError
            }
        }
        print("wrote \(ConfigurationLoader.fileName) and .reportlint.schema.json" + instructions, terminator: "")
        return ExitCode.clean
    }
}

import Checks
import Lint

/// The rules of every configuration an audit reads: their ids (which `--select` and `--ignore`
/// may name) and their descriptions (SARIF's `tool.driver.rules`, the HTML page). When two
/// configurations declare one id, the first read describes it.
struct RulesInUse {
    private(set) var ids: Set<String> = []
    private(set) var descriptions: [CheckDescription] = []
    private var files: Set<String> = []

    mutating func add(_ configuration: Configuration) {
        guard files.insert(configuration.file).inserted else { return }
        for rule in configuration.rules where ids.insert(rule.id).inserted {
            descriptions.append(rule.description)
        }
    }
}

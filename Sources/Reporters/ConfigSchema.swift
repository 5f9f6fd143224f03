import Engine
import Extraction
import Model
import Readers

/// The JSON Schema of `.reportlint.json`, generated from the same rules the loader enforces
/// and the registry's check ids; docs/reportlint.schema.json is this output (a test keeps
/// them equal), and `reportlint init` writes it next to the configuration for editors.
public enum ConfigSchema {
    public static func json(checkIDs: [String]) -> String {
        let comment: JSON = .object([
            ("description", .string("Free text for people; ignored.")),
            (
                "anyOf",
                .array([
                    .object([("type", .string("string"))]),
                    .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])
                ])
            )
        ])
        let strings: JSON = .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))])
        let failOn: JSON = .object([
            ("description", .string("The least severe finding that makes the run fail (exit 1).")),
            ("enum", .array(FailOn.allCases.map { .string($0.rawValue) }))
        ])
        let ids: JSON = .object([
            ("type", .string("array")), ("items", .object([("$ref", .string("#/definitions/checkId"))])), ("uniqueItems", .bool(true))
        ])
        let checks: JSON = .object([
            (
                "description",
                .string("Every check runs by default. only: just these; disable: turn off; enable: turn back on; severity: per check.")
            ),
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            (
                "properties",
                .object([
                    ("_comment", comment), ("only", ids), ("disable", ids), ("enable", ids),
                    (
                        "severity",
                        .object([
                            ("type", .string("object")), ("propertyNames", .object([("$ref", .string("#/definitions/checkId"))])),
                            ("additionalProperties", .object([("enum", .array(["error", "warning", "note"].map(JSON.string)))]))
                        ])
                    )
                ])
            )
        ])
        let override: JSON = .object([
            (
                "description",
                .string("Settings for the files matching one of the globs (relative to the configuration's folder), applied in order.")
            ),
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("files")])),
            (
                "properties",
                .object([
                    ("_comment", comment),
                    (
                        "files",
                        .object([("type", .string("array")), ("items", .object([("type", .string("string"))])), ("minItems", .int(1))])
                    ),
                    ("checks", .object([("$ref", .string("#/definitions/checks"))])),
                    ("fail-on", .object([("$ref", .string("#/definitions/failOn"))]))
                ])
            )
        ])
        let acceptance: JSON = .object([
            ("description", .string("A finding reviewed and accepted: reported as suppressed with the reason.")),
            ("type", .string("object")), ("additionalProperties", .bool(false)),
            ("required", .array(["path", "fingerprint", "reason"].map(JSON.string))),
            (
                "properties",
                .object([
                    ("_comment", comment),
                    (
                        "path",
                        .object([
                            ("type", .string("string")), ("description", .string("The report, relative to the configuration's folder."))
                        ])
                    ),
                    ("fingerprint", .object([("type", .string("string")), ("pattern", .string("^[0-9a-f]{16}$"))])),
                    ("check", .object([("$ref", .string("#/definitions/checkId"))])),
                    ("reason", .object([("type", .string("string")), ("pattern", .string("\\S"))]))
                ])
            )
        ])
        let localized: JSON = .object([
            (
                "anyOf",
                .array([
                    .object([("type", .string("string")), ("minLength", .int(1))]),
                    .object([
                        ("type", .string("object")), ("additionalProperties", .bool(false)),
                        ("required", .array([.string("zh"), .string("en")])),
                        (
                            "properties",
                            .object([
                                ("_comment", comment),
                                ("zh", .object([("type", .string("string")), ("minLength", .int(1))])),
                                ("en", .object([("type", .string("string")), ("minLength", .int(1))]))
                            ])
                        )
                    ])
                ])
            )
        ])
        let snippets: JSON = .object([("type", .string("array")), ("items", .object([("type", .string("string")), ("minLength", .int(1))]))]
        )
        func expression(_ description: String) -> JSON {
            .object([
                ("description", .string(description)), ("type", .string("string")), ("minLength", .int(1)),
                ("maxLength", .int(RuleParser.maxLength))
            ])
        }
        let rule: JSON = .object([
            ("description", .string("A rule of the bureau's own (docs/configuration.md, Rules): one of expect, each-row or require.")),
            ("type", .string("object")), ("additionalProperties", .bool(false)), ("required", .array([.string("id")])),
            ("oneOf", .array(LocalRuleReader.kinds.map { .object([("required", .array([.string($0)]))]) })),
            (
                "properties",
                .object([
                    ("_comment", comment),
                    ("id", .object([("type", .string("string")), ("pattern", .string(LocalRuleReader.idRegex))])),
                    ("title", localized),
                    ("severity", .object([("enum", .array(["error", "warning", "note"].map(JSON.string)))])),
                    ("expect", expression("A relation over concepts (reportlint concepts), tested on the printed figures' intervals.")),
                    ("each-row", expression("A condition on every row of the self-evaluation tables: [premise =>] relation over columns.")),
                    (
                        "require",
                        .object([
                            ("type", .string("string")), ("minLength", .int(1)),
                            ("description", .string("A concept that must be stated with a figure, or a 'quoted phrase'."))
                        ])
                    ),
                    ("section", .object([("type", .string("string")), ("minLength", .int(1))])),
                    ("unless", .object([("enum", .array([.string("reason-nearby")]))])),
                    (
                        "reason-words",
                        .object([
                            ("type", .string("array")), ("minItems", .int(1)),
                            ("items", .object([("type", .string("string")), ("minLength", .int(1))]))
                        ])
                    ),
                    ("tables", .object([("enum", .array(LocalRule.TableScope.allCases.map { .string($0.rawValue) }))])),
                    ("rows", .object([("enum", .array(LocalRule.RowScope.allCases.map { .string($0.rawValue) }))])),
                    ("message", localized),
                    (
                        "examples",
                        .object([
                            ("type", .string("object")), ("additionalProperties", .bool(false)),
                            ("properties", .object([("_comment", comment), ("triggering", snippets), ("non-triggering", snippets)]))
                        ])
                    )
                ])
            )
        ])
        return JSON.object([
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("title", .string("reportlint configuration (.reportlint.json)")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            (
                "properties",
                .object([
                    ("$schema", .object([("type", .string("string"))])),
                    ("_comment", comment),
                    (
                        "lang",
                        .object([
                            ("description", .string("Message language.")), ("enum", .array(Language.allCases.map { .string($0.rawValue) }))
                        ])
                    ),
                    ("fail-on", .object([("$ref", .string("#/definitions/failOn"))])),
                    ("include", strings),
                    ("exclude", strings),
                    ("checks", .object([("$ref", .string("#/definitions/checks"))])),
                    ("overrides", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/definitions/override"))]))])),
                    (
                        "accepted",
                        .object([("type", .string("array")), ("items", .object([("$ref", .string("#/definitions/acceptance"))]))])
                    ),
                    ("rules", .object([("type", .string("array")), ("items", .object([("$ref", .string("#/definitions/rule"))]))]))
                ])
            ),
            (
                "definitions",
                .object([
                    (
                        "checkId",
                        .object([
                            (
                                "anyOf",
                                .array([
                                    .object([("enum", .array(checkIDs.map(JSON.string)))]),
                                    .object([("type", .string("string")), ("pattern", .string(LocalRuleReader.idRegex))])
                                ])
                            )
                        ])
                    ),
                    ("failOn", failOn),
                    ("checks", checks),
                    ("override", override),
                    ("acceptance", acceptance),
                    ("rule", rule)
                ])
            )
        ]).serialized() + "\n"
    }
}

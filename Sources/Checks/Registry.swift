import Engine
import Extraction
import Model

/// Every check, in the order they are listed by `reportlint checks`.
///
/// Adding a check touches its own file and one line here. Copy a short file of this folder
/// (`GrowthFromZero.swift`, `ExecutionRate.swift`); it reads top to bottom as a rule:
///
/// - `description`: id, titles, rationale, severity, and the examples the tests run: small
///   reports with `↓` where a finding must land. Tables are compact rows, one line a row:
///   `Rows.table(ExampleTables.budgetBlock, """` then `| | 总额 | 4.80 | 4.68 | 4.56 | ↓100% | 10 | 10 | |`
///   (`⏎` breaks a line inside a cell; see `Rows`).
/// - `check(_:_:)`: reads the `AuditModel`, tests each relation with `Relations`, and hands the
///   verdict to `report.judge(verdict, numbers: …, key: …, message: Message.….text, at: …)`,
///   which applies the severity ladder (holds → verified, undefined → nothing, fails → the
///   check's severity, truncation only → note) and builds the finding only when there is one.
///   A finding that is no relation's verdict is `report.add(severity, message, at:, key:)`.
///   Optionals are bound with `guard let`, never forced.
/// - `extension TheCheck { enum Message { case … ; var text: LocalizedText } }` at the end: every
///   message as a typed case, Chinese and English side by side, built from plain values.
///
/// Then record its message snapshot (`REPORTLINT_RECORD_SNAPSHOTS=1 swift test --filter
/// MessageSnapshotTests`) and the derived files (docs/checks.md, README's table: `DerivedFilesTests`).
public enum Registry {
    public static let all: [any Check] = [
        ShareOfTotal(),
        PercentSum(),
        BreakdownSum(),
        IdentityCheck(),
        YoYChange(),
        GrowthFromZero(),
        BudgetCompletion(),
        ClassificationSum(),
        ExecutionRate(),
        ExecutionScore(),
        WeightTotal(),
        ScoreBounds(),
        ScoreTotal(),
        IndicatorDirection(),
        UnsupportedScore(),
        TargetNotMet(),
        Period(),
        UnexplainedAdjustment(),
        CostTargets(),
        CompletionRate(),
        ExecutionNote(),
        FundBreakdown(),
        DepartmentIndicators(),
        UnreadableTable(),
        FigureConsistency(),
        ProjectTotals(),
        ReportPeriod(),
        ChartConsistency(),
        NarrativeDirection(),
        NoReportContent(),
        TableFooting(),
        CrossTable(),
        TableText(),
        TableSet(),
        PlaceholderCheck()
    ]

    public static func check(_ id: String) -> (any Check)? { all.first { $0.id == id } }

    public static var ids: [String] { all.map(\.id) }
}

import Engine
import Extraction
import Model

/// Every check, in the order they are listed by `reportlint checks`.
/// Adding a check: copy one file of this folder, then add one line here.
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
        UnreadableTable(),
        FigureConsistency(),
        ProjectTotals(),
        ReportPeriod(),
        ChartConsistency(),
        NarrativeDirection(),
        NoReportContent(),
    ]

    public static func check(_ id: String) -> (any Check)? { all.first { $0.id == id } }

    public static var ids: [String] { all.map(\.id) }
}

import Model

/// The operator and unit of an indicator's target, from the cells that state them.
enum TargetParsing {
    static func op(_ s: String) -> TargetOperator? {
        switch s {
        case "≥", "≧", ">=": return .atLeast
        case "≤", "≦", "<=": return .atMost
        case ">", "＞": return .greater
        case "<", "＜": return .less
        case "=", "＝", "==": return .equal
        case "定性": return .qualitative
        default: return nil
        }
    }

    static func op(_ c: Comparator?) -> TargetOperator? {
        switch c {
        case .ge: return .atLeast
        case .le: return .atMost
        case .gt: return .greater
        case .lt: return .less
        case .eq: return .equal
        case nil: return nil
        }
    }

    /// The unit of a separate 度量单位 cell ("%", "次", "万元", "万", "元/人", "万字").
    static func unit(_ s: String) -> Quantity? {
        NumberScanner.scan(CleanTextBuilder.make("1" + s)).quantities.first
    }
}

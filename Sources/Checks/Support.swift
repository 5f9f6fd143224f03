import Engine
import Extraction
import Model

/// Small helpers the checks share for naming numbers and writing arithmetic.
enum Say {
    /// Terms of a sum or a list for a message that both languages share: all of them up to a
    /// dozen, else the first ten, an ellipsis and the last (a table may repeat a row ten
    /// thousand times; a message stays a line). `list` says how many in each language.
    static func terms(_ items: [String], separator: String) -> String {
        guard items.count > 12 else { return items.joined(separator: separator) }
        return (items.prefix(10) + ["…", items[items.count - 1]]).joined(separator: separator)
    }

    /// "559.96万元" for money (in 万元), the plain value with the unit otherwise.
    static func amount(_ value: Dec, like q: Quantity, decimals: Int? = nil) -> String {
        let d = decimals ?? max(q.decimals, q.comparable.decimals)
        if q.amountInWan != nil { return value.formatted(minDecimals: d) + "万元" }
        return value.formatted(minDecimals: d) + q.unit.description
    }

    /// "人员经费482.69万元 + 公用经费77.27万元"
    static func sum(_ mentions: [Mention], english: Bool = false) -> String {
        list(mentions.map { english ? $0.namedEnglish : $0.named }, separator: " + ")
    }

    /// Items joined for a message, the first `limit` of a longer list followed by how many
    /// there are in all: a message stays readable, and its size bounded, whatever the report.
    static func list(_ items: [String], separator: String, limit: Int = 12) -> String {
        guard items.count > limit else { return items.joined(separator: separator) }
        return items.prefix(limit - 2).joined(separator: separator) + separator + "…（共\(items.count)项）"
    }

    static func listEnglish(_ items: [String], separator: String, limit: Int = 12) -> String {
        guard items.count > limit else { return items.joined(separator: separator) }
        return items.prefix(limit - 2).joined(separator: separator) + separator + "… (\(items.count) in all)"
    }

    /// A mention named in both languages: "本年收入合计860.00万元" / "income of the year 860.00万元".
    static func named(_ m: Mention) -> LocalizedText { LocalizedText(zh: m.named, en: m.namedEnglish) }

    static func related(_ role: String, _ m: Mention, zh: String, en: String) -> RelatedLocation {
        RelatedLocation(
            role: role, span: m.span,
            message: LocalizedText(
                zh: zh.isEmpty ? m.named : zh + " " + m.named,
                en: en.isEmpty ? m.namedEnglish : en + " " + m.namedEnglish))
    }

    /// The innermost section title of a mention, for fingerprint keys.
    static func section(_ model: AuditModel, _ m: Mention) -> String {
        model.document.sectionPath(model.unit(of: m).section).last ?? ""
    }

    /// "97%": part ÷ whole as a percentage, rounded to the decimals of the figure it is compared with.
    static func percent(_ part: Dec, of whole: Dec, decimals: Int) -> String {
        Relations.percent(part, of: whole, decimals: decimals).formatted(minDecimals: decimals) + "%"
    }

    /// "97.44%": part ÷ whole with at least two decimals, for the arithmetic a message shows.
    static func precisePercent(_ part: Dec, of whole: Dec, decimals: Int) -> String {
        Relations.percent(part, of: whole, decimals: max(2, decimals)).formatted(minDecimals: 2) + "%"
    }

    static func exactSum(_ figures: [Figure]) -> Dec {
        var s = Dec.zero
        for f in figures { s = s + f.value }
        return s
    }

    static func decimals(_ figures: [Figure]) -> Int { figures.map(\.decimals).max() ?? 0 }
}

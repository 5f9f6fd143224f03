import Lint

/// The message of a run that found no file to audit (exit 2): the paths, and the filters
/// that may have left everything out, so that the user knows where to look.
struct NothingToAudit {
    let options: AuditOptions
    /// A configuration's include/exclude applied to the walk.
    let configured: Bool

    var message: LocalizedText {
        var filters: [String] = []
        for g in options.include { filters.append("--include " + g) }
        for g in options.exclude { filters.append("--exclude " + g) }
        if let s = options.shard { filters.append("--shard \(s.index)/\(s.count)") }
        if configured { filters.append(".reportlint.json include/exclude") }
        if !options.noIgnore { filters.append(".gitignore") }
        let paths = options.paths.joined(separator: " ")
        return LocalizedText(
            zh: "没有找到要检查的文件：\(paths) 中没有 .txt、.docx 或 .pdf 文件" + (filters.isEmpty ? "" : "（或都被 \(filters.joined(separator: "、")) 排除）"),
            en: "no files to audit: \(paths) holds no .txt, .docx or .pdf file"
                + (filters.isEmpty ? "" : " (or \(filters.joined(separator: ", ")) left every one out)"))
    }
}

import Lint
import Model

/// `--help`, written from the option table in the chosen language: the whole tool's, or
/// one subcommand's (`reportlint checks --help`).
enum Help {
    static func text(for command: Subcommand?, _ language: Language) -> String {
        let zh = language == .zh
        var s = zh ? "reportlint — 检查部门决算、部门预算和绩效自评报告中的数字\n\n" : "reportlint — audit the numbers in 部门决算, 部门预算 and 绩效自评 reports\n\n"
        s += zh ? "用法\n" : "USAGE\n"
        let shown = command.map { [$0] } ?? Subcommand.allCases
        for c in shown {
            s += "  " + c.usage + "\n      " + c.summary.text(language) + "\n"
        }
        s += zh ? "\n选项\n" : "\nOPTIONS\n"
        let specs = OptionTable.all.filter { command == nil || $0.commands.contains(command!) }
        var seen = Set<String>()
        for spec in specs {
            // A name listed for several subcommands is shown once in the whole tool's help.
            if command == nil && !seen.insert(spec.name).inserted { continue }
            var head = spec.name + (spec.short.map { ", " + $0 } ?? "") + (spec.value.map { " " + $0 } ?? "")
            if command == nil, !spec.commands.contains(.audit), spec.commands != OptionSpec.everywhere {
                head += " (" + spec.commands.map(\.rawValue).sorted().joined(separator: ", ") + ")"
            }
            s += "  " + head + "\n      " + spec.help.text(language) + "\n"
        }
        if command == nil || command == .audit {
            s +=
                zh
                ? """

                退出码
                  0  没有 --fail-on 级别及以上的问题（--fail-on never：除报告无法写出外总是 0）
                  1  有 --fail-on 级别及以上的问题
                  2  有文件无法读取（其余文件照常检查），或没有找到要检查的文件，
                     或报告无法写出（--fail-on never 时也是）
                  64 用法错误，或配置、基线无效

                """
                : """

                EXIT CODES
                  0  nothing at or above --fail-on (--fail-on never: always 0 once the report is written)
                  1  findings at or above --fail-on
                  2  an input could not be read (the others are still audited), or no file to audit,
                     or the report could not be written (even with --fail-on never)
                  64 usage error, or an invalid configuration or baseline

                """
        }
        return s
    }
}

/// The examples of the finance-table checks: a table as compact rows (`Rows`) under its title
/// and unit line, in the Word-export text form.
enum FinanceExamples {
    /// "title\n单位：万元\n", the rows, and the blank lines that close a table.
    static func table(_ title: String, _ rows: String, unit: String = "单位：万元") -> String {
        title + "\n" + unit + "\n" + rows + "\n\n"
    }

    /// The nine 决算 tables, one line each, the two fund tables blank; `blankNote` follows each
    /// blank table when given.
    static func compactSet(blankNote: String? = nil) -> String {
        let note = blankNote.map { $0 + "\n" } ?? ""
        return table(
            "收入支出决算总表",
            Rows.table(
                """
                | 项目 | 决算数 | 项目 | 决算数 |
                | 一、一般公共预算财政拨款收入 | 100.00 | 一、一般公共服务支出 | 100.00 |
                | 本年收入合计 | 100.00 | 本年支出合计 | 100.00 |
                """))
            + table(
                "收入决算表",
                Rows.table(
                    """
                    | 科目编码 | 科目名称 | 本年收入合计 | 财政拨款收入 |
                    | | 合计 | 100.00 | 100.00 |
                    """))
            + table(
                "支出决算表",
                Rows.table(
                    """
                    | 科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |
                    | | 合计 | 100.00 | 80.00 | 20.00 |
                    """))
            + table(
                "财政拨款收入支出决算总表",
                Rows.table(
                    """
                    | 项目 | 决算数 | 项目 | 合计 | 一般公共预算财政拨款 |
                    | 一、一般公共预算财政拨款 | 100.00 | 一、一般公共服务支出 | 100.00 | 100.00 |
                    | 本年收入合计 | 100.00 | 本年支出合计 | 100.00 | 100.00 |
                    """))
            + table(
                "一般公共预算财政拨款支出决算表",
                Rows.table(
                    """
                    | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |
                    | | 合计 | 100.00 | 80.00 | 20.00 |
                    """))
            + table(
                "一般公共预算财政拨款基本支出决算表",
                Rows.table(
                    """
                    | 科目编码 | 科目名称 | 决算数 | 科目编码 | 科目名称 | 决算数 |
                    | 301 | 工资福利支出 | 70.00 | 302 | 商品和服务支出 | 10.00 |
                    | | 人员经费合计 | 70.00 | | 公用经费合计 | 10.00 |
                    """))
            + table(
                "财政拨款“三公”经费支出决算表",
                Rows.table(
                    """
                    | 合计 | 因公出国（境）费 | 公务用车购置及运行维护费 | 公务接待费 |
                    | 1.00 | | | 1.00 |
                    """))
            + table(
                "政府性基金预算财政拨款收入支出决算表",
                Rows.table(
                    """
                    | 科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余 |
                    | | 合计 | | | | |
                    """)) + note
            + table(
                "国有资本经营预算财政拨款收入支出决算表",
                Rows.table(
                    """
                    | 科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余 |
                    | | 合计 | | | | |
                    """)) + note
    }
}

import Model

/// The sheets of xl/workbook.xml, in tab order: name, relationship id, visibility.
final class WorkbookSheetsReader: XMLPartHandler {
    struct Sheet {
        var name: String
        var relationship: String
        var hidden: Bool
    }

    private(set) var sheets: [Sheet] = []

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        guard ns == .spreadsheet, local == "sheet", let id = a["id"] else { return }
        let state = a["state"] ?? "visible"
        sheets.append(Sheet(name: a["name"] ?? "Sheet\(sheets.count + 1)", relationship: id, hidden: state != "visible"))
    }

    func end(_ ns: XNamespace, _ local: String) {}
    func text(_ s: String) {}
}

/// xl/sharedStrings.xml: each <si>'s text, rich-text runs joined, phonetic hints left out.
final class SharedStringsReader: XMLPartHandler {
    private(set) var strings: [String] = []
    private var current: String?
    private var inText = false
    /// Inside <rPh> (a phonetic reading Excel does not show).
    private var phonetic = 0

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        guard ns == .spreadsheet else { return }
        switch local {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = current != nil && phonetic == 0
        default: break
        }
    }

    func end(_ ns: XNamespace, _ local: String) {
        guard ns == .spreadsheet else { return }
        switch local {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "rPh": phonetic = max(0, phonetic - 1)
        case "t": inText = false
        default: break
        }
    }

    var wantsText: Bool { inText }

    func text(_ s: String) { if inText { current? += s } }
}

/// xl/styles.xml: the number format of each cell style (the `s` of a cell indexes cellXfs).
final class CellStylesReader: XMLPartHandler {
    private var custom: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false

    func start(_ ns: XNamespace, _ local: String, _ a: XAttributes) {
        guard ns == .spreadsheet else { return }
        switch local {
        case "numFmt":
            if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"] { custom[id] = code }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func end(_ ns: XNamespace, _ local: String) {
        if ns == .spreadsheet && local == "cellXfs" { inCellFormats = false }
    }

    func text(_ s: String) {}

    /// Formats by style index, each parsed once.
    func formats() -> [NumberFormat] {
        var parsed: [Int: NumberFormat] = [:]
        return formatIDs.map { id in
            if let f = parsed[id] { return f }
            let f = custom[id].map { NumberFormat(code: $0) } ?? NumberFormat.builtIn(id)
            parsed[id] = f
            return f
        }
    }
}

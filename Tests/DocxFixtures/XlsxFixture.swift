import Foundation

/// Excel workbooks (.xlsx) built in code for tests: sheets of rows, with shared strings,
/// inline strings, numbers stored as Excel stores them (the shortest double text) under a
/// number format, merged ranges, hidden sheets. No binary fixture is committed.
public struct XlsxFixture {
    public enum Value: Equatable {
        case empty
        /// A shared string.
        case text(String)
        /// An inline string (t="inlineStr").
        case inline(String)
        /// A number as stored (its value text) and the format code it is shown with.
        case number(String, format: String)
        /// A formula with its cached numeric result.
        case formula(String, cached: String, format: String)
    }

    public struct Sheet {
        public var name: String
        public var rows: [[Value]]
        public var merges: [String]
        public var hidden: Bool
        /// Where the first row and column are written (1-based): tables often start at B2.
        public var origin: (row: Int, column: Int)

        public init(name: String, rows: [[Value]], merges: [String] = [], hidden: Bool = false, origin: (row: Int, column: Int) = (1, 1)) {
            self.name = name
            self.rows = rows
            self.merges = merges
            self.hidden = hidden
            self.origin = origin
        }
    }

    public var sheets: [Sheet]

    public init(_ sheets: [Sheet]) { self.sheets = sheets }

    /// A sheet from rows of printed text, as a person would type the table: "1,234.50" becomes
    /// the number 1234.5 shown with "#,##0.00", "85.3%" the number 0.853 shown with "0.0%",
    /// "12" the number 12 under "0"; anything else is a shared string ("" is an empty cell).
    public static func sheet(_ name: String, _ rows: [[String]], merges: [String] = [], origin: (row: Int, column: Int) = (1, 1)) -> Sheet {
        Sheet(name: name, rows: rows.map { $0.map(value) }, merges: merges, origin: origin)
    }

    /// The stored value and format that display as `printed`.
    public static func value(_ printed: String) -> Value {
        if printed.isEmpty { return .empty }
        var text = printed
        var percent = false
        if text.hasSuffix("%") {
            percent = true
            text.removeLast()
        }
        let grouped = text.contains(",")
        let plain = text.replacingOccurrences(of: ",", with: "")
        guard !plain.isEmpty, plain.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), plain.first != ".",
            plain.filter({ $0 == "." }).count <= 1, Double(plain) != nil,
            !(plain.count > 1 && plain.hasPrefix("0") && !plain.hasPrefix("0."))
        else { return .text(printed) }
        let decimals = plain.split(separator: ".").count == 2 ? plain.split(separator: ".")[1].count : 0
        var format = (grouped ? "#,##0" : "0") + (decimals > 0 ? "." + String(repeating: "0", count: decimals) : "")
        var stored = plain
        if percent {
            format += "%"
            stored = shiftLeft(plain, 2)
        }
        // Excel stores the double's shortest text: 1234.50 is "1234.5".
        return .number(storedForm(stored), format: format)
    }

    /// "85.3" → "0.853" (a percentage's stored fraction).
    static func shiftLeft(_ s: String, _ places: Int) -> String {
        var negative = false
        var t = s
        if t.hasPrefix("-") {
            negative = true
            t.removeFirst()
        }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while integer.count <= places { integer = "0" + integer }
        fraction = String(integer.suffix(places)) + fraction
        integer = String(integer.dropLast(places))
        return (negative ? "-" : "") + integer + "." + fraction
    }

    /// Trailing zeros of the fraction and a lone point dropped, leading zeros kept to one.
    static func storedForm(_ s: String) -> String {
        var t = s
        if t.contains(".") {
            while t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
        }
        if t.isEmpty || t == "-" { return "0" }
        return t
    }

    // MARK: the package

    public func bytes() -> [UInt8] {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        var formats: [String] = []
        func style(_ format: String) -> Int {
            if format == "General" { return 0 }
            if let i = formats.firstIndex(of: format) { return i + 1 }
            formats.append(format)
            return formats.count
        }
        var sheetXML: [String] = []
        for sheet in sheets {
            var rowsXML = ""
            for (r, row) in sheet.rows.enumerated() {
                let rowNumber = sheet.origin.row + r
                var cells = ""
                for (c, value) in row.enumerated() {
                    let ref = XlsxFixture.columnName(sheet.origin.column + c) + String(rowNumber)
                    switch value {
                    case .empty: continue
                    case .text(let s):
                        let i =
                            stringIndex[s]
                            ?? {
                                strings.append(s)
                                stringIndex[s] = strings.count - 1
                                return strings.count - 1
                            }()
                        cells += "<c r=\"\(ref)\" t=\"s\"><v>\(i)</v></c>"
                    case .inline(let s):
                        cells += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(XlsxFixture.escape(s))</t></is></c>"
                    case .number(let v, let format):
                        cells += "<c r=\"\(ref)\" s=\"\(style(format))\"><v>\(v)</v></c>"
                    case .formula(let f, let cached, let format):
                        cells += "<c r=\"\(ref)\" s=\"\(style(format))\"><f>\(XlsxFixture.escape(f))</f><v>\(cached)</v></c>"
                    }
                }
                rowsXML += "<row r=\"\(rowNumber)\">\(cells)</row>"
            }
            let merges =
                sheet.merges.isEmpty
                ? ""
                : "<mergeCells count=\"\(sheet.merges.count)\">" + sheet.merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined()
                    + "</mergeCells>"
            sheetXML.append(
                """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="\(XlsxFixture.main)" xmlns:r="\(XlsxFixture.relationships)"><sheetData>\(rowsXML)</sheetData>\(merges)</worksheet>
                """)
        }
        var parts: [String: String] = [:]
        parts["[Content_Types].xml"] = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
        parts["_rels/.rels"] = """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """
        parts["xl/workbook.xml"] = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(XlsxFixture.main)" xmlns:r="\(XlsxFixture.relationships)"><sheets>\
            \(sheets.enumerated().map { "<sheet name=\"\(XlsxFixture.escape($1.name))\" sheetId=\"\($0 + 1)\"\($1.hidden ? " state=\"hidden\"" : "") r:id=\"rId\($0 + 1)\"/>" }.joined())\
            </sheets></workbook>
            """
        var rels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        rels.append(
            "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        )
        rels.append(
            "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        )
        parts["xl/_rels/workbook.xml.rels"] =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + rels.joined() + "</Relationships>"
        for (i, xml) in sheetXML.enumerated() { parts["xl/worksheets/sheet\(i + 1).xml"] = xml }
        parts["xl/sharedStrings.xml"] =
            "<sst xmlns=\"\(XlsxFixture.main)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
            + strings.map { "<si><t xml:space=\"preserve\">\(XlsxFixture.escape($0))</t></si>" }.joined() + "</sst>"
        let numFmts = formats.enumerated().map { "<numFmt numFmtId=\"\(164 + $0)\" formatCode=\"\(XlsxFixture.escape($1))\"/>" }.joined()
        let xfs = "<xf numFmtId=\"0\"/>" + formats.indices.map { "<xf numFmtId=\"\(164 + $0)\" applyNumberFormat=\"1\"/>" }.joined()
        parts["xl/styles.xml"] =
            "<styleSheet xmlns=\"\(XlsxFixture.main)\"><numFmts count=\"\(formats.count)\">\(numFmts)</numFmts>"
            + "<cellXfs count=\"\(formats.count + 1)\">\(xfs)</cellXfs></styleSheet>"
        var zip = ZipFixture()
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) { zip.add(name, text) }
        return zip.bytes()
    }

    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    public static func columnName(_ n: Int) -> String {
        var n = n
        var s = ""
        while n > 0 {
            s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
            n = (n - 1) / 26
        }
        return s
    }

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

import Model

/// One series of exported chart data: names paired with values
/// ("基本支出 项目支出 43.92 56.08" under the caption "占比（%）").
public struct ChartSeries: Sendable {
    public struct Point: Sendable {
        public var label: String
        public var value: Quantity
        /// The standard quantities the label names (ChartConcepts), resolved once.
        public var concepts: Set<String>
    }

    public var chart: Int
    /// Caption lines before the series, joined ("占比(%)", "2023年").
    public var caption: String
    /// The series is a list of percentages.
    public var isPercent: Bool
    public var points: [Point]
    public var span: Span
    /// A year the caption or the row names ("2023年"), if any.
    public var year: Int?
}

/// Pairs chart names with values. Two layouts are understood:
/// N names then N values on one line (pie and bar charts, Word's export), and
/// spreadsheet rows (a header of names, then a row label and its values).
enum ChartReader {
    /// Captions of charts whose values are shares: "占比（%）", and pie charts ("…结构图").
    static let shareWords = ["占比", "比例", "%", "结构"].map(Chars.of)

    static let sheetMarkers = ["Sheet", "Chart", ".xls"].map(Chars.of)

    static func read(_ chart: Chart) -> [ChartSeries] {
        var out: [ChartSeries] = []
        var captions: [String] = []
        var carried: String?
        var header: [String] = []
        // Consecutive "name value" rows form one series.
        var pairLabels: [String] = []
        var pairValues: [CleanText] = []
        var pairSpan: Span?

        func flushPairs() {
            if let span = pairSpan, !pairValues.isEmpty {
                out.append(contentsOf: series(chart, captions, nil, nil, pairLabels, pairValues, span))
                captions = []
            }
            pairLabels = []
            pairValues = []
            pairSpan = nil
        }

        for line in chart.lines {
            let fields = line.fields
            let numeric = fields.map { isNumber($0) }
            guard let firstNumber = numeric.firstIndex(of: true) else {
                flushPairs()
                if fields.count == 1 && sheetMarkers.contains(where: { fields[0].contains($0) }) {
                    // A new embedded sheet: forget the previous one's names.
                    captions = []
                    header = []
                    carried = nil
                } else if fields.count >= 2 {
                    header = fields.map(\.string)
                } else {
                    captions.append(fields.map(\.string).joined())
                    if captions.count > 3 { captions.removeFirst() }
                }
                continue
            }
            var lastNumber = firstNumber
            while lastNumber + 1 < fields.count && numeric[lastNumber + 1] { lastNumber += 1 }
            let names = fields[..<firstNumber].map(\.string)
            var values = Array(fields[firstNumber...lastNumber])
            let trailing = lastNumber + 1 < fields.count
            if names.count == 1 && values.count == 1 && header.count != 1 && !trailing && carried == nil {
                if pairLabels.contains(names[0]) { flushPairs() }
                pairLabels.append(names[0])
                pairValues.append(values[0])
                pairSpan = pairSpan.map { $0.union(line.span) } ?? line.span
                continue
            }
            flushPairs()
            let labels: [String]
            var rowLabel: String?
            if names.count == values.count {
                labels = names
            } else if names.count <= 1 && header.count == values.count {
                labels = header
                rowLabel = names.first
            } else if names.isEmpty && values.count >= 2 && header.count == values.count - 1 {
                // A spreadsheet row labelled by a number, usually a year: "2023 889.16 889.16".
                labels = header
                rowLabel = values[0].string
                values.removeFirst()
            } else {
                captions.append(fields.map(\.string).joined(separator: " "))
                continue
            }
            out.append(contentsOf: series(chart, captions, carried, rowLabel, labels, values, line.span))
            // A bar chart's next category label is glued to the end of the line ("… 1281.97 2024年").
            carried = lastNumber + 1 < fields.count ? fields[(lastNumber + 1)...].map(\.string).joined() : nil
            captions = []
        }
        flushPairs()
        return out
    }

    static func series(
        _ chart: Chart, _ captions: [String], _ carried: String?, _ rowLabel: String?,
        _ labels: [String], _ values: [CleanText], _ span: Span
    ) -> [ChartSeries] {
        guard !values.isEmpty, labels.count == values.count else { return [] }
        var caption = captions.joined(separator: " ")
        if let c = carried { caption = caption.isEmpty ? c : caption + " " + c }
        if let r = rowLabel { caption = caption.isEmpty ? r : caption + " " + r }
        var points: [ChartSeries.Point] = []
        var percentValues = 0
        for (label, field) in zip(labels, values) {
            guard let q = NumberScanner.scan(field, maxQuantities: 1).quantities.first else { continue }
            if q.unit == .percent { percentValues += 1 }
            points.append(ChartSeries.Point(label: label, value: q, concepts: ChartConcepts.concepts(of: label)))
        }
        let captionScalars = Chars.of(caption + " " + labels.joined(separator: " "))
        let isPercent =
            percentValues == points.count
            || shareWords.contains { w in
                captionScalars.count >= w.count
                    && (0...(captionScalars.count - w.count)).contains { Array(captionScalars[$0..<($0 + w.count)]) == w }
            }
        let year =
            NumberScanner.scan(CleanTextBuilder.make(caption)).years.first?.year
            ?? Int(rowLabel ?? "").flatMap { (1900...2100).contains($0) ? $0 : nil }
        return [ChartSeries(chart: chart.number, caption: caption, isPercent: isPercent, points: points, span: span, year: year)]
    }

    static func isNumber(_ t: CleanText) -> Bool {
        var digits = 0
        for s in t.scalars {
            if Chars.isDigit(s) {
                digits += 1
                continue
            }
            if s == 0x2E || s == 0x25 || s == 0x2D || s == 0x2C { continue }
            return false
        }
        return digits > 0
    }
}

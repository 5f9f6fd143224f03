import Model

/// Tells text extracted from a PDF from the Word-export text form, by content.
///
/// Word's export puts every table cell on a line of its own after a TAB and every paragraph on
/// one line; an extractor never writes TAB-led cells, and leaves its traces: form feeds between
/// pages, page numbers, lines of space-separated fields (flattened table rows), and lines cut
/// at one width in the middle of sentences.
enum ExtractedTextSniffer {
    static func looksExtracted(_ source: SourceText) -> Bool {
        let bytes = source.bytes
        // First the cheap test that settles most Word exports: a line led by a TAB cell.
        for i in 0..<source.lineCount {
            var j = source.lineStarts[i]
            let end = source.lineEnd(i)
            while j < end && (bytes[j] == 0x20 || bytes[j] == 0x0C) { j += 1 }
            if j < end && bytes[j] == 0x09 && (j + 1 == end || bytes[j + 1] != 0x09) { return false }
        }
        var formFeeds = 0
        var rowsOfFields = 0
        for i in 0..<source.lineCount {
            let start = source.lineStarts[i]
            let end = source.lineEnd(i)
            var j = start
            while j < end && (bytes[j] == 0x20 || bytes[j] == 0x0C) {
                if bytes[j] == 0x0C { formFeeds += 1 }
                j += 1
            }
            // (A TAB-led cell would be Word's export, settled above; chart and sheet data, TAB-separated,
            // may come with either: a sheet row starts with two TABs.)
            var k = j
            var gaps = 0
            var spaces = 0
            var digits = 0
            while k < end {
                let b = bytes[k]
                if b == 0x0C { formFeeds += 1 }
                if b == 0x20 {
                    spaces += 1
                } else {
                    if spaces >= 2 { gaps += 1 }
                    spaces = 0
                    if b >= 0x30 && b <= 0x39 { digits += 1 }
                }
                k += 1
            }
            if gaps >= 2 && digits > 0 { rowsOfFields += 1 }
        }
        if formFeeds > 0 { return true }
        let lines = LaidLines.read(source)
        var pageNumbers = 0
        for l in lines where !l.isBlank && l.characters <= 16 {
            if PageFurniture.isDecoratedPageNumber(PageFurniture.scalars(bytes, l.content)) { pageNumbers += 1 }
        }
        if pageNumbers >= 2 || rowsOfFields >= 3 { return true }
        return wrapsMidSentence(lines, bytes)
    }

    /// At least three lines, and a fifth of the prose lines, end at the margin mid-sentence and
    /// go on in the next line: hard wrapping. (A Word export ends every line with its paragraph.)
    static func wrapsMidSentence(_ lines: [LaidLine], _ bytes: [UInt8]) -> Bool {
        let content = lines.filter { !$0.isBlank }
        let wrap = WrapModel.estimate(content)
        guard wrap.margin > 0 else { return false }
        var prose = 0
        var wrapped = 0
        for k in 0..<content.count where WrapModel.isProseCandidate(content[k]) {
            prose += 1
            guard k + 1 < content.count, content[k + 1].line == content[k].line + 1 else { continue }
            if wrap.isFull(content[k], firstWord: 0) && !ExtractedTextBuilder.endsClause(content[k], bytes) { wrapped += 1 }
        }
        return wrapped >= 3 && wrapped * 5 >= prose
    }
}

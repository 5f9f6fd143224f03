import Model

/// Chooses the reader by content rather than by file name: a zip is a .docx or an .xlsx
/// workbook, "%PDF-" a PDF, an OLE2 file is a legacy Office document (refused with a hint),
/// anything else is text: text extracted from a PDF (`ExtractedTextSniffer`) is read by its
/// layout, other text in the Word-export form.
public enum DocumentReader {
    /// Bytes to document, or the reason they cannot be one; within `budget` (by default one
    /// for the input's size). `lap`, when given, is called after each stage with its name
    /// (`reportlint profile`).
    public static func read(
        bytes: [UInt8], path displayPath: String, budget: WorkBudget? = nil,
        lap: ((String) -> Void)? = nil
    ) -> Result<Document, InputError> {
        let budget = budget ?? WorkBudget(inputBytes: bytes.count)
        if BinarySniffer.isZip(bytes) {
            do {
                // A workbook (xl/workbook.xml) is read as one; any other package as a .docx,
                // whose reader names what it is when it is not one.
                let zip = try ZipArchive(bytes)
                if XlsxReader.isWorkbook(zip) { return .success(try XlsxReader.read(bytes, path: displayPath, budget: budget, lap: lap)) }
                return .success(try DocxReader.read(bytes, path: displayPath, budget: budget, lap: lap))
            } catch {
                return .failure(error)
            }
        }
        if PDFDocumentReader.isPDF(bytes) {
            do {
                return .success(try PDFDocumentReader.read(bytes, path: displayPath, lap: lap))
            } catch {
                return .failure(error)
            }
        }
        if BinarySniffer.isOLE2(bytes) {
            return .failure(BinarySniffer.describeOLE2(bytes))
        }
        do {
            let decoded = try TextDecoder.decode(bytes)
            lap?("decode")
            budget.audit(textBytes: decoded.bytes.count)
            let source = SourceText(path: displayPath, bytes: decoded.bytes, encoding: decoded.encoding)
            let document =
                ExtractedTextSniffer.looksExtracted(source)
                ? ExtractedTextReader.read(source, budget: budget)
                : TextReader.read(source, budget: budget)
            try budget.check()
            lap?("read")
            return .success(document)
        } catch {
            return .failure(error)
        }
    }
}

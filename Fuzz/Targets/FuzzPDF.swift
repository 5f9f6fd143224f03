import Checks
import Engine
import Readers

// libFuzzer target `pdf`: bytes as a PDF (objects, streams, fonts, layout), then extraction
// and every check when it reads.
let pipeline = Pipeline(linter: Linter(checks: Registry.all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard PDFDocumentReader.isPDF(bytes) else { return -1 }
    _ = pipeline.audit(bytes: bytes, displayPath: "fuzz.pdf")
    return 0
}

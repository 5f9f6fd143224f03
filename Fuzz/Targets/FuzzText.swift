import Checks
import Engine
import Readers

// libFuzzer target `text`: bytes that are neither a zip nor a PDF, through the text reader
// (or the extracted-text reader the sniffer picks), extraction and every check. Built and
// run by scripts/fuzz; any trap, hang or runaway allocation is a finding.
let pipeline = Pipeline(linter: Linter(checks: Registry.all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if BinarySniffer.isZip(bytes) || PDFDocumentReader.isPDF(bytes) { return -1 } // not this target's input
    _ = pipeline.audit(bytes: bytes, displayPath: "fuzz.txt")
    return 0
}

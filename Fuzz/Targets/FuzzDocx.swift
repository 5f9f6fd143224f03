import Checks
import Engine
import Readers

// libFuzzer target `docx`: bytes as a .docx package (zip, inflate, XML, numbering, styles,
// charts), then extraction and every check when it reads.
let pipeline = Pipeline(linter: Linter(checks: Registry.all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard BinarySniffer.isZip(bytes) else { return -1 }
    _ = pipeline.audit(bytes: bytes, displayPath: "fuzz.docx")
    return 0
}

import Checks
import Engine
import Readers

// libFuzzer target `xlsx`: zip bytes as a workbook (archive, shared strings, number formats,
// merged cells, sheets), then extraction and every check when it reads. The same entry as
// `docx` (a zip is sniffed by its parts); its seeds are workbooks.
let pipeline = Pipeline(linter: Linter(checks: Registry.all))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXlsx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard BinarySniffer.isZip(bytes) else { return -1 }
    _ = pipeline.audit(bytes: bytes, displayPath: "fuzz.xlsx")
    return 0
}

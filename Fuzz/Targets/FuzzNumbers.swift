import Model

// libFuzzer target `numbers`: the number scanner on any text (as UTF-8, invalid bytes
// replaced), with a document's budget, and each quantity's interval and unit conversion.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNumbers(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = CleanTextBuilder.make(String(decoding: bytes, as: UTF8.self))
    let scanned = NumberScanner.scan(text, budget: WorkBudget(inputBytes: bytes.count))
    for q in scanned.quantities {
        _ = (q.figure, q.amountInWan, q.printed)
    }
    return 0
}

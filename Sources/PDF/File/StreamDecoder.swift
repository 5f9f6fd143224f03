import CZlib

/// Decodes stream data: FlateDecode through the system zlib, with PNG and TIFF predictors.
/// Any other filter is an error naming it (reportlint reads the text of reports, whose content
/// streams every exporter deflates). Output is bounded by size and by expansion ratio.
enum StreamDecoder {
    static func decode(
        _ raw: ArraySlice<UInt8>, dict: PDFDict, resolve: (PDFObject) throws(PDFError) -> PDFObject,
        budget: WorkBudget
    ) throws(PDFError) -> [UInt8] {
        var filters: [String] = []
        var parms: [PDFDict?] = []
        switch try resolve(dict["Filter"] ?? .null) {
        case .name(let n): filters = [n]
        case .array(let a):
            for f in a {
                guard let n = try resolve(f).name else { throw PDFError.malformed("流的 Filter 无效", "a stream's Filter is invalid") }
                filters.append(n)
            }
        case .null: break
        default: throw PDFError.malformed("流的 Filter 无效", "a stream's Filter is invalid")
        }
        switch try resolve(dict["DecodeParms"] ?? dict["DP"] ?? .null) {
        case .dict(let d): parms = [d]
        case .array(let a):
            for p in a { parms.append(try resolve(p).dict) }
        default: break
        }
        for filter in filters where filter != "FlateDecode" && filter != "Fl" { throw PDFError.unsupportedFilter(filter) }
        var data = Array(raw)
        for (k, _) in filters.enumerated() {
            data = try inflate(data[...], limits: budget.limits)
            try budget.spendDecoded(data.count)
            if k < parms.count, let p = parms[k] {
                data = try predict(data, parms: p, resolve: resolve)
            }
        }
        if filters.isEmpty { try budget.spendDecoded(data.count) }
        return data
    }

    /// zlib (or raw deflate) data, inflated with a bounded buffer. A damaged tail keeps what was
    /// decoded before it, as viewers do; nothing decodable at all is an error.
    static func inflate(_ input: ArraySlice<UInt8>, limits: PDFLimits) throws(PDFError) -> [UInt8] {
        if input.isEmpty { return [] }
        var stream = z_stream()
        // 15 + 32: zlib or gzip header, detected; raw deflate is retried below.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw PDFError.malformed("无法启动 zlib", "cannot start zlib")
        }
        defer { inflateEnd(&stream) }
        var (out, status) = try run(&stream, input, limits: limits)
        if status == Z_DATA_ERROR && out.isEmpty {
            // Some producers omit the zlib header: try raw deflate.
            var raw = z_stream()
            guard inflateInit2_(&raw, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw PDFError.malformed("无法启动 zlib", "cannot start zlib")
            }
            defer { inflateEnd(&raw) }
            (out, status) = try run(&raw, input, limits: limits)
        }
        if status != Z_STREAM_END && out.isEmpty && status != Z_BUF_ERROR && status != Z_OK {
            throw PDFError.malformed("压缩流损坏，无法解压", "a compressed stream is damaged and cannot be inflated")
        }
        return out
    }

    private static func run(_ stream: inout z_stream, _ input: ArraySlice<UInt8>, limits: PDFLimits) throws(PDFError) -> ([UInt8], Int32) {
        let cap = limits.maxStreamBytes
        var out: [UInt8] = []
        out.reserveCapacity(min(cap, max(1024, input.count.multipliedReportingOverflow(by: 4).partialValue)))
        // Inflated a piece at a time into scratch space, then appended: memory grows with what
        // the stream really holds, and the limits are checked after each piece.
        var scratch = [UInt8](unsafeUninitializedCapacity: 1 << 16) { _, n in n = 1 << 16 }
        var status: Int32 = Z_OK
        var failure: PDFError? = nil
        input.withUnsafeBufferPointer { inBuf in
            stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
            stream.avail_in = UInt32(clamping: inBuf.count)
            while true {
                var produced = 0
                scratch.withUnsafeMutableBufferPointer { o in
                    stream.next_out = o.baseAddress
                    stream.avail_out = UInt32(o.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    produced = o.count - Int(stream.avail_out)
                }
                if produced > 0 {
                    if out.count + produced > cap {
                        failure = .limit("解压后单个流的字节数 / bytes of one decoded stream", cap)
                        return
                    }
                    out.append(contentsOf: scratch[0..<produced])
                }
                if out.count > limits.ratioGrace && out.count / max(1, input.count) > limits.maxRatio {
                    failure = .limit("流的压缩比 / stream compression ratio", limits.maxRatio)
                    return
                }
                if status != Z_OK { return }
                if stream.avail_in == 0 && produced < scratch.count { return } // input exhausted without an end: truncated
            }
        }
        if let failure { throw failure }
        return (out, status)
    }

    /// Undoes a PNG (≥ 10) or TIFF (2) predictor.
    static func predict(_ data: [UInt8], parms: PDFDict, resolve: (PDFObject) throws(PDFError) -> PDFObject) throws(PDFError) -> [UInt8] {
        let predictor = try resolve(parms["Predictor"] ?? .null).int ?? 1
        if predictor <= 1 { return data }
        let colors = max(1, min(32, try resolve(parms["Colors"] ?? .null).int ?? 1))
        let bits = max(1, min(16, try resolve(parms["BitsPerComponent"] ?? .null).int ?? 8))
        let columns = max(1, min(1 << 20, try resolve(parms["Columns"] ?? .null).int ?? 1))
        let bpp = max(1, (colors * bits + 7) / 8)
        let rowBytes = (colors * bits * columns + 7) / 8
        if predictor == 2 {
            guard bits == 8 else { throw PDFError.malformed("不支持的 TIFF 预测器位数", "unsupported TIFF predictor bit depth") }
            var out = data
            var i = 0
            while i < out.count {
                let rowEnd = min(out.count, i + rowBytes)
                var k = i + bpp
                while k < rowEnd {
                    out[k] = out[k] &+ out[k - bpp]
                    k += 1
                }
                i = rowEnd
            }
            return out
        }
        guard predictor >= 10 else { throw PDFError.malformed("未知的预测器 \(predictor)", "unknown predictor \(predictor)") }
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var row = [UInt8](repeating: 0, count: rowBytes)
        var i = 0
        while i < data.count {
            let type = data[i]
            i += 1
            let n = min(rowBytes, data.count - i)
            for k in 0..<rowBytes { row[k] = k < n ? data[i + k] : 0 }
            i += n
            for k in 0..<rowBytes {
                let left: UInt8 = k >= bpp ? row[k - bpp] : 0
                let up = previous[k]
                let upLeft: UInt8 = k >= bpp ? previous[k - bpp] : 0
                switch type {
                case 0: break
                case 1: row[k] = row[k] &+ left
                case 2: row[k] = row[k] &+ up
                case 3: row[k] = row[k] &+ UInt8((Int(left) + Int(up)) / 2)
                case 4:
                    let p = Int(left) + Int(up) - Int(upLeft)
                    let pa = abs(p - Int(left))
                    let pb = abs(p - Int(up))
                    let pc = abs(p - Int(upLeft))
                    let pred = pa <= pb && pa <= pc ? left : (pb <= pc ? up : upLeft)
                    row[k] = row[k] &+ pred
                default:
                    throw PDFError.malformed("PNG 预测器的行类型无效", "invalid PNG predictor row type")
                }
            }
            out.append(contentsOf: row[0..<n])
            swap(&previous, &row)
        }
        return out
    }
}

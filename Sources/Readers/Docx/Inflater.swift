import CZlib
import Model

/// Raw DEFLATE decoding through the system zlib, never producing more than the entry
/// declared: a lying header is caught at the first byte too many, so memory stays bounded.
enum Inflater {
    static func inflate(_ input: ArraySlice<UInt8>, expected: Int, name: String, limits: ArchiveLimits) throws(InputError) -> [UInt8] {
        guard expected >= 0, expected <= limits.maxEntryBytes else { throw ZipDirectory.bomb(name, expected, limits) }
        // An honest header can already say it is a bomb.
        if expected > limits.ratioGrace && expected / max(1, input.count) > limits.maxRatio {
            throw ZipDirectory.bomb(name, expected, limits)
        }
        var out = [UInt8](repeating: 0, count: expected)
        if expected == 0 && input.isEmpty { return out }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipDirectory.corrupt("\(name)：无法启动 zlib", "\(name): cannot start zlib")
        }
        defer { inflateEnd(&stream) }
        var produced = 0
        var status: Int32 = Z_OK
        // One spare byte of room: output reaching it means the entry is longer than declared.
        var spare: UInt8 = 0
        input.withUnsafeBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                status = CZlib.inflate(&stream, Z_FINISH)
                produced = outBuf.count - Int(stream.avail_out)
                if status == Z_BUF_ERROR || status == Z_OK, produced == outBuf.count {
                    withUnsafeMutablePointer(to: &spare) { p in
                        stream.next_out = p
                        stream.avail_out = 1
                        status = CZlib.inflate(&stream, Z_FINISH)
                        if stream.avail_out == 0 { produced += 1 }
                    }
                }
            }
        }
        if produced > expected { throw ZipDirectory.bomb(name, produced, limits) }
        guard status == Z_STREAM_END, produced == expected else {
            throw ZipDirectory.corrupt("\(name)：压缩数据损坏或被截断", "\(name): the compressed data is damaged or truncated")
        }
        return out
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buf in
            var crc: uLong = 0
            var p = buf.baseAddress
            var left = buf.count
            // zlib takes a 32-bit length; feed large buffers in pieces.
            while left > 0, let base = p {
                let n = min(left, 1 << 30)
                crc = CZlib.crc32(crc, base, uInt(n))
                p = base + n
                left -= n
            }
            return UInt32(truncatingIfNeeded: crc)
        }
    }
}

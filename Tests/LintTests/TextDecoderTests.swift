import Testing

@testable import Engine
@testable import Extraction
@testable import Model
@testable import Readers

@Suite struct TextDecoderTests {
    @Test func utf8WithBOMAndCRLF() throws {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("一、收入\r\n合计10万元\r\n".utf8)
        let d = try TextDecoder.decode(raw)
        #expect(d.encoding == "UTF-8")
        let source = SourceText(path: "x", bytes: d.bytes)
        #expect(source.lineCount == 2)
        #expect(source.lineText(0) == "一、收入")
        #expect(source.lineText(1) == "合计10万元")
    }

    @Test func gb18030IsDecoded() throws {
        let utf8 = Array("本年收入合计1281.97万元，占90.09%。".utf8)
        let gb = try #require(IconvTestHelper.encode(utf8, to: "GB18030"))
        #expect(gb != utf8)
        let d = try TextDecoder.decode(gb)
        #expect(d.encoding == "GB18030")
        #expect(d.bytes == utf8)
    }

    @Test func utf16WithBOM() throws {
        var raw: [UInt8] = [0xFF, 0xFE]
        for u in "合计10万元".utf16 {
            raw.append(UInt8(u & 0xFF))
            raw.append(UInt8(u >> 8))
        }
        let d = try TextDecoder.decode(raw)
        #expect(String(decoding: d.bytes, as: UTF8.self) == "合计10万元")
    }

    @Test func emptyAndBinaryAreInputErrors() {
        #expect(throws: InputError.self) { try TextDecoder.decode([]) }
        #expect(throws: InputError.self) { try TextDecoder.decode(Array("  \n\n ".utf8)) }
        do {
            _ = try TextDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0xFF])
            Issue.record("binary accepted")
        } catch {
            #expect(error.kind == .binary)
        }
        do {
            _ = try TextDecoder.decode([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])
            Issue.record("OLE2 accepted")
        } catch {
            #expect(error.kind == .unsupportedFormat)
        }
    }

    @Test func invalidUTF8ThatIsNotGB18030IsRejected() {
        // A lone continuation byte run that no GB18030 sequence covers.
        let raw: [UInt8] = Array("abc".utf8) + [0x80, 0xFF, 0xFF, 0xFF]
        #expect(throws: InputError.self) { try TextDecoder.decode(raw) }
    }

    @Test func validatorRejectsOverlongsAndSurrogates() {
        #expect(!UTF8Validation.isValid([0xC0, 0x80]))
        #expect(!UTF8Validation.isValid([0xED, 0xA0, 0x80]))
        #expect(!UTF8Validation.isValid([0xF4, 0x90, 0x80, 0x80]))
        #expect(UTF8Validation.isValid(Array("中文 ok".utf8)))
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// Encodes UTF-8 into another encoding with iconv, to build fixtures.
enum IconvTestHelper {
    static func encode(_ input: [UInt8], to encoding: String) -> [UInt8]? {
        let cd = iconv_open(encoding, "UTF-8")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var src = input
        var out = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inLeft = src.count
        var outLeft = out.count
        let r: Int = src.withUnsafeMutableBufferPointer { ib in
            out.withUnsafeMutableBufferPointer { ob in
                var ip: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ib.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var op: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ob.baseAddress)?.assumingMemoryBound(to: CChar.self)
                return iconv(cd, &ip, &inLeft, &op, &outLeft)
            }
        }
        guard r != -1 else { return nil }
        return Array(out[0..<(out.count - outLeft)])
    }
}

import CZlib
import Foundation

// Test fixtures shared by LintTests and CLITests: .docx packages built in a few lines,
// hostile ones included, so no binary fixture is committed.

/// Writes zip archives for tests: stored or deflated entries, with ways to lie about sizes,
/// set the encryption flag or use ZIP64 fields, so each hostile case is built in a few lines.
public struct ZipFixture {
    public struct Entry {
        public var name: String
        public var data: [UInt8]
        public var deflate = true
        /// Overrides the uncompressed size written in the headers (a lying header).
        public var declaredSize: Int?
        public var encrypted = false
        /// Writes sizes and offset as ZIP64 extra fields.
        public var zip64 = false

        public init(
            name: String, data: [UInt8], deflate: Bool = true, declaredSize: Int? = nil, encrypted: Bool = false, zip64: Bool = false
        ) {
            self.name = name
            self.data = data
            self.deflate = deflate
            self.declaredSize = declaredSize
            self.encrypted = encrypted
            self.zip64 = zip64
        }
    }

    public var entries: [Entry] = []

    public init() {}

    public mutating func add(_ name: String, _ text: String, deflate: Bool = true) {
        entries.append(Entry(name: name, data: Array(text.utf8), deflate: deflate))
    }

    public func bytes() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for e in entries {
            let payload = e.deflate ? ZipFixture.deflate(e.data) : e.data
            let crc = ZipFixture.crc32(e.data)
            let size = e.declaredSize ?? e.data.count
            let offset = out.count
            let name = Array(e.name.utf8)
            let flags: UInt16 = e.encrypted ? 1 : 0
            let method: UInt16 = e.deflate ? 8 : 0
            var extra: [UInt8] = []
            if e.zip64 {
                extra += le16(0x0001) + le16(24) + le64(size) + le64(payload.count) + le64(offset)
            }
            let small = { (v: Int) -> UInt32 in e.zip64 ? 0xFFFF_FFFF : UInt32(v) }
            out += le32(0x0403_4B50) + le16(e.zip64 ? 45 : 20) + le16(flags) + le16(method) + le16(0) + le16(0)
            out += le32(crc) + le32(small(payload.count)) + le32(small(size)) + le16(name.count) + le16(extra.count)
            out += name + extra + payload
            central += le32(0x0201_4B50) + le16(45) + le16(e.zip64 ? 45 : 20) + le16(flags) + le16(method) + le16(0) + le16(0)
            central += le32(crc) + le32(small(payload.count)) + le32(small(size)) + le16(name.count) + le16(extra.count) + le16(0)
            central += le16(0) + le16(0) + le32(0) + le32(small(offset)) + name + extra
        }
        let cdOffset = out.count
        out += central
        out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(entries.count) + le16(entries.count)
        out += le32(UInt32(central.count)) + le32(UInt32(cdOffset)) + le16(0)
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        data.withUnsafeBufferPointer { UInt32(truncatingIfNeeded: CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        _ = deflateInit2_(&stream, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 64)
        var input = data
        let produced = input.withUnsafeMutableBufferPointer { inBuf in
            out.withUnsafeMutableBufferPointer { outBuf -> Int in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = UInt32(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = UInt32(outBuf.count)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return outBuf.count - Int(stream.avail_out)
            }
        }
        return Array(out[..<produced])
    }

    func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
    func le16(_ v: UInt16) -> [UInt8] { le16(Int(v)) }
    func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * UInt32($0))) & 0xFF) } }
    func le64(_ v: Int) -> [UInt8] { (0..<8).map { UInt8((UInt64(bitPattern: Int64(v)) >> (8 * UInt64($0))) & 0xFF) } }
}

/// A minimal .docx: a document.xml body written as WordprocessingML, optional styles,
/// numbering and chart parts.
public enum DocxFixture {
    public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    public static func document(_ body: String, namespaces: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(w)" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" \(namespaces)><w:body>\(body)</w:body></w:document>
        """
    }

    public static func paragraph(_ text: String, style: String? = nil) -> String {
        let props = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(props)<w:r><w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r></w:p>"
    }

    public static func table(_ rows: [[String]]) -> String {
        "<w:tbl>"
            + rows.map { row in
                "<w:tr>" + row.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>"
            }.joined() + "</w:tbl>"
    }

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }

    /// A package with the given parts (document.xml is required by Word, not by this helper).
    public static func package(_ parts: [String: String], deflate: Bool = true) -> [UInt8] {
        var zip = ZipFixture()
        zip.add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>", deflate: deflate)
        zip.add(
            "_rels/.rels",
            """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>
            """, deflate: deflate)
        for (name, text) in parts.sorted(by: { $0.key < $1.key }) { zip.add(name, text, deflate: deflate) }
        return zip.bytes()
    }

    public static func docx(_ body: String, extra: [String: String] = [:]) -> [UInt8] {
        var parts = extra
        parts["word/document.xml"] = document(body)
        return package(parts)
    }
}

import Model

/// A read-only view of a zip archive (the container of a .docx): the central directory,
/// stored and deflated entries, ZIP64 sizes and offsets. Every offset and size read from
/// the file is checked against the file before use, so a truncated or hostile archive
/// is an `InputError`, never a trap.
public struct ZipArchive: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var method: UInt16
        public var flags: UInt16
        public var crc32: UInt32
        public var compressedSize: Int
        public var uncompressedSize: Int
        public var localHeaderOffset: Int

        public var isEncrypted: Bool { flags & 0x0001 != 0 }
    }

    public let entries: [Entry]
    /// Name → first entry of that name: a package is looked up once per relationship.
    private let byName: [String: Int]
    private let bytes: [UInt8]
    private let limits: ArchiveLimits

    public init(_ bytes: [UInt8], limits: ArchiveLimits = .standard) throws(InputError) {
        self.bytes = bytes
        self.limits = limits
        self.entries = try ZipDirectory.read(bytes, limits: limits)
        var byName: [String: Int] = [:]
        for (i, e) in entries.enumerated() where byName[e.name] == nil { byName[e.name] = i }
        self.byName = byName
    }

    public func entry(_ name: String) -> Entry? { byName[name].map { entries[$0] } }

    /// The entry's uncompressed bytes, inflated within the archive limits and checked against its CRC.
    public func contents(of entry: Entry) throws(InputError) -> [UInt8] {
        if entry.isEncrypted {
            throw InputError(.encrypted, LocalizedText(zh: "文件已加密（设有密码），无法读取", en: "the file is password-protected and cannot be read"))
        }
        if entry.uncompressedSize > limits.maxEntryBytes {
            throw ZipDirectory.bomb(entry.name, entry.uncompressedSize, limits)
        }
        let data = try ZipDirectory.dataRange(of: entry, in: bytes)
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard data.count == entry.uncompressedSize else {
                throw ZipDirectory.corrupt("\(entry.name)：存储大小不一致", "\(entry.name): stored size mismatch")
            }
            out = Array(bytes[data])
        case 8:
            out = try Inflater.inflate(bytes[data], expected: entry.uncompressedSize, name: entry.name, limits: limits)
        default:
            throw InputError(
                .unsupportedFormat,
                LocalizedText(
                    zh: "压缩包条目 \(entry.name) 使用了不支持的压缩方式（\(entry.method)）",
                    en: "the archive entry \(entry.name) uses an unsupported compression method (\(entry.method))"))
        }
        guard Inflater.crc32(out) == entry.crc32 else {
            throw ZipDirectory.corrupt("\(entry.name)：校验和不符", "\(entry.name): checksum mismatch")
        }
        return out
    }
}

/// Bounds on what an archive may make us allocate: a .docx of a report is a few megabytes.
public struct ArchiveLimits: Sendable {
    /// Largest uncompressed entry read.
    public var maxEntryBytes: Int
    /// Largest compression ratio accepted once an entry has produced `ratioGrace` bytes
    /// (XML compresses 5–20×; a run of zeros, 1000×).
    public var maxRatio: Int
    public var ratioGrace: Int
    public var maxEntries: Int

    public static let standard = ArchiveLimits(maxEntryBytes: 128 << 20, maxRatio: 200, ratioGrace: 1 << 20, maxEntries: 20_000)
}

/// Reads the end-of-central-directory record (ZIP64 when present) and the central directory.
enum ZipDirectory {
    static func read(_ b: [UInt8], limits: ArchiveLimits) throws(InputError) -> [ZipArchive.Entry] {
        guard let eocd = findEOCD(b) else {
            throw corrupt(
                "找不到中央目录结尾记录（文件被截断，或不是 zip 压缩包）", "no end-of-central-directory record (the file is truncated or not a zip archive)")
        }
        var count = Int(le16(b, eocd + 10))
        var size = Int(le32(b, eocd + 12))
        var offset = Int(le32(b, eocd + 16))
        // ZIP64: the locator sits just before the classic record.
        if eocd >= 20, le32(b, eocd - 20) == 0x0706_4B50 {
            let recordOffset = le64(b, eocd - 12)
            // Compared without adding to the offset: it is read from the file and may be near Int.max.
            guard recordOffset >= 0, b.count >= 56, recordOffset <= b.count - 56, le32(b, recordOffset) == 0x0606_4B50 else {
                throw corrupt("ZIP64 中央目录结尾记录损坏", "broken ZIP64 end-of-central-directory record")
            }
            count = le64(b, recordOffset + 32)
            size = le64(b, recordOffset + 40)
            offset = le64(b, recordOffset + 48)
        }
        guard count >= 0, size >= 0, offset >= 0 else {
            throw corrupt("ZIP64 中央目录记录中的数值超出范围", "a ZIP64 end-of-central-directory field is out of range")
        }
        guard count <= limits.maxEntries else {
            throw InputError(.unsafe, LocalizedText(zh: "压缩包条目过多（\(count)）", en: "the archive has too many entries (\(count))"))
        }
        guard offset >= 0, size >= 0, offset <= b.count, size <= b.count - offset else {
            throw corrupt("中央目录超出文件范围（文件被截断？）", "the central directory lies outside the file (truncated?)")
        }
        var entries: [ZipArchive.Entry] = []
        entries.reserveCapacity(count)
        var p = offset
        for _ in 0..<count {
            guard p + 46 <= b.count, le32(b, p) == 0x0201_4B50 else { throw corrupt("中央目录损坏", "damaged central directory") }
            let nameLength = Int(le16(b, p + 28))
            let extraLength = Int(le16(b, p + 30))
            let commentLength = Int(le16(b, p + 32))
            guard p + 46 + nameLength + extraLength + commentLength <= b.count else { throw corrupt("中央目录损坏", "damaged central directory") }
            var entry = ZipArchive.Entry(
                name: String(decoding: b[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self),
                method: le16(b, p + 10), flags: le16(b, p + 8), crc32: le32(b, p + 16),
                compressedSize: Int(le32(b, p + 20)), uncompressedSize: Int(le32(b, p + 24)),
                localHeaderOffset: Int(le32(b, p + 42)))
            applyZip64(&entry, extra: (p + 46 + nameLength)..<(p + 46 + nameLength + extraLength), b)
            // A ZIP64 field beyond Int.max reads as -1: refused here, before any size is used.
            guard entry.uncompressedSize >= 0, entry.compressedSize >= 0, entry.localHeaderOffset >= 0 else {
                throw corrupt("\(entry.name)：ZIP64 大小或偏移超出范围", "\(entry.name): a ZIP64 size or offset is out of range")
            }
            entries.append(entry)
            p += 46 + nameLength + extraLength + commentLength
        }
        return entries
    }

    /// The ZIP64 extra field replaces whichever 32-bit fields are saturated, in this order.
    static func applyZip64(_ e: inout ZipArchive.Entry, extra: Range<Int>, _ b: [UInt8]) {
        var q = extra.lowerBound
        while q + 4 <= extra.upperBound {
            let id = le16(b, q)
            let length = Int(le16(b, q + 2))
            let body = (q + 4)..<min(q + 4 + length, extra.upperBound)
            if id == 0x0001 {
                var r = body.lowerBound
                func next() -> Int? {
                    guard r + 8 <= body.upperBound else { return nil }
                    defer { r += 8 }
                    return le64(b, r)
                }
                if e.uncompressedSize == 0xFFFF_FFFF, let v = next() { e.uncompressedSize = v }
                if e.compressedSize == 0xFFFF_FFFF, let v = next() { e.compressedSize = v }
                if e.localHeaderOffset == 0xFFFF_FFFF, let v = next() { e.localHeaderOffset = v }
            }
            q = body.upperBound
        }
    }

    static func findEOCD(_ b: [UInt8]) -> Int? {
        guard b.count >= 22 else { return nil }
        let lowest = max(0, b.count - 22 - 0xFFFF)
        var i = b.count - 22
        while i >= lowest {
            if b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x05 && b[i + 3] == 0x06 { return i }
            i -= 1
        }
        return nil
    }

    /// Where an entry's data lies, from its local header (whose name and extra lengths may differ from the directory's).
    static func dataRange(of e: ZipArchive.Entry, in b: [UInt8]) throws(InputError) -> Range<Int> {
        let h = e.localHeaderOffset
        guard h >= 0, h <= b.count - 30, le32(b, h) == 0x0403_4B50 else {
            throw corrupt("\(e.name)：找不到本地文件头（文件被截断？）", "\(e.name): missing local header (truncated?)")
        }
        let start = h + 30 + Int(le16(b, h + 26)) + Int(le16(b, h + 28))
        guard e.compressedSize >= 0, start <= b.count, e.compressedSize <= b.count - start else {
            throw corrupt("\(e.name)：数据超出文件末尾（文件被截断？）", "\(e.name): data runs past the end of the file (truncated?)")
        }
        return start..<(start + e.compressedSize)
    }

    static func corrupt(_ zh: String, _ en: String) -> InputError {
        InputError(.corrupt, LocalizedText(zh: "压缩包已损坏：\(zh)", en: "the archive is damaged: \(en)"))
    }

    static func bomb(_ name: String, _ size: Int, _ limits: ArchiveLimits) -> InputError {
        InputError(
            .unsafe,
            LocalizedText(
                zh: "拒绝解压 \(name)：解压后超过 \(limits.maxEntryBytes >> 20) MB 或压缩比异常（疑似压缩炸弹）",
                en:
                    "refused to inflate \(name): it expands beyond \(limits.maxEntryBytes >> 20) MB or at an implausible ratio (a zip bomb?)"
            ))
    }

    static func le16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i >= 0, i + 2 <= b.count else { return 0 }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i >= 0, i + 4 <= b.count else { return 0 }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// A 64-bit field as Int; values beyond Int.max read as -1 (and fail the range checks).
    static func le64(_ b: [UInt8], _ i: Int) -> Int {
        guard i >= 0, i + 8 <= b.count else { return -1 }
        var v: UInt64 = 0
        for k in (0..<8).reversed() { v = v << 8 | UInt64(b[i + k]) }
        return v > UInt64(Int.max) ? -1 : Int(v)
    }
}

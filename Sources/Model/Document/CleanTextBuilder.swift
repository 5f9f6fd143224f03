/// Builds `CleanText` from source bytes, one line or fragment at a time, into a storage
/// shared by the whole document.
public struct CleanTextBuilder {
    let bytes: [UInt8]
    let arena: TextArena
    var storage: TextStorage
    /// The text being built is storage[start..<end].
    var start: Int
    var end: Int

    public init(bytes: [UInt8], arena: TextArena) {
        self.bytes = bytes
        self.arena = arena
        self.storage = arena.storage
        self.start = storage.filled
        self.end = start
    }

    /// Makes room for `n` more scalars; if the storage is full, the text so far moves to a new one.
    mutating func reserve(_ n: Int) {
        guard end + n > storage.capacity else { return }
        let partial = end - start
        let fresh = TextStorage(source: storage.source, capacity: max(2 * (partial + n), 1 << 16))
        fresh.scalars.update(from: storage.scalars + start, count: partial)
        fresh.offsets.update(from: storage.offsets + start, count: partial)
        storage = fresh
        start = 0
        end = partial
    }

    @inline(__always)
    mutating func put(_ scalar: UInt32, at offset: Int) {
        storage.scalars[end] = scalar
        storage.offsets[end] = Int32(truncatingIfNeeded: offset)
        end += 1
    }

    /// Appends source bytes `start..<end` (one line's content), folding and
    /// dropping noise markers.
    public mutating func append(_ from: Int, _ to: Int) {
        reserve(to - from)
        let scalars = storage.scalars
        let offsets = storage.offsets
        var n = end
        bytes.withUnsafeBufferPointer { source in
            var i = from
            while i < to {
                let b0 = UInt32(source[i])
                let scalar: UInt32
                let length: Int
                if b0 < 0x80 {
                    if b0 == 0x5B, let skip = Noise.markerLength(bytes, at: i, limit: to) {
                        i += skip
                        continue
                    }
                    scalar = b0 == 0x09 ? 0x20 : b0
                    length = 1
                } else if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < to {
                    scalar = Chars.fold(((b0 & 0x0F) << 12) | ((UInt32(source[i + 1]) & 0x3F) << 6) | (UInt32(source[i + 2]) & 0x3F))
                    length = 3
                } else {
                    let (s, l) = UTF8Scan.decode(bytes, at: i, limit: to)
                    scalar = Chars.fold(s)
                    length = l
                }
                scalars[n] = scalar
                offsets[n] = Int32(truncatingIfNeeded: i)
                n += 1
                i += length
            }
        }
        end = n
    }

    /// Appends a line break that joins two lines of one cell.
    public mutating func appendNewline(at offset: Int) {
        reserve(1)
        put(0x0A, at: offset)
    }

    /// Clean text for a string that is not in the source (captions assembled from several
    /// fields), in a storage of its own; offsets are into the string's UTF-8.
    public static func make(_ s: String) -> CleanText {
        let bytes = Array(s.utf8)
        var b = CleanTextBuilder(bytes: bytes, arena: TextArena(source: bytes, capacity: bytes.count))
        b.append(0, bytes.count)
        return b.finish()
    }

    /// The text appended since the last `finish`.
    public mutating func finish() -> CleanText {
        storage.filled = end
        if arena.storage !== storage { arena.storage = storage }
        defer { start = end }
        return CleanText(storage: storage, start: start, count: end - start)
    }
}

/// Noise that Word-export text carries: `[bookmark: …]` and `[image: …]`.
public enum Noise {
    static let bookmark = Array("[bookmark:".utf8)
    static let image = Array("[image:".utf8)

    /// Byte length of a marker starting at `i`, or nil.
    public static func markerLength(_ bytes: [UInt8], at i: Int, limit: Int) -> Int? {
        let prefix: [UInt8]
        if startsWith(bytes, bookmark, at: i, limit: limit) {
            prefix = bookmark
        } else if startsWith(bytes, image, at: i, limit: limit) {
            prefix = image
        } else {
            return nil
        }
        var j = i + prefix.count
        // Markers are short; a missing bracket within 256 bytes means it is not one.
        let stop = min(limit, j + 256)
        while j < stop {
            if bytes[j] == 0x5D { return j + 1 - i }
            if bytes[j] == 0x0A { return nil }
            j += 1
        }
        return nil
    }

    static func startsWith(_ bytes: [UInt8], _ word: [UInt8], at i: Int, limit: Int) -> Bool {
        guard i + word.count <= limit else { return false }
        for k in 0..<word.count where bytes[i + k] != word[k] { return false }
        return true
    }
}

/// Minimal UTF-8 decoding over bytes already known to be valid.
public enum UTF8Scan {
    @inline(__always)
    public static func decode(_ bytes: [UInt8], at i: Int, limit: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0, i + 1 < limit {
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0, i + 2 < limit {
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        if i + 3 < limit {
            return (
                ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12)
                    | ((UInt32(bytes[i + 2]) & 0x3F) << 6) | (UInt32(bytes[i + 3]) & 0x3F), 4
            )
        }
        return (0xFFFD, 1)
    }
}

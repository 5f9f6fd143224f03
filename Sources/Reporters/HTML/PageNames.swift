import Engine

/// File names for the pages of a batch, one per input, all in the output directory.
///
/// A name keeps the input's path readable (letters, digits, CJK, `.`, `-`, `_`; anything else,
/// the folder separator included, becomes `_`), never starts with a dot, stays well under the
/// 255-byte limit of a file name, and is never `index.html`. Two paths that would share a name
/// are told apart by a hash of the path, so a name depends only on its own path unless it collides.
struct PageNames {
    private var taken: Set<String> = ["index.html"]

    mutating func name(for path: String) -> String {
        var stem = String.UnicodeScalarView()
        // "../shared/a.txt" → "shared_a.txt": the climbing parts say nothing.
        let parts = path.split(separator: "/").filter { $0 != "." && $0 != ".." }
        for s in parts.joined(separator: "/").unicodeScalars {
            if stem.count >= 60 { break }
            let v = s.value
            let keep =
                (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || v == 0x2D || v == 0x5F || (v == 0x2E && !stem.isEmpty)
                || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xF900 && v <= 0xFAFF)
            stem.append(keep ? s : "_")
        }
        var name = String(stem) + ".html"
        if taken.contains(name) { name = String(stem) + "-" + String(FNV1a.hex(path).prefix(8)) + ".html" }
        var k = 2
        while taken.contains(name) {
            name = String(stem) + "-" + String(FNV1a.hex(path).prefix(8)) + "-\(k).html"
            k += 1
        }
        taken.insert(name)
        return name
    }

    /// A relative URL for a name: `./` first (a name is never read as a scheme), and every
    /// byte outside the unreserved set percent-encoded.
    static func href(_ name: String) -> String {
        var out = "./"
        for b in name.utf8 {
            let unreserved =
                (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
            if unreserved {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(digits[Int(b >> 4)])
                out.unicodeScalars.append(digits[Int(b & 15)])
            }
        }
        return out
    }
}

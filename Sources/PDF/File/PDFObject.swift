/// An object number and generation.
struct ObjectRef: Hashable, Sendable {
    var number: Int
    var generation: Int
}

/// A PDF object as parsed (references are not resolved here: see `ObjectStore`).
enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case name(String)
    case string([UInt8])
    case array([PDFObject])
    case dict(PDFDict)
    case ref(ObjectRef)
    case stream(PDFStream)

    var int: Int? {
        switch self {
        case .int(let v): return v
        case .real(let v): return v.isFinite && abs(v) < 1e15 ? Int(v.rounded()) : nil
        default: return nil
        }
    }

    var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .real(let v): return v.isFinite ? v : nil
        default: return nil
        }
    }

    var name: String? { if case .name(let n) = self { return n } else { return nil } }
    var array: [PDFObject]? { if case .array(let a) = self { return a } else { return nil } }
    var string: [UInt8]? { if case .string(let s) = self { return s } else { return nil } }
    var ref: ObjectRef? { if case .ref(let r) = self { return r } else { return nil } }

    /// The dictionary of a dictionary or of a stream.
    var dict: PDFDict? {
        switch self {
        case .dict(let d): return d
        case .stream(let s): return s.dict
        default: return nil
        }
    }

    var stream: PDFStream? { if case .stream(let s) = self { return s } else { return nil } }
}

struct PDFDict: Sendable {
    var entries: [String: PDFObject] = [:]

    subscript(_ key: String) -> PDFObject? { entries[key] }

    func name(_ key: String) -> String? { entries[key]?.name }
}

/// A stream: its dictionary and where its raw (still encoded) data lies in the file.
struct PDFStream: Sendable {
    var dict: PDFDict
    var data: Range<Int>
}

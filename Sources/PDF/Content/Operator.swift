// swift-format-ignore-file: AlwaysUseLowerCamelCase
// (the cases are the operators as ISO 32000 spells them)

/// The content-stream operators the interpreter acts on, keyed by their (at most three) bytes.
enum Operator: UInt32 {
    case BT = 0x5442
    case ET = 0x5445
    case Tf = 0x6654
    case Tm = 0x6D54
    case Td = 0x6454
    case TD = 0x4454
    case TStar = 0x2A54
    case TL = 0x4C54
    case Tc = 0x6354
    case Tw = 0x7754
    case Tz = 0x7A54
    case Ts = 0x7354
    case Tr = 0x7254
    case TJ = 0x4A54
    case Tj = 0x6A54
    case quote = 0x27
    case doubleQuote = 0x22
    case cm = 0x6D63
    case q = 0x71
    case Q = 0x51
    case m = 0x6D
    case l = 0x6C
    case c = 0x63
    case v = 0x76
    case y = 0x79
    case h = 0x68
    case re = 0x6572
    case S = 0x53
    case s = 0x73
    case f = 0x66
    case F = 0x46
    case fStar = 0x2A66
    case B = 0x42
    case BStar = 0x2A42
    case b = 0x62
    case bStar = 0x2A62
    case n = 0x6E
    case G = 0x47
    case g = 0x67
    case RG = 0x4752
    case rg = 0x6772
    case K = 0x4B
    case k = 0x6B
    case SC = 0x4353
    case sc = 0x6373
    case SCN = 0x4E4353
    case scn = 0x6E6373
    case CS = 0x5343
    case cs = 0x7363
    case Do = 0x6F44
    case BI = 0x4942
    case ID = 0x4449
    case BDC = 0x434442
    case BMC = 0x434D42
    case EMC = 0x434D45

    init?(_ bytes: [UInt8], _ r: Range<Int>) {
        guard r.count <= 3 else { return nil }
        var key: UInt32 = 0
        var shift: UInt32 = 0
        for i in r {
            key |= UInt32(bytes[i]) << shift
            shift += 8
        }
        self.init(rawValue: key)
    }
}

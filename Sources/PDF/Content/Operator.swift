/// The content-stream operators the interpreter acts on, keyed by their (at most three) bytes.
enum Operator: UInt32 {
    case BT = 0x5442, ET = 0x5445
    case Tf = 0x6654, Tm = 0x6D54, Td = 0x6454, TD = 0x4454, TStar = 0x2A54, TL = 0x4C54
    case Tc = 0x6354, Tw = 0x7754, Tz = 0x7A54, Ts = 0x7354, Tr = 0x7254
    case TJ = 0x4A54, Tj = 0x6A54, quote = 0x27, doubleQuote = 0x22
    case cm = 0x6D63, q = 0x71, Q = 0x51
    case m = 0x6D, l = 0x6C, c = 0x63, v = 0x76, y = 0x79, h = 0x68, re = 0x6572
    case S = 0x53, s = 0x73, f = 0x66, F = 0x46, fStar = 0x2A66, B = 0x42, BStar = 0x2A42, b = 0x62, bStar = 0x2A62, n = 0x6E
    case G = 0x47, g = 0x67, RG = 0x4752, rg = 0x6772, K = 0x4B, k = 0x6B
    case SC = 0x4353, sc = 0x6373, SCN = 0x4E4353, scn = 0x6E6373, CS = 0x5343, cs = 0x7363
    case Do = 0x6F44, BI = 0x4942, ID = 0x4449
    case BDC = 0x434442, BMC = 0x434D42, EMC = 0x434D45

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

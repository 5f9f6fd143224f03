/// Text from reports and file names made safe for a terminal or a line-oriented log: a
/// report can hold escape sequences (ESC [ … recolours or rewrites the screen), a name can
/// hold a newline (a forged `::error` line in CI). Control characters become their visible
/// pictures (U+2400 + code: "␛", "␊"), one column wide so carets still line up; C1 controls
/// and the bidirectional overrides that reorder what is shown become U+FFFD.
public enum TerminalText {
    public static func safe(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { replacement(for: $0) != nil }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(replacement(for: scalar) ?? scalar) }
        return String(out)
    }

    /// What a scalar is shown as, or nil when it is shown as it is (a tab stays a tab).
    static func replacement(for s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x09: return nil
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + s.value)
        case 0x7F: return "\u{2421}"
        case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return nil
        }
    }
}

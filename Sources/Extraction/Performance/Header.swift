import Model

/// Label text of table cells: squeezed for matching, the points a label states, the name before them.
enum Header {
    static func squeeze(_ s: String) -> String {
        Chars.string(s.unicodeScalars.lazy.map(\.value).filter { (s: UInt32) -> Bool in !Chars.isSpace(s) && s != 0x0A && s != 0x3000 })
    }

    /// "(50分)" anywhere in a label cell → 50, with its span in the source.
    static func points(_ cell: CellValue?) -> Quantity? {
        cell?.quantities.first { $0.unit == .points }
    }

    /// "产出指标\n\n(50分)" → "产出指标".
    static func name(_ text: String) -> String {
        var s = squeeze(text)
        if let open = s.firstIndex(where: { $0 == "(" || $0 == "（" }) { s = String(s[..<open]) }
        return s
    }
}

extension String {
    /// Trims spaces (ASCII and U+3000) and line breaks at both ends.
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\u{3000}" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\u{3000}" { s.removeLast() }
        return String(s)
    }
}

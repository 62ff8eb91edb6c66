/// The characters that never reach a reader raw, wherever model text is shown — a diagram, a
/// report, a pull-request summary, a terminal: controls (which start lines and terminal escape
/// sequences), format characters (bidirectional overrides, zero-width characters), line and
/// paragraph separators, unassigned code points and non-characters. Every output shows them
/// the same way, as a visible `[U+XXXX]`, so they cannot disguise what the text says; the
/// escaping of each output language (DOT, HTML, Markdown, plain text) only adds the characters
/// that language gives a meaning to.
public enum InvisibleCharacters {
    /// Whether `scalar` is shown as its code point.
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        // Unicode property lookups are slow enough to dominate writing a large diagram, so the
        // ranges that are always visible (ASCII, Latin-1, and the punctuation, arrows, box
        // drawing and symbols TrustFlow's own labels use) are answered directly.
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE...0x24F, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x23FF, 0x2500...0x27BF:
            return false
        case 0..<0x20, 0x7F..<0xA0:
            return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate: return true
        default: return scalar.properties.isNoncharacterCodePoint
        }
    }

    /// `scalar` as a visible `[U+XXXX]` (at least four upper-case hexadecimal digits).
    public static func shown(_ scalar: Unicode.Scalar) -> String {
        "[U+" + EscapedCharacters.hex(scalar.value) + "]"
    }
}

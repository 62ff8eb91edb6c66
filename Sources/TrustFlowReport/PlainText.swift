import TrustFlowModel

/// Escaping for plain text that goes to a terminal or a log, one line per record: model text
/// can never start a new line (forging a finding or a diagnostic in a CI log), send an
/// escape sequence to the terminal, or reorder what is shown with bidirectional overrides.
public enum PlainText {
    /// `text` on one line: line breaks as `\n`, tabs as `\t`, and controls, escape
    /// sequences' introducers, bidirectional overrides, zero-width and other invisible
    /// characters as a visible `[U+XXXX]` (``InvisibleCharacters``).
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: InvisibleCharacters.contains) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where InvisibleCharacters.contains(scalar): result += InvisibleCharacters.shown(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

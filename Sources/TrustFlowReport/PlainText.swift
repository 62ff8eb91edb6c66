/// Escaping for plain text that goes to a terminal or a log, one line per record: model text
/// can never start a new line (forging a finding or a diagnostic in a CI log), send an
/// escape sequence to the terminal, or reorder what is shown with bidirectional overrides.
public enum PlainText {
    /// `text` on one line: line breaks as `\n`, tabs as `\t`, and controls, escape
    /// sequences' introducers, bidirectional overrides, zero-width and other invisible
    /// characters as a visible `[U+XXXX]`.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscaping(scalar):
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "[U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "]"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate: true
        default: false
        }
    }
}

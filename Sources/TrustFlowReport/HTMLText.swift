/// Escaping for HTML text and attribute values: model text can never become markup.
public enum HTMLText {
    /// `& < > " '` as entities, and invisible characters (bidirectional overrides, zero-width
    /// characters, controls) shown as `[U+XXXX]` so they cannot disguise what a reader sees.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate:
                    let digits = String(scalar.value, radix: 16, uppercase: true)
                    result += "[U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "]"
                default:
                    if scalar.properties.isNoncharacterCodePoint {
                        result += "[U+\(String(scalar.value, radix: 16, uppercase: true))]"
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return result
    }
}

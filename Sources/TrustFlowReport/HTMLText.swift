import TrustFlowModel

/// Escaping for HTML text and attribute values: model text can never become markup.
public enum HTMLText {
    /// `& < > " '` as entities, and invisible characters (bidirectional overrides, zero-width
    /// characters, controls) shown as `[U+XXXX]` (``InvisibleCharacters``) so they cannot
    /// disguise what a reader sees.
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
            case _ where InvisibleCharacters.contains(scalar): result += InvisibleCharacters.shown(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

import TrustFlowModel

/// Escaping for GitHub-flavoured Markdown: model text can never become formatting, links,
/// HTML, a new table cell or a notification.
public enum MarkdownText {
    /// Text for a paragraph or a table cell: HTML-significant characters as entities,
    /// Markdown punctuation backslash-escaped, `@` followed by an invisible zero-width space
    /// (`&#8203;`) so that `@name` or `@org/team` in a model never mentions — and notifies —
    /// anyone when the summary is posted on GitHub, line breaks as spaces, and invisible
    /// characters (bidirectional overrides, zero-width characters, …) shown as `[U+XXXX]`
    /// (``InvisibleCharacters``).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!", "#", "{", "}":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "@": result += "@&#8203;"
            case "\n", "\r", "\t": result += " "
            case _ where InvisibleCharacters.contains(scalar): result += InvisibleCharacters.shown(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// An id or a file name as inline code when it consists only of letters, digits and
    /// `_ . - ~ : /` (which need no escaping inside backticks); anything else is escaped as text.
    public static func code(_ id: String) -> String {
        let safe = id.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-~:/".unicodeScalars.contains($0)) }
        return safe && !id.isEmpty ? "`\(id)`" : escape(id)
    }

    /// A table with a header row; cells are escaped by the caller.
    public static func table(_ header: [String], _ rows: [[String]]) -> String {
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }
}

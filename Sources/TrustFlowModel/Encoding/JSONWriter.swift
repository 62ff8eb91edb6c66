/// Prints an ``EncodedValue`` as JSON: two-space indentation, one value per line, `"key": value`,
/// empty lists as `[]`, and a final newline.
package enum JSONWriter {
    package static func write(_ value: EncodedValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        output += "\n"
        return output
    }

    private static func write(_ value: EncodedValue, indent: Int, into output: inout String) {
        let inner = String(repeating: " ", count: indent + 2)
        switch value {
        case .string(let text): output += quoted(text)
        case .integer(let number): output += String(number)
        case .boolean(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        // JSON has no infinity or NaN: those stay text.
        case .number(let text): output += text.hasPrefix(".") || text.hasPrefix("-.") ? quoted(text) : text
        case .list(let items):
            guard !items.isEmpty else { return output += "[]" }
            output += "[\n"
            for (position, item) in items.enumerated() {
                output += inner
                write(item, indent: indent + 2, into: &output)
                output += position == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .mapping(let entries):
            guard !entries.isEmpty else { return output += "{}" }
            output += "{\n"
            for (position, entry) in entries.enumerated() {
                output += inner + quoted(entry.key) + ": "
                write(entry.value, indent: indent + 2, into: &output)
                output += position == entries.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal; characters outside the Basic Multilingual Plane that must be
    /// escaped are written as a surrogate pair, as JSON requires.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where EscapedCharacters.contains(scalar):
                for unit in String(scalar).utf16 { result += "\\u" + EscapedCharacters.hex(UInt32(unit), width: 4) }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// Prints an ``EncodedValue`` as block-style YAML in the layout of the samples: a blank line
/// before each top-level list, list items as `- key: value` with their other keys aligned
/// under the first, lists of scalars and small mappings of scalars in flow style (`[a, b]`,
/// `{kind: Pod, name: web}`), and a final newline.
///
/// A string is written plain only when it cannot be read back as anything else — by this
/// model's YAML 1.2 core-schema parser or by a YAML 1.1 tool — and double-quoted otherwise,
/// with every character of ``EscapedCharacters`` escaped.
enum YAMLWriter {
    static func write(_ value: EncodedValue) -> String {
        guard case .mapping(let entries) = value else { return scalar(value, inFlow: false) + "\n" }
        var output = ""
        for (position, entry) in entries.enumerated() {
            if position > 0, !entry.value.isScalar { output += "\n" }
            write(entry, indent: 0, into: &output)
        }
        return output
    }

    /// `key: value` at `indent`.
    private static func write(_ entry: EncodedValue.Entry, indent: Int, into output: inout String) {
        output += String(repeating: " ", count: indent) + key(entry.key) + ":"
        writeValue(entry.value, indent: indent, into: &output)
    }

    /// What follows `key:` (or `-`) written at `indent`: the rest of the line, and any block
    /// nested under it.
    private static func writeValue(_ value: EncodedValue, indent: Int, into output: inout String) {
        switch value {
        case .string, .integer, .boolean, .null, .number:
            output += " " + scalar(value, inFlow: false) + "\n"
        case .list(let items) where items.allSatisfy(\.isScalar):
            output += " [" + items.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]\n"
        case .list(let items):
            output += "\n"
            for item in items { writeItem(item, indent: indent + 2, into: &output) }
        case .mapping(let entries) where entries.isEmpty:
            output += " {}\n"
        case .mapping(let entries) where compact(entries) != nil:
            output += " " + compact(entries)! + "\n"
        case .mapping(let entries):
            output += "\n"
            for entry in entries { write(entry, indent: indent + 2, into: &output) }
        }
    }

    /// A small mapping of scalars on one line (`{kind: Deployment, name: web}`), as a `k8s`
    /// reference is written; `nil` for one that is bigger or holds more than scalars.
    private static func compact(_ entries: [EncodedValue.Entry]) -> String? {
        guard entries.count <= 4, entries.allSatisfy(\.value.isScalar) else { return nil }
        let text = "{" + entries.map { key($0.key) + ": " + scalar($0.value, inFlow: true) }.joined(separator: ", ") + "}"
        return text.count <= 100 ? text : nil
    }

    /// `- …` at `indent`; a mapping starts on the dash's line.
    private static func writeItem(_ item: EncodedValue, indent: Int, into output: inout String) {
        output += String(repeating: " ", count: indent) + "-"
        guard case .mapping(let entries) = item, let first = entries.first else {
            return writeValue(item, indent: indent, into: &output)
        }
        output += " " + key(first.key) + ":"
        writeValue(first.value, indent: indent + 2, into: &output)
        for entry in entries.dropFirst() { write(entry, indent: indent + 2, into: &output) }
    }

    static func scalar(_ value: EncodedValue, inFlow: Bool) -> String {
        switch value {
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        case .null: "null"
        case .number(let text): text
        case .string(let text): isPlain(text, inFlow: inFlow) ? text : doubleQuoted(text)
        case .list, .mapping: preconditionFailure("not a scalar")
        }
    }

    /// A mapping key: the format's own keys are plain; an `x-` key or a key inside `x-` data
    /// is quoted when it would not read back as the same text.
    static func key(_ text: String) -> String { isPlain(text, inFlow: false) ? text : doubleQuoted(text) }

    /// Words that a YAML 1.2 core schema (`null`, `true`, `false`) or a YAML 1.1 tool (`yes`,
    /// `no`, `on`, `off`, `y`, `n`) reads as something other than text, compared ignoring case.
    private static let reservedWords: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    /// ASCII punctuation that is plain text in the middle of a block scalar. Left out: `:` and
    /// `#` (which start a value or a comment after a space), quotes, backslash, backtick,
    /// brackets and braces, and `,` inside a flow list.
    private static let plainPunctuation: [Bool] = (0..<128).map { byte in
        "-_./()+'&@%=!?;*<>|~^$".unicodeScalars.contains(Unicode.Scalar(UInt8(byte)))
    }

    /// Whether `text` reads back as exactly this string when written without quotes. Strict on
    /// purpose: it starts with a letter (so it is no number, date, indicator or alias), and
    /// ends with neither a space nor anything the parser would strip.
    static func isPlain(_ text: String, inFlow: Bool) -> Bool {
        let scalars = text.unicodeScalars
        // Every reserved word has at most five letters: longer text needs no lower-cased copy.
        guard let first = scalars.first, let last = scalars.last, isLetter(first), last != " ",
            text.utf8.count > 5 || !reservedWords.contains(text.lowercased())
        else { return false }
        return scalars.allSatisfy { scalar in
            if scalar == " " { return true }
            if scalar == "," { return !inFlow }
            if scalar.isASCII { return isLetterOrNumber(scalar) || plainPunctuation[Int(scalar.value)] }
            if EscapedCharacters.contains(scalar) { return false }
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .privateUse, .unassigned, .surrogate: return false
            default: return true
            }
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// A double-quoted YAML scalar, on one line.
    static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where EscapedCharacters.contains(scalar):
                result += escape(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `\xXX`, `\uXXXX` or `\UXXXXXXXX`, the shortest YAML escape that holds the scalar.
    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case ...0xFF: "\\x" + EscapedCharacters.hex(scalar.value, width: 2)
        case ...0xFFFF: "\\u" + EscapedCharacters.hex(scalar.value, width: 4)
        default: "\\U" + EscapedCharacters.hex(scalar.value, width: 8)
        }
    }
}

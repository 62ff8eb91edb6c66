/// A JSON or YAML document as a tree of values that remember where they were written.
///
/// Both parsers produce this tree and one decoder reads it, so JSON and YAML models get the
/// same checks and the same messages.
public struct SourceNode: Sendable {
    /// A key of a mapping, with its own position (unknown-key errors point at the key).
    public struct Key: Sendable {
        public var text: String
        public var position: SourcePosition
    }

    /// A scalar as written, and what type it resolved to.
    public struct Scalar: Sendable {
        /// The scalar's type: JSON's by syntax, YAML's by the YAML 1.2 core schema.
        public enum Kind: String, Sendable {
            case string, integer, float, boolean, null
        }
        public var kind: Kind
        /// The text: the string's contents, or the number, boolean or null as written.
        public var text: String
    }

    /// The value.
    public enum Value: Sendable {
        case mapping([(key: Key, value: SourceNode)])
        case sequence([SourceNode])
        case scalar(Scalar)
    }

    public var value: Value
    /// Where the value starts.
    public var position: SourcePosition

    /// A short name of what this is, for "expected …, found …" messages.
    public var kindDescription: String {
        switch value {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar):
            switch scalar.kind {
            case .string: "a string (\(SourceNode.quoted(scalar.text)))"
            case .integer: "an integer (\(SourceNode.excerpt(scalar.text)))"
            case .float: "a number (\(SourceNode.excerpt(scalar.text)))"
            case .boolean: "a boolean (\(scalar.text))"
            case .null: "null"
            }
        }
    }

    /// `"text"` shortened to a readable length.
    static func quoted(_ text: String) -> String { "\"\(excerpt(text))\"" }

    /// `text` cut to `limit` characters (then `…`), with line breaks, tabs and invisible
    /// characters spelled out, for messages.
    package static func excerpt(_ text: String, limit: Int = 40) -> String {
        var result = ""
        for character in text.unicodeScalars.prefix(limit) {
            switch character {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where character.properties.generalCategory == .control
                || character.properties.generalCategory == .format:
                result += "\\u{\(String(character.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(character)
            }
        }
        return text.unicodeScalars.count > limit ? result + "…" : result
    }
}

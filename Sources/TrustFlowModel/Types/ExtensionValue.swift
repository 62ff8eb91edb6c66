/// The value of a top-level `x-` key: any JSON or YAML data, kept as written so that
/// `convert` writes it back. No command reads it; it is a home for YAML anchors and for other
/// tools' data.
public indirect enum ExtensionValue: Hashable, Sendable {
    case null
    case boolean(Bool)
    case integer(Int)
    /// A number that is not an `Int` (a decimal, or an integer too large), in a form both
    /// JSON and YAML read back (`1.5`, `1e+20`), or `.inf`, `-.inf`, `.nan`.
    case number(String)
    case string(String)
    case list([ExtensionValue])
    /// A mapping's entries in the order written.
    case mapping([Member])

    /// One entry of a mapping, or one `x-` key of a model.
    public struct Member: Hashable, Sendable {
        /// The key as written.
        public var key: String
        /// Its value.
        public var value: ExtensionValue

        /// Creates an entry.
        public init(key: String, value: ExtensionValue) {
            self.key = key
            self.value = value
        }
    }

    /// The prefix that makes a top-level key an extension.
    public static let keyPrefix = "x-"

    /// The value of `key` when this is a mapping that has it.
    public subscript(key: String) -> ExtensionValue? {
        guard case .mapping(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}

extension ExtensionValue {
    /// A number as JSON and YAML both read it back: a finite one as Swift prints a `Double`
    /// (`1.5`, `1e+20`), an integer too large for `Int` as its digits, the rest as YAML's
    /// `.inf`, `-.inf` or `.nan`.
    static func canonicalNumber(_ text: String) -> String {
        var digits = Substring(text)
        if digits.first == "+" { digits = digits.dropFirst() }
        let body = digits.first == "-" ? digits.dropFirst() : digits
        if !body.isEmpty, body.allSatisfy(\.isASCIIDigit) {
            let trimmed = body.drop { $0 == "0" }
            return (digits.first == "-" ? "-" : "") + (trimmed.isEmpty ? "0" : String(trimmed))
        }
        let lowered = text.lowercased()
        if lowered.hasSuffix(".nan") { return ".nan" }
        if lowered.hasSuffix(".inf") { return lowered.hasPrefix("-") ? "-.inf" : ".inf" }
        guard let value = Double(text.hasPrefix(".") ? "0" + text : text.hasPrefix("-.") ? "-0" + text.dropFirst() : text)
        else { return text }
        return value.description
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// The characters the canonical writers never write raw, in JSON or YAML.
///
/// Control characters must be escaped by both syntaxes. Format characters (bidirectional
/// overrides, zero-width characters, the byte-order mark), line and paragraph separators
/// and non-characters are legal raw, but they can make a committed file read differently
/// from what it says, or are line breaks or non-printable to YAML; as escapes they show up
/// in a review and decode to the same text.
package enum EscapedCharacters {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        // Printable ASCII is nearly all a model holds; the Unicode property lookups below are slow.
        if scalar.value >= 0x20 && scalar.value < 0x7F { return false }
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: break
        }
        if scalar.properties.isNoncharacterCodePoint { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// Upper-case hexadecimal, zero-padded to `width` digits.
    package static func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

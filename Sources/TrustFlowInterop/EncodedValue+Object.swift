import TrustFlowModel

extension EncodedValue {
    /// A JSON object with its keys in the order given, leaving out the absent values: the
    /// exports list each object's keys in the order the target format's schema or its own
    /// files use.
    static func object(_ entries: KeyValuePairs<String, EncodedValue?>) -> EncodedValue { .mapping(self.entries(entries)) }

    /// The entries of an object, in the order given, without the absent values.
    static func entries(_ entries: KeyValuePairs<String, EncodedValue?>) -> [Entry] {
        entries.compactMap { key, value in value.map { Entry(key: key, value: $0) } }
    }

    /// A text value, or absent for `nil`.
    static func text(_ value: String?) -> EncodedValue? { value.map(EncodedValue.string) }

    /// A point or size in whole units: Threat Dragon draws in pixels.
    static func rounded(_ value: Double) -> EncodedValue { .integer(Int(value.rounded())) }
}

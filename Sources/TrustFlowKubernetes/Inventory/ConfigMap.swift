import TrustFlowModel

/// A ConfigMap: its text entries, each with where it was written.
public struct ConfigMap: Hashable, Sendable {
    /// One key of `data`.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: String
        public var location: SourceLocation

        /// Creates an entry.
        public init(key: String, value: String, location: SourceLocation) {
            self.key = key
            self.value = value
            self.location = location
        }
    }

    public var metadata: ObjectMetadata
    /// `data`, sorted by key (`binaryData` is left out: it names no Service).
    public var entries: [Entry]

    /// Creates a ConfigMap.
    public init(metadata: ObjectMetadata, entries: [Entry]) {
        self.metadata = metadata
        self.entries = entries
    }

    /// The entry with `key`.
    public func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }
}

/// A Secret as far as TrustFlow reads it: its name, type and the names of its keys. Values
/// (`data`, `stringData`) are never read, so no later stage can show them.
public struct SecretObject: Hashable, Sendable {
    public var metadata: ObjectMetadata
    /// `type`, e.g. `kubernetes.io/tls`.
    public var type: String?
    /// The keys of `data` and `stringData`, sorted.
    public var keys: [String]

    /// Creates a Secret.
    public init(metadata: ObjectMetadata, type: String?, keys: [String]) {
        self.metadata = metadata
        self.type = type
        self.keys = keys
    }
}

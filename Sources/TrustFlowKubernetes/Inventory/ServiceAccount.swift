/// A ServiceAccount: whether pods running as it get its token unless they say otherwise.
public struct ServiceAccount: Hashable, Sendable {
    public var metadata: ObjectMetadata
    /// `automountServiceAccountToken`; `nil` when it does not say (then tokens are mounted).
    public var automountServiceAccountToken: Bool?

    /// Creates a ServiceAccount.
    public init(metadata: ObjectMetadata, automountServiceAccountToken: Bool?) {
        self.metadata = metadata
        self.automountServiceAccountToken = automountServiceAccountToken
    }
}

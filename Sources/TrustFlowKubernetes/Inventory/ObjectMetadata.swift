import TrustFlowModel

/// What every Kubernetes object in the inventory carries: its identity, labels and
/// annotations, and where it was written.
public struct ObjectMetadata: Hashable, Sendable {
    /// The kind as manifests spell it (`Deployment`).
    public var kind: String
    /// `metadata.name`.
    public var name: String
    /// The namespace: `metadata.namespace`, or the namespace the manifests are applied to
    /// when they say none; `nil` for cluster-scoped kinds.
    public var namespace: String?
    /// `metadata.labels`.
    public var labels: [String: String]
    /// `metadata.annotations`.
    public var annotations: [String: String]
    /// Where the object starts (its first key) in its manifest.
    public var location: SourceLocation

    /// Creates metadata.
    public init(
        kind: String, name: String, namespace: String?, labels: [String: String] = [:],
        annotations: [String: String] = [:], location: SourceLocation
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.location = location
    }

    /// The object's identity: kind, namespace and name.
    public var identity: ObjectIdentity { ObjectIdentity(kind: kind, namespace: namespace, name: name) }
}

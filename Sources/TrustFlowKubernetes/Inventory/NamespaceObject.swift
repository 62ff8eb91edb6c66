/// A Namespace object: its labels (Pod Security levels, what namespace selectors match) and
/// annotations.
public struct NamespaceObject: Hashable, Sendable {
    public var metadata: ObjectMetadata

    /// Creates a Namespace.
    public init(metadata: ObjectMetadata) { self.metadata = metadata }

    public var name: String { metadata.name }

    /// The label Kubernetes gives every namespace, with the namespace's name.
    public static let nameLabel = "kubernetes.io/metadata.name"

    /// The labels a namespace selector sees: its own, and `kubernetes.io/metadata.name`, which
    /// Kubernetes sets on every namespace.
    public var effectiveLabels: [String: String] {
        metadata.labels.merging([NamespaceObject.nameLabel: name]) { _, automatic in automatic }
    }

    /// The Pod Security level enforced (`pod-security.kubernetes.io/enforce`), if any.
    public var enforcedPodSecurityLevel: String? { metadata.labels["pod-security.kubernetes.io/enforce"] }
}

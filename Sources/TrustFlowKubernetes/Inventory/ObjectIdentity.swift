/// A Kubernetes object's identity: two manifests that give the same kind, namespace and name
/// describe the same object.
public struct ObjectIdentity: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The kind as manifests spell it.
    public var kind: String
    /// The namespace; `nil` for cluster-scoped kinds.
    public var namespace: String?
    /// The name.
    public var name: String

    /// Creates an identity.
    public init(kind: String, namespace: String?, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `Deployment shop/frontend`, `Namespace shop`.
    public var description: String { kind + " " + (namespace.map { $0 + "/" } ?? "") + name }

    /// Namespace, then name, then kind: the order objects are listed and imported in, so
    /// that a namespace's objects stay together.
    public static func < (lhs: ObjectIdentity, rhs: ObjectIdentity) -> Bool {
        (lhs.namespace ?? "", lhs.name, lhs.kind) < (rhs.namespace ?? "", rhs.name, rhs.kind)
    }
}

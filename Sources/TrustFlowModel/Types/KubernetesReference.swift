/// The Kubernetes object a boundary or an element stands for (`k8s:` in a file).
///
/// `trustflow import k8s` writes these; the drift check matches model items to manifests by
/// them. A container boundary and the element running in it name the same container.
public struct KubernetesReference: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The object kind exactly as manifests spell it (`Deployment`), or `Cluster`.
    public var kind: String
    /// The object's name; for `Cluster`, the cluster's name.
    public var name: String
    /// The namespace of a namespaced kind; absent means the namespace the manifests were
    /// applied to (`default` unless the import was told otherwise).
    public var namespace: String?
    /// A container of the workload.
    public var container: String?

    /// Creates a reference.
    public init(kind: String, name: String, namespace: String? = nil, container: String? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.container = container
    }

    /// The namespace an absent `namespace` stands for when references are compared.
    public static let defaultNamespace = "default"

    /// The kinds that run pods, as manifests spell them.
    public static let workloadKinds = [
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "Pod",
    ]

    /// Every kind a reference may name, in the order FORMAT.md lists them.
    public static let knownKinds = ["Cluster", "Namespace"] + workloadKinds + ["Service", "Ingress"]

    /// Kinds that belong to no namespace.
    public static let clusterScopedKinds: Set<String> = ["Cluster", "Namespace"]

    /// Whether `kind` runs pods, so that a reference to it may name a container.
    public var isWorkload: Bool { KubernetesReference.workloadKinds.contains(kind) }

    /// The reference with an absent namespace made explicit, for comparing two references.
    public var normalized: KubernetesReference {
        var copy = self
        if !KubernetesReference.clusterScopedKinds.contains(kind), copy.namespace == nil {
            copy.namespace = KubernetesReference.defaultNamespace
        }
        return copy
    }

    /// `Deployment shop/frontend`, `… container server`.
    public var description: String {
        var text = kind + " " + (namespace.map { $0 + "/" } ?? "") + name
        if let container { text += " container " + container }
        return text
    }

    public static func < (lhs: KubernetesReference, rhs: KubernetesReference) -> Bool {
        (lhs.kind, lhs.namespace ?? "", lhs.name, lhs.container ?? "") < (rhs.kind, rhs.namespace ?? "", rhs.name, rhs.container ?? "")
    }
}

/// A trust boundary, drawn as a Graphviz cluster and nested through ``parent``.
public struct Boundary: Hashable, Sendable {
    /// Unique id in the model's shared id namespace.
    public var id: String
    /// Display name; defaults to ``id``.
    public var label: String
    /// What kind of boundary this is; decides its style and the rules that apply.
    public var kind: BoundaryKind
    /// The enclosing boundary's id; `nil` for a top-level boundary.
    public var parent: String?
    /// Ids of the controls enforced at this boundary.
    public var controls: [String]
    /// Free text.
    public var description: String?
    /// The Kubernetes object the boundary stands for (`k8s:`).
    public var kubernetes: KubernetesReference?

    /// Creates a boundary; `label` defaults to `id`.
    public init(
        id: String, label: String? = nil, kind: BoundaryKind, parent: String? = nil,
        controls: [String] = [], description: String? = nil, kubernetes: KubernetesReference? = nil
    ) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.parent = parent
        self.controls = controls
        self.description = description
        self.kubernetes = kubernetes
    }
}

/// The kinds of trust boundary, outermost first.
public enum BoundaryKind: String, CaseIterable, Hashable, Comparable, Sendable {
    case cluster, node, namespace, pod, container, network, generic

    /// Position in the nesting order cluster > node > namespace > pod > container (0 is
    /// outermost); `nil` for `network` and `generic`, which nest anywhere.
    public var nestingRank: Int? {
        switch self {
        case .cluster: 0
        case .node: 1
        case .namespace: 2
        case .pod: 3
        case .container: 4
        case .network, .generic: nil
        }
    }

    public static func < (lhs: BoundaryKind, rhs: BoundaryKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

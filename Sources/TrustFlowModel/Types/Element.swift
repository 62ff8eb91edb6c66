/// A user, service, data store or external system.
public struct Element: Hashable, Sendable {
    /// Unique id in the model's shared id namespace.
    public var id: String
    /// Display name; defaults to ``id``.
    public var label: String
    /// The DFD kind, which decides the shape.
    public var kind: ElementKind
    /// The innermost boundary containing the element; `nil` when outside every boundary.
    public var boundary: String?
    /// Technology shown under the label, e.g. `nginx`.
    public var technology: String?
    /// Ids of the controls this element applies.
    public var controls: [String]
    /// Free text.
    public var description: String?
    /// Documentation link (`https:`, `http:` or relative); the element's link in SVG.
    public var url: String?
    /// The Kubernetes object (and container) the element stands for (`k8s:`).
    public var kubernetes: KubernetesReference?

    /// Creates an element; `label` defaults to `id`.
    public init(
        id: String, label: String? = nil, kind: ElementKind, boundary: String? = nil,
        technology: String? = nil, controls: [String] = [], description: String? = nil, url: String? = nil,
        kubernetes: KubernetesReference? = nil
    ) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.boundary = boundary
        self.technology = technology
        self.controls = controls
        self.description = description
        self.url = url
        self.kubernetes = kubernetes
    }
}

/// Data-flow-diagram element kinds.
public enum ElementKind: String, CaseIterable, Hashable, Sendable {
    /// A person: a user or an operator.
    case actor
    /// A service, API or proxy.
    case process
    /// A database, bucket or queue.
    case datastore
    /// A system outside your control.
    case external
}

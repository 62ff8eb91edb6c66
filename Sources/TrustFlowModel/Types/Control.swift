/// A security control that boundaries, elements and flows refer to by id.
public struct Control: Hashable, Sendable {
    /// Unique id in the model's shared id namespace.
    public var id: String
    /// Display name; defaults to ``id``.
    public var label: String
    /// What the control does; rules look for known kinds.
    public var kind: ControlKind
    /// Free text.
    public var description: String?

    /// Creates a control; `label` defaults to `id`.
    public init(id: String, label: String? = nil, kind: ControlKind, description: String? = nil) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.description = description
    }
}

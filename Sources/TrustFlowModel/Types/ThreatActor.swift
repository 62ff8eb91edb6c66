/// Someone who attacks the system: where they stand and what they target.
public struct ThreatActor: Hashable, Sendable {
    /// Unique id in the model's shared id namespace.
    public var id: String
    /// Display name; defaults to ``id``.
    public var label: String
    /// The kind of attacker.
    public var kind: ThreatActorKind
    /// The boundary the actor stands in (a compromised container stands inside a pod);
    /// `nil` when outside every boundary.
    public var boundary: String?
    /// Ids of the elements and boundaries attacked; drawn as dashed attack edges.
    public var targets: [String]
    /// Free text.
    public var description: String?

    /// Creates a threat actor; `label` defaults to `id`.
    public init(
        id: String, label: String? = nil, kind: ThreatActorKind, boundary: String? = nil,
        targets: [String] = [], description: String? = nil
    ) {
        self.id = id
        self.label = label ?? id
        self.kind = kind
        self.boundary = boundary
        self.targets = targets
        self.description = description
    }
}

/// The threat actors of the Kubernetes threat model.
public enum ThreatActorKind: String, CaseIterable, Hashable, Sendable {
    case externalAttacker = "external-attacker"
    case compromisedContainer = "compromised-container"
    case maliciousInsider = "malicious-insider"
}

/// A handle to a threat actor declared with ``ThreatActor/externalAttacker(_:label:targets:description:fileID:line:column:)``
/// and its siblings (one per ``ThreatActorKind``).
///
/// Place it in the model's content, or inside the boundary the actor stands in (a compromised
/// container stands inside a pod). Keep the handle when an accepted risk is about the actor.
public struct ThreatActorRef: RiskTarget {
    /// The threat actor as declared, outside every boundary and without its targets.
    let threatActor: ThreatActor
    /// What the actor attacks.
    let targets: [ItemReference]
    /// The declaration this handle stands for.
    public let reference: ItemReference

    /// The threat actor's id.
    public var id: String { threatActor.id }
}

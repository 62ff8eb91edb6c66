/// A handle an accepted risk can be about: a ``BoundaryRef``, ``ElementRef``, ``FlowRef`` or
/// ``ThreatActorRef``.
public protocol RiskTarget: Sendable {
    /// The declaration the handle stands for.
    var reference: ItemReference { get }
}

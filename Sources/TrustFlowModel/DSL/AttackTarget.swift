/// A handle a threat actor can target: an ``ElementRef`` or a ``BoundaryRef``.
public protocol AttackTarget: Sendable {
    /// The declaration the handle stands for.
    var reference: ItemReference { get }
}

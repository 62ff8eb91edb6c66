import TrustFlowModel

/// The trust boundaries a flow crosses: every boundary that contains exactly one of its ends.
///
/// Nesting counts: a flow from a pod to a pod in another namespace leaves its pod and its
/// namespace and enters the other namespace and the other pod, but does not cross the
/// cluster that contains both.
public struct FlowCrossing: Hashable, Sendable {
    /// The flow's id.
    public var flow: String
    /// Boundaries around the sender but not the receiver, innermost first (left on the way out).
    public var exited: [Boundary]
    /// Boundaries around the receiver but not the sender, outermost first (entered on the way in).
    public var entered: [Boundary]

    /// Every crossed boundary: exited ones innermost first, then entered ones outermost first.
    public var crossed: [Boundary] { exited + entered }

    /// Whether the flow crosses any boundary at all.
    public var crossesAnyBoundary: Bool { !exited.isEmpty || !entered.isEmpty }

    /// Computes the crossing of `flow`.
    public init(_ flow: Flow, index: ModelIndex) {
        self.init(flow.id, source: index.boundaryChain(from: index.element(flow.from)?.boundary),
            destination: index.boundaryChain(from: index.element(flow.to)?.boundary))
    }

    /// The crossing between two ends' boundary chains (innermost first).
    init(_ flow: String, source: [Boundary], destination: [Boundary]) {
        self.flow = flow
        // Chains are a few boundaries long: comparing ids directly beats building sets.
        exited = source.filter { boundary in !destination.contains { $0.id == boundary.id } }
        entered = destination.filter { boundary in !source.contains { $0.id == boundary.id } }.reversed()
    }
}

extension DiagramView {
    /// The layout engine that draws this view of `model` in reasonable time (see
    /// ``suggestedEngine(edgeCount:)``).
    public func suggestedEngine(for model: Model) -> GraphvizEngine {
        self == .full ? .dot : suggestedEngine(edgeCount: edgeCount(in: model))
    }

    /// `dot`, the clearest for data flows, unless the view draws more than
    /// ``packedLayoutEdgeThreshold`` edges: then it is drawn packed, for `osage`. The full
    /// diagram is always `dot`.
    public func suggestedEngine(edgeCount: Int) -> GraphvizEngine { isPacked(edgeCount: edgeCount) ? .osage : .dot }
}

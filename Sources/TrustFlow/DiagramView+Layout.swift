extension DiagramView {
    /// `dot`, the clearest for data flows, unless the view draws more than
    /// ``packedLayoutEdgeThreshold`` edges: then it is drawn packed, for `osage`. (The full
    /// diagram's engine depends on the model's size; see ``LayoutEngine/auto``.)
    public func suggestedEngine(edgeCount: Int) -> GraphvizEngine { isPacked(edgeCount: edgeCount) ? .osage : .dot }
}

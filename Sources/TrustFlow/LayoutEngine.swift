/// Which Graphviz layout engine draws a diagram.
public enum LayoutEngine: String, CaseIterable, Hashable, Sendable {
    /// Hierarchical: the clearest picture of data flows, but its time grows steeply with
    /// nested clusters (measured: 200 services 0.3 s, 500 services 5.6 s, 1000 more than 150 s).
    case dot
    /// Force-directed with cluster support: lays out 1000 services in seconds. Flows are
    /// labelled with their number only (the rest is in the tooltip) so the picture stays readable.
    case fdp
    /// Packs each cluster's contents in rows, edges straight: fast and deterministic for
    /// views with hundreds of merged flows.
    case osage
    /// For the full diagram, `dot` while its ``LayoutCost`` suits it and `fdp` above; for a
    /// view, `dot` unless it draws more than ``DiagramView/packedLayoutEdgeThreshold`` edges,
    /// then `osage`.
    case auto

    /// The engine for `view` of `model`.
    public func resolved(for model: Model, view: DiagramView = .full) -> GraphvizEngine {
        if let named { return named }
        if view == .full { return LayoutCost(model).suitsDot ? .dot : .fdp }
        return view.suggestedEngine(edgeCount: view.edgeCount(in: model))
    }

    /// The engine named, or nil for `auto`, which chooses per diagram.
    public var named: GraphvizEngine? {
        switch self {
        case .dot: .dot
        case .fdp: .fdp
        case .osage: .osage
        case .auto: nil
        }
    }

    /// The engine for a view (not the full diagram) that draws `edgeCount` edges.
    public func resolved(view: DiagramView, edgeCount: Int) -> GraphvizEngine {
        named ?? view.suggestedEngine(edgeCount: edgeCount)
    }
}

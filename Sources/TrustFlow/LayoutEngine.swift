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
    /// For the full diagram, `dot` up to ``autoThreshold`` elements plus flows and `fdp`
    /// above; for a view, `dot` unless it draws more than
    /// ``DiagramView/packedLayoutEdgeThreshold`` edges, then `osage`.
    case auto

    /// The size (elements + flows) above which `auto` picks `fdp`: just above the generated
    /// 200-service model (566), where `dot` still finishes within 2 s; see BENCHMARKS.md.
    public static let autoThreshold = 700

    /// The engine for `view` of `model`.
    public func resolved(for model: Model, view: DiagramView = .full) -> GraphvizEngine {
        resolved(view: view, size: model.elements.count + model.flows.count) { view.edgeCount(in: model) }
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

    /// The engine for a view of `size` elements plus flows; `viewEdgeCount` is asked only
    /// when the choice depends on it.
    public func resolved(view: DiagramView, size: Int, viewEdgeCount: () -> Int) -> GraphvizEngine {
        if let named { return named }
        if view == .full { return size > LayoutEngine.autoThreshold ? .fdp : .dot }
        return view.suggestedEngine(edgeCount: viewEdgeCount())
    }
}

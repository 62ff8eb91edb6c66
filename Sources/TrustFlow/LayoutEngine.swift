/// Which Graphviz layout engine draws a diagram.
public enum LayoutEngine: String, CaseIterable, Hashable, Sendable {
    /// Hierarchical: the clearest picture of data flows, but its time grows steeply with
    /// nested clusters (measured: 200 services ≈ 1 s, 300 ≈ 6 s, 500 ≈ 12 s or more).
    case dot
    /// Force-directed with cluster support: lays out 1000 services in seconds. Flows are
    /// labelled with their number only (the rest is in the tooltip) so the picture stays readable.
    case fdp
    /// `dot` up to ``autoThreshold`` elements plus flows, `fdp` above.
    case auto

    /// The size (elements + flows) above which `auto` picks `fdp`: just above the generated
    /// 200-service model (566), where `dot` still finishes within 2 s; see BENCHMARKS.md.
    public static let autoThreshold = 700

    /// The engine for `model`.
    public func resolved(for model: Model) -> GraphvizEngine {
        switch self {
        case .dot: .dot
        case .fdp: .fdp
        case .auto: model.elements.count + model.flows.count > LayoutEngine.autoThreshold ? .fdp : .dot
        }
    }
}

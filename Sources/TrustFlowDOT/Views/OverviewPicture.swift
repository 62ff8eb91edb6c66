import TrustFlowModel

/// How an overview — the model collapsed at a kind of boundary (``DiagramView/collapse(_:)``,
/// an atlas's index) — is drawn: as boxes with the flows between them merged into edges, or
/// as the boundary matrix (``DiagramView/matrix(_:)``).
public enum OverviewPicture: String, CaseIterable, Hashable, Sendable {
    /// Boxes while their edges can be drawn legibly — at most ``DiagramView/legibleEdgeLimit``
    /// — and the matrix above.
    case auto
    /// Boxes and edges, however many.
    case boxes
    /// The matrix.
    case matrix
}

extension DiagramView {
    /// The most edges an overview of boxes is drawn with when its picture is
    /// ``OverviewPicture/auto``; with more it is drawn as the matrix.
    ///
    /// Measured (BENCHMARKS.md, "Legible overviews"): the collapsed views of generated models
    /// of 10 to 1000 services, laid out by `dot` with their labels as nodes, kept their labels
    /// clear and at most three edge crossings per box up to about 30 merged edges; 52 edges
    /// crossed ten times per box, 206 ninety times, in a picture of 11,000 pixels.
    public static let legibleEdgeLimit = 30

    /// The kind of boundary whose matrix a report shows: namespaces when the model has any (the
    /// unit of traffic policy in Kubernetes), else the first kind it has of cluster, node,
    /// network, generic, pod and container; `nil` for a model without boundaries.
    public static func matrixLevel(for model: Model) -> BoundaryKind? {
        let order: [BoundaryKind] = [.namespace, .cluster, .node, .network, .generic, .pod, .container]
        return order.first { kind in model.boundaries.contains { $0.kind == kind } }
    }

    /// The view that draws this one as `picture` says: an overview becomes the matrix when asked,
    /// or — for ``OverviewPicture/auto`` — when it would draw more than ``legibleEdgeLimit``
    /// edges; every other view is itself. `edgeCount` is how many edges the overview draws
    /// (``edgeCount(in:)``), asked only when it matters.
    public func drawn(as picture: OverviewPicture, edgeCount: () -> Int) -> DiagramView {
        let level: BoundaryKind
        switch self {
        case .collapse(let kind): level = kind
        case .atlasIndex(let kind): level = kind
        case .full, .matrix, .focus, .atlasPage: return self
        }
        switch picture {
        case .boxes: return self
        case .matrix: return .matrix(level)
        case .auto: return edgeCount() > Self.legibleEdgeLimit ? .matrix(level) : self
        }
    }
}

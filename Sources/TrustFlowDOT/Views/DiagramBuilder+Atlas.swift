import TrustFlowAnalysis
import TrustFlowModel

/// One page of an atlas, as a graph.
public struct AtlasGraph: Sendable {
    /// The boundary the page details; `nil` for the index.
    public var boundary: String?
    /// The page's file name without extension (see ``AtlasPlan``).
    public var name: String
    /// What the page draws: the index (boxes, or the matrix), the matrix, a boundary's page.
    public var view: DiagramView
    public var graph: DOTGraph
    /// How many edges (flows and merged flows) the page draws: what its layout time grows with.
    public var edgeCount: Int
}

extension DiagramBuilder {
    /// Every page of the atlas of `model` at `level`, with `findings` marked: the index
    /// (``DiagramView/atlasIndex(level:)``, or the boundary matrix when `picture` says so)
    /// first, then — when the index is boxes of at least one boundary — the matrix
    /// (``AtlasPlan/matrixName``), then one
    /// page per boundary of the ``AtlasPlan`` in file order
    /// (``DiagramView/atlasPage(boundary:level:)``). The pages share one index of the model;
    /// `options.view` is not used.
    public func atlas(_ model: Model, level: BoundaryKind, findings: [Finding], picture: OverviewPicture = .auto) -> [AtlasGraph] {
        let index = ModelIndex(model)
        let plan = AtlasPlan(index, level: level)
        let findings = FindingsByTarget(findings)
        let overview = DiagramView.atlasIndex(level: level).drawn(as: picture) {
            ViewProjection(index, view: .atlasIndex(level: level), atlas: plan).edges.count
        }
        var pages: [(boundary: String?, name: String, view: DiagramView)] = [(nil, AtlasPlan.indexName, overview)]
        if overview != .matrix(level), !plan.boundaries.isEmpty { pages.append((nil, AtlasPlan.matrixName, .matrix(level))) }
        pages += plan.boundaries.map { ($0.id, plan.pageName(of: $0.id), .atlasPage(boundary: $0.id, level: level)) }
        return pages.map { boundary, name, view in
            let scene = DiagramScene(index: index, findings: findings, view: view, theme: theme, atlas: plan)
            return AtlasGraph(boundary: boundary, name: name, view: view, graph: build(scene), edgeCount: scene.projection.edges.count)
        }
    }
}

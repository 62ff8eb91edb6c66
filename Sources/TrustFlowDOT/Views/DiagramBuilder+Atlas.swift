import TrustFlowAnalysis
import TrustFlowModel

/// One page of an atlas, as a graph.
public struct AtlasGraph: Sendable {
    /// The boundary the page details; `nil` for the index.
    public var boundary: String?
    /// The page's file name without extension (see ``AtlasPlan``).
    public var name: String
    public var graph: DOTGraph
    /// How many edges (flows and merged flows) the page draws: what its layout time grows with.
    public var edgeCount: Int
}

extension DiagramBuilder {
    /// Every page of the atlas of `model` at `level`, with `findings` marked: the index
    /// (``DiagramView/atlasIndex(level:)``) first, then one page per boundary of the
    /// ``AtlasPlan`` in file order (``DiagramView/atlasPage(boundary:level:)``). The pages share
    /// one index of the model; `options.view` is not used.
    public func atlas(_ model: Model, level: BoundaryKind, findings: [Finding]) -> [AtlasGraph] {
        let index = ModelIndex(model)
        let plan = AtlasPlan(index, level: level)
        let findings = FindingsByTarget(findings)
        let pages: [(boundary: String?, view: DiagramView)] = [(nil, .atlasIndex(level: level))]
            + plan.boundaries.map { ($0.id, .atlasPage(boundary: $0.id, level: level)) }
        return pages.map { boundary, view in
            let scene = DiagramScene(index: index, findings: findings, view: view, theme: theme, atlas: plan)
            return AtlasGraph(boundary: boundary, name: plan.pageName(of: boundary), graph: build(scene),
                edgeCount: scene.projection.edges.count)
        }
    }
}

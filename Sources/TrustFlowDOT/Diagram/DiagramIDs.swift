/// Node names and SVG ids derived from model ids.
///
/// Model ids start with a letter, so generated names that start with `_` never collide
/// with them; SVG ids get a prefix per kind so they are unique across the shared namespace
/// and say what they are.
public enum DiagramIDs {
    public static func element(_ id: String) -> String { "element-\(id)" }
    public static func boundary(_ id: String) -> String { "boundary-\(id)" }
    public static func flow(_ id: String) -> String { "flow-\(id)" }
    public static func threatActor(_ id: String) -> String { "threat-\(id)" }
    public static func attack(actor: String, target: String) -> String { "attack-\(actor)-\(target)" }
    public static func emptyBoundary(_ id: String) -> String { "boundary-\(id)-empty" }
    /// The target marker inside an attacked boundary, where attacks on the whole boundary end.
    public static func attackMarker(_ id: String) -> String { "boundary-\(id)-attacked" }
    /// A label drawn as a node (``EdgeLabelPlacement/node``) of the edge with SVG id `id`.
    public static func edgeLabel(_ id: String) -> String { "label-\(id)" }
    /// The half of an edge from its tail into its label node; the other half keeps the edge's id.
    public static func edgeTail(_ id: String) -> String { "tail-\(id)" }
    public static let legend = "legend"
    /// The boundary matrix's table.
    public static let matrix = "matrix"
    /// A cell of the boundary matrix: the flows from `from` to `to` (model ids).
    public static func matrixCell(from: String, to: String) -> String { "cell-\(from)-to-\(to)" }
    public static let graph = "diagram"

    /// The Graphviz subgraph name of a boundary's cluster.
    static func clusterName(_ id: String) -> String { "cluster_\(id)" }
    /// The node name of an empty boundary's placeholder.
    static func emptyNodeName(_ id: String) -> String { "_empty_\(id)" }
    /// The node name of an attacked boundary's target marker.
    static func attackMarkerName(_ id: String) -> String { "_attacked_\(id)" }
    static let legendNodeName = "_legend"
    static let matrixNodeName = "_matrix"
    /// The node name of a label drawn as a node, from its edge's SVG id.
    static func labelNodeName(_ id: String) -> String { "_label_\(id)" }

    /// Whether a node is an edge's label drawn as a node.
    public static func isLabelNode(_ name: String) -> Bool { name.hasPrefix("_label_") }

    /// Whether a node is a box a reader reads — an element, a threat actor, a collapsed
    /// boundary, a stub — rather than a label, a marker, a placeholder or the legend: model
    /// ids never start with `_`, the names TrustFlow adds always do, and a box's `_box_`.
    public static func isBox(nodeName name: String) -> Bool { !name.hasPrefix("_") || name.hasPrefix("_box_") }
}

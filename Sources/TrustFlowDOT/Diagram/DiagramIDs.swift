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
    public static let legend = "legend"
    public static let graph = "diagram"

    /// The Graphviz subgraph name of a boundary's cluster.
    static func clusterName(_ id: String) -> String { "cluster_\(id)" }
    /// The node name of an empty boundary's placeholder.
    static func emptyNodeName(_ id: String) -> String { "_empty_\(id)" }
    /// The node name of an attacked boundary's target marker.
    static func attackMarkerName(_ id: String) -> String { "_attacked_\(id)" }
    static let legendNodeName = "_legend"
}

extension DiagramIDs {
    /// SVG id of a neighbour drawn as a stub on an atlas page.
    public static func stub(_ id: String) -> String { "stub-\(id)" }
    /// SVG id of the edge that merges the flows between two boxes, or a box and an element;
    /// `bidirectional` flows are merged apart from one-way ones.
    public static func mergedFlows(from: String, to: String, bidirectional: Bool) -> String {
        bidirectional ? "flows-\(from)-and-\(to)" : "flows-\(from)-to-\(to)"
    }
    /// SVG id of the link from an atlas page back to its index.
    public static let atlasIndexLink = "atlas-index"

    /// The node name of a collapsed boundary's box (its SVG id is ``boundary(_:)``).
    static func boxNodeName(_ id: String) -> String { "_box_\(id)" }
    static let atlasIndexNodeName = "_atlas_index"
}

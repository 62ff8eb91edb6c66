internal import CGraphviz

/// What libgvc read from DOT text: its nodes, edges and clusters, by name.
///
/// The independent check that model text never changes a diagram's structure: whatever the
/// DOT writer meant to write, this is what Graphviz actually parsed.
public struct GraphvizStructure: Hashable, Sendable {
    /// Every node's name, sorted.
    public var nodes: [String]
    /// How many edges the graph has.
    public var edgeCount: Int
    /// Every subgraph whose name starts with `cluster` (drawn as a box), at any depth, sorted.
    public var clusters: [String]
    /// Every subgraph at any depth, clusters included, sorted.
    public var subgraphs: [String]
    /// What Graphviz said while parsing; empty for the DOT TrustFlow writes.
    public var warnings: [String]
}

extension Graphviz {
    /// Parses DOT text without laying it out and lists what it contains.
    /// - Throws: ``GraphvizError`` of kind `.syntax` when it does not parse.
    public static func structure(of source: String) throws(GraphvizError) -> GraphvizStructure {
        let (structure, warnings) = try inspect(source) { graph in
            var nodes: [String] = []
            var node = agfstnode(graph)
            while let current = node {
                nodes.append(agnameof(UnsafeMutableRawPointer(current)).map { String(cString: $0) } ?? "")
                node = agnxtnode(graph, current)
            }
            var subgraphs: [String] = []
            func collect(_ parent: UnsafeMutablePointer<Agraph_t>) {
                var child = agfstsubg(parent)
                while let current = child {
                    subgraphs.append(agnameof(UnsafeMutableRawPointer(current)).map { String(cString: $0) } ?? "")
                    collect(current)
                    child = agnxtsubg(current)
                }
            }
            collect(graph)
            return GraphvizStructure(
                nodes: nodes.sorted(), edgeCount: Int(agnedges(graph)),
                clusters: subgraphs.filter { $0.hasPrefix("cluster") }.sorted(), subgraphs: subgraphs.sorted(),
                warnings: [])
        }
        var result = structure
        result.warnings = warnings
        return result
    }
}

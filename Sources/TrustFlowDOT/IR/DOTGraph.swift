/// A Graphviz graph as a value: the structured form every diagram is built in before one
/// writer (``DOTWriter``) turns it into DOT text.
public struct DOTGraph: Hashable, Sendable {
    /// The graph's name.
    public var name: String
    /// Graph attributes (`graph [...]`).
    public var attributes: DOTAttributes
    /// Default node attributes (`node [...]`).
    public var nodeDefaults: DOTAttributes
    /// Default edge attributes (`edge [...]`).
    public var edgeDefaults: DOTAttributes
    /// Nodes, edges and subgraphs, in output order.
    public var statements: [DOTStatement]

    /// Creates a directed graph.
    public init(
        name: String, attributes: DOTAttributes = [:], nodeDefaults: DOTAttributes = [:],
        edgeDefaults: DOTAttributes = [:], statements: [DOTStatement] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.nodeDefaults = nodeDefaults
        self.edgeDefaults = edgeDefaults
        self.statements = statements
    }
}

/// One statement of a graph or subgraph body.
public enum DOTStatement: Hashable, Sendable {
    case node(DOTNode)
    case edge(DOTEdge)
    case subgraph(DOTSubgraph)
}

/// A node.
public struct DOTNode: Hashable, Sendable {
    /// The node's name, unique in the graph.
    public var name: String
    public var attributes: DOTAttributes

    public init(name: String, attributes: DOTAttributes = [:]) {
        self.name = name
        self.attributes = attributes
    }
}

/// A directed edge between two named nodes.
public struct DOTEdge: Hashable, Sendable {
    public var from: String
    public var to: String
    public var attributes: DOTAttributes

    public init(from: String, to: String, attributes: DOTAttributes = [:]) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A subgraph; a name starting with `cluster` makes Graphviz draw it as a box.
public struct DOTSubgraph: Hashable, Sendable {
    public var name: String
    public var attributes: DOTAttributes
    public var statements: [DOTStatement]

    public init(name: String, attributes: DOTAttributes = [:], statements: [DOTStatement] = []) {
        self.name = name
        self.attributes = attributes
        self.statements = statements
    }
}

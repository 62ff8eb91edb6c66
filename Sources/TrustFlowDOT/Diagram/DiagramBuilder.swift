import TrustFlowModel

/// Builds the data-flow diagram of a model as a ``DOTGraph``: every boundary a cluster nested
/// as declared, elements in DFD notation, numbered flows styled by their security, threat
/// actors with their attack edges, a title and a legend.
///
/// Output order is the file order: inside each boundary its elements, then its child
/// boundaries, then the threat actors standing in it; then all flows; then attack edges.
public struct DiagramBuilder: Sendable {
    public var options: DiagramOptions

    public init(options: DiagramOptions = DiagramOptions()) { self.options = options }

    var theme: DiagramTheme { options.theme }

    /// The diagram of a validated model.
    public func build(_ model: Model) -> DOTGraph {
        let index = ModelIndex(model)
        var graph = DOTGraph(name: "trustflow")
        graph.attributes = [
            "id": .string(DiagramIDs.graph),
            "label": .html(titleLabel(model)),
            "labelloc": "t",
            "fontname": .string(theme.fontName),
            "fontsize": .number(theme.titleFontSize),
            "fontcolor": .color(theme.textColor),
            "bgcolor": .color(theme.backgroundColor),
            "rankdir": .string(options.direction.rawValue),
            "compound": .boolean(true),
            "newrank": .boolean(true),
            "nodesep": .number(0.5),
            "ranksep": .number(0.7),
            "pad": .number(0.3),
        ]
        graph.nodeDefaults = [
            "fontname": .string(theme.fontName),
            "fontsize": .number(theme.fontSize),
            "fontcolor": .color(theme.textColor),
        ]
        graph.edgeDefaults = [
            "fontname": .string(theme.fontName),
            "fontsize": .number(theme.edgeFontSize),
            "fontcolor": .color(theme.mutedTextColor),
        ]
        graph.statements = contents(of: nil, index)
        graph.statements += model.flows.enumerated().map { .edge(flowEdge($1, number: $0 + 1, index)) }
        graph.statements += attackEdges(index).map(DOTStatement.edge)
        if options.showLegend { graph.statements.append(.node(legendNode(index))) }
        return graph
    }

    /// What is drawn directly inside `boundary` (or outside every boundary for `nil`).
    func contents(of boundary: String?, _ index: ModelIndex) -> [DOTStatement] {
        var statements: [DOTStatement] = index.elements(in: boundary).map { .node(elementNode($0, index)) }
        statements += index.childBoundaries(of: boundary).map { .subgraph(cluster($0, index)) }
        statements += index.threatActors(in: boundary).map { .node(threatActorNode($0)) }
        return statements
    }

    private func titleLabel(_ model: Model) -> HTMLLabel {
        .text([.bold([.plain(model.title)])])
    }
}

import TrustFlowAnalysis
import TrustFlowModel

/// Builds the data-flow diagram of a model as a ``DOTGraph``: every boundary a cluster nested
/// as declared, elements in DFD notation, numbered flows styled by their security, threat
/// actors with their attack edges, findings marked on what they are about, a title and a
/// legend.
///
/// Output order is the file order: inside each boundary its elements, then its child
/// boundaries, then the threat actors standing in it; then all flows; then attack edges.
public struct DiagramBuilder: Sendable {
    public var options: DiagramOptions

    public init(options: DiagramOptions = DiagramOptions()) { self.options = options }

    var theme: DiagramTheme { options.theme }

    /// The diagram of a validated model, with `findings` (from the analysis) marked on it.
    public func build(_ model: Model, findings: [Finding]) -> DOTGraph {
        build(model, decorations: .findings(findings, theme: theme))
    }

    /// The diagram of a model with `decorations` applied to its items.
    public func build(_ model: Model, decorations: DiagramDecorations = DiagramDecorations()) -> DOTGraph {
        let scene = DiagramScene(model: model, decorations: decorations)
        var graph = DOTGraph(name: "trustflow")
        graph.attributes = [
            "id": svgID(DiagramIDs.graph),
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
        graph.statements = contents(of: nil, scene)
        graph.statements += model.flows.enumerated().map { .edge(flowEdge($1, number: $0 + 1, scene)) }
        graph.statements += attackEdges(scene).map(DOTStatement.edge)
        if options.showLegend { graph.statements.append(.node(legendNode(scene))) }
        return graph
    }

    /// What is drawn directly inside `boundary` (or outside every boundary for `nil`).
    func contents(of boundary: String?, _ scene: DiagramScene) -> [DOTStatement] {
        var statements: [DOTStatement] = scene.index.elements(in: boundary).map { .node(elementNode($0, scene)) }
        statements += scene.index.childBoundaries(of: boundary).map { .subgraph(cluster($0, scene)) }
        statements += scene.index.threatActors(in: boundary).map { .node(threatActorNode($0, scene)) }
        return statements
    }

    private func titleLabel(_ model: Model) -> HTMLLabel {
        .text([.bold([.plain(model.title)])])
    }
}

/// The model being drawn, indexed, with the decorations of its items.
struct DiagramScene {
    let index: ModelIndex
    let decorations: DiagramDecorations

    init(model: Model, decorations: DiagramDecorations) {
        index = ModelIndex(model)
        self.decorations = decorations
    }

    func decoration(_ item: DiagramItem) -> Decoration { decorations[item] }
}

extension DiagramBuilder {
    /// The theme an item is drawn with: the muted one when its decoration says so.
    func theme(for decoration: Decoration) -> DiagramTheme { decoration.muted ? theme.muted : theme }

    /// An SVG id attribute, with the options' prefix.
    func svgID(_ id: String) -> DOTValue { .string(options.idPrefix + id) }

    /// The link of an item in a report whose rows carry `#<prefix><svg id>` anchors.
    func anchorLink(_ svgID: String) -> DOTAttributes {
        guard let prefix = options.anchorPrefix else { return [:] }
        return ["URL": .string("#" + prefix + svgID), "target": "_self"]
    }

    /// Badges as label text.
    func badgeText(_ badges: [Badge]) -> [HTMLText] {
        var text: [HTMLText] = []
        for badge in badges {
            if !text.isEmpty { text.append(.plain("  ")) }
            let words: HTMLText = badge.bold ? .bold([.plain(badge.text)]) : .plain(badge.text)
            text.append(badge.color.map { .font(HTMLFont(color: $0), [words]) } ?? words)
        }
        return text
    }
}

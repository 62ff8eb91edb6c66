import TrustFlowAnalysis
import TrustFlowModel

/// Builds the data-flow diagram of a model as a ``DOTGraph``: every boundary a cluster nested
/// as declared, elements in DFD notation, numbered flows styled by their security, threat
/// actors with their attack edges, findings marked on what they are about, a title and a
/// legend.
///
/// Output order is the file order: inside each boundary its elements, then its child
/// boundaries, then the threat actors standing in it; then all flows; then attack edges.
/// ``DiagramOptions/view`` draws part of the model, or boxes for a kind of boundary, through
/// the same code (see ``DiagramView``).
public struct DiagramBuilder: Sendable {
    public var options: DiagramOptions

    public init(options: DiagramOptions = DiagramOptions()) { self.options = options }

    var theme: DiagramTheme { options.theme }

    /// The diagram of a validated model, with `findings` (from the analysis) marked on it.
    public func build(_ model: Model, findings: [Finding]) -> DOTGraph {
        build(DiagramScene(index: ModelIndex(model), findings: FindingsByTarget(findings), view: options.view, theme: theme))
    }

    /// The diagram of a model with `decorations` applied to its items.
    public func build(_ model: Model, decorations: DiagramDecorations = DiagramDecorations()) -> DOTGraph {
        build(DiagramScene(index: ModelIndex(model), decorations: decorations, view: options.view))
    }

    /// The diagram of a scene: its model as its view draws it.
    func build(_ scene: DiagramScene) -> DOTGraph {
        if case .matrix = scene.projection.view { return boundaryMatrix(scene) }
        var scene = scene
        scene.decorations.legend += viewLegend(scene)
        scene.attackMarkers = attackMarkers(scene)
        var graph = emptyGraph(title: scene.index.model.title, caption: viewCaption(scene))
        let edges = viewEdges(scene)
        var edgeStatements: [DOTStatement] = edges.map { .edge($0.edge) }
        // A packed diagram is for `osage`, which draws edges straight over the packed rows.
        if options.edgeLabels == .node, !scene.projection.isPacked(options.packing) {
            edgeStatements = labelsAsNodes(edges, &scene)
        }
        let attacks = attackEdges(scene)
        graph.statements = contents(of: nil, scene)
        graph.statements += edgeStatements
        graph.statements += attacks.map(DOTStatement.edge)
        if let link = atlasIndexLinkNode(scene) { graph.statements.append(.node(link)) }
        if options.showLegend { graph.statements.append(.node(legendNode(scene, attacks: attacks))) }
        if scene.projection.isPacked(options.packing) { packInFileOrder(&graph) }
        return graph
    }

    /// A graph with the title, the theme's fonts and colours and the layout's settings, and
    /// nothing in it yet.
    func emptyGraph(title: String, caption: String?) -> DOTGraph {
        var graph = DOTGraph(name: "trustflow")
        graph.attributes = [
            "id": svgID(DiagramIDs.graph),
            "label": .html(titleLabel(title, caption: caption)),
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
        return graph
    }

    /// What is drawn directly inside `boundary` (or outside every boundary for `nil`): the
    /// elements the view places there, a cluster per drawn boundary, a box per collapsed one.
    func contents(of boundary: String?, _ scene: DiagramScene) -> [DOTStatement] {
        let view = scene.projection
        var statements: [DOTStatement] = view.elements(in: boundary).map { placed in
            .node(placed.stub.map { stubNode(placed.element, $0, scene) } ?? elementNode(placed.element, scene))
        }
        statements += scene.index.childBoundaries(of: boundary).compactMap { child in
            switch view.role(of: child.id) {
            case .cluster: .subgraph(cluster(child, scene))
            case .collapsed: .node(boxNode(child, scene))
            case .hidden: nil
            }
        }
        statements += view.threatActors(in: boundary).map { .node(threatActorNode($0, scene)) }
        statements += (scene.labelNodes[boundary] ?? []).map(DOTStatement.node)
        return statements
    }

    private func titleLabel(_ title: String, caption: String?) -> HTMLLabel {
        guard let caption else { return .text([.bold([.plain(title)])]) }
        return .text([.bold([.plain(title)]), .lineBreak(),
            .font(HTMLFont(pointSize: theme.fontSize, color: theme.mutedTextColor), [.plain(caption)])])
    }
}

/// The model being drawn, indexed, with the decorations of its items and what the view
/// draws of it.
struct DiagramScene {
    let index: ModelIndex
    var decorations: DiagramDecorations
    let projection: ViewProjection
    /// The findings, by what they are about, for what a view sums up.
    let findings: FindingsByTarget
    /// The boundaries drawn with a target marker for attacks on them.
    var attackMarkers: Set<String> = []
    /// Edge labels drawn as nodes, by the cluster they are drawn in (`nil`: outside every
    /// cluster), in edge order.
    var labelNodes: [String?: [DOTNode]] = [:]

    /// A scene with `decorations`; the pages of an atlas share `index`, `findings` and `atlas`.
    init(
        index: ModelIndex, decorations: DiagramDecorations, view: DiagramView,
        findings: FindingsByTarget = FindingsByTarget(), atlas: AtlasPlan? = nil
    ) {
        self.index = index
        self.decorations = decorations
        projection = ViewProjection(index, view: view, atlas: atlas)
        self.findings = findings
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

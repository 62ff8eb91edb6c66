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
    public func build(_ model: Model, findings: [Finding] = []) -> DOTGraph {
        let scene = DiagramScene(model: model, findings: findings)
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
        statements += scene.index.threatActors(in: boundary).map { .node(threatActorNode($0)) }
        return statements
    }

    private func titleLabel(_ model: Model) -> HTMLLabel {
        .text([.bold([.plain(model.title)])])
    }
}

/// The model being drawn, indexed, with its findings grouped by what they are about.
struct DiagramScene {
    let index: ModelIndex
    private let findingsByTarget: [FindingTarget.Kind: [String: [Finding]]]
    /// Every finding, in the analysis' order.
    let findings: [Finding]

    init(model: Model, findings: [Finding]) {
        index = ModelIndex(model)
        self.findings = findings
        var grouped: [FindingTarget.Kind: [String: [Finding]]] = [:]
        for finding in findings { grouped[finding.target.kind, default: [:]][finding.target.id, default: []].append(finding) }
        findingsByTarget = grouped
    }

    /// The findings about one item, worst first, then by rule.
    func findings(_ kind: FindingTarget.Kind, _ id: String) -> [Finding] {
        (findingsByTarget[kind]?[id] ?? []).sorted {
            ($0.isAccepted ? 1 : 0, Severity.allCases.count - Severity.allCases.firstIndex(of: $0.severity)!, $0.ruleID)
                < ($1.isAccepted ? 1 : 0, Severity.allCases.count - Severity.allCases.firstIndex(of: $1.severity)!, $1.ruleID)
        }
    }
}

/// A model's diagram with what the cluster's NetworkPolicies do to it (`trustflow render MODEL
/// --manifests PATH…`): the model plus an edge for each connection the policies allow that
/// the model does not declare, decorated as ``DiagramDecorations/reachability(blocked:unverified:undeclared:theme:)``
/// says, over the findings of the model and of the drift check — through the same DOT writer
/// and Graphviz stage as every other diagram, as the diff diagram is.
public enum ReachabilityRenderer {
    /// The diagram up to Graphviz. `findings` are the model's findings with the drift check's
    /// (an ``Analyzer`` run given `driftFindings`), shown unless `options.showFindings` is off.
    public static func prepare(_ model: Model, drift: DriftResult, check: DriftCheck, findings: [Finding],
        options: RenderOptions) -> PreparedDiagram
    {
        let (overlay, added) = overlayModel(model, drift: drift, check: check)
        let engine = options.engine.resolved(for: overlay, view: options.diagram.view)
        let evaluator = check.evaluator
        var blocked: [String: [String]] = [:]
        var unverified: [String: [String]] = [:]
        for verdict in drift.declaredFlows {
            let reasons = verdict.explanation.reasons(evaluator)
            switch verdict.kind {
            case .denied: blocked[verdict.flow, default: []] += reasons
            case .unknown: unverified[verdict.flow, default: []] += reasons
            case .allowed: break
            }
        }
        var decorations = DiagramDecorations.findings(options.showFindings ? findings : [], theme: options.diagram.theme)
        decorations.merge(.reachability(blocked: blocked, unverified: unverified, undeclared: added, theme: options.diagram.theme))
        let graph = DiagramBuilder(options: DiagramRenderer.shaped(options.diagram, for: engine, format: options.format)).build(overlay, decorations: decorations)
        return PreparedDiagram(dotBytes: DOTWriter().bytes(graph), engine: engine, format: options.format)
    }

    /// The model with a flow added for each allowed, undeclared connection between elements
    /// it has (ids `undeclared-FROM-to-TO`, made unique), and those flows' tooltips.
    static func overlayModel(_ model: Model, drift: DriftResult, check: DriftCheck) -> (Model, [String: [String]]) {
        var overlay = model
        var taken = Set(model.flows.map(\.id) + model.elements.map(\.id) + model.boundaries.map(\.id) + model.controls.map(\.id)
            + model.threatActors.map(\.id))
        var added: [String: [String]] = [:]
        for connection in drift.undeclared {
            guard let from = connection.sourceElement, let to = connection.destinationElement, from != to else { continue }
            var id = "undeclared-\(from)-to-\(to)"
            var suffix = 2
            while taken.contains(id) {
                id = "undeclared-\(from)-to-\(to)-\(suffix)"
                suffix += 1
            }
            taken.insert(id)
            let ports = connection.undeclared.description
            overlay.flows.append(Flow(id: id, from: from, to: to, label: "allowed, not declared",
                protocol: ports.count <= 24 ? ports : "\(connection.undeclared.count) ports"))
            added[id] = ["\(ports)"] + (connection.cause.map { ["widest cause: \($0.text) (\($0.location))"] } ?? [])
        }
        return (overlay, added)
    }
}

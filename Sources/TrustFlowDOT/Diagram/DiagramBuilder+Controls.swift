import TrustFlowModel

extension DiagramBuilder {
    /// Controls as a label lists them: `✔ RBAC roles` for a control, `⚠ privileged` for a
    /// setting that weakens isolation (``ControlKind/isWeakness``: privileged containers, host
    /// namespaces, hostPath, …), which is no protection and must not read as one.
    static func controlMarks(_ ids: [String], _ index: ModelIndex) -> [String] {
        zip(ids, index.controlLabels(ids)).map { id, label in (isWeakening(id, index) ? "⚠ " : "✔ ") + label }
    }

    /// Whether the diagram shows a weakening setting: on a boundary drawn as a cluster, an
    /// element drawn as itself, or a flow whose label lists its controls. The legend explains
    /// the ⚠ then.
    func drawsWeakeningControls(_ scene: DiagramScene) -> Bool {
        let index = scene.index
        func weak(_ ids: [String]) -> Bool { ids.contains { Self.isWeakening($0, index) } }
        let projection = scene.projection
        if index.model.boundaries.contains(where: { projection.role(of: $0.id) == .cluster && weak($0.controls) }) { return true }
        let drawnElements = Set(projection.endpointsInDrawingOrder.filter { !$0.isBox }.map(\.id))
        if index.model.elements.contains(where: { drawnElements.contains($0.id) && weak($0.controls) }) { return true }
        guard options.flowLabels == .full else { return false }
        return projection.edges.contains { edge in
            guard case .flow(let position) = edge else { return false }
            return weak(index.model.flows[position].controls)
        }
    }

    private static func isWeakening(_ id: String, _ index: ModelIndex) -> Bool { index.control(id)?.kind.isWeakness == true }
}

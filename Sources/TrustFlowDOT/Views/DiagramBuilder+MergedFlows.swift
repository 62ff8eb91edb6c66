import TrustFlowAnalysis
import TrustFlowModel

extension DiagramBuilder {
    /// The flows the view draws, and the edges that merge flows between boxes, in file order
    /// of first occurrence.
    func viewEdges(_ scene: DiagramScene) -> [DOTStatement] {
        let flows = scene.index.model.flows
        return scene.projection.edges.map { edge in
            switch edge {
            case .flow(let position): .edge(flowEdge(flows[position], number: position + 1, scene))
            case .merged(let merged): .edge(mergedEdge(merged, scene))
            }
        }
    }

    /// Flows merged into one edge: drawn as the weakest encryption among them, labelled with
    /// their count, that encryption and their worst unaccepted finding.
    func mergedEdge(_ merged: ViewProjection.MergedFlows, _ scene: DiagramScene) -> DOTEdge {
        let index = scene.index
        let flows = merged.flows.map { index.model.flows[$0] }
        let securities = flows.map { FlowSecurity($0.encryption) }
        let weakest = FlowSecurity.weakest(securities)
        var style = theme.style(for: weakest)
        let marker = style.color
        let decoration = mergedDecoration(flows, scene)
        decorate(&style.color, &style.lineStyle, &style.penWidth, with: decoration)

        var text: [HTMLText] = [.bold([.plain(Self.counted(flows.count, "flow"))]), .lineBreak()]
        if Set(securities).count > 1 { text.append(.plain("weakest: ")) }
        text.append(.font(HTMLFont(color: marker), [.bold([.plain(style.marker)])]))
        if !decoration.badges.isEmpty {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.edgeFontSize), badgeText(decoration.badges))]
        }
        var attributes: DOTAttributes = ["id": svgID(merged.id)]
        attributes.merge(edgeAttributes(style, theme: theme))
        attributes["label"] = .html(.text(text))

        func name(_ end: ViewProjection.Endpoint) -> String {
            end.isBox ? index.boundary(end.id).map { "\($0.kind.rawValue) \($0.label)" } ?? end.id
                : index.element(end.id)?.label ?? end.id
        }
        let arrow = merged.bidirectional ? "↔" : "→"
        var lines = ["\(Self.counted(flows.count, "flow")): \(name(merged.from)) \(arrow) \(name(merged.to))"]
        let listed = 12
        for (position, flow) in zip(merged.flows, flows).prefix(listed) {
            let from = index.element(flow.from)?.label ?? flow.from
            let to = index.element(flow.to)?.label ?? flow.to
            lines.append("\(position + 1). \(from) \(arrow) \(to)" + (flow.label.map { ": \($0)" } ?? "")
                + " (\(FlowSecurity(flow.encryption).rawValue))")
        }
        if flows.count > listed { lines.append("… and \(flows.count - listed) more") }
        attributes["tooltip"] = .string((lines + decoration.tooltip).joined(separator: "\n"))
        if merged.bidirectional {
            attributes["dir"] = "both"
            attributes["arrowtail"] = .string(style.arrowHead)
        }
        return DOTEdge(from: merged.from.node, to: merged.to.node, attributes: attributes)
    }

    /// The worst unaccepted finding on merged flows as a badge (and how many more there are),
    /// in its colour with a thicker line; `✓ N accepted` when every finding is accepted.
    private func mergedDecoration(_ flows: [Flow], _ scene: DiagramScene) -> Decoration {
        let findings = flows.flatMap { scene.findings[$0.id] }
        let active = findings.filter { !$0.isAccepted }
        let worst = active.enumerated().max { lhs, rhs in
            // Most severe first, then the lowest rule id, then the first in file order.
            (lhs.element.severity, rhs.element.ruleID, rhs.offset) < (rhs.element.severity, lhs.element.ruleID, lhs.offset)
        }?.element
        guard let worst else {
            guard !findings.isEmpty else { return Decoration() }
            return Decoration(badges: [Badge("✓ \(findings.count) accepted", color: theme.mutedTextColor)],
                tooltip: ["\(Self.counted(findings.count, "accepted finding"))"])
        }
        var badges = [Badge("⚠ \(worst.ruleID) \(worst.severity.rawValue)", color: theme.findingColor(worst.severity), bold: true)]
        if active.count > 1 { badges.append(Badge("+\(active.count - 1) more", color: theme.mutedTextColor)) }
        var tooltip = ["worst finding: \(worst.ruleID) (\(worst.severity.rawValue)): \(worst.message)"]
        let counts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = active.filter { $0.severity == severity }.count
            return count == 0 ? nil : "\(count) \(severity.rawValue)"
        }
        tooltip.append("unaccepted findings on these flows: " + counts.joined(separator: ", "))
        return Decoration(color: theme.findingColor(worst.severity), penWidth: DiagramTheme.findingPenWidth,
            badges: badges, tooltip: tooltip)
    }
}

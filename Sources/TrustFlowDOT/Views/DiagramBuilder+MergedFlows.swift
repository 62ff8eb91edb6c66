import TrustFlowAnalysis
import TrustFlowModel

extension DiagramBuilder {
    /// The flows the view draws, and the edges that merge flows between boxes, in file order
    /// of first occurrence, each with the innermost cluster around both ends.
    func viewEdges(_ scene: DiagramScene) -> [PlacedEdge] {
        let flows = scene.index.model.flows
        return scene.projection.edges.map { edge in
            let cluster = scene.projection.innermostCluster(around: edge)
            switch edge {
            case .flow(let position):
                let flow = flows[position]
                return PlacedEdge(edge: flowEdge(flow, number: position + 1, scene), id: DiagramIDs.flow(flow.id), cluster: cluster)
            case .merged(let merged):
                return PlacedEdge(edge: mergedEdge(merged, scene), id: merged.id, cluster: cluster)
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
        let lines = ["\(Self.counted(flows.count, "flow")): \(name(merged.from)) \(arrow) \(name(merged.to))"]
            + flowListing(merged.flows, scene)
        attributes["tooltip"] = .string((lines + decoration.tooltip).joined(separator: "\n"))
        if merged.bidirectional {
            attributes["dir"] = "both"
            attributes["arrowtail"] = .string(style.arrowHead)
        }
        return DOTEdge(from: merged.from.node, to: merged.to.node, attributes: attributes)
    }

    /// The flows at `positions` one per line, numbered as in the full diagram — `3. API → DB:
    /// queries (tls)` — the first twelve, then how many more: a merged edge's or a matrix
    /// cell's tooltip.
    func flowListing(_ positions: [Int], _ scene: DiagramScene) -> [String] {
        let index = scene.index
        let listed = 12
        var lines = positions.prefix(listed).map { position in
            let flow = index.model.flows[position]
            let from = index.element(flow.from)?.label ?? flow.from
            let to = index.element(flow.to)?.label ?? flow.to
            return "\(position + 1). \(from) \(flow.bidirectional ? "↔" : "→") \(to)" + (flow.label.map { ": \($0)" } ?? "")
                + " (\(FlowSecurity(flow.encryption).rawValue))"
        }
        if positions.count > listed { lines.append("… and \(positions.count - listed) more") }
        return lines
    }

    /// The findings on `flows`: all of them, the unaccepted ones, and the worst of those — most
    /// severe, then the lowest rule id, then the first in file order.
    func findingsOn(_ flows: [Flow], _ scene: DiagramScene) -> (all: [Finding], active: [Finding], worst: Finding?) {
        let findings = flows.flatMap { scene.findings[$0.id] }
        let active = findings.filter { !$0.isAccepted }
        let worst = active.enumerated().max { lhs, rhs in
            (lhs.element.severity, rhs.element.ruleID, rhs.offset) < (rhs.element.severity, lhs.element.ruleID, lhs.offset)
        }?.element
        return (findings, active, worst)
    }

    /// The worst unaccepted finding on merged flows as a badge (and how many more there are),
    /// in its colour (not thicker: see ``DiagramDecorations/findings(_:theme:)``); `✓ N
    /// accepted` when every finding is accepted.
    private func mergedDecoration(_ flows: [Flow], _ scene: DiagramScene) -> Decoration {
        let (findings, active, worst) = findingsOn(flows, scene)
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
        return Decoration(color: theme.findingColor(worst.severity), badges: badges, tooltip: tooltip, mark: "⚠ \(worst.severity.rawValue)")
    }
}

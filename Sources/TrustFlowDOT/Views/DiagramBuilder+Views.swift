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

    /// A collapsed boundary as one box in its kind's style: kind, name and controls, how many
    /// elements and flows it holds, the unaccepted findings on what it hides, and its own
    /// findings' badges. On an atlas index it links to the boundary's page.
    func boxNode(_ boundary: Boundary, _ scene: DiagramScene) -> DOTNode {
        let decoration = scene.decoration(.boundary(boundary.id))
        let theme = theme(for: decoration)
        var style = theme.style(for: boundary.kind)
        let kindColor = style.lineColor
        decorate(&style.lineColor, &style.lineStyle, &style.penWidth, with: decoration)
        var styles = ["filled"]
        if style.rounded { styles.append("rounded") }
        if style.lineStyle != .solid { styles.append(style.lineStyle.rawValue) }

        let contents = scene.projection.boxes[boundary.id] ?? ViewProjection.BoxContents()
        let counts = Self.counted(contents.elements.count, "element") + ", "
            + Self.counted(contents.internalFlows.count, "internal flow")
        let small = HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor)
        var summary: [[HTMLCell]] = [[HTMLCell(.text([.font(small, [.plain(counts)])]), alignment: .left)]]
        let hidden = (contents.elements + contents.boundaries).flatMap { scene.findings[$0] ?? [] }
            + contents.internalFlows.flatMap { scene.findings[scene.index.model.flows[$0].id] ?? [] }
        let active = hidden.filter { !$0.isAccepted }
        if !active.isEmpty {
            var text: [HTMLText] = [.plain("inside:")]
            for severity in Severity.allCases.reversed() {
                let count = active.filter { $0.severity == severity }.count
                guard count > 0 else { continue }
                if text.count > 1 { text.append(.plain(" ·")) }
                text += [.plain(" "), .font(HTMLFont(color: theme.findingColor(severity)),
                    [.bold([.plain("⚠ \(count) \(severity.rawValue)")])])]
            }
            summary.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1), text)]), alignment: .left)])
        }

        var attributes: DOTAttributes = [
            "id": svgID(DiagramIDs.boundary(boundary.id)),
            "shape": "box",
            "style": .string(styles.joined(separator: ",")),
            "color": .color(style.lineColor),
            "fillcolor": .color(style.fillColor),
            "penwidth": .number(style.penWidth),
            "margin": .string("0.12,0.06"),
            "label": .html(boundaryLabel(boundary, scene, theme: theme, kindColor: kindColor, badges: decoration.badges,
                summary: summary)),
        ]
        if theme.textColor != self.theme.textColor { attributes["fontcolor"] = .color(theme.textColor) }
        var extra = [counts]
        if !active.isEmpty { extra.append(Self.counted(active.count, "unaccepted finding") + " inside") }
        attributes["tooltip"] = .string(tooltip(boundary.label, kind: boundary.kind.rawValue,
            description: boundary.description, extra: extra + decoration.tooltip))
        if let atlas = scene.projection.atlas {
            attributes["URL"] = .string(atlas.fileName(of: boundary.id))
            attributes["target"] = "_top"
        } else {
            attributes.merge(anchorLink(DiagramIDs.boundary(boundary.id)))
        }
        return DOTNode(name: DiagramIDs.boxNodeName(boundary.id), attributes: attributes)
    }

    /// A neighbour outside an atlas page: its shape in grey with a dashed line, its name, and
    /// where it is; it links to the page that shows it, or to the index.
    func stubNode(_ element: Element, _ stub: ViewProjection.Stub, _ scene: DiagramScene) -> DOTNode {
        let theme = theme.muted
        var style = theme.style(for: element.kind)
        style.lineStyle = .dashed
        style.penWidth = 1
        let level = scene.projection.collapsedLevel?.rawValue ?? "box"
        let place = stub.box.map { "in \($0.kind.rawValue) \($0.label)" } ?? "outside every \(level)"
        let text: [HTMLText] = [
            .bold([.plain(element.label)]), .lineBreak(),
            .font(HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor), [.plain(place + " ↗")]),
        ]
        var attributes: DOTAttributes = ["id": svgID(DiagramIDs.stub(element.id))]
        attributes.merge(nodeAttributes(style, label: text, theme: theme))
        attributes["fontsize"] = .number(theme.smallFontSize + 1)
        let page = stub.box == nil ? "the overview" : "its page"
        attributes["tooltip"] = .string(tooltip(element.label, kind: element.kind.rawValue, description: nil,
            extra: [place + "; select to open " + page]))
        attributes["URL"] = .string(stub.page)
        attributes["target"] = "_top"
        return DOTNode(name: element.id, attributes: attributes)
    }

    /// On an atlas page, a link back to the index.
    func atlasIndexLinkNode(_ scene: DiagramScene) -> DOTNode? {
        guard case .atlasPage = scene.projection.view, let atlas = scene.projection.atlas else { return nil }
        let theme = theme.muted
        return DOTNode(name: DiagramIDs.atlasIndexNodeName, attributes: [
            "id": svgID(DiagramIDs.atlasIndexLink),
            "shape": "box",
            "style": "rounded,dashed",
            "color": .color(theme.style(for: atlas.level).lineColor),
            "fontcolor": .color(self.theme.mutedTextColor),
            "fontsize": .number(theme.smallFontSize + 1),
            "label": .html(.text([.plain("↩ overview")])),
            "tooltip": .string("Back to the overview of every \(atlas.level.rawValue)"),
            "URL": .string(atlas.fileName(of: nil)),
            "target": "_top",
        ])
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
        let findings = flows.flatMap { scene.findings[$0.id] ?? [] }
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

    /// The line under the title saying what the view shows; `nil` for the full diagram.
    func viewCaption(_ scene: DiagramScene) -> String? {
        let view = scene.projection
        let model = scene.index.model
        switch view.view {
        case .full:
            return nil
        case .collapse(let level), .atlasIndex(let level):
            let boxes = view.boxes.count
            guard boxes > 0 else { return nil }
            let links = view.atlas == nil ? "" : "; select one to open its page"
            return "overview: each \(level.rawValue) drawn as one box (\(Self.counted(boxes, "box", plural: "boxes")))\(links)"
        case .focus(let element, let radius):
            let flows = view.edges.count
            return "focus: \(element), radius \(radius) · \(view.drawnElementCount) of \(Self.counted(model.elements.count, "element")), "
                + "\(flows) of \(Self.counted(model.flows.count, "flow"))"
        case .atlasPage(let boundary, _):
            guard let drawn = scene.index.boundary(boundary) else { return nil }
            var caption = "\(drawn.kind.rawValue) \(drawn.label): \(Self.counted(view.drawnElementCount, "element")), "
                + Self.counted(view.edges.count, "flow")
            if view.drawsStubs { caption += " · neighbours outside are drawn small and link to their page" }
            return caption
        }
    }

    /// The legend rows for what only views draw: boxes, merged flows, stubs.
    func viewLegend(_ scene: DiagramScene) -> [LegendSection] {
        let view = scene.projection
        var rows: [LegendRow] = []
        if view.drawsBoxes, let level = view.collapsedLevel {
            let color = theme.style(for: level).lineColor
            rows.append(LegendRow(.badge(Badge(level.rawValue.uppercased(), color: color, bold: true)),
                "\(level.rawValue) as one box: what is inside is counted, its findings summed up"))
        }
        if view.drawsMergedFlows {
            rows.append(LegendRow(.badge(Badge("N flows", bold: true)),
                "flows merged into one edge: drawn as the weakest, with the worst finding"))
        }
        if view.drawsStubs {
            rows.append(LegendRow(.badge(Badge("↗ stub", color: theme.mutedTextColor)),
                "neighbour outside this page (grey, dashed): select it to open its page"))
        }
        return rows.isEmpty ? [] : [LegendSection(title: "This view", rows: rows)]
    }

    /// Makes `osage` pack every cluster's nodes and clusters in rows in the order they are
    /// written, which is file order, so a box is found where its boundary is in the model.
    func packInFileOrder(_ graph: inout DOTGraph) {
        func number(_ statements: inout [DOTStatement]) {
            for position in statements.indices {
                switch statements[position] {
                case .node(var node):
                    node.attributes["sortv"] = .number(Double(position))
                    statements[position] = .node(node)
                case .subgraph(var subgraph):
                    subgraph.attributes["sortv"] = .number(Double(position))
                    number(&subgraph.statements)
                    statements[position] = .subgraph(subgraph)
                case .edge:
                    continue
                }
            }
        }
        graph.attributes["packmode"] = "array_u"
        number(&graph.statements)
    }

    /// `1 element`, `3 elements`.
    static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}

extension ViewProjection {
    /// The kind of boundary the view collapses, or whose atlas it belongs to.
    var collapsedLevel: BoundaryKind? {
        switch view {
        case .collapse(let level), .atlasIndex(let level), .atlasPage(_, let level): level
        case .full, .focus: nil
        }
    }
}

extension FlowSecurity {
    /// How well the flow is protected, weakest first: none < unknown < TLS < mTLS.
    public var protection: Int {
        switch self {
        case .unencrypted: 0
        case .unknown: 1
        case .tls: 2
        case .mtls: 3
        }
    }

    /// The weakest of `securities` (unknown for none): what flows merged into one edge are
    /// drawn as.
    public static func weakest(_ securities: [FlowSecurity]) -> FlowSecurity {
        securities.min { $0.protection < $1.protection } ?? .unknown
    }
}

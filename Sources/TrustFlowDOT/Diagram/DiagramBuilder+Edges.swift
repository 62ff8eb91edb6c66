import TrustFlowAnalysis
import TrustFlowModel

extension DiagramBuilder {
    func flowEdge(_ flow: Flow, number: Int, _ scene: DiagramScene) -> DOTEdge {
        let decoration = scene.decoration(.flow(flow.id))
        let theme = theme(for: decoration)
        var style = theme.style(for: FlowSecurity(flow.encryption))
        let marker = style.color
        decorate(&style.color, &style.lineStyle, &style.penWidth, with: decoration)
        var attributes: DOTAttributes = ["id": svgID(DiagramIDs.flow(flow.id))]
        attributes.merge(edgeAttributes(style, theme: theme))
        switch options.flowLabels {
        case .full:
            attributes["label"] = .html(flowLabel(flow, number: number, style: style, markerColor: marker,
                badges: decoration.badges, theme: theme, scene))
        case .number:
            attributes["xlabel"] = .html(.text([.bold([.plain("\(number)" + (decoration.mark.map { " " + $0 } ?? ""))])]))
        }
        if decoration.muted { attributes["fontcolor"] = .color(theme.mutedTextColor) }
        attributes["tooltip"] = .string(([flowTooltip(flow, number: number, scene)] + decoration.tooltip).joined(separator: "\n"))
        attributes.merge(anchorLink(DiagramIDs.flow(flow.id)))
        if flow.bidirectional {
            attributes["dir"] = "both"
            attributes["arrowtail"] = .string(style.arrowHead)
        }
        return DOTEdge(from: flow.from, to: flow.to, attributes: attributes)
    }

    private func flowLabel(
        _ flow: Flow, number: Int, style: EdgeStyle, markerColor: DOTColor, badges: [Badge], theme: DiagramTheme,
        _ scene: DiagramScene
    ) -> HTMLLabel {
        let index = scene.index
        var text: [HTMLText] = [.bold([.plain("\(number).")])]
        if let label = flow.label { text.append(.plain(" " + label)) }
        var details: [String] = []
        switch (flow.protocol, flow.port) {
        case (let name?, let port?): details.append("\(name):\(port)")
        case (let name?, nil): details.append(name)
        case (nil, let port?): details.append("port \(port)")
        case (nil, nil): break
        }
        text.append(.lineBreak())
        if !details.isEmpty { text.append(.plain(details.joined() + " · ")) }
        text.append(.font(HTMLFont(color: markerColor), [.bold([.plain(style.marker)])]))
        text.append(.plain(" · " + authenticationText(flow.authentication)))
        let controls = Self.controlMarks(flow.controls, index)
        if !controls.isEmpty {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize, color: theme.controlTextColor),
                [.plain(controls.joined(separator: "  "))])]
        }
        if !badges.isEmpty { text += [.lineBreak(), .font(HTMLFont(pointSize: theme.edgeFontSize), badgeText(badges))] }
        return .text(text)
    }

    private func authenticationText(_ authentication: Authentication?) -> String {
        switch authentication {
        case nil: "auth unknown"
        case .none?: "⚠ no auth"
        case let method?: "auth: \(method.rawValue)"
        }
    }

    // Built in one string: the arrays of temporaries this used to join were a third of the
    // time spent on a large diagram's edges.
    private func flowTooltip(_ flow: Flow, number: Int, _ scene: DiagramScene) -> String {
        let index = scene.index
        var text = String(number)
        text += ". "
        text += index.element(flow.from)?.label ?? flow.from
        text += flow.bidirectional ? " ↔ " : " → "
        text += index.element(flow.to)?.label ?? flow.to
        if let label = flow.label {
            text += ": "
            text += label
        }
        text += "\n"
        if let name = flow.protocol {
            text += name
            if let port = flow.port { text += ":\(port)" }
            text += " · "
        } else if let port = flow.port {
            text += "\(port) · "
        }
        text += "encryption: "
        text += flow.encryption?.rawValue ?? "unknown"
        text += " · authentication: "
        text += flow.authentication?.rawValue ?? "unknown"
        if !flow.data.isEmpty || flow.classification != nil {
            text += "\n"
            if !flow.data.isEmpty {
                text += "data: "
                text += flow.data.joined(separator: ", ")
            }
            if let classification = flow.classification {
                if !flow.data.isEmpty { text += "; " }
                text += "classification: "
                text += classification.rawValue
            }
        }
        if let description = flow.description {
            text += "\n"
            text += description
        }
        return text
    }

    func edgeAttributes(_ style: EdgeStyle, theme: DiagramTheme) -> DOTAttributes {
        [
            "color": style.doubleLine ? .colorList([style.color, theme.backgroundColor, style.color]) : .color(style.color),
            "style": .string(style.lineStyle.rawValue),
            "penwidth": .number(style.penWidth),
            "arrowhead": .string(style.arrowHead),
        ]
    }

    /// Dashed edges from each threat actor to its targets. An attack on a boundary drawn as a
    /// cluster ends at the cluster's border (`lhead` through the first node drawn in it), or —
    /// where the engine cannot clip (fdp, osage) or the actor stands inside — at the boundary's
    /// target marker. A target the view hides in a box points at the box.
    func attackEdges(_ scene: DiagramScene) -> [DOTEdge] {
        var edges: [DOTEdge] = []
        for actor in scene.projection.actors {
            // Targets a view hides in one box share one edge, whose tooltip names them all.
            var edgeOfID: [String: Int] = [:]
            var targetLabels: [Int: [String]] = [:]
            for target in actor.targets {
                guard let head = scene.projection.attackHead(actor, on: target) else { continue }
                let id = DiagramIDs.attack(actor: actor.id, target: head.target)
                if let existing = edgeOfID[id] {
                    if !targetLabels[existing, default: []].contains(head.label) { targetLabels[existing, default: []].append(head.label) }
                    continue
                }
                let theme = theme(for: scene.decoration(.threatActor(actor.id)))
                var attributes: DOTAttributes = ["id": svgID(id)]
                attributes.merge(edgeAttributes(theme.attack, theme: theme))
                var to = head.node
                if let boundary = head.boundary {
                    if attackEndsAtMarker(head, scene) {
                        to = DiagramIDs.attackMarkerName(boundary)
                    } else {
                        attributes["lhead"] = .string(DiagramIDs.clusterName(boundary))
                    }
                }
                attributes["tooltip"] = .string("\(actor.label) attacks \(head.label)")
                edgeOfID[id] = edges.count
                targetLabels[edges.count] = [head.label]
                edges.append(DOTEdge(from: actor.id, to: to, attributes: attributes))
            }
            for (position, labels) in targetLabels where labels.count > 1 {
                edges[position].attributes["tooltip"] = .string("\(actor.label) attacks " + labels.joined(separator: ", "))
            }
        }
        return edges
    }

    /// Whether an attack on a cluster ends at its marker: no border it can be clipped at.
    private func attackEndsAtMarker(_ head: ViewProjection.AttackHead, _ scene: DiagramScene) -> Bool {
        head.actorInside || !options.clipsAttacksAtClusters || scene.projection.isPacked(options.packing)
    }

    /// The boundaries whose target marker is drawn: see ``attackEdges(_:)``.
    func attackMarkers(_ scene: DiagramScene) -> Set<String> {
        var marked: Set<String> = []
        for actor in scene.projection.actors {
            for target in actor.targets {
                if let head = scene.projection.attackHead(actor, on: target), let boundary = head.boundary,
                    attackEndsAtMarker(head, scene)
                {
                    marked.insert(boundary)
                }
            }
        }
        return marked
    }

    /// A small target drawn inside an attacked boundary, where attacks on the whole boundary end.
    func attackMarker(_ boundary: Boundary) -> DOTNode {
        DOTNode(name: DiagramIDs.attackMarkerName(boundary.id), attributes: [
            "id": svgID(DiagramIDs.attackMarker(boundary.id)),
            "shape": "doublecircle",
            "label": "",
            "width": .number(0.16),
            "height": .number(0.16),
            "fixedsize": .boolean(true),
            "color": .color(theme.attack.color),
            "tooltip": .string("attacks on \(boundary.kind.rawValue) \(boundary.label) end here"),
        ])
    }
}

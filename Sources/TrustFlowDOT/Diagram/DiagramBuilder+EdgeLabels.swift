/// An edge the view draws, with the innermost cluster around both its ends.
struct PlacedEdge {
    var edge: DOTEdge
    /// The edge's SVG id without the options' prefix.
    var id: String
    /// Where a label drawn as a node goes (`nil`: outside every cluster).
    var cluster: String?
}

extension DiagramBuilder {
    /// Draws every edge label as a node the edge runs through (``EdgeLabelPlacement/node``):
    /// the edge becomes two, its tail half into the label and its head half out of it, with
    /// the edge's style, tooltip and link on both; the label node goes into `scene`'s
    /// ``DiagramScene/labelNodes`` under the edge's cluster. Edges without a label stay whole.
    ///
    /// `dot` places its own edge labels after ranking, where nothing keeps them off a
    /// boundary's header or inside the boundaries the edge stays in; a node it places inside
    /// the clusters it belongs to and outside all others.
    func labelsAsNodes(_ edges: [PlacedEdge], _ scene: inout DiagramScene) -> [DOTStatement] {
        var statements: [DOTStatement] = []
        for placed in edges {
            var head = placed.edge
            guard let label = head.attributes["label"] else {
                statements.append(.edge(head))
                continue
            }
            let name = DiagramIDs.labelNodeName(placed.id)
            var node = DOTAttributes()
            node["id"] = svgID(DiagramIDs.edgeLabel(placed.id))
            node["shape"] = "plaintext"
            node["margin"] = "0.06,0.03"
            node["label"] = label
            node["fontsize"] = .number(theme.edgeFontSize)
            node["fontcolor"] = head.attributes["fontcolor"] ?? .color(theme.mutedTextColor)
            for link in ["tooltip", "URL", "target"] {
                if let value = head.attributes[link] { node[link] = value }
            }
            scene.labelNodes[placed.cluster, default: []].append(DOTNode(name: name, attributes: node))

            head.attributes["label"] = nil
            head.attributes["fontcolor"] = nil
            var tail = head
            tail.attributes["id"] = svgID(DiagramIDs.edgeTail(placed.id))
            tail.to = name
            // The head half keeps the arrowhead; a bidirectional edge's tail half the arrowtail.
            if head.attributes["dir"] == "both" {
                tail.attributes["dir"] = "back"
                head.attributes["dir"] = nil
                head.attributes["arrowtail"] = nil
            } else {
                tail.attributes["dir"] = "none"
            }
            head.from = name
            statements += [.edge(tail), .edge(head)]
        }
        return statements
    }
}

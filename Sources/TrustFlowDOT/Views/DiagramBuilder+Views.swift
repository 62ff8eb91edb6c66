import TrustFlowAnalysis
import TrustFlowModel

extension DiagramBuilder {
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
        case .matrix:
            // The matrix says what it is in its own caption.
            return nil
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
        case .collapse(let level), .matrix(let level), .atlasIndex(let level), .atlasPage(_, let level): level
        case .full, .focus: nil
        }
    }
}

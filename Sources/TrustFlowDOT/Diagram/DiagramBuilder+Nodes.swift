import TrustFlowAnalysis
import TrustFlowModel

extension DiagramBuilder {
    func cluster(_ boundary: Boundary, _ scene: DiagramScene) -> DOTSubgraph {
        let index = scene.index
        let style = theme.style(for: boundary.kind)
        let marks = FindingMarks(scene.findings(.boundary, boundary.id), theme: theme)
        var styles = ["filled"]
        if style.rounded { styles.append("rounded") }
        if style.lineStyle != .solid { styles.append(style.lineStyle.rawValue) }
        var statements = contents(of: boundary.id, scene)
        if index.firstElement(in: boundary.id) == nil {
            statements.insert(.node(DOTNode(name: DiagramIDs.emptyNodeName(boundary.id), attributes: [
                "id": .string(DiagramIDs.emptyBoundary(boundary.id)),
                "shape": "plaintext",
                "label": .html(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor),
                    [.plain("(no elements)")])])),
            ])), at: 0)
        }
        return DOTSubgraph(
            name: DiagramIDs.clusterName(boundary.id),
            attributes: [
                "id": .string(DiagramIDs.boundary(boundary.id)),
                "label": .html(boundaryLabel(boundary, scene, color: style.lineColor, marks: marks)),
                "labeljust": "l",
                "labelloc": "t",
                "fontsize": .number(theme.fontSize + 1),
                "style": .string(styles.joined(separator: ",")),
                "color": .color(marks.color ?? style.lineColor),
                "fillcolor": .color(style.fillColor),
                "penwidth": .number(marks.color == nil ? style.penWidth : max(style.penWidth, DiagramTheme.findingPenWidth)),
                "tooltip": .string(tooltip(boundary.label, kind: boundary.kind.rawValue, description: boundary.description,
                    findings: marks.tooltip)),
            ],
            statements: statements)
    }

    private func boundaryLabel(_ boundary: Boundary, _ scene: DiagramScene, color: DOTColor, marks: FindingMarks) -> HTMLLabel {
        var rows: [[HTMLCell]] = [[
            HTMLCell(.text([
                .font(HTMLFont(pointSize: theme.smallFontSize, color: color), [.bold([.plain(boundary.kind.rawValue.uppercased())])]),
                .plain(" "),
                .bold([.plain(boundary.label)]),
            ]), alignment: .left)
        ]]
        let controls = scene.index.controlLabels(boundary.controls)
        // Three controls per line keeps wide clusters from stretching the layout.
        for start in stride(from: 0, to: controls.count, by: 3) {
            let line = controls[start..<min(start + 3, controls.count)].map { "✔ " + $0 }.joined(separator: "   ")
            rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.controlTextColor),
                [.plain(line)])]), alignment: .left)])
        }
        if !marks.isEmpty {
            rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1), marks.badges)]), alignment: .left)])
        }
        return .table(HTMLTable(cellPadding: 1, rows: rows))
    }

    func elementNode(_ element: Element, _ scene: DiagramScene) -> DOTNode {
        let index = scene.index
        var style = theme.style(for: element.kind)
        let marks = FindingMarks(scene.findings(.element, element.id), theme: theme)
        if let color = marks.color {
            style.lineColor = color
            style.penWidth = max(style.penWidth, DiagramTheme.findingPenWidth)
        }
        var text: [HTMLText] = [.bold([.plain(element.label)])]
        if let technology = element.technology {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize + 1, color: theme.mutedTextColor),
                [.plain("[\(technology)]")])]
        }
        for control in index.controlLabels(element.controls) {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize, color: theme.controlTextColor),
                [.plain("✔ " + control)])]
        }
        if !marks.isEmpty { text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize + 1), marks.badges)] }
        var attributes: DOTAttributes = ["id": .string(DiagramIDs.element(element.id))]
        attributes.merge(nodeAttributes(style, label: text))
        attributes["tooltip"] = .string(tooltip(element.label, kind: element.kind.rawValue, description: element.description,
            findings: marks.tooltip))
        if let url = element.url {
            attributes["URL"] = .string(url)
            attributes["target"] = "_top"
        }
        return DOTNode(name: element.id, attributes: attributes)
    }

    func threatActorNode(_ actor: ThreatActor) -> DOTNode {
        let kind = actor.kind.rawValue.split(separator: "-").joined(separator: " ")
        let text: [HTMLText] = [
            .bold([.plain("☠ " + actor.label)]), .lineBreak(),
            .font(HTMLFont(pointSize: theme.smallFontSize, color: theme.threatActor.lineColor), [.plain("threat actor · \(kind)")]),
        ]
        var attributes: DOTAttributes = ["id": .string(DiagramIDs.threatActor(actor.id))]
        attributes.merge(nodeAttributes(theme.threatActor, label: text))
        attributes["tooltip"] = .string(tooltip(actor.label, kind: "threat actor: \(kind)", description: actor.description))
        return DOTNode(name: actor.id, attributes: attributes)
    }

    /// Shape, colours and label of a node; the data-store symbol is an HTML table with only
    /// its top and bottom borders, as DFD notation draws it.
    private func nodeAttributes(_ style: NodeStyle, label text: [HTMLText]) -> DOTAttributes {
        if style.shape == .openRectangle {
            let cell = HTMLCell(.text(text), border: max(1, Int(style.penWidth.rounded())), padding: 6,
                backgroundColor: style.fillColor, color: style.lineColor, sides: "TB")
            return ["shape": "plain", "label": .html(.table(HTMLTable(rows: [[cell]])))]
        }
        var styles = ["filled"]
        if style.rounded { styles.append("rounded") }
        if style.lineStyle != .solid { styles.append(style.lineStyle.rawValue) }
        return [
            "shape": .string(style.shape.rawValue),
            "style": .string(styles.joined(separator: ",")),
            "color": .color(style.lineColor),
            "fillcolor": .color(style.fillColor),
            "penwidth": .number(style.penWidth),
            "peripheries": .number(Double(style.peripheries)),
            "margin": .string("0.15,0.06"),
            "label": .html(.text(text)),
        ]
    }

    func tooltip(_ label: String, kind: String, description: String?, findings: [String] = []) -> String {
        var lines = ["\(label) (\(kind))"]
        if let description, !description.isEmpty { lines.append(description) }
        return (lines + findings).joined(separator: "\n")
    }
}

extension ModelIndex {
    /// The first element inside `boundary` or any boundary nested in it, depth first.
    func firstElement(in boundary: String) -> String? {
        if let element = elements(in: boundary).first { return element.id }
        for child in childBoundaries(of: boundary) {
            if let element = firstElement(in: child.id) { return element }
        }
        return nil
    }
}

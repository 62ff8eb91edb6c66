import TrustFlowModel

extension DiagramBuilder {
    func cluster(_ boundary: Boundary, _ scene: DiagramScene) -> DOTSubgraph {
        let decoration = scene.decoration(.boundary(boundary.id))
        let theme = theme(for: decoration)
        var style = theme.style(for: boundary.kind)
        let kindColor = style.lineColor
        decorate(&style.lineColor, &style.lineStyle, &style.penWidth, with: decoration)
        var styles = ["filled"]
        if style.rounded { styles.append("rounded") }
        if style.lineStyle != .solid { styles.append(style.lineStyle.rawValue) }
        var statements = contents(of: boundary.id, scene)
        if scene.attackMarkers.contains(boundary.id) { statements.insert(.node(attackMarker(boundary)), at: 0) }
        if scene.projection.firstNode(in: boundary.id) == nil {
            statements.insert(.node(DOTNode(name: DiagramIDs.emptyNodeName(boundary.id), attributes: [
                "id": svgID(DiagramIDs.emptyBoundary(boundary.id)),
                "shape": "plaintext",
                "label": .html(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor),
                    [.plain("(no elements)")])])),
            ])), at: 0)
        }
        return DOTSubgraph(
            name: DiagramIDs.clusterName(boundary.id),
            attributes: [
                "id": svgID(DiagramIDs.boundary(boundary.id)),
                "label": .html(boundaryLabel(boundary, scene, theme: theme, kindColor: kindColor, badges: decoration.badges)),
                "labeljust": "l",
                "labelloc": "t",
                "fontsize": .number(theme.fontSize + 1),
                // Set on every cluster: a nested cluster would otherwise inherit a muted parent's grey.
                "fontcolor": .color(theme.textColor),
                "style": .string(styles.joined(separator: ",")),
                "color": .color(style.lineColor),
                "fillcolor": .color(style.fillColor),
                "penwidth": .number(style.penWidth),
                "tooltip": .string(tooltip(boundary.label, kind: boundary.kind.rawValue, description: boundary.description,
                    extra: decoration.tooltip)),
            ],
            statements: statements)
        .linked(anchorLink(DiagramIDs.boundary(boundary.id)))
    }

    /// Kind, name and controls of a boundary, then `summary` rows (a box's counts), then badges.
    func boundaryLabel(
        _ boundary: Boundary, _ scene: DiagramScene, theme: DiagramTheme, kindColor: DOTColor, badges: [Badge],
        summary: [[HTMLCell]] = []
    ) -> HTMLLabel {
        var rows: [[HTMLCell]] = [[
            HTMLCell(.text([
                .font(HTMLFont(pointSize: theme.smallFontSize, color: kindColor), [.bold([.plain(boundary.kind.rawValue.uppercased())])]),
                .plain(" "),
                .bold([.plain(boundary.label)]),
            ]), alignment: .left)
        ]]
        let controls = Self.controlMarks(boundary.controls, scene.index)
        // Three controls per line keeps wide clusters from stretching the layout.
        for start in stride(from: 0, to: controls.count, by: 3) {
            let line = controls[start..<min(start + 3, controls.count)].joined(separator: "   ")
            rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.controlTextColor),
                [.plain(line)])]), alignment: .left)])
        }
        rows += summary
        if !badges.isEmpty {
            rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1), badgeText(badges))]), alignment: .left)])
        }
        return .table(HTMLTable(cellPadding: 1, rows: rows))
    }

    func elementNode(_ element: Element, _ scene: DiagramScene) -> DOTNode {
        let decoration = scene.decoration(.element(element.id))
        let theme = theme(for: decoration)
        var style = theme.style(for: element.kind)
        decorate(&style.lineColor, &style.lineStyle, &style.penWidth, with: decoration)
        var text: [HTMLText] = [.bold([.plain(element.label)])]
        if let technology = element.technology {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize + 1, color: theme.mutedTextColor),
                [.plain("[\(technology)]")])]
        }
        for control in Self.controlMarks(element.controls, scene.index) {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize, color: theme.controlTextColor),
                [.plain(control)])]
        }
        if !decoration.badges.isEmpty {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize + 1), badgeText(decoration.badges))]
        }
        var attributes: DOTAttributes = ["id": svgID(DiagramIDs.element(element.id))]
        attributes.merge(nodeAttributes(style, label: text, theme: theme))
        attributes["tooltip"] = .string(tooltip(element.label, kind: element.kind.rawValue, description: element.description,
            extra: decoration.tooltip))
        if options.anchorPrefix != nil {
            attributes.merge(anchorLink(DiagramIDs.element(element.id)))
        } else if let url = element.url {
            attributes["URL"] = .string(url)
            attributes["target"] = "_top"
        }
        return DOTNode(name: element.id, attributes: attributes)
    }

    func threatActorNode(_ actor: ThreatActor, _ scene: DiagramScene) -> DOTNode {
        let decoration = scene.decoration(.threatActor(actor.id))
        let theme = theme(for: decoration)
        var style = theme.threatActor
        decorate(&style.lineColor, &style.lineStyle, &style.penWidth, with: decoration)
        let kind = actor.kind.rawValue.split(separator: "-").joined(separator: " ")
        var text: [HTMLText] = [
            .bold([.plain("☠ " + actor.label)]), .lineBreak(),
            .font(HTMLFont(pointSize: theme.smallFontSize, color: theme.threatActor.lineColor), [.plain("threat actor · \(kind)")]),
        ]
        if !decoration.badges.isEmpty {
            text += [.lineBreak(), .font(HTMLFont(pointSize: theme.smallFontSize + 1), badgeText(decoration.badges))]
        }
        var attributes: DOTAttributes = ["id": svgID(DiagramIDs.threatActor(actor.id))]
        attributes.merge(nodeAttributes(style, label: text, theme: theme))
        attributes["tooltip"] = .string(tooltip(actor.label, kind: "threat actor: \(kind)", description: actor.description,
            extra: decoration.tooltip))
        attributes.merge(anchorLink(DiagramIDs.threatActor(actor.id)))
        return DOTNode(name: actor.id, attributes: attributes)
    }

    /// Applies a decoration's line colour, style and minimum width.
    func decorate(_ color: inout DOTColor, _ lineStyle: inout LineStyle, _ penWidth: inout Double, with decoration: Decoration) {
        if let decorated = decoration.color { color = decorated }
        if let decorated = decoration.lineStyle { lineStyle = decorated }
        if let minimum = decoration.penWidth { penWidth = max(penWidth, minimum) }
    }

    /// Shape, colours and label of a node; the data-store symbol is an HTML table with only
    /// its top and bottom borders, as DFD notation draws it.
    func nodeAttributes(_ style: NodeStyle, label text: [HTMLText], theme: DiagramTheme) -> DOTAttributes {
        if style.shape == .openRectangle {
            let cell = HTMLCell(.text(text), border: max(1, Int(style.penWidth.rounded())), padding: 6,
                backgroundColor: style.fillColor, color: style.lineColor, sides: "TB")
            var attributes: DOTAttributes = ["shape": "plain", "label": .html(.table(HTMLTable(rows: [[cell]])))]
            if theme.textColor != self.theme.textColor { attributes["fontcolor"] = .color(theme.textColor) }
            return attributes
        }
        var styles = ["filled"]
        if style.rounded { styles.append("rounded") }
        if style.lineStyle != .solid { styles.append(style.lineStyle.rawValue) }
        var attributes: DOTAttributes = [
            "shape": .string(style.shape.rawValue),
            "style": .string(styles.joined(separator: ",")),
            "color": .color(style.lineColor),
            "fillcolor": .color(style.fillColor),
        ]
        // Only a muted item differs from the graph's default text colour.
        if theme.textColor != self.theme.textColor { attributes["fontcolor"] = .color(theme.textColor) }
        attributes.merge([
            "penwidth": .number(style.penWidth),
            "peripheries": .number(Double(style.peripheries)),
            "margin": .string("0.15,0.06"),
            "label": .html(.text(text)),
        ])
        return attributes
    }

    func tooltip(_ label: String, kind: String, description: String?, extra: [String] = []) -> String {
        var lines = ["\(label) (\(kind))"]
        if let description, !description.isEmpty { lines.append(description) }
        return (lines + extra).joined(separator: "\n")
    }
}

extension DOTSubgraph {
    /// This subgraph with `link` (URL and target) added to its attributes.
    func linked(_ link: DOTAttributes) -> DOTSubgraph {
        var copy = self
        copy.attributes.merge(link)
        return copy
    }
}

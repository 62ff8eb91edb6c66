import TrustFlowModel

extension DiagramBuilder {
    /// A table explaining every style the diagram uses, and only those.
    func legendNode(_ scene: DiagramScene) -> DOTNode {
        let view = scene.projection
        let small = HTMLFont(pointSize: theme.smallFontSize + 1)
        var rows: [[HTMLCell]] = [[HTMLCell(.text([.bold([.plain("Legend")])]), alignment: .left, columnSpan: 2)]]

        func section(_ title: String) {
            rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1, color: theme.mutedTextColor),
                [.bold([.plain(title)])])]), alignment: .left, columnSpan: 2)])
        }
        func row(_ sample: HTMLCell, _ text: String) {
            rows.append([sample, HTMLCell(.text([.font(small, [.plain(text)])]), alignment: .left)])
        }
        func lineSample(_ style: EdgeStyle) -> HTMLCell {
            let glyphs: String
            switch style.lineStyle {
            case _ where style.doubleLine: glyphs = "════"
            case .solid: glyphs = "────"
            case .bold: glyphs = "━━━━"
            case .dashed: glyphs = "╌╌╌╌"
            case .dotted: glyphs = "┈┈┈┈"
            }
            return HTMLCell(.text([.font(HTMLFont(pointSize: theme.fontSize, color: style.color), [.bold([.plain(glyphs + "▶")])])]))
        }

        let boundaryKinds = BoundaryKind.allCases.filter(view.drawnBoundaryKinds.contains)
        if !boundaryKinds.isEmpty {
            section("Trust boundaries")
            for kind in boundaryKinds {
                let style = theme.style(for: kind)
                let swatch = HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: style.lineColor),
                    [.bold([.plain(kind.rawValue.uppercased())])])]),
                    border: max(1, Int(style.penWidth.rounded())), backgroundColor: style.fillColor, color: style.lineColor)
                row(swatch, "\(kind.rawValue) — \(style.lineStyle.rawValue) border")
            }
        }

        let elementKinds = ElementKind.allCases.filter(view.drawnElementKinds.contains)
        if !elementKinds.isEmpty || !view.actors.isEmpty { section("Elements") }
        for kind in elementKinds {
            let style = theme.style(for: kind)
            let name = switch kind {
            case .actor: "actor (person)"
            case .process: "process"
            case .datastore: "data store"
            case .external: "external system"
            }
            row(shapeSample(style), "\(name) — \(shapeDescription(style))")
        }
        if !view.actors.isEmpty {
            row(shapeSample(theme.threatActor), "☠ threat actor — \(shapeDescription(theme.threatActor))")
        }

        let drawnSecurities = view.flowSecurities
        let securities = FlowSecurity.allCases.filter(drawnSecurities.contains)
        if !securities.isEmpty || !view.actors.isEmpty {
            section("Flows")
            for security in securities {
                let style = theme.style(for: security)
                let line = style.doubleLine ? "double line" : "\(style.lineStyle.rawValue) line"
                row(lineSample(style), "\(style.marker) — \(line)")
            }
            if !view.actors.isEmpty {
                row(lineSample(theme.attack), "attack by a threat actor — \(theme.attack.lineStyle.rawValue) line")
            }
            if !scene.attackMarkers.isEmpty {
                row(HTMLCell(.text([.font(HTMLFont(pointSize: theme.fontSize, color: theme.attack.color), [.bold([.plain("◎")])])])),
                    "attack on a whole boundary — ends at its marker")
            }
        }
        for decorationSection in scene.decorations.legend {
            section(decorationSection.title)
            for entry in decorationSection.rows {
                switch entry.sample {
                case .badge(let badge):
                    row(HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1), badgeText([badge]))])), entry.text)
                case .line(let color, let style, let double):
                    row(lineSample(EdgeStyle(color: color, lineStyle: style, penWidth: 1, doubleLine: double, marker: "")), entry.text)
                }
            }
        }
        rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor),
            [.plain("Flows are numbered in file order. ✔ marks a security control."
                + (options.flowLabels == .number ? " Each flow's details are in its tooltip." : ""))])]), alignment: .left, columnSpan: 2)])

        let table = HTMLTable(border: 1, cellBorder: 0, cellSpacing: 2, cellPadding: 3,
            backgroundColor: DOTColor("#ffffff"), color: theme.mutedTextColor, rows: rows)
        return DOTNode(name: DiagramIDs.legendNodeName, attributes: [
            "id": svgID(DiagramIDs.legend),
            "shape": "plain",
            "label": .html(.table(table)),
            "tooltip": "Legend",
        ])
    }

    private func shapeSample(_ style: NodeStyle) -> HTMLCell {
        let sides = style.shape == .openRectangle ? "TB" : nil
        return HTMLCell(.text([.plain(" ")]), border: max(1, Int(style.penWidth.rounded())) * style.peripheries,
            backgroundColor: style.fillColor, color: style.lineColor, sides: sides, width: 28, height: 14)
    }

    private func shapeDescription(_ style: NodeStyle) -> String {
        var words: [String] = []
        if style.lineStyle != .solid { words.append(style.lineStyle.rawValue) }
        if style.peripheries > 1 { words.append("double") }
        if style.rounded { words.append("rounded") }
        words.append(style.shape == .openRectangle ? "parallel lines" : style.shape.rawValue)
        return words.joined(separator: " ")
    }
}

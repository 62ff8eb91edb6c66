import TrustFlowModel

extension DiagramBuilder {
    /// A table explaining every style the diagram uses, and only those: `attacks` are the
    /// attack edges drawn.
    func legendNode(_ scene: DiagramScene, attacks: [DOTEdge]) -> DOTNode {
        legendNode(legendTable(legendSections(scene, attacks: attacks) + scene.decorations.legend,
            note: "Flows are numbered in file order. ✔ marks a security control"
                + (drawsWeakeningControls(scene) ? ", ⚠ a setting that weakens isolation (privileged, host namespaces, …)." : ".")
                + numberedFlowsNote))
    }

    /// The legend node holding `table`.
    func legendNode(_ table: HTMLTable) -> DOTNode {
        DOTNode(name: DiagramIDs.legendNodeName, attributes: [
            "id": svgID(DiagramIDs.legend),
            "shape": "plain",
            "label": .html(.table(table)),
            "tooltip": "Legend",
        ])
    }

    /// The legend's sections for what the diagram itself draws: boundaries, elements, flows.
    private func legendSections(_ scene: DiagramScene, attacks: [DOTEdge]) -> [LegendSection] {
        let view = scene.projection
        var sections: [LegendSection] = []
        let boundaryKinds = BoundaryKind.allCases.filter(view.drawnBoundaryKinds.contains)
        if !boundaryKinds.isEmpty {
            sections.append(LegendSection(title: "Trust boundaries", rows: boundaryKinds.map { kind in
                let style = theme.style(for: kind)
                return LegendRow(.boundary(kind, style), "\(kind.rawValue) — \(style.lineStyle.rawValue) border")
            }))
        }

        var elements = ElementKind.allCases.filter(view.drawnElementKinds.contains).map { kind in
            let style = theme.style(for: kind)
            let name = switch kind {
            case .actor: "actor (person)"
            case .process: "process"
            case .datastore: "data store"
            case .external: "external system"
            }
            return LegendRow(.shape(style), "\(name) — \(Self.shapeDescription(style))")
        }
        if !view.actors.isEmpty {
            elements.append(LegendRow(.shape(theme.threatActor), "☠ threat actor — \(Self.shapeDescription(theme.threatActor))"))
        }
        if !elements.isEmpty { sections.append(LegendSection(title: "Elements", rows: elements)) }

        let securities = FlowSecurity.allCases.filter(view.flowSecurities.contains)
        var flows = securities.map { security in
            let style = theme.style(for: security)
            return LegendRow(.edge(style, bothWays: false), "\(style.marker) — \(Self.lineDescription(style))")
        }
        if let security = view.bidirectionalSecurity {
            flows.append(LegendRow(.edge(theme.style(for: security), bothWays: true), "both ways (bidirectional) — an arrowhead at each end"))
        }
        if !attacks.isEmpty {
            flows.append(LegendRow(.edge(theme.attack, bothWays: false), "attack by a threat actor — \(Self.lineDescription(theme.attack))"))
        }
        if !scene.attackMarkers.isEmpty {
            flows.append(LegendRow(.badge(Badge("◎", color: theme.attack.color, bold: true)), "attack on a whole boundary — ends at its marker"))
        }
        if !flows.isEmpty { sections.append(LegendSection(title: "Flows", rows: flows)) }
        return sections
    }

    /// A legend table: its title, each section's title and rows (a sample, then words), and a
    /// closing note — the diagram's legend, and a matrix's.
    func legendTable(_ sections: [LegendSection], note: String) -> HTMLTable {
        let small = HTMLFont(pointSize: theme.smallFontSize + 1)
        var rows: [[HTMLCell]] = [[HTMLCell(.text([.bold([.plain("Legend")])]), alignment: .left, columnSpan: 2)]]
        for section in sections {
            rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1, color: theme.mutedTextColor),
                [.bold([.plain(section.title)])])]), alignment: .left, columnSpan: 2)])
            for entry in section.rows {
                rows.append([sampleCell(entry.sample), HTMLCell(.text([.font(small, [.plain(entry.text)])]), alignment: .left)])
            }
        }
        rows.append([HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor), [.plain(note)])]),
            alignment: .left, columnSpan: 2)])
        return HTMLTable(border: 1, cellBorder: 0, cellSpacing: 2, cellPadding: 3,
            backgroundColor: DOTColor("#ffffff"), color: theme.mutedTextColor, rows: rows)
    }

    /// What a legend row's sample looks like.
    private func sampleCell(_ sample: LegendRow.Sample) -> HTMLCell {
        switch sample {
        case .badge(let badge):
            return HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1), badgeText([badge]))]))
        case .tinted(let badge, let background):
            return HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize + 1), badgeText([badge]))]), backgroundColor: background)
        case .line(let color, let style, let double):
            return lineSample(EdgeStyle(color: color, lineStyle: style, penWidth: 1, doubleLine: double, marker: ""), bothWays: false)
        case .edge(let style, let bothWays):
            return lineSample(style, bothWays: bothWays)
        case .boundary(let kind, let style):
            return HTMLCell(.text([.font(HTMLFont(pointSize: theme.smallFontSize, color: style.lineColor),
                [.bold([.plain(kind.rawValue.uppercased())])])]),
                border: max(1, Int(style.penWidth.rounded())), backgroundColor: style.fillColor, color: style.lineColor)
        case .shape(let style):
            let sides = style.shape == .openRectangle ? "TB" : nil
            return HTMLCell(.text([.plain(" ")]), border: max(1, Int(style.penWidth.rounded())) * style.peripheries,
                backgroundColor: style.fillColor, color: style.lineColor, sides: sides, width: 28, height: 14)
        }
    }

    /// A line in box-drawing characters with its arrowhead (and its arrowtail, both ways).
    private func lineSample(_ style: EdgeStyle, bothWays: Bool) -> HTMLCell {
        let glyphs = (bothWays ? Self.arrowGlyph(style.arrowHead, pointingLeft: true) : "") + Self.lineGlyphs(style)
            + Self.arrowGlyph(style.arrowHead)
        return HTMLCell(.text([.font(HTMLFont(pointSize: theme.fontSize, color: style.color), [.bold([.plain(glyphs)])])]))
    }

    /// Where a flow labelled with its number only has the rest of its label: in the tooltip,
    /// which only an SVG has.
    private var numberedFlowsNote: String {
        guard options.flowLabels == .number else { return "" }
        return options.hasTooltips ? " Each flow's details are in its tooltip."
            : " Flows show their number only; trustflow report lists each flow's details."
    }

    /// `solid line`, `double line`, then the arrowhead unless it is the usual one:
    /// `bold line, vee arrowhead`.
    static func lineDescription(_ style: EdgeStyle) -> String {
        let line = style.doubleLine ? "double line" : "\(style.lineStyle.rawValue) line"
        return style.arrowHead == "normal" ? line : "\(line), \(style.arrowHead) arrowhead"
    }

    /// A line's look in box-drawing characters.
    static func lineGlyphs(_ style: EdgeStyle) -> String {
        switch style.lineStyle {
        case _ where style.doubleLine: "════"
        case .solid: "────"
        case .bold: "━━━━"
        case .dashed: "╌╌╌╌"
        case .dotted: "┈┈┈┈"
        }
    }

    /// The character closest to a Graphviz arrowhead's shape (the words say its name).
    static func arrowGlyph(_ arrowHead: String, pointingLeft: Bool = false) -> String {
        switch arrowHead {
        case "vee", "open": pointingLeft ? "❮" : "❯"
        case "empty", "onormal": pointingLeft ? "◁" : "▷"
        case "inv": pointingLeft ? "▶" : "◀"
        case "dot": "●"
        case "odot": "○"
        case "diamond": "◆"
        case "box": "■"
        case "tee": "┤"
        case "crow": pointingLeft ? "❯" : "❮"
        case "none": ""
        default: pointingLeft ? "◀" : "▶"
        }
    }

    private static func shapeDescription(_ style: NodeStyle) -> String {
        var words: [String] = []
        if style.lineStyle != .solid { words.append(style.lineStyle.rawValue) }
        if style.peripheries > 1 { words.append("double") }
        if style.rounded { words.append("rounded") }
        words.append(style.shape == .openRectangle ? "parallel lines" : style.shape.rawValue)
        return words.joined(separator: " ")
    }
}

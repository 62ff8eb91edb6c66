import TrustFlowAnalysis
import TrustFlowModel

extension DiagramBuilder {
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
        let hidden = (contents.elements + contents.boundaries).flatMap { scene.findings[$0] }
            + contents.internalFlows.flatMap { scene.findings[scene.index.model.flows[$0].id] }
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
    ///
    /// On an atlas's index drawn as boxes, a link to the matrix page, where every pair's flows
    /// are counted.
    func atlasIndexLinkNode(_ scene: DiagramScene) -> DOTNode? {
        guard let atlas = scene.projection.atlas else { return nil }
        let (label, tooltip, page): (String, String, String)
        switch scene.projection.view {
        case .atlasPage:
            (label, tooltip, page) = ("↩ overview", "Back to the overview of every \(atlas.level.rawValue)", atlas.fileName(of: nil))
        case .atlasIndex where !atlas.boundaries.isEmpty:
            (label, tooltip, page) = ("▦ boundary matrix", "Every pair of \(atlas.level.rawValue)s and the flows between them",
                AtlasPlan.matrixName + "." + AtlasPlan.linkExtension)
        default:
            return nil
        }
        let theme = theme.muted
        return DOTNode(name: DiagramIDs.atlasIndexNodeName, attributes: [
            "id": svgID(DiagramIDs.atlasIndexLink),
            "shape": "box",
            "style": "rounded,dashed",
            "color": .color(theme.style(for: atlas.level).lineColor),
            "fontcolor": .color(self.theme.mutedTextColor),
            "fontsize": .number(theme.smallFontSize + 1),
            "label": .html(.text([.plain(label)])),
            "tooltip": .string(tooltip),
            "URL": .string(page),
            "target": "_top",
        ])
    }
}

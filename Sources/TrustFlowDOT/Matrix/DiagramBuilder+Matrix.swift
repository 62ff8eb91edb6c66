import TrustFlowAnalysis
import TrustFlowModel

extension DiagramBuilder {
    /// A diagram that is one table under the title: `table`, with — unless the options leave
    /// it out — a legend of `legend`'s sections ending in `note` above it. The boundary matrix
    /// is drawn this way; another matrix drawn with it (a reachability matrix) reads the same,
    /// in the same theme, in every format.
    public func matrixDiagram(title: String, caption: String?, table: MatrixTable, legend: [LegendSection], note: String) -> DOTGraph {
        var graph = emptyGraph(title: title, caption: caption)
        let grid = table.table(fontSize: theme.smallFontSize + 1, smallFontSize: theme.smallFontSize,
            gridColor: theme.mutedTextColor.tinted(0.35), numberColor: theme.mutedTextColor, idPrefix: options.idPrefix + "matrix-")
        graph.statements = [.node(DOTNode(name: DiagramIDs.matrixNodeName, attributes: [
            "id": svgID(DiagramIDs.matrix),
            "shape": "plain",
            "label": .html(.table(grid)),
            "sortv": .number(1),
        ]))]
        if options.showLegend {
            var legendNode = legendNode(legendTable(legend, note: note))
            legendNode.attributes["sortv"] = .number(0)
            graph.statements.insert(.node(legendNode), at: 0)
        }
        // Legend and table are unconnected: packed in one column in `sortv` order, the legend
        // stands above the table however wide and tall the table grows.
        graph.attributes["pack"] = .number(24)
        graph.attributes["packmode"] = "array_u1"
        return graph
    }

    /// The boundary matrix (``DiagramView/matrix(_:)``): a row and a column per box and per
    /// element outside the boxes; a pair's cell gives how many flows go from the row to the
    /// column, the weakest protection among them and their worst unaccepted finding, tinted
    /// in that finding's colour. Rows link to their atlas page, or to their row in a report.
    func boundaryMatrix(_ scene: DiagramScene) -> DOTGraph {
        let matrix = BoundaryMatrix(scene.projection)
        let model = scene.index.model
        let level = scene.projection.collapsedLevel ?? .namespace
        var cells: [MatrixTable.Position: MatrixTable.Cell] = [:]
        var protections: Set<FlowSecurity> = []
        var severities: Set<Severity> = []
        var acceptedOnly = false
        var usedIDs: Set<String> = []
        for pair in matrix.pairs {
            let positions = matrix.flows[pair] ?? []
            let flows = positions.map { model.flows[$0] }
            let (findings, active, worst) = findingsOn(flows, scene)
            let weakest = FlowSecurity.weakest(flows.map { FlowSecurity($0.encryption) })
            protections.insert(weakest)
            var text: [HTMLText] = [.bold([.plain("\(flows.count)")]), .plain(" "),
                .font(HTMLFont(color: theme.style(for: weakest).color), [.bold([.plain(Self.protectionWord(weakest))])])]
            var background: DOTColor?
            if let worst {
                severities.insert(worst.severity)
                background = theme.findingColor(worst.severity).tinted(0.18)
                text += [.lineBreak(), .font(HTMLFont(color: theme.findingColor(worst.severity)),
                    [.bold([.plain("\(worst.ruleID) \(worst.severity.rawValue)")])])]
            } else if !findings.isEmpty {
                acceptedOnly = true
                text += [.lineBreak(), .font(HTMLFont(color: theme.mutedTextColor), [.plain("✓ accepted")])]
            }
            let from = matrix.ends[pair.row]
            let to = matrix.ends[pair.column]
            var id = DiagramIDs.matrixCell(from: from.id, to: to.id)
            var count = 1
            while !usedIDs.insert(id).inserted {
                count += 1
                id = DiagramIDs.matrixCell(from: from.id, to: to.id) + "-\(count)"
            }
            var tooltip = ["\(Self.counted(flows.count, "flow")): \(endName(from, scene)) → \(endName(to, scene))",
                "weakest protection: \(Self.protectionName(weakest))"]
            if let worst { tooltip.append("worst finding: \(worst.ruleID) (\(worst.severity.rawValue)): \(worst.message)") }
            if active.count > 1 { tooltip.append("\(Self.counted(active.count, "unaccepted finding"))") }
            let link = cellLink(from: from, to: to, firstFlow: flows[0], scene)
            cells[pair] = MatrixTable.Cell(text: text, background: background, id: options.idPrefix + id,
                tooltip: (tooltip + flowListing(positions, scene)).joined(separator: "\n"), link: link?.link, target: link?.target)
        }

        let names = matrix.ends.map { endName($0, scene, kind: false) }
        let headers = matrix.ends.enumerated().map { position, end in
            header(end, scene, showParent: names.filter { $0 == names[position] }.count > 1)
        }
        let table = MatrixTable(headers: headers, cells: cells,
            corner: [.font(HTMLFont(pointSize: theme.smallFontSize, color: theme.mutedTextColor), [.plain("from ↓   to →")])],
            cellWidth: 40, cellHeight: 22, diagonal: theme.mutedTextColor.tinted(0.12))
        let legend = matrixLegend(level: level, protections: protections, severities: severities, acceptedOnly: acceptedOnly,
            hasBoxes: matrix.ends.contains(where: \.isBox))
        let note = "Each row sends to each column; a flow both ways counts in both cells. Threat actors are not drawn here."
            + (options.hasTooltips ? " A cell's tooltip lists its flows." : "")
        return matrixDiagram(title: model.title, caption: matrixCaption(matrix, level: level, scene), table: table, legend: legend, note: note)
    }

    /// `boundary matrix of every namespace: 21 rows, 231 pairs with flows`, and why it is not
    /// boxes when their edges would be too many to read.
    private func matrixCaption(_ matrix: BoundaryMatrix, level: BoundaryKind, _ scene: DiagramScene) -> String {
        let boxes = matrix.ends.filter(\.isBox).count
        var caption = boxes == 0 ? "matrix of the flows between elements" : "boundary matrix: each \(level.rawValue) a row and a column"
        caption += " (\(Self.counted(matrix.ends.count, "row")), \(Self.counted(matrix.pairs.count, "pair")) with flows)"
        let edges = scene.projection.edges.count
        if edges > DiagramView.legibleEdgeLimit {
            caption += " · \(edges) merged edges are more than \(DiagramView.legibleEdgeLimit) can be drawn legibly as boxes"
        }
        if scene.projection.atlas != nil { caption += " · select a row to open its page" }
        return caption
    }

    private func matrixLegend(
        level: BoundaryKind, protections: Set<FlowSecurity>, severities: Set<Severity>, acceptedOnly: Bool, hasBoxes: Bool
    ) -> [LegendSection] {
        var rows = [LegendRow(.badge(Badge("12", bold: true)), "flows from the row to the column")]
        for security in FlowSecurity.allCases.sorted(by: { $0.protection < $1.protection }) where protections.contains(security) {
            rows.append(LegendRow(.badge(Badge(Self.protectionWord(security), color: theme.style(for: security).color, bold: true)),
                "the weakest protection among them: \(Self.protectionName(security))"))
        }
        for severity in Severity.allCases.reversed() where severities.contains(severity) {
            let color = theme.findingColor(severity)
            rows.append(LegendRow(.tinted(Badge("TF… \(severity.rawValue)", color: color, bold: true), background: color.tinted(0.18)),
                "worst unaccepted finding on them is \(severity.rawValue); the cell is tinted in its colour"))
        }
        if acceptedOnly { rows.append(LegendRow(.badge(Badge("✓ accepted", color: theme.mutedTextColor)), "every finding on them is accepted")) }
        if hasBoxes {
            rows.append(LegendRow(.tinted(Badge("3", bold: true), background: theme.mutedTextColor.tinted(0.12)),
                "the diagonal: flows inside one \(level.rawValue)"))
        }
        rows.append(LegendRow(.badge(Badge("(empty)", color: theme.mutedTextColor)), "no flow from the row to the column"))
        return [LegendSection(title: "Cells", rows: rows)]
    }

    /// A row's and column's header: a box's boundary, or an element outside every box.
    private func header(_ end: ViewProjection.Endpoint, _ scene: DiagramScene, showParent: Bool) -> MatrixTable.Header {
        let index = scene.index
        let projection = scene.projection
        if end.isBox, let boundary = index.boundary(end.id) {
            let contents = projection.boxes[end.id] ?? ViewProjection.BoxContents()
            let parent = showParent ? boundary.parent.flatMap(index.boundary)?.label : nil
            var link: String?
            var target: String?
            if let atlas = projection.atlas {
                (link, target) = (atlas.fileName(of: boundary.id), "_top")
            } else if let prefix = options.anchorPrefix {
                (link, target) = ("#" + prefix + DiagramIDs.boundary(boundary.id), "_self")
            }
            return MatrixTable.Header(name: boundary.label, detail: parent.map { "in \($0)" },
                tooltip: "\(boundary.kind.rawValue) \(boundary.label): " + Self.counted(contents.elements.count, "element") + ", "
                    + Self.counted(contents.internalFlows.count, "internal flow"),
                link: link, target: target)
        }
        let element = index.element(end.id)
        return MatrixTable.Header(name: element?.label ?? end.id, detail: element?.kind.rawValue,
            tooltip: element.map { tooltip($0.label, kind: $0.kind.rawValue, description: $0.description) },
            link: options.anchorPrefix.map { "#" + $0 + DiagramIDs.element(end.id) }, target: options.anchorPrefix == nil ? nil : "_self")
    }

    /// Where a cell links: in an atlas, the page of the row's box (or the column's), where those
    /// flows are drawn; in a report, the row of the pair's first flow.
    private func cellLink(from: ViewProjection.Endpoint, to: ViewProjection.Endpoint, firstFlow: Flow, _ scene: DiagramScene)
        -> (link: String, target: String)?
    {
        if let atlas = scene.projection.atlas, let box = [from, to].first(where: \.isBox) {
            return (atlas.fileName(of: box.id), "_top")
        }
        return options.anchorPrefix.map { ("#" + $0 + DiagramIDs.flow(firstFlow.id), "_self") }
    }

    /// How a matrix names an end: `namespace team-3` or `User` (or the bare name).
    private func endName(_ end: ViewProjection.Endpoint, _ scene: DiagramScene, kind: Bool = true) -> String {
        if end.isBox, let boundary = scene.index.boundary(end.id) {
            return kind ? "\(boundary.kind.rawValue) \(boundary.label)" : boundary.label
        }
        return scene.index.element(end.id)?.label ?? end.id
    }

    /// A protection in words: `unencrypted`, `encryption unknown`, `TLS`, `mTLS`.
    static func protectionName(_ security: FlowSecurity) -> String {
        switch security {
        case .unencrypted: "unencrypted"
        case .unknown: "encryption unknown"
        case .tls: "TLS"
        case .mtls: "mTLS"
        }
    }

    /// The words a cell gives a protection, weakest first: `⚠ none`, `? unknown`, `TLS`, `mTLS`.
    static func protectionWord(_ security: FlowSecurity) -> String {
        switch security {
        case .unencrypted: "⚠ none"
        case .unknown: "? unknown"
        case .tls: "TLS"
        case .mtls: "mTLS"
        }
    }
}

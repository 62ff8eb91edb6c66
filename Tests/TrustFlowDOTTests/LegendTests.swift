import Testing
import TrustFlow
import TrustFlowDOT
import TrustFlowTestSupport

/// Issue 16, item 5: every style a diagram draws is in its legend, and every legend entry is
/// drawn — in every shipped theme, for the samples and generated models, in every view, shaped
/// for each engine. The styles are read from the graph (edge attributes, clusters, nodes and
/// the badges in labels) and compared with what the legend's rows say in words.
@Suite("The legend explains what is drawn, and only that")
struct LegendTests {
    static let themes = ["default", "colorblind", "mono"]
    static let today = CalendarDate("2026-01-01")!

    /// The options each engine's diagram is shaped with (as the renderers shape them).
    static let shapes: [(engine: String, options: DiagramOptions)] = [
        ("dot", DiagramOptions(edgeLabels: .node)),
        ("fdp", DiagramOptions(flowLabels: .number, clipsAttacksAtClusters: false, edgeLabels: .onEdge, hasTooltips: false)),
        ("osage", DiagramOptions(packing: .always, clipsAttacksAtClusters: false, edgeLabels: .onEdge)),
    ]

    static func models() throws -> [(name: String, model: Model)] {
        try ["k8s-three-tier.yaml", "k8s-three-tier-insecure.yaml", "environments.yaml", "minimal.yaml"].map { ($0, try Models.sample($0)) }
            + (1...8).map { ("seed \($0)", ModelGenerator.model(seed: $0)) }
    }

    static func views(of model: Model) -> [DiagramView] {
        var views: [DiagramView] = [.full]
        if let kind = model.boundaries.first?.kind {
            views += [.collapse(kind), .atlasPage(boundary: model.boundaries.first!.id, level: kind)]
        }
        if let element = model.elements.first { views.append(.focus(element: element.id, radius: 1)) }
        return views
    }

    @Test(arguments: themes)
    func everyStyleDrawnIsInTheLegendAndEveryEntryIsDrawn(themeName: String) throws {
        let theme = try Themes.load(themeName, locator: ResourceLocator(directories: []))
        for (name, model) in try Self.models() {
            let findings = Analyzer(today: Self.today).analyze(model, includeStride: false).findings
            for view in Self.views(of: model) {
                for (engine, shape) in Self.shapes {
                    var options = shape
                    options.theme = theme
                    options.view = view
                    let graph = DiagramBuilder(options: options).build(model, findings: findings)
                    let problems = DrawnStyles(graph, model: model).problems(against: try Legend(graph))
                    #expect(problems.isEmpty, "\(themeName), \(name), \(view), \(engine): \(problems)")
                }
            }
        }
    }

    /// A flow labelled with its number only sends readers to its tooltip only where there is one.
    @Test func theNumberedFlowsNotePromisesTooltipsOnlyInSVG() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        for format in [DiagramFormat.svg, .png, .pdf] {
            let dot = DiagramRenderer.dot(for: model, options: RenderOptions(format: format, engine: .fdp, today: Self.today))
            #expect(dot.contains("tooltip.") == (format == .svg), "\(format)")
            #expect(dot.contains("trustflow report") == (format != .svg), "\(format)")
        }
    }
}

/// The legend's rows, read from the legend node: each row's words and the colours of its sample.
struct Legend {
    struct Row {
        var section: String
        var text: String
        var sampleColors: Set<DOTColor>
    }

    var rows: [Row] = []
    var footer = ""

    init(_ graph: DOTGraph) throws {
        let node = try #require(HTMLContent.nodes(graph.statements).first { $0.name == "_legend" })
        guard case .html(.table(let table))? = node.attributes["label"] else { throw LegendError() }
        var section = ""
        for row in table.rows.dropFirst() {
            if row.count == 1 {
                let text = HTMLContent.text(row[0])
                if text.hasPrefix("Flows are numbered") { footer = text } else { section = text }
            } else {
                rows.append(Row(section: section, text: HTMLContent.text(row[1]), sampleColors: HTMLContent.colors(row[0])))
            }
        }
    }

    struct LegendError: Error {}

    func rows(in section: String) -> [Row] { rows.filter { $0.section == section } }
}

/// What a graph draws, read from its attributes and labels.
struct DrawnStyles {
    let graph: DOTGraph
    let model: Model
    /// Edges as drawn, the tail halves of labels drawn as nodes left out (they repeat the edge).
    let edges: [DOTEdge]
    let nodes: [DOTNode]
    let clusters: [DOTSubgraph]

    init(_ graph: DOTGraph, model: Model) {
        self.graph = graph
        self.model = model
        let all = graph.statements.compactMap { if case .edge(let edge) = $0 { edge } else { nil } }
        edges = all.filter { !HTMLContent.string($0.attributes["id"]).hasPrefix("tail-") }
        nodes = HTMLContent.nodes(graph.statements)
        clusters = HTMLContent.clusters(graph.statements)
    }

    /// `bold line`, `double line, vee arrowhead`: an edge's look in the legend's words.
    static func pattern(_ edge: DOTEdge) -> String {
        var double = false
        if case .colorList? = edge.attributes["color"] { double = true }
        let line = double ? "double line" : "\(HTMLContent.string(edge.attributes["style"])) line"
        let head = HTMLContent.string(edge.attributes["arrowhead"])
        return head == "normal" || head.isEmpty ? line : "\(line), \(head) arrowhead"
    }

    static func color(_ edge: DOTEdge) -> DOTColor? {
        switch edge.attributes["color"] {
        case .color(let color)?: color
        case .colorList(let colors)?: colors.first
        default: nil
        }
    }

    var isBidirectionalDrawn: Bool {
        graph.statements.contains { statement in
            guard case .edge(let edge) = statement else { return false }
            let direction = HTMLContent.string(edge.attributes["dir"])
            return direction == "both" || direction == "back"
        }
    }

    /// The severities of the `⚠ …` badges in labels other than the legend's.
    var badgeSeverities: Set<String> {
        var found: Set<String> = []
        let texts = nodes.filter { $0.name != "_legend" }.map { HTMLContent.string($0.attributes["label"]) }
            + edges.map { HTMLContent.string($0.attributes["label"]) + HTMLContent.string($0.attributes["xlabel"]) }
            + clusters.map { HTMLContent.string($0.attributes["label"]) }
        for text in texts {
            for piece in text.components(separatedBy: "⚠ ").dropFirst() {
                let words = piece.split(separator: " ").prefix(2).map(String.init)
                found.formUnion(words.filter { Severity(rawValue: $0) != nil })
            }
        }
        return found
    }

    /// The kinds of the boundaries drawn as clusters or boxes.
    var boundaryKinds: Set<BoundaryKind> {
        let boxes = nodes.compactMap { $0.name.hasPrefix("_box_") ? String($0.name.dropFirst(5)) : nil }
        let ids = clusters.map { String($0.name.dropFirst("cluster_".count)) } + boxes
        return Set(ids.compactMap { id in model.boundaries.first { $0.id == id }?.kind })
    }

    /// The kinds of elements drawn in full (not as stubs).
    var elementKinds: Set<ElementKind> {
        Set(nodes.filter { HTMLContent.string($0.attributes["id"]).hasPrefix("element-") }
            .compactMap { node in model.elements.first { $0.id == node.name }?.kind })
    }

    func problems(against legend: Legend) -> [String] {
        var problems: [String] = []
        let flowRows = legend.rows(in: "Flows")
        let legendColors = legend.rows.reduce(into: Set<DOTColor>()) { $0.formUnion($1.sampleColors) }
        for edge in edges {
            let pattern = Self.pattern(edge)
            if !flowRows.contains(where: { $0.text.hasSuffix("— " + pattern) }) {
                problems.append("\(HTMLContent.string(edge.attributes["id"])) drawn as '\(pattern)', not in the legend")
            }
            if let color = Self.color(edge), !legendColors.contains(color) {
                problems.append("\(HTMLContent.string(edge.attributes["id"])) drawn in \(color), not in the legend")
            }
        }
        let patterns = Set(edges.map(Self.pattern))
        for row in flowRows {
            if row.text.contains("both ways") {
                if !isBidirectionalDrawn { problems.append("'\(row.text)' but no edge has two arrowheads") }
            } else if row.text.contains("attack on a whole boundary") {
                if !nodes.contains(where: { $0.name.hasPrefix("_attacked_") }) { problems.append("'\(row.text)' but no marker") }
            } else if !patterns.contains(where: { row.text.hasSuffix("— " + $0) }) {
                problems.append("'\(row.text)' but no edge is drawn so")
            }
        }
        if isBidirectionalDrawn, !flowRows.contains(where: { $0.text.contains("both ways") }) {
            problems.append("an edge has two arrowheads, the legend does not say so")
        }

        let kindRows = Set(legend.rows(in: "Trust boundaries").compactMap { BoundaryKind(rawValue: String($0.text.prefix { $0 != " " })) })
        if kindRows != boundaryKinds { problems.append("boundary kinds drawn \(boundaryKinds), in the legend \(kindRows)") }

        let elementNames: [ElementKind: String] = [.actor: "actor (person)", .process: "process", .datastore: "data store", .external: "external system"]
        let elementRows = Set(legend.rows(in: "Elements").compactMap { row in elementNames.first { row.text.hasPrefix($0.value + " —") }?.key })
        if elementRows != elementKinds { problems.append("element kinds drawn \(elementKinds), in the legend \(elementRows)") }
        let actorsDrawn = nodes.contains { HTMLContent.string($0.attributes["id"]).hasPrefix("threat-") }
        if actorsDrawn != legend.rows(in: "Elements").contains(where: { $0.text.hasPrefix("☠ threat actor") }) {
            problems.append("threat actors drawn: \(actorsDrawn), the legend disagrees")
        }

        let severityRows = Set(legend.rows(in: "Findings").compactMap { row in
            Severity.allCases.first { row.text.hasPrefix("\($0.rawValue) finding") }?.rawValue
        })
        if severityRows != badgeSeverities { problems.append("finding badges drawn \(badgeSeverities), in the legend \(severityRows)") }

        for row in legend.rows(in: "This view") {
            let drawn = if row.text.contains("as one box") {
                nodes.contains { $0.name.hasPrefix("_box_") }
            } else if row.text.contains("merged into one edge") {
                edges.contains { HTMLContent.string($0.attributes["id"]).hasPrefix("flows-") }
            } else {
                nodes.contains { HTMLContent.string($0.attributes["id"]).hasPrefix("stub-") }
            }
            if !drawn { problems.append("'\(row.text)' but nothing is drawn so") }
        }
        return problems
    }
}

/// Reading the graph IR: statements at any depth, and the words and colours of labels.
enum HTMLContent {
    static func nodes(_ statements: [DOTStatement]) -> [DOTNode] {
        statements.flatMap { statement -> [DOTNode] in
            switch statement {
            case .node(let node): [node]
            case .subgraph(let subgraph): nodes(subgraph.statements)
            case .edge: []
            }
        }
    }

    static func clusters(_ statements: [DOTStatement]) -> [DOTSubgraph] {
        statements.flatMap { statement -> [DOTSubgraph] in
            if case .subgraph(let subgraph) = statement { [subgraph] + clusters(subgraph.statements) } else { [] }
        }
    }

    static func string(_ value: DOTValue?) -> String {
        switch value {
        case .string(let string)?: string
        case .html(.text(let items))?: items.map(text).joined()
        case .html(.table(let table))?: text(table)
        default: ""
        }
    }

    static func text(_ item: TrustFlowDOT.HTMLText) -> String {
        switch item {
        case .plain(let string): string
        case .lineBreak: " "
        case .bold(let items), .italic(let items), .font(_, let items): items.map(text).joined()
        }
    }

    static func text(_ table: HTMLTable) -> String { table.rows.flatMap { $0.map(text) }.joined(separator: " ") }

    static func text(_ cell: HTMLCell) -> String {
        switch cell.content {
        case .text(let items): items.map(text).joined()
        case .table(let table): text(table)
        }
    }

    static func colors(_ cell: HTMLCell) -> Set<DOTColor> {
        func colors(_ item: TrustFlowDOT.HTMLText) -> Set<DOTColor> {
            switch item {
            case .plain, .lineBreak: []
            case .bold(let items), .italic(let items): items.reduce(into: []) { $0.formUnion(colors($1)) }
            case .font(let font, let items): items.reduce(into: Set(font.color.map { [$0] } ?? [])) { $0.formUnion(colors($1)) }
            }
        }
        var found = Set([cell.color, cell.backgroundColor].compactMap { $0 })
        if case .text(let items) = cell.content { for item in items { found.formUnion(colors(item)) } }
        return found
    }
}

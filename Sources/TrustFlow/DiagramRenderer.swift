/// How to draw a diagram.
public struct RenderOptions: Hashable, Sendable {
    public var format: DiagramFormat
    public var diagram: DiagramOptions
    /// The layout engine; `auto` chooses by the model's size.
    public var engine: LayoutEngine
    /// Runs the analysis and marks its findings on the diagram.
    public var showFindings: Bool
    /// The day accepted risks are judged against.
    public var today: CalendarDate
    /// How an overview (`diagram.view` collapsed at a kind) is drawn: `auto` draws boxes while
    /// their edges can be drawn legibly and the boundary matrix above.
    public var overview: OverviewPicture

    public init(
        format: DiagramFormat = .svg, diagram: DiagramOptions = DiagramOptions(), engine: LayoutEngine = .auto,
        showFindings: Bool = true, today: CalendarDate = .today, overview: OverviewPicture = .auto
    ) {
        self.format = format
        self.diagram = diagram
        self.engine = engine
        self.showFindings = showFindings
        self.today = today
        self.overview = overview
    }
}

extension RenderOptions {
    /// The findings to mark on a diagram of `model`: none with `showFindings` off. Drawing
    /// needs no STRIDE table, so it is skipped.
    func findings(for model: Model) -> [Finding] {
        showFindings ? Analyzer(today: today).analyze(model, includeStride: false).findings : []
    }
}

/// A rendered diagram: its bytes, and what Graphviz said while laying it out.
public struct RenderedDiagram: Sendable {
    public var bytes: [UInt8]
    /// Graphviz warnings; empty for DOT output, which is not laid out.
    public var messages: [String]
}

/// A diagram ready for Graphviz: see ``DiagramRenderer/prepare(_:options:)``.
public struct PreparedDiagram: Sendable {
    /// The DOT text, shaped for `engine`, as UTF-8 bytes: a big diagram's text is megabytes,
    /// and Graphviz reads the bytes without a second copy.
    public var dotBytes: [UInt8]
    public var engine: GraphvizEngine
    public var format: DiagramFormat
    /// What the diagram draws: the view asked for, or the boundary matrix an overview became
    /// (``OverviewPicture/auto``).
    public var view: DiagramView

    /// The DOT text, shaped for `engine`.
    public var dot: String {
        get { String(decoding: dotBytes, as: UTF8.self) }
        set { dotBytes = Array(newValue.utf8) }
    }

    public init(dotBytes: [UInt8], engine: GraphvizEngine, format: DiagramFormat, view: DiagramView = .full) {
        self.dotBytes = dotBytes
        self.engine = engine
        self.format = format
        self.view = view
    }

    public init(dot: String, engine: GraphvizEngine, format: DiagramFormat, view: DiagramView = .full) {
        self.init(dotBytes: Array(dot.utf8), engine: engine, format: format, view: view)
    }
}

/// The pipeline from a validated model to a diagram file's bytes: model (→ findings) →
/// ``DOTGraph`` → DOT text → libgvc. The CLI and the Swift API both go through here.
public enum DiagramRenderer {
    /// The DOT text of a model's diagram (of `options.diagram.view`), with its findings
    /// marked unless turned off, shaped for the engine that will lay it out.
    public static func dot(for model: Model, options: RenderOptions = RenderOptions()) -> String {
        prepare(model, options: options).dot
    }

    /// Renders a validated model.
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(_ model: Model, options: RenderOptions = RenderOptions()) throws(GraphvizError) -> RenderedDiagram {
        try render(prepare(model, options: options))
    }

    /// Everything up to Graphviz: the engine chosen and the DOT text shaped for it. The
    /// result holds nothing of the model, so a caller that lets the model go before
    /// ``render(_:)-swift.type.method`` lays the diagram out without it in memory.
    public static func prepare(_ model: Model, options: RenderOptions = RenderOptions()) -> PreparedDiagram {
        let view = options.diagram.view.drawn(as: options.overview) { options.diagram.view.edgeCount(in: model) }
        let engine = options.engine.resolved(for: model, view: view)
        var diagram = shaped(options.diagram, for: engine, format: options.format)
        diagram.view = view
        let graph = DiagramBuilder(options: diagram).build(model, findings: options.findings(for: model))
        return PreparedDiagram(dotBytes: DOTWriter().bytes(graph), engine: engine, format: options.format, view: view)
    }

    /// Lays out and renders a prepared diagram. Passed its last copy (`render(consume
    /// prepared)`), it frees the DOT text once Graphviz has parsed it, before the layout.
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(_ prepared: consuming PreparedDiagram) throws(GraphvizError) -> RenderedDiagram {
        guard let graphvizFormat = prepared.format.graphvizFormat else {
            return RenderedDiagram(bytes: prepared.dotBytes, messages: [])
        }
        let output = try Graphviz.render(takingBytes: &prepared.dotBytes, format: graphvizFormat, engine: prepared.engine)
        return RenderedDiagram(bytes: output.bytes, messages: output.messages)
    }

    /// The diagram options adjusted to the engine: `fdp` places edge labels as obstacles, so
    /// flows get their number only; only `dot` clips attacks at a cluster's border, and gets
    /// its edge labels as nodes, which it keeps inside the right boundaries and off their
    /// headers; `osage` gets its boxes packed in rows in file order, and the other engines
    /// never do. Only formats that keep tooltips (SVG) say in the legend what they hold.
    static func shaped(_ diagram: DiagramOptions, for engine: GraphvizEngine, format: DiagramFormat) -> DiagramOptions {
        var diagram = diagram
        diagram.hasTooltips = format.showsTooltips
        if engine == .fdp { diagram.flowLabels = .number }
        diagram.clipsAttacksAtClusters = engine == .dot
        diagram.edgeLabels = engine == .dot ? .node : .onEdge
        diagram.packing = engine == .osage ? .always : .never
        return diagram
    }

    /// Renders DOT text in a diagram format (DOT itself is returned as is).
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(dot text: String, format: DiagramFormat, engine: GraphvizEngine = .dot)
        throws(GraphvizError) -> RenderedDiagram
    {
        try render(PreparedDiagram(dot: text, engine: engine, format: format))
    }
}

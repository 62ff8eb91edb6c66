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

    public init(
        format: DiagramFormat = .svg, diagram: DiagramOptions = DiagramOptions(), engine: LayoutEngine = .auto,
        showFindings: Bool = true, today: CalendarDate = .today
    ) {
        self.format = format
        self.diagram = diagram
        self.engine = engine
        self.showFindings = showFindings
        self.today = today
    }
}

/// A rendered diagram: its bytes, and what Graphviz said while laying it out.
public struct RenderedDiagram: Sendable {
    public var bytes: [UInt8]
    /// Graphviz warnings; empty for DOT output, which is not laid out.
    public var messages: [String]
}

/// The pipeline from a validated model to a diagram file's bytes: model (→ findings) →
/// ``DOTGraph`` → DOT text → libgvc. The CLI and the Swift API both go through here.
public enum DiagramRenderer {
    /// The DOT text of a model's diagram (of `options.diagram.view`), with its findings
    /// marked unless turned off, shaped for the engine that will lay it out.
    public static func dot(for model: Model, options: RenderOptions = RenderOptions()) -> String {
        dot(for: model, options: options, engine: options.engine.resolved(for: model, view: options.diagram.view))
    }

    /// Renders a validated model.
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(_ model: Model, options: RenderOptions = RenderOptions()) throws(GraphvizError) -> RenderedDiagram {
        let engine = options.engine.resolved(for: model, view: options.diagram.view)
        return try render(dot: dot(for: model, options: options, engine: engine), format: options.format, engine: engine)
    }

    private static func dot(for model: Model, options: RenderOptions, engine: GraphvizEngine) -> String {
        let findings = options.showFindings ? Analyzer(today: options.today).analyze(model, includeStride: false).findings : []
        return DOTWriter().write(DiagramBuilder(options: shaped(options.diagram, for: engine)).build(model, findings: findings))
    }

    /// The diagram options adjusted to the engine: `fdp` places edge labels as obstacles, so
    /// flows get their number only.
    static func shaped(_ diagram: DiagramOptions, for engine: GraphvizEngine) -> DiagramOptions {
        var diagram = diagram
        if engine == .fdp { diagram.flowLabels = .number }
        return diagram
    }

    /// Renders DOT text in a diagram format (DOT itself is returned as is).
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(dot text: String, format: DiagramFormat, engine: GraphvizEngine = .dot)
        throws(GraphvizError) -> RenderedDiagram
    {
        guard let graphvizFormat = format.graphvizFormat else {
            return RenderedDiagram(bytes: Array(text.utf8), messages: [])
        }
        let output = try Graphviz.render(text, format: graphvizFormat, engine: engine)
        return RenderedDiagram(bytes: output.bytes, messages: output.messages)
    }
}

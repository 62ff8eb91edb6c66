/// The diff diagram: the union of both versions, decorated by what changed, through the same
/// DOT writer and Graphviz stage as every other diagram.
public enum DiffRenderer {
    /// The DOT text of the diff diagram, shaped for `engine`.
    public static func dot(for result: DiffResult, options: DiagramOptions = DiagramOptions(), engine: LayoutEngine = .auto) -> String {
        prepare(result, options: options, engine: engine, format: .dot).dot
    }

    /// Renders the diff diagram.
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(_ result: DiffResult, format: DiagramFormat, options: DiagramOptions = DiagramOptions(),
        engine: LayoutEngine = .auto) throws(GraphvizError) -> RenderedDiagram
    {
        try DiagramRenderer.render(prepare(result, options: options, engine: engine, format: format))
    }

    /// The diff diagram up to Graphviz: the engine chosen for the union of both versions and
    /// the DOT text shaped for it.
    static func prepare(_ result: DiffResult, options: DiagramOptions, engine: LayoutEngine, format: DiagramFormat)
        -> PreparedDiagram
    {
        let union = unionModel(result)
        let resolved = engine.resolved(for: union, view: options.view)
        let decorations = DiagramDecorations.diff(result.diff, findings: result.findings, theme: options.theme)
        let graph = DiagramBuilder(options: DiagramRenderer.shaped(options, for: resolved, format: format)).build(union, decorations: decorations)
        return PreparedDiagram(dotBytes: DOTWriter().bytes(graph), engine: resolved, format: format)
    }

    /// Both versions in one model, titled as a diff.
    static func unionModel(_ result: DiffResult) -> Model {
        var union = result.diff.union
        union.title = "Changes: \(result.diff.new.title)"
        return union
    }
}

extension Model {
    /// A model with nothing in it: the old side of a diff for a file that did not exist yet.
    public static func empty(title: String) -> Model { Model(title: title) }
}

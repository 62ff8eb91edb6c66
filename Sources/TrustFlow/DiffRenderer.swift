/// The diff diagram: the union of both versions, decorated by what changed, through the same
/// DOT writer and Graphviz stage as every other diagram.
public enum DiffRenderer {
    /// The DOT text of the diff diagram, shaped for `engine`.
    public static func dot(for result: DiffResult, options: DiagramOptions = DiagramOptions(), engine: LayoutEngine = .auto) -> String {
        let union = unionModel(result)
        return dot(union: union, result: result, options: options, engine: engine.resolved(for: union, view: options.view))
    }

    private static func dot(union: Model, result: DiffResult, options: DiagramOptions, engine: GraphvizEngine) -> String {
        let decorations = DiagramDecorations.diff(result.diff, findings: result.findings, theme: options.theme)
        return DOTWriter().write(DiagramBuilder(options: DiagramRenderer.shaped(options, for: engine)).build(union, decorations: decorations))
    }

    /// Renders the diff diagram.
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(_ result: DiffResult, format: DiagramFormat, options: DiagramOptions = DiagramOptions(),
        engine: LayoutEngine = .auto) throws(GraphvizError) -> RenderedDiagram
    {
        let union = unionModel(result)
        let resolved = engine.resolved(for: union, view: options.view)
        return try DiagramRenderer.render(dot: dot(union: union, result: result, options: options, engine: resolved),
            format: format, engine: resolved)
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

/// The diff diagram: the union of both versions, decorated by what changed, through the same
/// DOT writer and Graphviz stage as every other diagram.
public enum DiffRenderer {
    /// The DOT text of the diff diagram.
    public static func dot(for result: DiffResult, options: DiagramOptions = DiagramOptions()) -> String {
        var union = result.diff.union
        union.title = "Changes: \(result.diff.new.title)"
        let decorations = DiagramDecorations.diff(result.diff, findings: result.findings, theme: options.theme)
        return DOTWriter().write(DiagramBuilder(options: options).build(union, decorations: decorations))
    }

    /// Renders the diff diagram.
    /// - Throws: ``GraphvizError`` when Graphviz fails.
    public static func render(_ result: DiffResult, format: DiagramFormat, options: DiagramOptions = DiagramOptions(),
        engine: GraphvizEngine = .dot) throws(GraphvizError) -> RenderedDiagram
    {
        try DiagramRenderer.render(dot: dot(for: result, options: options), format: format, engine: engine)
    }
}

extension Model {
    /// A model with nothing in it: the old side of a diff for a file that did not exist yet.
    public static func empty(title: String) -> Model { Model(title: title) }
}

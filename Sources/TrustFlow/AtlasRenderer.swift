/// One file of an atlas.
public struct AtlasPage: Sendable {
    /// The file name, e.g. `index.svg` or `ns-backend.svg`.
    public var fileName: String
    /// The boundary the page details; `nil` for the index and the matrix.
    public var boundary: String?
    /// The file's bytes.
    public var bytes: [UInt8]
    /// What Graphviz said while laying the page out.
    public var messages: [String]
}

/// The pipeline of an atlas: a model → an overview collapsed at one kind of boundary, whose
/// boxes link to one page per boundary, each page showing everything inside its boundary and
/// its neighbours outside as stubs that link back (see ``AtlasPlan`` for the file names).
///
/// The analysis runs once for all pages; each page is laid out on its own, so an atlas of a
/// big system costs many small layouts instead of one that Graphviz cannot finish.
public enum AtlasRenderer {
    /// The DOT text of every page, the index first, then the matrix when the index is boxes,
    /// then the boundaries' pages in file order.
    /// Links name the pages' SVG files, whatever `options.format` is; `options.diagram.view`
    /// is not used.
    public static func dot(for model: Model, level: BoundaryKind, options: RenderOptions = RenderOptions())
        -> [(boundary: String?, name: String, dot: String)]
    {
        graphs(for: model, level: level, options: options).map { ($0.boundary, $0.name, DOTWriter().write($0.graph)) }
    }

    /// Renders every page of the atlas in `options.format` (SVG for links that work), each
    /// with `options.engine` (`auto`: the engine its view suggests,
    /// ``DiagramView/suggestedEngine(edgeCount:)``).
    /// - Throws: ``GraphvizError`` when Graphviz fails on any page.
    public static func render(
        _ model: Model, level: BoundaryKind, options: RenderOptions = RenderOptions()
    ) throws(GraphvizError) -> [AtlasPage] {
        var pages: [AtlasPage] = []
        for page in graphs(for: model, level: level, options: options) {
            let rendered = try DiagramRenderer.render(dot: DOTWriter().write(page.graph), format: options.format,
                engine: options.engine.resolved(view: page.view, edgeCount: page.edgeCount))
            pages.append(AtlasPage(fileName: page.name + "." + options.format.fileExtension, boundary: page.boundary,
                bytes: rendered.bytes, messages: rendered.messages))
        }
        return pages
    }

    private static func graphs(for model: Model, level: BoundaryKind, options: RenderOptions) -> [AtlasGraph] {
        // Pages are shaped for their engine as every diagram is. With `auto` each page's engine
        // follows its edge count, and so does its packing (`byView`) and whether labels are
        // nodes (for `dot`, not on a packed page); a named engine shapes all.
        var diagram = options.engine.named.map { DiagramRenderer.shaped(options.diagram, for: $0, format: options.format) } ?? options.diagram
        if options.engine.named == nil {
            diagram.edgeLabels = .node
            diagram.hasTooltips = options.format.showsTooltips
        }
        return DiagramBuilder(options: diagram).atlas(model, level: level, findings: options.findings(for: model),
            picture: options.overview)
    }
}

extension ThreatDragonWriter {
    /// The Threat Dragon file of `model`, drawn where TrustFlow's own diagram puts things: the
    /// diagram `render` draws (without legend and findings, which Threat Dragon does not
    /// show), laid out by libgvc with the engine `engine` picks, read back as a
    /// ``DiagramLayout``.
    /// - Parameters:
    ///   - model: a valid model.
    ///   - sourceMap: where the model was written, to locate the notes.
    ///   - engine: the layout engine; `auto` chooses by size, as `render` does.
    /// - Throws: ``GraphvizError`` when Graphviz fails, ``DiagramLayout/ReadError`` when its
    ///   output lacks a place for something.
    public func write(_ model: Model, sourceMap: SourceMap? = nil, engine: LayoutEngine = .auto) throws -> ExportResult {
        let options = RenderOptions(diagram: DiagramOptions(showLegend: false), engine: engine, showFindings: false)
        var prepared = DiagramRenderer.prepare(model, options: options)
        let output = try Graphviz.render(takingBytes: &prepared.dotBytes, format: .json, engine: prepared.engine)
        return write(model, layout: try DiagramLayout(graphvizJSON: output.bytes, model: model), sourceMap: sourceMap)
    }
}

import FoundationEssentials
import Glibc

extension Model {
    /// Draws the model's diagram, through the same stages as `trustflow render`: validation,
    /// model → DOT → libgvc.
    ///
    /// ```swift
    /// let svg = try model.render(.svg)
    /// ```
    /// - Throws: ``ModelError`` when the model is invalid (a model from
    ///   ``Model/build(_:description:limits:fileID:line:column:content:)`` or ``ModelFile`` is
    ///   already valid), ``DiagramViewError`` when `options.view` does not fit the model (an
    ///   unknown element to focus on), ``GraphvizError`` when Graphviz fails.
    public func render(_ format: DiagramFormat = .svg, options: DiagramOptions = DiagramOptions()) throws -> [UInt8] {
        try checkValid()
        try options.view.check(against: self)
        return try DiagramRenderer.render(self, options: RenderOptions(format: format, diagram: options)).bytes
    }

    /// Writes the model's diagram (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`) or the model itself
    /// as canonical JSON or YAML (`.json`, `.yaml`, `.yml`), the format chosen by the
    /// extension, atomically and only when the bytes change — as the command line does.
    ///
    /// ```swift
    /// try model.write(to: URL(fileURLWithPath: "three-tier.svg"))
    /// try model.write(to: URL(fileURLWithPath: "three-tier.yaml"))   // export, e.g. to commit
    /// ```
    /// - Returns: whether the file was written or already held these bytes.
    /// - Throws: ``ModelError`` when the model is invalid, ``GraphvizError`` when Graphviz
    ///   fails, ``OutputError`` for an unknown extension or a file that cannot be written (an
    ///   existing file is then left as it was).
    @discardableResult
    public func write(to url: URL, options: DiagramOptions = DiagramOptions()) throws -> WriteOutcome {
        let bytes: [UInt8]
        if let format = ModelFormat(fileName: url.lastPathComponent) {
            try checkValid()
            bytes = ModelEncoder().encode(self, as: format)
        } else if let format = DiagramFormat(fileName: url.lastPathComponent) {
            bytes = try render(format, options: options)
        } else {
            throw OutputError(path: url.path, reason: """
                cannot tell the format from the file name; use .svg, .png, .pdf, .dot, .gv, .json, .yaml or .yml
                """)
        }
        return try OutputFile.write(bytes, to: url.path)
    }

    /// Validation as for a loaded file, so that no picture is drawn of a model with a dangling
    /// reference, whoever built the value.
    private func checkValid() throws(ModelError) {
        let diagnostics = ModelValidator().validate(self, sourceMap: SourceMap())
        if diagnostics.contains(where: { $0.severity == .error }) { throw ModelError(diagnostics: diagnostics) }
    }
}

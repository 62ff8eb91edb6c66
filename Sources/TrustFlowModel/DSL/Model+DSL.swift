extension Model {
    /// Builds a model written in Swift, and checks it exactly as a model file is checked.
    ///
    /// ```swift
    /// let user = Element.actor("user")
    /// let web = Element.process("web")
    /// let hello = try Model.build("Hello") {
    ///     user
    ///     web
    ///     Flow.from(user, to: web, protocol: "HTTPS", encryption: .tls)
    /// }
    /// ```
    ///
    /// Declarations return handles; flows, threat actors and accepted risks take handles, so
    /// they can only name something declared. Each handle must be placed once in `content`
    /// (or inside a boundary in it). Diagnostics point at the Swift line of the declaration or
    /// placement, e.g. `App/Model.swift:42:31: error: elements[3].id: duplicate id 'api': …`.
    ///
    /// - Parameters:
    ///   - title: the diagram title, not empty.
    ///   - description: free text shown in reports.
    ///   - limits: the limits checked, as for files.
    ///   - fileID: leave the default: model-wide diagnostics point here.
    ///   - content: the model's controls, boundaries, elements, flows, threat actors and
    ///     accepted risks.
    /// - Returns: the model, where each part was written, and any warnings.
    /// - Throws: ``ModelError`` with every error (and warning), as ``ModelLoader`` would.
    public static func build(
        _ title: String, description: String? = nil, limits: ModelLimits = .standard,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @ModelContentBuilder content: () -> ModelContent
    ) throws(ModelError) -> LoadedModel {
        let location = SourceLocation(file: fileID, line: line, column: column)
        let assembled = ModelAssembler(content()).assemble(title: title, description: description, at: location)
        return try LoadedModel.validated(assembled.model, sourceMap: assembled.sourceMap, reported: assembled.reported,
            after: assembled.diagnostics, limits: limits)
    }
}

extension Control {
    /// Declares a security control for a model written in Swift.
    ///
    /// - Parameters:
    ///   - id: unique in the model's one id namespace.
    ///   - label: what the diagram shows; defaults to `id`.
    ///   - kind: one of the known kinds (``ControlKind/rbac``, …) or any other string.
    ///   - fileID: leave the default: diagnostics about this control point here.
    /// - Returns: the handle to pass to boundaries, elements and flows, and to list in the model.
    public static func declare(
        _ id: String, label: String? = nil, kind: ControlKind, description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ControlRef {
        let location = SourceLocation(file: fileID, line: line, column: column)
        return ControlRef(
            control: Control(id: id, label: label, kind: kind, description: description),
            reference: ItemReference(.control, id: id, location: location))
    }
}

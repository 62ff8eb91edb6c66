extension Element {
    /// Declares a person (a user, an operator) for a model written in Swift.
    ///
    /// - Parameters:
    ///   - id: unique in the model's one id namespace.
    ///   - label: what the diagram shows; defaults to `id`.
    ///   - technology: shown under the label.
    ///   - controls: the controls the element applies.
    ///   - url: a documentation link (`https:`, `http:` or relative).
    ///   - fileID: leave the default: diagnostics about this element point here.
    /// - Returns: the handle to place in a boundary (or the model) and to pass to flows.
    public static func actor(
        _ id: String, label: String? = nil, technology: String? = nil, controls: [ControlRef] = [],
        description: String? = nil, url: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ElementRef {
        declare(.actor, id, label, technology, controls, description, url,
            SourceLocation(file: fileID, line: line, column: column))
    }

    /// Declares a service, API or proxy for a model written in Swift.
    ///
    /// The parameters are those of ``actor(_:label:technology:controls:description:url:fileID:line:column:)``.
    /// - Returns: the handle to place in a boundary (or the model) and to pass to flows.
    public static func process(
        _ id: String, label: String? = nil, technology: String? = nil, controls: [ControlRef] = [],
        description: String? = nil, url: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ElementRef {
        declare(.process, id, label, technology, controls, description, url,
            SourceLocation(file: fileID, line: line, column: column))
    }

    /// Declares a database, bucket or queue for a model written in Swift.
    ///
    /// The parameters are those of ``actor(_:label:technology:controls:description:url:fileID:line:column:)``.
    /// - Returns: the handle to place in a boundary (or the model) and to pass to flows.
    public static func datastore(
        _ id: String, label: String? = nil, technology: String? = nil, controls: [ControlRef] = [],
        description: String? = nil, url: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ElementRef {
        declare(.datastore, id, label, technology, controls, description, url,
            SourceLocation(file: fileID, line: line, column: column))
    }

    /// Declares a system outside your control for a model written in Swift.
    ///
    /// The parameters are those of ``actor(_:label:technology:controls:description:url:fileID:line:column:)``.
    /// - Returns: the handle to place in a boundary (or the model) and to pass to flows.
    public static func external(
        _ id: String, label: String? = nil, technology: String? = nil, controls: [ControlRef] = [],
        description: String? = nil, url: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> ElementRef {
        declare(.external, id, label, technology, controls, description, url,
            SourceLocation(file: fileID, line: line, column: column))
    }

    private static func declare(
        _ kind: ElementKind, _ id: String, _ label: String?, _ technology: String?, _ controls: [ControlRef],
        _ description: String?, _ url: String?, _ location: SourceLocation
    ) -> ElementRef {
        ElementRef(
            element: Element(
                id: id, label: label, kind: kind, technology: technology, description: description, url: url),
            controls: controls,
            reference: ItemReference(.element, id: id, location: location))
    }
}

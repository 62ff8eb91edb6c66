extension Boundary {
    /// Declares a trust boundary around a whole Kubernetes cluster, for a model written in Swift.
    ///
    /// - Parameters:
    ///   - id: unique in the model's one id namespace.
    ///   - label: what the diagram shows; defaults to `id`.
    ///   - controls: the controls enforced at the boundary.
    ///   - fileID: leave the default: diagnostics about this boundary point here.
    ///   - content: the boundaries, elements and threat actors inside it.
    /// - Returns: the handle to place in the model or in an enclosing boundary, and for threat
    ///   actors to target.
    public static func cluster(
        _ id: String, label: String? = nil, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @BoundaryContentBuilder content: () -> BoundaryContent = { BoundaryContent() }
    ) -> BoundaryRef {
        declare(.cluster, id, label, controls, description, SourceLocation(file: fileID, line: line, column: column),
            content())
    }

    /// Declares a trust boundary around one compute host of a cluster, for a model written in Swift.
    ///
    /// The parameters are those of ``cluster(_:label:controls:description:fileID:line:column:content:)``.
    /// - Returns: the handle to place in the model or in an enclosing boundary.
    public static func node(
        _ id: String, label: String? = nil, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @BoundaryContentBuilder content: () -> BoundaryContent = { BoundaryContent() }
    ) -> BoundaryRef {
        declare(.node, id, label, controls, description, SourceLocation(file: fileID, line: line, column: column),
            content())
    }

    /// Declares a trust boundary around a namespace, the unit of authorisation, for a model written in Swift.
    ///
    /// The parameters are those of ``cluster(_:label:controls:description:fileID:line:column:content:)``.
    /// - Returns: the handle to place in the model or in an enclosing boundary.
    public static func namespace(
        _ id: String, label: String? = nil, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @BoundaryContentBuilder content: () -> BoundaryContent = { BoundaryContent() }
    ) -> BoundaryRef {
        declare(.namespace, id, label, controls, description, SourceLocation(file: fileID, line: line, column: column),
            content())
    }

    /// Declares a trust boundary around one application instance (its own network and security
    /// context), for a model written in Swift.
    ///
    /// The parameters are those of ``cluster(_:label:controls:description:fileID:line:column:content:)``.
    /// - Returns: the handle to place in the model or in an enclosing boundary.
    public static func pod(
        _ id: String, label: String? = nil, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @BoundaryContentBuilder content: () -> BoundaryContent = { BoundaryContent() }
    ) -> BoundaryRef {
        declare(.pod, id, label, controls, description, SourceLocation(file: fileID, line: line, column: column),
            content())
    }

    /// Declares a trust boundary around one process inside a pod, for a model written in Swift.
    ///
    /// The parameters are those of ``cluster(_:label:controls:description:fileID:line:column:content:)``.
    /// - Returns: the handle to place in the model or in an enclosing boundary.
    public static func container(
        _ id: String, label: String? = nil, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @BoundaryContentBuilder content: () -> BoundaryContent = { BoundaryContent() }
    ) -> BoundaryRef {
        declare(.container, id, label, controls, description, SourceLocation(file: fileID, line: line, column: column),
            content())
    }

    /// Declares a trust boundary around a network segment, which nests anywhere, for a model written in Swift.
    ///
    /// The parameters are those of ``cluster(_:label:controls:description:fileID:line:column:content:)``.
    /// - Returns: the handle to place in the model or in an enclosing boundary.
    public static func network(
        _ id: String, label: String? = nil, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @BoundaryContentBuilder content: () -> BoundaryContent = { BoundaryContent() }
    ) -> BoundaryRef {
        declare(.network, id, label, controls, description, SourceLocation(file: fileID, line: line, column: column),
            content())
    }

    /// Declares a trust boundary around any other trust boundary, which nests anywhere, for a model written in Swift.
    ///
    /// The parameters are those of ``cluster(_:label:controls:description:fileID:line:column:content:)``.
    /// - Returns: the handle to place in the model or in an enclosing boundary.
    public static func generic(
        _ id: String, label: String? = nil, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column,
        @BoundaryContentBuilder content: () -> BoundaryContent = { BoundaryContent() }
    ) -> BoundaryRef {
        declare(.generic, id, label, controls, description, SourceLocation(file: fileID, line: line, column: column),
            content())
    }

    private static func declare(
        _ kind: BoundaryKind, _ id: String, _ label: String?, _ controls: [ControlRef], _ description: String?,
        _ location: SourceLocation, _ content: BoundaryContent
    ) -> BoundaryRef {
        BoundaryRef(
            boundary: Boundary(id: id, label: label, kind: kind, description: description),
            controls: controls, content: content.placements,
            reference: ItemReference(.boundary, id: id, location: location))
    }
}

extension Flow {
    /// Declares a data flow between two declared elements, for a model written in Swift.
    ///
    /// Every attribute of the file format is a parameter, with the same defaults: no id means
    /// `FROM-to-TO` (then `-2`, `-3` for later flows between the same pair), no encryption
    /// means *unknown*, which rules treat as missing.
    /// - Parameters:
    ///   - source: the element the data leaves.
    ///   - destination: the element the data reaches.
    ///   - id: give one when a pair has several flows and you want stable diffs.
    ///   - port: 1–65535.
    ///   - data: what the flow carries, e.g. `credentials`, `pii`.
    ///   - bidirectional: data moves both ways (two arrowheads).
    ///   - fileID: leave the default: diagnostics about this flow point here.
    /// - Returns: the handle to place in the model's content.
    public static func from(
        _ source: ElementRef, to destination: ElementRef, id: String? = nil, label: String? = nil,
        protocol: String? = nil, port: Int? = nil, encryption: Encryption? = nil,
        authentication: Authentication? = nil, data: [String] = [], classification: Classification? = nil,
        bidirectional: Bool = false, controls: [ControlRef] = [], description: String? = nil,
        fileID: String = #fileID, line: Int = #line, column: Int = #column
    ) -> FlowRef {
        let resolvedID = id ?? FlowIdentifiers.base(from: source.id, to: destination.id)
        let flow = Flow(
            id: resolvedID, from: source.id, to: destination.id, label: label, protocol: `protocol`, port: port,
            encryption: encryption, authentication: authentication, data: data, classification: classification,
            bidirectional: bidirectional, description: description)
        let location = SourceLocation(file: fileID, line: line, column: column)
        return FlowRef(
            flow: flow, explicitID: id, source: source, destination: destination, controls: controls,
            reference: ItemReference(.flow, id: resolvedID, location: location))
    }
}

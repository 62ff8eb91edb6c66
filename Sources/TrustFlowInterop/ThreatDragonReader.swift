import TrustFlowModel

/// Reads an OWASP Threat Dragon v2 model (its JSON file) into a TrustFlow model.
///
/// Actors, processes and stores become elements, data flows become flows, trust boundary
/// boxes become boundaries of kind `generic`. Threat Dragon records no membership for its
/// boundaries, so it comes from the geometry: a box inside another is a nested boundary, and
/// the smallest box around an element's centre is its boundary. A trust boundary curve has no inside: the import says which flows cross it.
/// With several diagrams, each becomes a `generic` boundary around its contents.
///
/// What the model format has no place for — threats, text blocks, flags such as
/// `isPublicNetwork` or `outOfScope`, the owner and reviewers — is listed in
/// ``ImportResult/notes``; positions and styling are not kept, TrustFlow lays the diagram out
/// itself. Ids that are not valid TrustFlow ids (Threat Dragon's UUIDs) are derived from the
/// names, the original kept in the description; the cell ids TrustFlow's own export writes
/// (`element-web`) give the model ids back (`web`).
public struct ThreatDragonReader: Sendable {
    /// The limits applied while reading, and to the model built.
    public var limits: ModelLimits

    /// Creates a reader.
    public init(limits: ModelLimits = .standard) { self.limits = limits }

    /// Imports a Threat Dragon v2 model.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the name used in messages, as the user gave it.
    /// - Throws: ``ModelError`` with every problem, located in the file: not JSON, not a
    ///   version 2 model, wrong types, duplicate cell ids, flows to cells that do not exist, no
    ///   element at all, or a model that would break the format's limits.
    public func read(_ bytes: [UInt8], file: String) throws(ModelError) -> ImportResult {
        let context = ImportContext(file: file, formatName: "Threat Dragon", syntax: .json, limits: limits)
        let root = try context.parse(bytes, syntax: .json, expecting: "a Threat Dragon model (a JSON object)")
        ThreatDragonImport(context: context).read(root)
        return try context.finish()
    }
}

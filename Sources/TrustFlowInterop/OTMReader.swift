import TrustFlowModel

/// Reads an Open Threat Model (OTM) file, JSON or YAML, into a TrustFlow model.
///
/// Trust zones become boundaries (nested by their `parent`, of the kind their `type` names,
/// else `generic`), components become elements (of the kind their type names, else by its
/// words: `CD-MICROSOFT-AZURE-DB-POSTGRESQL` is a data store, `android-device-client` an
/// external system, anything else a process; a component inside a component is placed in its
/// parent's boundary), dataflows become flows carrying the names of their assets as data.
/// The `attributes` TrustFlow's own export writes (technology, url; protocol, port,
/// encryption, authentication, classification, data) are read back.
///
/// What the model format has no place for — threats, mitigations, trust ratings, assets'
/// ratings, representations, tags, the project's owner — is listed in
/// ``ImportResult/notes``. Ids that are not valid TrustFlow ids (UUIDs) are derived from the
/// names, the original kept in the description.
public struct OTMReader: Sendable {
    /// The limits applied while reading, and to the model built.
    public var limits: ModelLimits

    /// Creates a reader.
    public init(limits: ModelLimits = .standard) { self.limits = limits }

    /// Imports an OTM file; YAML when the name ends in `.yaml` or `.yml`, JSON otherwise.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the name used in messages, as the user gave it.
    /// - Throws: ``ModelError`` with every problem, located in the file: not JSON or YAML,
    ///   wrong types, duplicate ids, parents or dataflow ends that do not exist, parents in a
    ///   cycle, no component at all, or a model that would break the format's limits.
    public func read(_ bytes: [UInt8], file: String) throws(ModelError) -> ImportResult {
        let syntax: ImportContext.Syntax = ModelFormat(fileName: file) == .yaml ? .yaml : .json
        let context = ImportContext(file: file, formatName: "OTM", syntax: syntax, limits: limits)
        let root = try context.parse(bytes, syntax: syntax, expecting: "an OTM model (a mapping with otmVersion and project)")
        OTMImport(context: context).read(root)
        return try context.finish()
    }
}

import TrustFlowModel

/// Reads a Threagile model (its YAML file) into a TrustFlow model.
///
/// Technical assets become elements (an external entity a person uses as a client is an
/// actor), communication links become flows — protocol, the encryption it implies,
/// authentication, the data assets carried as `data` and their highest confidentiality as the
/// classification, mapped by rank — trust boundaries become boundaries nested as
/// `trust_boundaries_nested` says, an asset encrypted at rest gets an `encryption-at-rest`
/// control, and risks tracked as `accepted` become accepted risks.
///
/// What the model format has no place for — data assets' ratings, shared runtimes, abuse
/// cases, security requirements, questions, individual risk categories, risk tracking other
/// than `accepted`, and every property of an asset or link that is not mapped — is listed in
/// ``ImportResult/notes``.
public struct ThreagileReader: Sendable {
    /// The limits applied while reading, and to the model built.
    public var limits: ModelLimits

    /// Creates a reader.
    public init(limits: ModelLimits = .standard) { self.limits = limits }

    /// Imports a Threagile model.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - file: the name used in messages, as the user gave it.
    /// - Throws: ``ModelError`` with every problem, located in the file: not YAML, wrong
    ///   types or values, duplicate ids, references to assets or boundaries that do not
    ///   exist, boundaries nested in a cycle or in two places, no technical asset at all, or a
    ///   model that would break the format's limits.
    public func read(_ bytes: [UInt8], file: String) throws(ModelError) -> ImportResult {
        let context = ImportContext(file: file, formatName: "Threagile", syntax: .yaml, limits: limits)
        let root = try context.parse(bytes, syntax: .yaml, expecting: "a Threagile model (a YAML mapping)")
        ThreagileImport(context: context).read(root)
        return try context.finish()
    }
}

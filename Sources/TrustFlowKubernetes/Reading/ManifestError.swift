import TrustFlowModel

/// The errors (and any warnings) that made manifests unreadable.
public struct ManifestError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic, sorted by location; at least one is an error.
    public var diagnostics: [Diagnostic]

    /// Creates the error from its diagnostics.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = Diagnostic.sorted(diagnostics) }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

import TrustFlowModel

/// What reading manifests gives: the inventory, and warnings about what was left out.
public struct ManifestReading: Sendable {
    public var inventory: Inventory
    /// Warnings, sorted by location (documents that are no Kubernetes object, …).
    public var warnings: [Diagnostic]

    /// Creates a reading.
    public init(inventory: Inventory, warnings: [Diagnostic]) {
        self.inventory = inventory
        self.warnings = warnings
    }
}

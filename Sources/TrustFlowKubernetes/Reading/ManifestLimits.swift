import TrustFlowModel

/// Limits that keep hostile manifests from exhausting memory or time. A real application —
/// a few hundred objects in a few files — is nowhere near them.
public struct ManifestLimits: Hashable, Sendable {
    /// Per file: its size, nesting depth and number of values (every document of a stream and
    /// every value an alias repeats counted).
    public var parser: ModelLimits
    /// Most bytes over all files.
    public var maxTotalBytes: Int
    /// Most Kubernetes objects over all files (`kind: List` items counted one by one).
    public var maxObjects: Int

    /// Creates limits.
    public init(parser: ModelLimits, maxTotalBytes: Int, maxObjects: Int) {
        self.parser = parser
        self.maxTotalBytes = maxTotalBytes
        self.maxObjects = maxObjects
    }

    /// The limits `trustflow import k8s` uses: the model's parser limits per file, 256 MiB and
    /// 50,000 objects in all (a model holds at most 50,000 elements).
    public static let standard = ManifestLimits(parser: .standard, maxTotalBytes: 256 << 20, maxObjects: 50_000)
}

import TrustFlowModel

/// One entry of a pod's `volumes`, by the source that matters for isolation.
public struct Volume: Hashable, Sendable {
    /// Where the volume's data comes from.
    public enum Source: Hashable, Sendable {
        /// A directory or file of the node.
        case hostPath(String)
        case configMap(String)
        /// A Secret, by name (its data is never read).
        case secret(String)
        case emptyDir
        case persistentVolumeClaim(String)
        /// A `projected` volume: the ConfigMaps and Secrets in it, and whether it carries a
        /// service-account token.
        case projected(configMaps: [String], secrets: [String], serviceAccountToken: Bool)
        /// Any other source, by its key (`nfs`, `csi`, …).
        case other(String)
    }

    public var name: String
    public var source: Source
    public var location: SourceLocation

    /// Creates a volume.
    public init(name: String, source: Source, location: SourceLocation) {
        self.name = name
        self.source = source
        self.location = location
    }
}

/// One entry of a container's `volumeMounts`.
public struct VolumeMount: Hashable, Sendable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool

    /// Creates a mount.
    public init(name: String, mountPath: String, readOnly: Bool = false) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
    }
}

/// A container's `resources`: quantities as written (`500m`, `128Mi`).
public struct ResourceRequirements: Hashable, Sendable {
    public var limits: [String: String]
    public var requests: [String: String]

    /// Creates requirements.
    public init(limits: [String: String] = [:], requests: [String: String] = [:]) {
        self.limits = limits
        self.requests = requests
    }
}

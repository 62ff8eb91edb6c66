import TrustFlowModel

/// A configuration value of a container that names a Service no manifest holds.
public struct MissingServiceReference: Hashable, Sendable {
    /// The workload whose container holds the value.
    public var workload: ObjectIdentity
    public var container: String
    /// `env CART_ADDR`, `ConfigMap app key nginx.conf (mounted at /etc/nginx)`.
    public var origin: String
    /// The Service named (kind `Service`).
    public var service: ObjectIdentity
    /// Where the value is written.
    public var location: SourceLocation

    /// Creates a record.
    public init(workload: ObjectIdentity, container: String, origin: String, service: ObjectIdentity, location: SourceLocation) {
        self.workload = workload
        self.container = container
        self.origin = origin
        self.service = service
        self.location = location
    }
}

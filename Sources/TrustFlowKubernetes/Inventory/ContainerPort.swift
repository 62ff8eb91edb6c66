import TrustFlowModel

/// One entry of a container's `ports`.
public struct ContainerPort: Hashable, Sendable {
    /// The port's name, which Services and NetworkPolicies may use instead of the number.
    public var name: String?
    /// `containerPort`.
    public var number: Int
    public var `protocol`: PortProtocol
    /// `hostPort`: the port is also opened on the node.
    public var hostPort: Int?
    public var location: SourceLocation

    /// Creates a port.
    public init(name: String? = nil, number: Int, protocol: PortProtocol = .tcp, hostPort: Int? = nil, location: SourceLocation) {
        self.name = name
        self.number = number
        self.protocol = `protocol`
        self.hostPort = hostPort
        self.location = location
    }
}

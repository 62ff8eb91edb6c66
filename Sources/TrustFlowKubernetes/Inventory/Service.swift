import TrustFlowModel

/// A Service: how pods are reached by name, and whether from outside the cluster.
public struct Service: Hashable, Sendable {
    /// `spec.type`.
    public enum ServiceType: Hashable, Sendable {
        case clusterIP, nodePort, loadBalancer, externalName
        /// A type Kubernetes does not define, as written.
        case other(String)

        /// Whether the type opens the Service outside the cluster.
        public var isExposed: Bool { self == .nodePort || self == .loadBalancer }

        public var name: String {
            switch self {
            case .clusterIP: "ClusterIP"
            case .nodePort: "NodePort"
            case .loadBalancer: "LoadBalancer"
            case .externalName: "ExternalName"
            case .other(let text): text
            }
        }
    }

    public var metadata: ObjectMetadata
    public var type: ServiceType
    /// `spec.selector`; `nil` when the Service has none (its endpoints are managed elsewhere).
    public var selector: [String: String]?
    public var ports: [ServicePort]
    /// `spec.externalName` of an ExternalName Service.
    public var externalName: String?

    /// Creates a Service.
    public init(metadata: ObjectMetadata, type: ServiceType, selector: [String: String]?, ports: [ServicePort],
        externalName: String? = nil)
    {
        self.metadata = metadata
        self.type = type
        self.selector = selector
        self.ports = ports
        self.externalName = externalName
    }

    public var name: String { metadata.name }
    public var namespace: String { metadata.namespace ?? KubernetesReference.defaultNamespace }

    /// The port with this number.
    public func port(_ number: Int) -> ServicePort? { ports.first { $0.port == number } }
    /// The port with this name.
    public func port(named name: String) -> ServicePort? { ports.first { $0.name == name } }
}

/// One entry of a Service's `ports`.
public struct ServicePort: Hashable, Sendable {
    public var name: String?
    public var `protocol`: PortProtocol
    /// `port`: what clients connect to.
    public var port: Int
    /// `targetPort`; absent means the same number as `port`.
    public var targetPort: PortReference?
    /// `nodePort` of a NodePort or LoadBalancer Service.
    public var nodePort: Int?
    /// `appProtocol`.
    public var appProtocol: String?
    public var location: SourceLocation

    /// Creates a Service port.
    public init(
        name: String? = nil, protocol: PortProtocol = .tcp, port: Int, targetPort: PortReference? = nil,
        nodePort: Int? = nil, appProtocol: String? = nil, location: SourceLocation
    ) {
        self.name = name
        self.protocol = `protocol`
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
        self.appProtocol = appProtocol
        self.location = location
    }

    /// The target port with its default (the same number as `port`).
    public var effectiveTargetPort: PortReference { targetPort ?? .number(port) }
}

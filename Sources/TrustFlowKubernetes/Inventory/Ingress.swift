import TrustFlowModel

/// An Ingress: HTTP routes from outside the cluster to Services.
public struct Ingress: Hashable, Sendable {
    public var metadata: ObjectMetadata
    /// `spec.ingressClassName`.
    public var ingressClassName: String?
    /// `spec.defaultBackend` (or `spec.backend` in extensions/v1beta1).
    public var defaultBackend: IngressBackend?
    public var rules: [IngressRule]
    /// `spec.tls`: the hosts for which the ingress controller terminates TLS.
    public var tls: [IngressTLS]

    /// Creates an Ingress.
    public init(metadata: ObjectMetadata, ingressClassName: String? = nil, defaultBackend: IngressBackend? = nil,
        rules: [IngressRule] = [], tls: [IngressTLS] = [])
    {
        self.metadata = metadata
        self.ingressClassName = ingressClassName
        self.defaultBackend = defaultBackend
        self.rules = rules
        self.tls = tls
    }

    public var name: String { metadata.name }
    public var namespace: String { metadata.namespace ?? KubernetesReference.defaultNamespace }

    /// The TLS entry that covers `host` (an entry without hosts covers every host), if any.
    public func tls(for host: String?) -> IngressTLS? {
        tls.first { entry in entry.hosts.isEmpty || host.map(entry.hosts.contains) ?? false }
    }
}

/// One entry of an Ingress's `rules`.
public struct IngressRule: Hashable, Sendable {
    /// `host`; `nil` matches every host.
    public var host: String?
    public var paths: [IngressPath]

    /// Creates a rule.
    public init(host: String?, paths: [IngressPath]) {
        self.host = host
        self.paths = paths
    }
}

/// One path of an Ingress rule.
public struct IngressPath: Hashable, Sendable {
    public var path: String?
    public var backend: IngressBackend

    /// Creates a path.
    public init(path: String?, backend: IngressBackend) {
        self.path = path
        self.backend = backend
    }
}

/// Where an Ingress sends traffic: a Service and one of its ports.
public struct IngressBackend: Hashable, Sendable {
    /// The Service; `nil` for a `resource` backend.
    public var serviceName: String?
    /// The Service port, by number or name.
    public var port: PortReference?
    public var location: SourceLocation

    /// Creates a backend.
    public init(serviceName: String?, port: PortReference?, location: SourceLocation) {
        self.serviceName = serviceName
        self.port = port
        self.location = location
    }
}

/// One entry of an Ingress's `tls`.
public struct IngressTLS: Hashable, Sendable {
    public var hosts: [String]
    /// The Secret holding the certificate (by name; never read).
    public var secretName: String?
    public var location: SourceLocation

    /// Creates a TLS entry.
    public init(hosts: [String], secretName: String?, location: SourceLocation) {
        self.hosts = hosts
        self.secretName = secretName
        self.location = location
    }
}

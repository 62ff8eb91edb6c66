import TrustFlowModel

/// One container of a pod.
public struct Container: Hashable, Sendable {
    /// What the container is in its pod.
    public enum Role: String, Hashable, Sendable {
        /// An entry of `containers`.
        case app
        /// An entry of `initContainers` that runs to completion before the app containers.
        case initialization = "init"
        /// An entry of `initContainers` with `restartPolicy: Always`: it runs beside the app.
        case sidecar
    }

    public var name: String
    public var role: Role
    /// `image`; `nil` when absent (Kubernetes then rejects the pod, or a controller fills it in).
    public var image: String?
    public var ports: [ContainerPort]
    public var env: [EnvironmentVariable]
    /// `envFrom`: whole ConfigMaps and Secrets as variables.
    public var envFrom: [EnvironmentSource]
    public var securityContext: SecurityContext?
    public var resources: ResourceRequirements
    public var volumeMounts: [VolumeMount]
    /// Where the container's entry starts.
    public var location: SourceLocation

    /// Creates a container.
    public init(
        name: String, role: Role = .app, image: String? = nil, ports: [ContainerPort] = [],
        env: [EnvironmentVariable] = [], envFrom: [EnvironmentSource] = [], securityContext: SecurityContext? = nil,
        resources: ResourceRequirements = ResourceRequirements(), volumeMounts: [VolumeMount] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.role = role
        self.image = image
        self.ports = ports
        self.env = env
        self.envFrom = envFrom
        self.securityContext = securityContext
        self.resources = resources
        self.volumeMounts = volumeMounts
        self.location = location
    }

    /// The port named `name`.
    public func port(named name: String) -> ContainerPort? { ports.first { $0.name == name } }
}

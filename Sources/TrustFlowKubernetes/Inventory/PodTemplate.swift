import TrustFlowModel

/// A pod as a workload runs it: the template's labels and annotations and the pod spec.
public struct PodTemplate: Hashable, Sendable {
    /// The pod's labels: what Services and NetworkPolicies select.
    public var labels: [String: String]
    /// The pod's annotations (AppArmor profiles before Kubernetes 1.30 live here).
    public var annotations: [String: String]
    /// `serviceAccountName` (or the deprecated `serviceAccount`); `nil` means `default`.
    public var serviceAccountName: String?
    /// `automountServiceAccountToken`; `nil` when the pod does not say.
    public var automountServiceAccountToken: Bool?
    /// `hostNetwork`, `hostPID`, `hostIPC`.
    public var hostNetwork: Bool
    public var hostPID: Bool
    public var hostIPC: Bool
    /// The pod-level `securityContext`.
    public var securityContext: SecurityContext?
    /// Init containers (sidecars among them), then the app containers, each in spec order.
    public var containers: [Container]
    /// `volumes`.
    public var volumes: [Volume]
    /// Where the pod spec was written.
    public var location: SourceLocation

    /// Creates a pod template.
    public init(
        labels: [String: String] = [:], annotations: [String: String] = [:], serviceAccountName: String? = nil,
        automountServiceAccountToken: Bool? = nil, hostNetwork: Bool = false, hostPID: Bool = false,
        hostIPC: Bool = false, securityContext: SecurityContext? = nil, containers: [Container] = [],
        volumes: [Volume] = [], location: SourceLocation
    ) {
        self.labels = labels
        self.annotations = annotations
        self.serviceAccountName = serviceAccountName
        self.automountServiceAccountToken = automountServiceAccountToken
        self.hostNetwork = hostNetwork
        self.hostPID = hostPID
        self.hostIPC = hostIPC
        self.securityContext = securityContext
        self.containers = containers
        self.volumes = volumes
        self.location = location
    }

    /// The service account the pod runs as (`default` when none is named).
    public var effectiveServiceAccount: String { serviceAccountName ?? "default" }

    /// The volume named `name`.
    public func volume(_ name: String) -> Volume? { volumes.first { $0.name == name } }
}

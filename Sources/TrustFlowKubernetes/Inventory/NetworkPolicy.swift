import TrustFlowModel

/// A NetworkPolicy (networking.k8s.io/v1), typed as the API defines it, every part located.
///
/// Semantics (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
/// a pod is isolated for a direction when a policy that selects it has that direction in
/// ``policyTypes``; then only what some such policy's rules allow gets through.
public struct NetworkPolicy: Hashable, Sendable {
    /// A direction a policy isolates.
    public enum PolicyType: String, CaseIterable, Hashable, Sendable {
        case ingress = "Ingress", egress = "Egress"
    }

    public var metadata: ObjectMetadata
    /// `spec.podSelector`: the pods of the policy's namespace it applies to (`{}` is all).
    public var podSelector: LabelSelector
    /// `spec.policyTypes` as written; `nil` when absent (see ``policyTypes``).
    public var declaredPolicyTypes: [PolicyType]?
    /// `spec.ingress`: each rule allows traffic from its peers to its ports.
    public var ingress: [NetworkPolicyRule]
    /// `spec.egress`: each rule allows traffic to its peers on its ports.
    public var egress: [NetworkPolicyRule]

    /// Creates a policy.
    public init(
        metadata: ObjectMetadata, podSelector: LabelSelector, declaredPolicyTypes: [PolicyType]?,
        ingress: [NetworkPolicyRule], egress: [NetworkPolicyRule]
    ) {
        self.metadata = metadata
        self.podSelector = podSelector
        self.declaredPolicyTypes = declaredPolicyTypes
        self.ingress = ingress
        self.egress = egress
    }

    public var name: String { metadata.name }
    public var namespace: String { metadata.namespace ?? KubernetesReference.defaultNamespace }

    /// The directions the policy isolates: as declared, or by Kubernetes' default — always
    /// Ingress, and Egress when the policy has egress rules.
    public var policyTypes: [PolicyType] {
        declaredPolicyTypes ?? (egress.isEmpty ? [.ingress] : [.ingress, .egress])
    }
}

/// One ingress or egress rule: traffic to or from any of ``peers`` on any of ``ports``.
public struct NetworkPolicyRule: Hashable, Sendable {
    /// `from` (ingress) or `to` (egress); empty means every peer.
    public var peers: [NetworkPolicyPeer]
    /// `ports`; empty means every port.
    public var ports: [NetworkPolicyPort]
    public var location: SourceLocation

    /// Creates a rule.
    public init(peers: [NetworkPolicyPeer], ports: [NetworkPolicyPort], location: SourceLocation) {
        self.peers = peers
        self.ports = ports
        self.location = location
    }
}

/// One peer of a rule. Within a peer, the selectors must all hold (AND); across the peers of
/// a rule, any one suffices (OR).
public struct NetworkPolicyPeer: Hashable, Sendable {
    /// Pods matching it (in the policy's namespace unless ``namespaceSelector`` is given).
    public var podSelector: LabelSelector?
    /// Namespaces matching it (their pods, filtered by ``podSelector`` when given).
    public var namespaceSelector: LabelSelector?
    public var ipBlock: IPBlock?
    public var location: SourceLocation

    /// Creates a peer.
    public init(podSelector: LabelSelector?, namespaceSelector: LabelSelector?, ipBlock: IPBlock?, location: SourceLocation) {
        self.podSelector = podSelector
        self.namespaceSelector = namespaceSelector
        self.ipBlock = ipBlock
        self.location = location
    }
}

/// An `ipBlock` peer: a CIDR range minus the `except` ranges, as written.
public struct IPBlock: Hashable, Sendable {
    public var cidr: String
    public var except: [String]

    /// Creates an IP block.
    public init(cidr: String, except: [String] = []) {
        self.cidr = cidr
        self.except = except
    }
}

/// One entry of a rule's `ports`.
public struct NetworkPolicyPort: Hashable, Sendable {
    public var `protocol`: PortProtocol
    /// `port` by number or by the destination container's port name; `nil` means every port.
    public var port: PortReference?
    /// `endPort`: with a numbered ``port``, the range `port...endPort`.
    public var endPort: Int?
    public var location: SourceLocation

    /// Creates a port.
    public init(protocol: PortProtocol = .tcp, port: PortReference?, endPort: Int? = nil, location: SourceLocation) {
        self.protocol = `protocol`
        self.port = port
        self.endPort = endPort
        self.location = location
    }
}

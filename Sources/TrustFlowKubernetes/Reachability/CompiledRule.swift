/// A NetworkPolicy rule made ready for the evaluator: its peers with the workloads they select
/// computed once, and its ports split into numbers (a port set) and names (resolved per
/// destination pod).
struct CompiledRule: Sendable {
    let reference: PolicyRuleReference
    /// `from`/`to` absent or empty: every peer, inside the cluster and out.
    let everyPeer: Bool
    let peers: [CompiledPeer]
    /// The numbered ports (`.all` when the rule lists none).
    let numberedPorts: PortSet
    /// The named ports, resolved against the destination pod's container ports.
    let namedPorts: [(protocol: PortProtocol, name: String)]
}

/// A peer of a rule.
enum CompiledPeer: Sendable {
    /// `podSelector` and/or `namespaceSelector`: the workloads they select for sure, and those
    /// they may select (in a namespace whose labels the manifests do not give).
    case selector(selected: WorkloadSet, maybe: WorkloadSet, peer: NetworkPolicyPeer)
    /// `ipBlock`: its IPv4 addresses (empty for an IPv6 block).
    case ipBlock(IPv4AddressSet, IPBlock)
}

/// Why a rule may, but need not, let the other end through.
enum DoubtCause: Sendable {
    /// A namespace selector, and a namespace without a Namespace object in the manifests.
    case namespaceLabels(namespace: String, selector: LabelSelector)
    /// An ipBlock, and a pod: whether pod IPs count is left to the network plugin.
    case ipBlockVersusPod(IPBlock)
    /// An ipBlock that holds part of the addresses of the other end.
    case ipBlockPartly(IPBlock, IPv4AddressSet)
    /// A named port that no container of the destination declares.
    case unresolvedPortName(String, PortProtocol)
}

/// A NetworkPolicy rule made ready for the evaluator. The evaluator asks a million times
/// whether a rule takes in an end, so a rule holds no reference-counted payload on that path:
/// its peers are positions in the evaluator's peer table, their selected workloads bits of
/// its bit table, its port names numbers in its table of names.
struct CompiledRule: Sendable {
    let reference: PolicyRuleReference
    /// `from`/`to` absent or empty: every peer, inside the cluster and out.
    let everyPeer: Bool
    /// Positions of its peers in ``NetworkPolicyEvaluator/peers``.
    let peers: Range<Int>
    /// The numbered ports (`.all` when the rule lists none).
    let numberedPorts: PortSet
    /// The named ports: the protocol, and the name's position in ``NetworkPolicyEvaluator/portNames``,
    /// resolved against the destination pod's container ports.
    let namedPorts: [(protocol: PortProtocol, name: Int)]
}

/// A peer of a rule: an `ipBlock` (its position in ``NetworkPolicyEvaluator/blocks``), or
/// selectors, with the workloads they select for sure and those they may select (in a
/// namespace whose labels the manifests do not give) as sets in the evaluator's bit table.
struct CompiledPeer: Sendable {
    let block: Int?
    /// Word offsets of the two sets in ``NetworkPolicyEvaluator/bits``.
    let selected: Int
    let maybe: Int
}

/// A port a container of a workload declares, its name as a position in
/// ``NetworkPolicyEvaluator/portNames``.
struct DeclaredPort: Sendable {
    let name: Int
    let `protocol`: PortProtocol
    let number: Int
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

/// Evaluates the NetworkPolicies (networking.k8s.io/v1) of an inventory: what each workload's
/// pods may send to each other workload's pods and to and from the outside, per port.
///
/// The semantics are Kubernetes' own, as
/// https://kubernetes.io/docs/concepts/services-networking/network-policies/ states them:
/// - a pod that no policy selects for a direction is not isolated for it, and lets everything
///   through in that direction; ingress and egress isolation are independent;
/// - a policy isolates the directions in its `policyTypes`; absent, that is Ingress, and
///   Egress too when the policy has egress rules (`egress: []` is none);
/// - a connection needs both the source's egress and the destination's ingress to allow it;
///   an isolated side allows the union of what the rules of the policies selecting it allow;
/// - a rule allows its peers on its ports; no peers (`from`/`to` absent or empty) is every
///   peer, no ports is every port; within a peer `podSelector` and `namespaceSelector` must both
///   hold, across peers any one suffices; a `podSelector` alone means the policy's namespace;
///   empty selectors select everything; `matchLabels` and `matchExpressions` (In, NotIn,
///   Exists, DoesNotExist) all hold; every namespace carries `kubernetes.io/metadata.name`;
/// - ports by number, `endPort` ranges, or by the name of a port of the destination pod's
///   containers; protocols TCP (the default), UDP, SCTP;
/// - `ipBlock` (less its `except`) selects addresses outside the pod network; whether it also
///   covers pod IPs is left to the network plugin.
///
/// Where the manifests do not decide a verdict it is unknown, with the reason: a namespace
/// selector and a namespace without a Namespace object, an ipBlock against pods, an ipBlock
/// holding part of an address set, a port name no container declares, a policy of a kind not
/// evaluated. Selectors are evaluated once per (rule peer, workload) and kept as bit sets,
/// policies are indexed by the workloads they select, ports are kept as ranges, and the path
/// asked a million times holds no reference-counted value (rules, peers and port names are plain
/// positions and bits).
public final class NetworkPolicyEvaluator: Sendable {
    public let inventory: Inventory
    /// Policies of kinds not evaluated; verdicts touching the pods they may cover are unknown.
    public let unevaluatedPolicies: [UnevaluatedPolicy]
    /// The pieces the ipBlocks of every policy cut the IPv4 space into, in address order: the
    /// outside of the cluster as np-guard lists it (one piece, `0.0.0.0-255.255.255.255`,
    /// without ipBlocks).
    public let externalPieces: [IPv4AddressSet]

    let rules: [CompiledRule]
    /// Every rule's peers, in rule order.
    let peers: [CompiledPeer]
    /// The peers as written, by position in ``peers``: for reasons.
    let writtenPeers: [NetworkPolicyPeer]
    /// The sets of workloads peers select, one after the other, ``wordsPerSet`` words each.
    let bits: [UInt64]
    let wordsPerSet: Int
    /// The ipBlock peers: their IPv4 addresses, and the block as written.
    let blocks: [(addresses: IPv4AddressSet, block: IPBlock)]
    /// Every port name a rule or a container uses.
    let portNames: [String]
    /// Per workload: the ports its running containers declare (the names a rule resolves).
    let declaredPorts: [[DeclaredPort]]
    /// Per policy: positions in ``rules`` of its ingress rules, and of its egress rules —
    /// only for the directions it isolates (rules of another direction have no effect).
    let ingressRules: [[Int]]
    let egressRules: [[Int]]
    /// Per workload: the policies that select it for each direction.
    let ingressPolicies: [[Int]]
    let egressPolicies: [[Int]]
    let namespacesWithPolicies: Set<String>
    let unevaluatedByNamespace: [String: [Int]]
    let clusterWideUnevaluated: [Int]
    let workloadPositions: [ObjectIdentity: Int]

    /// Prepares the evaluation of an inventory's policies.
    public init(inventory: Inventory) {
        self.inventory = inventory
        let workloads = inventory.workloads
        var byNamespace: [String: [Int]] = [:]
        var positions: [ObjectIdentity: Int] = [:]
        for (position, workload) in workloads.enumerated() {
            byNamespace[workload.namespace, default: []].append(position)
            positions[workload.metadata.identity] = position
        }
        workloadPositions = positions
        let namespaceNames = byNamespace.keys.sorted()
        // A namespace selector is judged once per namespace; a namespace without a Namespace
        // object is known only by its name label.
        func namespaceMatch(_ selector: LabelSelector, _ namespace: String) -> SelectorMatch {
            if let object = inventory.namespace(namespace) { return selector.match(object.effectiveLabels, complete: true) }
            return selector.match([NamespaceObject.nameLabel: namespace], complete: false)
        }
        var compiled: [CompiledRule] = []
        var peerTable: [CompiledPeer] = []
        var writtenPeers: [NetworkPolicyPeer] = []
        let wordsPerSet = (workloads.count + 63) / 64
        var bits: [UInt64] = []
        var blocks: [(addresses: IPv4AddressSet, block: IPBlock)] = []
        var portNames: [String] = []
        var nameNumbers: [String: Int] = [:]
        func number(_ name: String) -> Int {
            if let known = nameNumbers[name] { return known }
            portNames.append(name)
            nameNumbers[name] = portNames.count - 1
            return portNames.count - 1
        }
        declaredPorts = workloads.map { workload in
            workload.template.containers.filter { $0.role != .initialization }.flatMap(\.ports).compactMap { port in
                port.name.map { DeclaredPort(name: number($0), protocol: port.protocol, number: port.number) }
            }
        }
        var ingressRules: [[Int]] = []
        var egressRules: [[Int]] = []
        var ingressPolicies = Array(repeating: [Int](), count: workloads.count)
        var egressPolicies = Array(repeating: [Int](), count: workloads.count)
        for (policyPosition, policy) in inventory.networkPolicies.enumerated() {
            let types = policy.policyTypes
            for member in byNamespace[policy.namespace] ?? [] where policy.podSelector.matches(workloads[member].template.labels) {
                if types.contains(.ingress) { ingressPolicies[member].append(policyPosition) }
                if types.contains(.egress) { egressPolicies[member].append(policyPosition) }
            }
            func compile(_ rules: [NetworkPolicyRule], _ direction: NetworkPolicy.PolicyType) -> [Int] {
                guard types.contains(direction) else { return [] }
                return rules.enumerated().map { index, rule in
                    let firstPeer = peerTable.count
                    for peer in rule.peers {
                        writtenPeers.append(peer)
                        if let block = peer.ipBlock {
                            blocks.append((block.ipv4Addresses, block))
                            peerTable.append(CompiledPeer(block: blocks.count - 1, selected: 0, maybe: 0))
                            continue
                        }
                        let selected = bits.count
                        let maybe = selected + wordsPerSet
                        bits += Array(repeating: 0, count: 2 * wordsPerSet)
                        let namespaces: [(String, SelectorMatch)] = peer.namespaceSelector.map { selector in
                            namespaceNames.map { ($0, namespaceMatch(selector, $0)) }
                        } ?? [(policy.namespace, .yes)]
                        for (namespace, match) in namespaces where match != .no {
                            for member in byNamespace[namespace] ?? [] where peer.podSelector?.matches(workloads[member].template.labels) ?? true {
                                bits[(match == .yes ? selected : maybe) + member >> 6] |= 1 << UInt64(member & 63)
                            }
                        }
                        peerTable.append(CompiledPeer(block: nil, selected: selected, maybe: maybe))
                    }
                    var numbered = rule.ports.isEmpty ? PortSet.all : .empty
                    var named: [(protocol: PortProtocol, name: Int)] = []
                    for port in rule.ports {
                        switch port.port {
                        case nil: numbered = numbered.union(PortSet(allOf: port.protocol))
                        case .number(let value): numbered = numbered.union(PortSet(port.protocol, value, port.endPort ?? value))
                        case .name(let name): named.append((port.protocol, number(name)))
                        }
                    }
                    compiled.append(CompiledRule(reference: PolicyRuleReference(policy: policyPosition, direction: direction, rule: index),
                        everyPeer: rule.peers.isEmpty, peers: firstPeer..<peerTable.count, numberedPorts: numbered, namedPorts: named))
                    return compiled.count - 1
                }
            }
            ingressRules.append(compile(policy.ingress, .ingress))
            egressRules.append(compile(policy.egress, .egress))
        }
        self.peers = peerTable
        self.writtenPeers = writtenPeers
        self.bits = bits
        self.wordsPerSet = wordsPerSet
        self.blocks = blocks
        self.portNames = portNames
        rules = compiled
        self.ingressRules = ingressRules
        self.egressRules = egressRules
        self.ingressPolicies = ingressPolicies
        self.egressPolicies = egressPolicies
        namespacesWithPolicies = Set(inventory.networkPolicies.map(\.namespace))

        let unevaluated = UnevaluatedPolicy.all(in: inventory)
        unevaluatedPolicies = unevaluated
        var unevaluatedByNamespace: [String: [Int]] = [:]
        var clusterWide: [Int] = []
        for (position, policy) in unevaluated.enumerated() {
            if let namespace = policy.namespace { unevaluatedByNamespace[namespace, default: []].append(position) } else { clusterWide.append(position) }
        }
        self.unevaluatedByNamespace = unevaluatedByNamespace
        clusterWideUnevaluated = clusterWide

        var cuts: Set<UInt64> = [0, UInt64(UInt32.max) + 1]
        for policy in inventory.networkPolicies {
            for rule in policy.ingress + policy.egress {
                for peer in rule.peers {
                    guard let block = peer.ipBlock, let outer = try? CIDRBlock.parse(block.cidr) else { continue }
                    for part in [outer] + block.except.compactMap({ try? CIDRBlock.parse($0) }) {
                        for range in part.ipv4.ranges {
                            cuts.insert(UInt64(range.lower))
                            cuts.insert(UInt64(range.upper) + 1)
                        }
                    }
                }
            }
        }
        let sortedCuts = cuts.sorted()
        externalPieces = zip(sortedCuts, sortedCuts.dropFirst()).map { lower, next in
            IPv4AddressSet(IPv4AddressSet.Range(lower: UInt32(lower), upper: UInt32(next - 1)))
        }
    }

    /// The position in ``Inventory/workloads`` of the workload with this identity.
    public func workloadPosition(_ identity: ObjectIdentity) -> Int? { workloadPositions[identity] }

    /// What passes from `source` to `destination`. Two ends outside the pod network, or the
    /// same workload at both ends, are not NetworkPolicy's business: everything passes.
    public func verdict(from source: ReachabilityEndpoint, to destination: ReachabilityEndpoint) -> ConnectionVerdict {
        evaluate(from: source, to: destination, explaining: false).verdict
    }

    /// What passes from `source` to `destination`, with why.
    public func explain(from source: ReachabilityEndpoint, to destination: ReachabilityEndpoint) -> ConnectionExplanation {
        evaluate(from: source, to: destination, explaining: true)
    }

    /// Every connection between the workloads and the pieces of the outside, both ways.
    public func reachability() -> Reachability {
        let endpoints = inventory.workloads.indices.map(ReachabilityEndpoint.workload) + externalPieces.map(ReachabilityEndpoint.addresses)
        var connections: [Reachability.Connection] = []
        for (sourcePosition, source) in endpoints.enumerated() {
            for (destinationPosition, destination) in endpoints.enumerated() where sourcePosition != destinationPosition {
                if case .addresses = source, case .addresses = destination { continue }
                let verdict = self.verdict(from: source, to: destination)
                if verdict.kind != .denied {
                    connections.append(Reachability.Connection(source: sourcePosition, destination: destinationPosition, verdict: verdict))
                }
            }
        }
        return Reachability(endpoints: endpoints, connections: connections)
    }

    /// The unevaluated policies that may cover either end.
    func unevaluated(touching source: ReachabilityEndpoint, _ destination: ReachabilityEndpoint) -> [Int] {
        if unevaluatedPolicies.isEmpty { return [] }
        var found = clusterWideUnevaluated
        for end in [source, destination] {
            guard case .workload(let position) = end else { continue }
            found += unevaluatedByNamespace[inventory.workloads[position].namespace] ?? []
        }
        return Array(Set(found)).sorted()
    }
}

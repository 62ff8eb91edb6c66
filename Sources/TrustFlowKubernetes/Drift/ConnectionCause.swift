import TrustFlowModel

/// Why a connection is allowed, from one side: the namespace has no NetworkPolicy, no policy
/// isolates the pod, or a rule lets the other end through. The widest cause is the one to
/// fix first, so causes are ranked by how much they let through.
public struct ConnectionCause: Hashable, Sendable {
    /// The cause in words: "namespace shop has no NetworkPolicy", "ingress rule 1 of
    /// NetworkPolicy shop/web (`ingress: [{}]`) allows every source on every port".
    public var text: String
    /// Where it is written: the rule, or the pod or namespace left open.
    public var location: SourceLocation
    /// 0 (widest) to 4: no policy in the namespace, the pod not isolated, a rule open to every
    /// peer on every port, a rule open to every peer on some ports, a rule for some peers.
    public var rank: Int
    /// Among causes of one rank, how many ends the cause lets through (more is wider).
    public var breadth: Int

    /// The widest cause of all both sides of a connection give.
    public static func widest(of explanation: ConnectionExplanation, evaluator: NetworkPolicyEvaluator) -> ConnectionCause? {
        let all = [(explanation.egress, explanation.source), (explanation.ingress, explanation.destination)].flatMap { side, subject in
            causes(of: side, subject: subject, evaluator: evaluator)
        }
        return all.min { ($0.rank, -$0.breadth, $0.location) < ($1.rank, -$1.breadth, $1.location) }
    }

    /// Every cause one side gives for letting the other end through.
    static func causes(of side: SideExplanation, subject: ReachabilityEndpoint, evaluator: NetworkPolicyEvaluator) -> [ConnectionCause] {
        let inventory = evaluator.inventory
        guard case .workload(let position) = subject else { return [] }
        let workload = inventory.workloads[position]
        let direction = side.direction.rawValue
        switch side.exposure {
        case .outsidePodNetwork:
            return []
        case .notIsolated(namespaceHasPolicies: false):
            return [ConnectionCause(text: "namespace \(workload.namespace) has no NetworkPolicy",
                location: inventory.namespace(workload.namespace)?.metadata.location ?? workload.metadata.location, rank: 0,
                breadth: Int.max)]
        case .notIsolated(namespaceHasPolicies: true):
            return [ConnectionCause(text: "no NetworkPolicy selects \(workload.metadata.identity) for \(direction)",
                location: workload.metadata.location, rank: 1, breadth: Int.max)]
        case .isolated:
            return side.grants.map { grant in
                let policy = inventory.networkPolicies[grant.rule.policy]
                let rule = inventory.rule(grant.rule)
                let positions = grant.rule.direction == .ingress ? evaluator.ingressRules : evaluator.egressRules
                let compiled = positions[grant.rule.policy].indices.contains(grant.rule.rule) ? positions[grant.rule.policy][grant.rule.rule] : nil
                let everyPeer = rule.peers.isEmpty
                let everyPort = rule.ports.isEmpty
                let name = "\(grant.rule.direction.rawValue.lowercased()) rule \(grant.rule.rule + 1) of NetworkPolicy \(policy.namespace)/\(policy.name)"
                let peers = everyPeer ? "every \(grant.rule.direction == .ingress ? "source" : "destination")" : rule.peersSummary
                let ports = everyPort ? "every port" : PortSet.text(rule.ports)
                let written = everyPeer && everyPort ? " (`\(grant.rule.direction == .ingress ? "ingress" : "egress"): [{}]`)" : ""
                let breadth = compiled.map(evaluator.breadth) ?? 0
                return ConnectionCause(text: "\(name)\(written) allows \(peers) on \(ports)", location: rule.location,
                    rank: everyPeer ? (everyPort ? 2 : 3) : 4, breadth: breadth)
            }
        }
    }
}

extension NetworkPolicyRule {
    /// `podSelector {app=web}, namespaceSelector {team=ops}`, for messages.
    var peersSummary: String {
        peers.map { peer in
            if let block = peer.ipBlock { return "ipBlock \(block.summary)" }
            return [peer.namespaceSelector.map { "namespaceSelector {\($0.summary)}" }, peer.podSelector.map { "podSelector {\($0.summary)}" }]
                .compactMap { $0 }.joined(separator: " and ")
        }.joined(separator: ", ")
    }
}

extension PortSet {
    /// `TCP 80, UDP 53, TCP port named http`: a rule's ports as written.
    static func text(_ ports: [NetworkPolicyPort]) -> String {
        ports.map { port in
            switch port.port {
            case nil: "every \(port.protocol.rawValue) port"
            case .number(let number): "\(port.protocol.rawValue) \(number)" + (port.endPort.map { "-\($0)" } ?? "")
            case .name(let name): "\(port.protocol.rawValue) port named \(name)"
            }
        }.joined(separator: ", ")
    }
}

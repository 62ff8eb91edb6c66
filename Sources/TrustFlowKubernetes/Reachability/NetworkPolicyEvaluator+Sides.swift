extension NetworkPolicyEvaluator {
    /// One connection: the egress side of the source, the ingress side of the destination,
    /// and the verdict both give. Reasons are collected only when `explaining`: the full
    /// reachability asks for a million verdicts and no reason.
    func evaluate(from source: ReachabilityEndpoint, to destination: ReachabilityEndpoint, explaining: Bool) -> ConnectionExplanation {
        let egress = side(.egress, of: source, facing: destination, explaining: explaining)
        // With nothing possible on the way out, the way in does not matter.
        let ingress = !explaining && egress.allowed.isEmpty && egress.unknown.isEmpty
            ? SideExplanation(direction: .ingress, exposure: .outsidePodNetwork, allowed: .empty, unknown: .empty, grants: [], doubts: [])
            : side(.ingress, of: destination, facing: source, explaining: explaining)
        let unevaluated = unevaluated(touching: source, destination)
        var verdict: ConnectionVerdict
        if source == destination || isOutside(source) && isOutside(destination) {
            verdict = .allowedAll
        } else {
            let allowed = egress.allowed.intersection(ingress.allowed)
            let possible = egress.allowed.union(egress.unknown).intersection(ingress.allowed.union(ingress.unknown))
            verdict = ConnectionVerdict(allowed: allowed, unknown: possible)
        }
        // A policy of a kind not evaluated may allow or deny anything for the pods it covers.
        if !unevaluated.isEmpty { verdict = ConnectionVerdict(allowed: .empty, unknown: .all) }
        return ConnectionExplanation(source: source, destination: destination, egress: egress, ingress: ingress,
            unevaluated: unevaluated, verdict: verdict)
    }

    private func isOutside(_ endpoint: ReachabilityEndpoint) -> Bool {
        if case .addresses = endpoint { true } else { false }
    }

    /// One side: what the policies selecting `subject` for `direction` let through to or from `other`.
    func side(_ direction: NetworkPolicy.PolicyType, of subject: ReachabilityEndpoint, facing other: ReachabilityEndpoint,
        explaining: Bool) -> SideExplanation
    {
        guard case .workload(let position) = subject else {
            return SideExplanation(direction: direction, exposure: .outsidePodNetwork, allowed: .all, unknown: .empty, grants: [], doubts: [])
        }
        let policies = direction == .ingress ? ingressPolicies[position] : egressPolicies[position]
        guard !policies.isEmpty else {
            let namespace = inventory.workloads[position].namespace
            return SideExplanation(direction: direction,
                exposure: .notIsolated(namespaceHasPolicies: namespacesWithPolicies.contains(namespace)), allowed: .all,
                unknown: .empty, grants: [], doubts: [])
        }
        // Named ports are names of the destination pod's ports, whichever side the rule is on.
        let destination = direction == .ingress ? subject : other
        var result = SideExplanation(direction: direction, exposure: .isolated(by: policies), allowed: .empty, unknown: .empty,
            grants: [], doubts: [])
        for policy in policies {
            for index in direction == .ingress ? ingressRules[policy] : egressRules[policy] {
                let rule = rules[index]
                let (match, cause) = self.match(rule, other)
                if match == .no { continue }
                let ports = self.ports(of: rule, toward: destination)
                if match == .yes {
                    result.allowed = result.allowed.union(ports.resolved)
                    if explaining, !ports.resolved.isEmpty { result.grants.append(SideExplanation.Grant(rule: rule.reference, ports: ports.resolved)) }
                } else {
                    result.unknown = result.unknown.union(ports.resolved)
                    if explaining, let cause, !ports.resolved.isEmpty {
                        result.doubts.append(SideExplanation.Doubt(rule: rule.reference, ports: ports.resolved, reason: text(cause)))
                    }
                }
                result.unknown = result.unknown.union(ports.unresolved)
                if explaining {
                    for (portProtocol, name) in ports.unresolvedNames {
                        result.doubts.append(SideExplanation.Doubt(rule: rule.reference, ports: PortSet(allOf: portProtocol),
                            reason: text(.unresolvedPortName(name, portProtocol))))
                    }
                }
            }
        }
        result.unknown = result.unknown.subtracting(result.allowed)
        return result
    }

    /// Whether a rule's peers take in `other`, and why not surely when they may.
    func match(_ rule: CompiledRule, _ other: ReachabilityEndpoint) -> (SelectorMatch, DoubtCause?) {
        if rule.everyPeer { return (.yes, nil) }
        var result: (SelectorMatch, DoubtCause?) = (.no, nil)
        for peer in rule.peers {
            switch (peer, other) {
            case (.selector(let selected, let maybe, let written), .workload(let position)):
                if selected.contains(position) { return (.yes, nil) }
                if maybe.contains(position), result.0 == .no, let selector = written.namespaceSelector {
                    result = (.unknown, .namespaceLabels(namespace: inventory.workloads[position].namespace, selector: selector))
                }
            case (.selector, .addresses):
                continue
            case (.ipBlock(_, let block), .workload):
                if result.0 == .no { result = (.unknown, .ipBlockVersusPod(block)) }
            case (.ipBlock(let addresses, let block), .addresses(let set)):
                if set.isSubset(of: addresses) { return (.yes, nil) }
                if result.0 == .no, !set.isDisjoint(with: addresses) { result = (.unknown, .ipBlockPartly(block, set)) }
            }
        }
        return result
    }

    /// A rule's ports toward a destination: numbers, and names resolved against the
    /// destination pod's running containers. A name toward an address means nothing (there is
    /// no pod to name a port); a name no container declares may be declared by a container the
    /// manifests do not show (an injected sidecar), so its protocol's ports are unknown.
    func ports(of rule: CompiledRule, toward destination: ReachabilityEndpoint)
        -> (resolved: PortSet, unresolved: PortSet, unresolvedNames: [(PortProtocol, String)])
    {
        guard !rule.namedPorts.isEmpty, case .workload(let position) = destination else { return (rule.numberedPorts, .empty, []) }
        var resolved = rule.numberedPorts
        var unresolved = PortSet.empty
        var names: [(PortProtocol, String)] = []
        let containers = inventory.workloads[position].template.containers.filter { $0.role != .initialization }
        for (portProtocol, name) in rule.namedPorts {
            let declared = containers.flatMap(\.ports).filter { $0.name == name }
            if declared.isEmpty {
                unresolved = unresolved.union(PortSet(allOf: portProtocol))
                names.append((portProtocol, name))
            }
            for port in declared where port.protocol == portProtocol {
                resolved = resolved.union(PortSet(portProtocol, port: port.number))
            }
        }
        return (resolved, unresolved.subtracting(resolved), names)
    }

    /// A doubt in words.
    func text(_ cause: DoubtCause) -> String {
        switch cause {
        case .namespaceLabels(let namespace, let selector):
            "namespace \(namespace) has no Namespace object in the manifests, so whether namespaceSelector {\(selector.summary)} selects it is unknown"
        case .ipBlockVersusPod(let block):
            "ipBlock \(block.summary) may or may not cover pod IPs (Kubernetes leaves that to the network plugin)"
        case .ipBlockPartly(let block, let set):
            "ipBlock \(block.summary) holds only part of \(set)"
        case .unresolvedPortName(let name, let portProtocol):
            "no container declares a \(portProtocol.rawValue) port named '\(name)' (one added at admission, such as an injected sidecar's, would be allowed)"
        }
    }
}

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
                let match = self.match(index, other)
                if match == .no { continue }
                let ports = self.ports(of: index, toward: destination)
                if match == .yes {
                    result.allowed = result.allowed.union(ports.resolved)
                    if explaining, !ports.resolved.isEmpty {
                        result.grants.append(SideExplanation.Grant(rule: rules[index].reference, ports: ports.resolved))
                    }
                } else {
                    result.unknown = result.unknown.union(ports.resolved)
                    if explaining, !ports.resolved.isEmpty, let cause = doubt(index, other) {
                        result.doubts.append(SideExplanation.Doubt(rule: rules[index].reference, ports: ports.resolved, reason: text(cause)))
                    }
                }
                result.unknown = result.unknown.union(ports.unresolved)
                if explaining, !ports.unresolved.isEmpty {
                    for (portProtocol, name) in rules[index].namedPorts where ports.unresolved.contains(portProtocol, port: 1)
                        && !declaresName(destination, name)
                    {
                        result.doubts.append(SideExplanation.Doubt(rule: rules[index].reference, ports: PortSet(allOf: portProtocol),
                            reason: text(.unresolvedPortName(portNames[name], portProtocol))))
                    }
                }
            }
        }
        result.unknown = result.unknown.subtracting(result.allowed)
        return result
    }

    /// Whether the rule at `index` takes in `other`: the hot path of the evaluator, reading only
    /// plain values (bits, positions, address ranges).
    func match(_ index: Int, _ other: ReachabilityEndpoint) -> SelectorMatch {
        if rules[index].everyPeer { return .yes }
        var result = SelectorMatch.no
        for position in rules[index].peers {
            switch (peers[position].block, other) {
            case (nil, .workload(let workload)):
                let word = workload >> 6
                let bit: UInt64 = 1 << UInt64(workload & 63)
                if bits[peers[position].selected + word] & bit != 0 { return .yes }
                if bits[peers[position].maybe + word] & bit != 0 { result = .unknown }
            case (nil, .addresses):
                continue
            case (.some, .workload):
                result = .unknown
            case (.some(let block), .addresses(let set)):
                if set.isSubset(of: blocks[block].addresses) { return .yes }
                if !set.isDisjoint(with: blocks[block].addresses) { result = .unknown }
            }
        }
        return result
    }

    /// Why the rule at `index` may take in `other` (when ``match(_:_:)`` says unknown).
    func doubt(_ index: Int, _ other: ReachabilityEndpoint) -> DoubtCause? {
        for position in rules[index].peers {
            switch (peers[position].block, other) {
            case (nil, .workload(let workload)):
                let bit: UInt64 = 1 << UInt64(workload & 63)
                if bits[peers[position].maybe + workload >> 6] & bit != 0, let selector = writtenPeers[position].namespaceSelector {
                    return .namespaceLabels(namespace: inventory.workloads[workload].namespace, selector: selector)
                }
            case (nil, .addresses):
                continue
            case (.some(let block), .workload):
                return .ipBlockVersusPod(blocks[block].block)
            case (.some(let block), .addresses(let set)):
                if !set.isSubset(of: blocks[block].addresses), !set.isDisjoint(with: blocks[block].addresses) {
                    return .ipBlockPartly(blocks[block].block, set)
                }
            }
        }
        return nil
    }

    /// How many ends the peers of the rule at `index` take in: workloads, and the ranges of
    /// their ipBlocks — to rank causes by breadth.
    func breadth(of index: Int) -> Int {
        rules[index].peers.reduce(0) { total, position in
            if let block = peers[position].block { return total + blocks[block].addresses.ranges.count }
            let words = bits[peers[position].selected..<peers[position].selected + 2 * wordsPerSet]
            return total + words.reduce(0) { $0 + $1.nonzeroBitCount }
        }
    }

    /// Whether a container of the destination declares the port name numbered `name`.
    func declaresName(_ destination: ReachabilityEndpoint, _ name: Int) -> Bool {
        guard case .workload(let position) = destination else { return false }
        return declaredPorts[position].contains { $0.name == name }
    }

    /// A rule's ports toward a destination: numbers, and names resolved against the
    /// destination pod's running containers. A name toward an address means nothing (there is
    /// no pod to name a port); a name no container declares may be declared by a container the
    /// manifests do not show (an injected sidecar), so its protocol's ports are unknown.
    func ports(of index: Int, toward destination: ReachabilityEndpoint) -> (resolved: PortSet, unresolved: PortSet) {
        guard !rules[index].namedPorts.isEmpty, case .workload(let position) = destination else { return (rules[index].numberedPorts, .empty) }
        var resolved = rules[index].numberedPorts
        var unresolved = PortSet.empty
        for (portProtocol, name) in rules[index].namedPorts {
            var declared = false
            for port in declaredPorts[position] where port.name == name {
                declared = true
                if port.protocol == portProtocol { resolved = resolved.union(PortSet(portProtocol, port: port.number)) }
            }
            if !declared { unresolved = unresolved.union(PortSet(allOf: portProtocol)) }
        }
        return (resolved, unresolved.subtracting(resolved))
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

import TrustFlowModel

extension ObjectDecoder {
    /// A NetworkPolicy, every part checked: the drift check evaluates it.
    func networkPolicy() -> NetworkPolicy? {
        guard let spec = spec() else { return nil }
        guard spec.contains("podSelector") else {
            scope.error("missing required key 'podSelector' (write 'podSelector: {}' to select every pod of the namespace)",
                at: spec.position, path: spec.path.appending("podSelector"))
            return nil
        }
        guard let podSelector = spec.selector("podSelector") else { return nil }
        var declared: [NetworkPolicy.PolicyType]?
        if spec.node("policyTypes") != nil {
            declared = spec.items("policyTypes").compactMap { item -> NetworkPolicy.PolicyType? in
                guard let text = ManifestMapping.text(item.node, path: item.path, lenient: false, scope: scope) else { return nil }
                if let type = NetworkPolicy.PolicyType(rawValue: text) { return type }
                let suggestion = Suggestion.clause(for: text, among: NetworkPolicy.PolicyType.allCases.map(\.rawValue))
                scope.error("'\(SourceNode.excerpt(text))' is not a policy type\(suggestion.isEmpty ? "; expected Ingress or Egress" : suggestion)",
                    at: item.node, path: item.path)
                return nil
            }
        }
        return NetworkPolicy(
            metadata: metadata, podSelector: podSelector, declaredPolicyTypes: declared,
            ingress: spec.mappings("ingress", what: "an ingress rule").map { rule($0, peers: "from") },
            egress: spec.mappings("egress", what: "an egress rule").map { rule($0, peers: "to") })
    }

    private func rule(_ rule: ManifestMapping, peers key: String) -> NetworkPolicyRule {
        let peers = rule.mappings(key, what: "a peer").compactMap { peer -> NetworkPolicyPeer? in
            let block = peer.mapping("ipBlock", what: "an IP block").flatMap(ipBlock)
            let podSelector = peer.selector("podSelector")
            let namespaceSelector = peer.selector("namespaceSelector")
            guard podSelector != nil || namespaceSelector != nil || block != nil else {
                if !peer.contains("ipBlock") {
                    scope.error("a peer needs podSelector, namespaceSelector or ipBlock", at: peer.position, path: peer.path)
                }
                return nil
            }
            if block != nil, podSelector != nil || namespaceSelector != nil {
                scope.error("a peer with ipBlock may not have selectors as well", at: peer.position, path: peer.path)
            }
            return NetworkPolicyPeer(podSelector: podSelector, namespaceSelector: namespaceSelector, ipBlock: block,
                location: peer.location)
        }
        let ports = rule.mappings("ports", what: "a port").map { port in
            let reference = port.portReference("port")
            var end = port.integer("endPort", in: 1...65535, what: "a port number from 1 to 65535")
            if let endPort = end {
                if case .number(let start) = reference, endPort < start {
                    scope.error("endPort \(endPort) is below port \(start)", at: port.node("endPort")!, path: port.path.appending("endPort"))
                    end = nil
                } else if case .name = reference {
                    scope.error("endPort needs a numbered port, not a named one", at: port.node("endPort")!,
                        path: port.path.appending("endPort"))
                    end = nil
                }
            }
            return NetworkPolicyPort(protocol: portProtocol(port) ?? .tcp, port: reference, endPort: end, location: port.location)
        }
        return NetworkPolicyRule(peers: peers, ports: ports, location: rule.location)
    }

    /// An `ipBlock`: its `cidr` and every `except` must be CIDR blocks, each `except` inside
    /// the `cidr` (the API server refuses the policy otherwise).
    private func ipBlock(_ block: ManifestMapping) -> IPBlock? {
        guard let cidr = block.string("cidr", required: true), let cidrNode = block.node("cidr") else { return nil }
        let outer: CIDRBlock
        do {
            outer = try CIDRBlock.parse(cidr)
        } catch {
            scope.error("'\(SourceNode.excerpt(cidr))' is not a CIDR block: \(error.message)", at: cidrNode, path: block.path.appending("cidr"))
            return nil
        }
        var valid = true
        for item in block.items("except") {
            guard let text = ManifestMapping.text(item.node, path: item.path, lenient: false, scope: scope) else {
                valid = false
                continue
            }
            do {
                let inner = try CIDRBlock.parse(text)
                let inside: Bool = switch (inner, outer) {
                case (.v4, .v4): inner.ipv4.isSubset(of: outer.ipv4) && inner.ipv4 != outer.ipv4
                case (.v6, .v6): true
                default: false
                }
                if !inside {
                    scope.error("except '\(SourceNode.excerpt(text))' is not inside cidr '\(SourceNode.excerpt(cidr))'", at: item.node, path: item.path)
                    valid = false
                }
            } catch {
                scope.error("'\(SourceNode.excerpt(text))' is not a CIDR block: \(error.message)", at: item.node, path: item.path)
                valid = false
            }
        }
        return valid ? IPBlock(cidr: cidr, except: block.stringList("except")) : nil
    }
}

import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Generated manifests and NetworkPolicies, checked against a brute-force reference evaluator
/// written here from the Kubernetes documentation alone: it reads the generator's own values
/// (never the parsed inventory), matches labels itself, and judges one protocol, port and
/// address at a time. Small sizes, many seeds; and the same input in another order gives the
/// same bytes.
@Suite("Reachability properties")
struct ReachabilityPropertyTests {
    // MARK: The generator's values

    struct Selector {
        enum Requirement { case `in`(String, [String]), notIn(String, [String]), exists(String), doesNotExist(String) }
        var labels: [String: String] = [:]
        var requirements: [Requirement] = []

        func matches(_ labels: [String: String]) -> Bool {
            self.labels.allSatisfy { labels[$0.key] == $0.value } && requirements.allSatisfy { requirement in
                switch requirement {
                case .in(let key, let values): labels[key].map(values.contains) ?? false
                case .notIn(let key, let values): !(labels[key].map(values.contains) ?? false)
                case .exists(let key): labels[key] != nil
                case .doesNotExist(let key): labels[key] == nil
                }
            }
        }

        /// Over a namespace whose labels are only partly known: yes, no, or nil (unknown).
        func matches(partly labels: [String: String]) -> Bool? {
            var unknown = false
            for (key, value) in self.labels {
                guard let have = labels[key] else { unknown = true; continue }
                if have != value { return false }
            }
            for requirement in requirements {
                let key: String = switch requirement {
                case .in(let key, _), .notIn(let key, _), .exists(let key), .doesNotExist(let key): key
                }
                guard labels[key] != nil else { unknown = true; continue }
                if !Selector(requirements: [requirement]).matches(labels) { return false }
            }
            return unknown ? nil : true
        }

        var json: [String: Any] {
            var result: [String: Any] = [:]
            if !labels.isEmpty { result["matchLabels"] = labels }
            if !requirements.isEmpty {
                result["matchExpressions"] = requirements.map { requirement -> [String: Any] in
                    switch requirement {
                    case .in(let key, let values): ["key": key, "operator": "In", "values": values]
                    case .notIn(let key, let values): ["key": key, "operator": "NotIn", "values": values]
                    case .exists(let key): ["key": key, "operator": "Exists"]
                    case .doesNotExist(let key): ["key": key, "operator": "DoesNotExist"]
                    }
                }
            }
            return result
        }
    }

    struct Peer {
        var pods: Selector?
        var namespaces: Selector?
        /// `cidr` (first, lower and upper address) less `except`.
        var block: (cidr: String, range: ClosedRange<UInt32>, except: [(String, ClosedRange<UInt32>)])?
    }

    struct Port {
        var portProtocol: String
        var number: Int?
        var end: Int?
        var name: String?
    }

    struct Rule {
        var peers: [Peer]
        var ports: [Port]
    }

    struct Policy {
        var name: String
        var namespace: String
        var selector: Selector
        var types: [String]?
        var ingress: [Rule]
        var egress: [Rule]

        var effectiveTypes: [String] { types ?? (egress.isEmpty ? ["Ingress"] : ["Ingress", "Egress"]) }
    }

    struct Pod {
        var name: String
        var namespace: String
        var labels: [String: String]
        var ports: [(name: String, number: Int, portProtocol: String)]
    }

    struct Cluster {
        var namespaces: [(name: String, labels: [String: String], declared: Bool)]
        var pods: [Pod]
        var policies: [Policy]

        func labels(of namespace: String) -> (labels: [String: String], complete: Bool) {
            let entry = namespaces.first { $0.name == namespace }!
            var labels = entry.declared ? entry.labels : [:]
            labels["kubernetes.io/metadata.name"] = namespace
            return (labels, entry.declared)
        }

        /// Every object as a JSON document (JSON is YAML), in a given order.
        func documents() -> [String] {
            var objects: [[String: Any]] = []
            for namespace in namespaces where namespace.declared {
                objects.append(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": namespace.name, "labels": namespace.labels]])
            }
            for pod in pods {
                objects.append(["apiVersion": "v1", "kind": "Pod",
                    "metadata": ["name": pod.name, "namespace": pod.namespace, "labels": pod.labels],
                    "spec": ["containers": [["name": "main", "image": "app:1",
                        "ports": pod.ports.map { ["name": $0.name, "containerPort": $0.number, "protocol": $0.portProtocol] }]]]])
            }
            func rule(_ rule: Rule, _ key: String) -> [String: Any] {
                var result: [String: Any] = [:]
                if !rule.peers.isEmpty {
                    result[key] = rule.peers.map { peer -> [String: Any] in
                        if let block = peer.block { return ["ipBlock": ["cidr": block.cidr, "except": block.except.map(\.0)]] }
                        var result: [String: Any] = [:]
                        if let pods = peer.pods { result["podSelector"] = pods.json }
                        if let namespaces = peer.namespaces { result["namespaceSelector"] = namespaces.json }
                        return result
                    }
                }
                if !rule.ports.isEmpty {
                    result["ports"] = rule.ports.map { port -> [String: Any] in
                        var result: [String: Any] = ["protocol": port.portProtocol]
                        if let number = port.number { result["port"] = number }
                        if let name = port.name { result["port"] = name }
                        if let end = port.end { result["endPort"] = end }
                        return result
                    }
                }
                return result
            }
            for policy in policies {
                var spec: [String: Any] = ["podSelector": policy.selector.json]
                if let types = policy.types { spec["policyTypes"] = types }
                if !policy.ingress.isEmpty { spec["ingress"] = policy.ingress.map { rule($0, "from") } }
                if !policy.egress.isEmpty { spec["egress"] = policy.egress.map { rule($0, "to") } }
                objects.append(["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                    "metadata": ["name": policy.name, "namespace": policy.namespace], "spec": spec])
            }
            return objects.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        }
    }

    // MARK: Generation

    static let portChoices: [(name: String, number: Int, portProtocol: String)] = [
        ("http", 8080, "TCP"), ("metrics", 9000, "TCP"), ("dns", 53, "UDP"), ("web", 80, "TCP"),
    ]
    static let blocks: [(cidr: String, range: ClosedRange<UInt32>, except: [(String, ClosedRange<UInt32>)])] = [
        ("10.0.0.0/8", 0x0A00_0000...0x0AFF_FFFF, [("10.1.0.0/16", 0x0A01_0000...0x0A01_FFFF)]),
        ("192.168.0.0/16", 0xC0A8_0000...0xC0A8_FFFF, []),
        ("0.0.0.0/0", 0...UInt32.max, [("10.0.0.0/8", 0x0A00_0000...0x0AFF_FFFF), ("172.16.0.0/12", 0xAC10_0000...0xAC1F_FFFF)]),
        ("8.8.8.8/32", 0x0808_0808...0x0808_0808, []),
    ]

    static func selector(_ generator: inout SplitMix64, keys: [String: [String]]) -> Selector {
        var selector = Selector()
        let sorted = keys.keys.sorted()
        if Bool.random(using: &generator) {
            let key = sorted.randomElement(using: &generator)!
            selector.labels[key] = keys[key]!.randomElement(using: &generator)!
        }
        if Int.random(in: 0..<3, using: &generator) == 0 {
            let key = sorted.randomElement(using: &generator)!
            let value = keys[key]!.randomElement(using: &generator)!
            selector.requirements.append([.in(key, [value]), .notIn(key, [value]), .exists(key), .doesNotExist(key)]
                .randomElement(using: &generator)!)
        }
        return selector
    }

    static func cluster(seed: UInt64) -> Cluster {
        var generator = SplitMix64(seed: seed)
        let podKeys = ["app": ["a", "b", "c"], "tier": ["x", "y"]]
        let namespaceKeys = ["team": ["red", "blue"], "env": ["prod", "dev"]]
        // Keys in sorted order: a dictionary's order changes from process to process.
        func labels(_ keys: [String: [String]], keeping chance: Int, _ generator: inout SplitMix64) -> [String: String] {
            var labels: [String: String] = [:]
            for key in keys.keys.sorted() where Int.random(in: 0..<4, using: &generator) < chance {
                labels[key] = keys[key]!.randomElement(using: &generator)!
            }
            return labels
        }
        let namespaces = (0..<3).map { index in
            (name: "ns\(index)", labels: labels(namespaceKeys, keeping: 2, &generator), declared: Int.random(in: 0..<10, using: &generator) < 7)
        }
        let pods = (0..<Int.random(in: 2...6, using: &generator)).map { index in
            Pod(name: "p\(index)", namespace: namespaces.randomElement(using: &generator)!.name, labels: labels(podKeys, keeping: 3, &generator),
                ports: portChoices.filter { _ in Bool.random(using: &generator) })
        }
        func rules(_ count: Int, _ generator: inout SplitMix64) -> [Rule] {
            (0..<count).map { _ in
                let peers = (0..<Int.random(in: 0...2, using: &generator)).map { _ -> Peer in
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: Peer(pods: selector(&generator, keys: podKeys))
                    case 1: Peer(namespaces: selector(&generator, keys: namespaceKeys))
                    case 2: Peer(pods: selector(&generator, keys: podKeys), namespaces: selector(&generator, keys: namespaceKeys))
                    default: Peer(block: blocks.randomElement(using: &generator)!)
                    }
                }
                let ports = (0..<Int.random(in: 0...2, using: &generator)).map { _ -> Port in
                    let portProtocol = ["TCP", "TCP", "UDP", "SCTP"].randomElement(using: &generator)!
                    switch Int.random(in: 0..<4, using: &generator) {
                    case 0: return Port(portProtocol: portProtocol)
                    case 1: return Port(portProtocol: portProtocol, number: [53, 80, 443, 8080].randomElement(using: &generator)!)
                    case 2: return Port(portProtocol: portProtocol, number: 80, end: [81, 443, 9000].randomElement(using: &generator)!)
                    default: return Port(portProtocol: portProtocol, name: ["http", "metrics", "dns", "web", "nope"].randomElement(using: &generator)!)
                    }
                }
                return Rule(peers: peers, ports: ports)
            }
        }
        let policies = (0..<Int.random(in: 0...4, using: &generator)).map { index in
            Policy(name: "np\(index)", namespace: namespaces.randomElement(using: &generator)!.name,
                selector: Int.random(in: 0..<3, using: &generator) == 0 ? Selector() : selector(&generator, keys: podKeys),
                types: [nil, ["Ingress"], ["Egress"], ["Ingress", "Egress"]].randomElement(using: &generator)!,
                ingress: rules(Int.random(in: 0...2, using: &generator), &generator),
                egress: rules(Int.random(in: 0...2, using: &generator), &generator))
        }
        return Cluster(namespaces: namespaces, pods: pods, policies: policies)
    }

    // MARK: The reference

    enum Tri { case yes, no, maybe }

    static func and(_ a: Tri, _ b: Tri) -> Tri { a == .no || b == .no ? .no : a == .yes && b == .yes ? .yes : .maybe }
    static func or(_ values: [Tri]) -> Tri { values.contains(.yes) ? .yes : values.contains(.maybe) ? .maybe : .no }

    /// An end: a pod, or one IPv4 address outside.
    enum End { case pod(Pod), address(UInt32) }

    static func peerMatches(_ rule: Rule, _ policy: Policy, _ other: End, in cluster: Cluster) -> Tri {
        if rule.peers.isEmpty { return .yes }
        return or(rule.peers.map { peer -> Tri in
            if let block = peer.block {
                guard case .address(let address) = other else { return .maybe }
                return block.range.contains(address) && !block.except.contains { $0.1.contains(address) } ? .yes : .no
            }
            guard case .pod(let pod) = other else { return .no }
            let podMatch: Tri = (peer.pods?.matches(pod.labels) ?? true) ? .yes : .no
            guard let namespaces = peer.namespaces else { return pod.namespace == policy.namespace ? podMatch : .no }
            let (labels, complete) = cluster.labels(of: pod.namespace)
            let namespaceMatch: Tri = complete
                ? (namespaces.matches(labels) ? .yes : .no)
                : namespaces.matches(partly: labels).map { $0 ? .yes : .no } ?? .maybe
            return and(namespaceMatch, podMatch)
        })
    }

    static func portMatches(_ rule: Rule, destination: End, portProtocol: String, port: Int) -> Tri {
        if rule.ports.isEmpty { return .yes }
        return or(rule.ports.map { entry -> Tri in
            guard entry.portProtocol == portProtocol else { return .no }
            if let name = entry.name {
                guard case .pod(let pod) = destination else { return .no }
                let named = pod.ports.filter { $0.name == name }
                if named.isEmpty { return .maybe }
                return named.contains { $0.portProtocol == portProtocol && $0.number == port } ? .yes : .no
            }
            guard let number = entry.number else { return .yes }
            return (number...(entry.end ?? number)).contains(port) ? .yes : .no
        })
    }

    /// One side: the policies selecting `subject` for `direction`, their rules facing `other`.
    static func side(_ direction: String, subject: End, other: End, destination: End, portProtocol: String, port: Int, in cluster: Cluster) -> Tri {
        guard case .pod(let pod) = subject else { return .yes }
        let policies = cluster.policies.filter {
            $0.namespace == pod.namespace && $0.selector.matches(pod.labels) && $0.effectiveTypes.contains(direction)
        }
        if policies.isEmpty { return .yes }
        return or(policies.flatMap { policy in
            (direction == "Ingress" ? policy.ingress : policy.egress).map { rule in
                and(peerMatches(rule, policy, other, in: cluster), portMatches(rule, destination: destination, portProtocol: portProtocol, port: port))
            }
        })
    }

    static func reference(from source: End, to destination: End, portProtocol: String, port: Int, in cluster: Cluster) -> Tri {
        and(side("Egress", subject: source, other: destination, destination: destination, portProtocol: portProtocol, port: port, in: cluster),
            side("Ingress", subject: destination, other: source, destination: destination, portProtocol: portProtocol, port: port, in: cluster))
    }

    // MARK: The properties

    static let probes: [(PortProtocol, Int)] = [(.tcp, 53), (.udp, 53), (.tcp, 80), (.tcp, 81), (.tcp, 443), (.tcp, 8080), (.tcp, 9000),
        (.sctp, 80), (.udp, 9000)]
    static let addresses: [UInt32] = [0x0102_0304, 0x0A00_0001, 0x0A01_0203, 0xC0A8_0101, 0xAC10_0001, 0x0808_0808, 0x0808_0809]

    @Test(arguments: 0..<300)
    func verdictsAgreeWithTheReference(seed: Int) throws {
        let cluster = Self.cluster(seed: UInt64(seed))
        let evaluator = NetworkPolicyEvaluator(inventory: try inventory(cluster.documents().joined(separator: "\n---\n")))
        func endpoint(_ end: End) -> ReachabilityEndpoint {
            switch end {
            case .pod(let pod):
                return .workload(evaluator.inventory.workloads.firstIndex { $0.name == pod.name && $0.namespace == pod.namespace }!)
            case .address(let address):
                return .addresses(evaluator.externalPieces.first { $0.ranges[0].lower <= address && address <= $0.ranges[0].upper }!)
            }
        }
        let ends = cluster.pods.map(End.pod) + Self.addresses.map(End.address)
        let reachability = evaluator.reachability()
        for source in ends {
            for destination in ends {
                switch (source, destination) {
                case (.address, .address): continue
                case (.pod(let a), .pod(let b)) where a.name == b.name: continue
                default: break
                }
                let verdict = evaluator.verdict(from: endpoint(source), to: endpoint(destination))
                let explained = evaluator.explain(from: endpoint(source), to: endpoint(destination)).verdict
                #expect(explained == verdict, "explain and verdict agree")
                let positions = (reachability.endpoints.firstIndex(of: endpoint(source))!, reachability.endpoints.firstIndex(of: endpoint(destination))!)
                #expect(reachability.verdict(from: positions.0, to: positions.1) == verdict, "the full reachability agrees")
                for (portProtocol, port) in Self.probes {
                    let expected = Self.reference(from: source, to: destination, portProtocol: portProtocol.rawValue, port: port, in: cluster)
                    let actual: Tri = switch verdict.kind(portProtocol, port: port) {
                    case .allowed: .yes
                    case .unknown: .maybe
                    case .denied: .no
                    }
                    #expect(actual == expected, "seed \(seed): \(source) → \(destination) \(portProtocol.rawValue) \(port)\n\(cluster.documents().joined(separator: "\n---\n"))")
                }
            }
        }
    }

    @Test(arguments: 0..<40)
    func theOrderOfDocumentsDoesNotShow(seed: Int) throws {
        let cluster = Self.cluster(seed: UInt64(seed) + 1_000)
        let documents = cluster.documents()
        var generator = SplitMix64(seed: UInt64(seed))
        let shuffled = documents.shuffled(using: &generator)
        func outcome(_ documents: [String]) throws -> (lines: [String], findings: [String]) {
            let check = DriftCheck(inventory: try inventory(documents.joined(separator: "\n---\n")))
            return (check.connectionList, check.run().findings.map { "\($0.ruleID) \($0.target.id) \($0.message)" })
        }
        let first = try outcome(documents)
        let second = try outcome(shuffled)
        #expect(first.lines == second.lines)
        // The findings are the same; their order follows their lines, which moved.
        #expect(first.findings.sorted() == second.findings.sorted())
        #expect(try outcome(documents).findings == first.findings, "the same input gives the same findings in the same order")
    }
}

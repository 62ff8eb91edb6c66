import TrustFlowModel

/// A connection the NetworkPolicies allow that the model does not declare, for one pair of
/// ends — every port of it together, with the widest cause.
public struct UndeclaredConnection: Hashable, Sendable {
    /// An end: a workload, or the outside of the cluster (every piece of it together).
    public enum End: Hashable, Comparable, Sendable {
        case workload(Int)
        case outside
    }

    public var source: End
    public var destination: End
    /// Everything the policies allow between the two (from some piece of the outside, for it).
    public var allowed: PortSet
    /// What the model's flows between the two declare.
    public var declared: PortSet
    /// The widest cause of it being allowed.
    public var cause: ConnectionCause?
    /// The model elements that stand for the two ends (for a workload, an element of its
    /// first running container; for the outside, the first element outside the cluster), if
    /// the model has such elements: where the diagram draws the connection.
    public var sourceElement: String?
    public var destinationElement: String?

    /// What is allowed and not declared.
    public var undeclared: PortSet { allowed.subtracting(declared) }

    /// Every pair whose allowed ports go beyond what the model declares, for the workloads the
    /// model has an item for and the outside, in the order of the ends (workloads in inventory
    /// order, the outside last).
    static func all(reachability: Reachability, declared flows: [DeclaredFlowVerdict], facts: ModelFacts,
        evaluator: NetworkPolicyEvaluator) -> [UndeclaredConnection]
    {
        func end(_ position: Int) -> End { End(reachability.endpoints[position]) }
        var declaredPorts: [Pair: PortSet] = [:]
        for flow in flows {
            let pair = Pair(source: End(flow.source), destination: End(flow.destination))
            declaredPorts[pair] = (declaredPorts[pair] ?? .empty).union(flow.declaredPorts)
        }
        func modelled(_ end: End) -> Bool {
            if case .workload(let position) = end { return facts.itemsOfWorkload[position] != nil }
            return true
        }
        func element(_ end: End) -> String? {
            let item: DriftItem? = switch end {
            case .workload(let position): facts.representative(of: position, in: evaluator.inventory)
            case .outside: facts.outsideItem
            }
            return item.flatMap { $0.kind == .element ? $0.id : nil }
        }
        var allowed: [Pair: PortSet] = [:]
        var sample: [Pair: Reachability.Connection] = [:]
        for connection in reachability.connections where !connection.verdict.allowed.isEmpty {
            let pair = Pair(source: end(connection.source), destination: end(connection.destination))
            guard modelled(pair.source), modelled(pair.destination) else { continue }
            allowed[pair] = (allowed[pair] ?? .empty).union(connection.verdict.allowed)
            if sample[pair] == nil { sample[pair] = connection }
        }
        return allowed.keys.sorted().compactMap { pair in
            let connection = UndeclaredConnection(source: pair.source, destination: pair.destination, allowed: allowed[pair]!,
                declared: declaredPorts[pair] ?? .empty)
            guard !connection.undeclared.isEmpty, let sample = sample[pair] else { return nil }
            var result = connection
            result.sourceElement = element(pair.source)
            result.destinationElement = element(pair.destination)
            let explanation = evaluator.explain(from: reachability.endpoints[sample.source], to: reachability.endpoints[sample.destination])
            result.cause = ConnectionCause.widest(of: explanation, evaluator: evaluator)
            return result
        }
    }

    struct Pair: Hashable, Comparable {
        var source: End
        var destination: End

        static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.source, lhs.destination) < (rhs.source, rhs.destination) }
    }
}

import TrustFlowModel

/// A flow of the model judged against the NetworkPolicies: one per flow and destination
/// workload (a flow to a Service reaches every workload the Service selects).
public struct DeclaredFlowVerdict: Hashable, Sendable {
    /// The port a flow is checked on.
    public struct CheckedPort: Hashable, Sendable {
        public var `protocol`: PortProtocol
        /// The pod's port: what NetworkPolicies see.
        public var number: Int
        /// The port the model declares, when it is a Service's port that forwards elsewhere.
        public var declared: Int
        /// The Service whose port forwards `declared` to `number`, if one does.
        public var service: ObjectIdentity?
    }

    /// The flow's id.
    public var flow: String
    public var source: ReachabilityEndpoint
    public var destination: ReachabilityEndpoint
    /// The port checked; `nil` when the flow names none (then any allowed port will do).
    public var port: CheckedPort?
    public var explanation: ConnectionExplanation
    public var kind: ConnectionVerdict.Kind

    /// The verdicts of every flow whose ends stand for workloads or the outside, in flow order.
    static func all(in facts: ModelFacts, evaluator: NetworkPolicyEvaluator) -> [DeclaredFlowVerdict] {
        let inventory = evaluator.inventory
        var verdicts: [DeclaredFlowVerdict] = []
        for flow in facts.model.flows {
            let sources = ends(of: facts.binding.elements[flow.from]?.object, inventory: inventory)
            let destinations = ends(of: facts.binding.elements[flow.to]?.object, inventory: inventory)
            for source in sources {
                for destination in destinations where source.endpoint != destination.endpoint {
                    if case .addresses = source.endpoint, case .addresses = destination.endpoint { continue }
                    let port = flow.port.map { checkedPort($0, protocol: transport(of: flow), to: destination, inventory: inventory) }
                    let explanation = evaluator.explain(from: source.endpoint, to: destination.endpoint)
                    let kind = port.map { explanation.verdict.kind($0.protocol, port: $0.number) } ?? explanation.verdict.kind
                    verdicts.append(DeclaredFlowVerdict(flow: flow.id, source: source.endpoint, destination: destination.endpoint,
                        port: port, explanation: explanation, kind: kind))
                }
            }
        }
        return verdicts
    }

    /// The ports a flow declares: the one checked, or every port when it names none.
    var declaredPorts: PortSet { port.map { PortSet($0.protocol, port: $0.number) } ?? .all }

    /// An end of a flow as the evaluator sees it, and the Service it goes through.
    struct End {
        var endpoint: ReachabilityEndpoint
        var service: Service?
    }

    /// What an element's object is for the evaluator: a workload, each workload a Service
    /// selects, the public Internet for the outside, any address for a host whose address the
    /// manifests do not give; nothing for what stands for no object.
    static func ends(of object: ModelBinding.Object?, inventory: Inventory) -> [End] {
        switch object {
        case .workload(let position, _): return [End(endpoint: .workload(position))]
        case .service(let identity):
            guard let service = inventory.service(identity.name, in: identity.namespace ?? inventory.defaultNamespace) else { return [] }
            return inventory.workloads.indices.filter { service.selects(inventory.workloads[$0]) }
                .map { End(endpoint: .workload($0), service: service) }
        case .outside: return [End(endpoint: .addresses(.publicInternet))]
        case .host: return [End(endpoint: .addresses(.all))]
        case .cluster, .namespace, nil: return []
        }
    }

    /// The transport a flow's protocol runs on: UDP or SCTP when it says so, else TCP.
    static func transport(of flow: Flow) -> PortProtocol {
        switch flow.protocol?.uppercased() {
        case "UDP", "QUIC", "HTTP/3": .udp
        case "SCTP": .sctp
        default: .tcp
        }
    }

    /// The pod port behind a declared port: itself when a container of the destination
    /// declares it, else the target port of a Service selecting the destination (the one the
    /// flow goes through, else any, by name) that serves it.
    static func checkedPort(_ declared: Int, protocol transport: PortProtocol, to end: End, inventory: Inventory) -> CheckedPort {
        let plain = CheckedPort(protocol: transport, number: declared, declared: declared, service: nil)
        guard case .workload(let position) = end.endpoint else { return plain }
        let workload = inventory.workloads[position]
        let running = workload.template.containers.filter { $0.role != .initialization }
        if end.service == nil, running.contains(where: { $0.ports.contains { $0.number == declared } }) { return plain }
        let services = end.service.map { [$0] } ?? inventory.services.filter { $0.selects(workload) }
        for service in services {
            guard let servicePort = service.port(declared) else { continue }
            if let target = Service.podPort(of: servicePort, in: workload) {
                return CheckedPort(protocol: servicePort.protocol, number: target, declared: declared,
                    service: target == declared ? nil : service.metadata.identity)
            }
        }
        return plain
    }
}

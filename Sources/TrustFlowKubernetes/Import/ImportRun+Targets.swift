import TrustFlowModel

extension ImportRun {
    /// Where a Service port leads in one workload: a container and its port, or why not.
    enum Target {
        case container(Container, port: Int)
        case unresolved(String)
    }

    /// The container of `workload` that a Service port's target port reaches: the container
    /// declaring the port's name, or its number; for a number no container declares, the only
    /// running container (a declaration is informational, the number still reaches the pod).
    func target(of port: ServicePort, in workload: Workload) -> Target {
        let running = workload.template.containers.filter { $0.role != .initialization }
        switch port.effectiveTargetPort {
        case .name(let name):
            for container in running {
                if let declared = container.port(named: name) { return .container(container, port: declared.number) }
            }
            return .unresolved("no container of \(workload.kind.rawValue) \(workload.namespace)/\(workload.name) has a port named '\(name)'")
        case .number(let number):
            if let container = running.first(where: { $0.ports.contains { $0.number == number } }) {
                return .container(container, port: number)
            }
            if running.count == 1 { return .container(running[0], port: number) }
            return .unresolved(
                "port \(number) is declared by no container of \(workload.kind.rawValue) \(workload.namespace)/\(workload.name), which runs \(running.count) containers")
        }
    }

    /// The protocol of a flow: the URL's scheme, the Service port's `appProtocol`, the
    /// protocol its name starts with by the usual convention (`http-web`, `grpc`), or TCP/UDP/SCTP.
    static func protocolName(scheme: String?, port: ServicePort) -> String {
        if let scheme, let name = ServiceAddress.schemeProtocols[scheme] { return name }
        if let appProtocol = port.appProtocol, !appProtocol.isEmpty { return appProtocol }
        if let name = port.name?.lowercased() {
            let prefix = String(name.prefix { $0 != "-" })
            if let known = portNameProtocols[prefix] { return known }
        }
        return port.protocol.rawValue
    }

    static let portNameProtocols: [String: String] = [
        "http": "HTTP", "https": "HTTPS", "http2": "HTTP/2", "grpc": "gRPC", "grpcs": "gRPCs", "tls": "TLS", "mongo": "MongoDB",
        "mysql": "MySQL", "redis": "Redis", "tcp": "TCP", "udp": "UDP",
    ]

    /// The key of a flow between two elements on a port, and its id candidate: the source's
    /// id, `-to-`, the destination's (without the namespace when both share it); the port is
    /// added only where the same two ends have several flows (see ``result()``), so a changed
    /// port is a changed field, not another flow.
    static func flowKey(from: String, to: String, port: Int?, via: String = "") -> String {
        "flow:\(from)>\(to):\(port.map(String.init) ?? "-")\(via)"
    }

    static func flowCandidate(from source: String, to destination: String, sameNamespace namespace: String?) -> String {
        var target = destination
        if let namespace, target.hasPrefix(namespace + ".") { target.removeFirst(namespace.count + 1) }
        return "\(source)-to-\(target)"
    }
}

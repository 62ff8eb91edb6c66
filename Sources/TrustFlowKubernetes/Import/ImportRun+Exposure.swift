import TrustFlowModel

extension ImportRun {
    /// Load balancers that terminate TLS when their Service says so in an annotation; the
    /// value lists the ports (`*` or none: all of them).
    static let tlsAnnotations: [(certificate: String, ports: String?)] = [
        ("service.beta.kubernetes.io/aws-load-balancer-ssl-cert", "service.beta.kubernetes.io/aws-load-balancer-ssl-ports"),
    ]

    /// Flows from the Internet: through every LoadBalancer and NodePort Service to the pods it
    /// selects, and through every Ingress rule to its backend Service's pods.
    mutating func addExposure() {
        for service in inventory.services where service.type.isExposed {
            for port in service.ports {
                let kind = service.type.name
                let entry = service.type == .nodePort ? "node port \(port.nodePort.map(String.init) ?? "(assigned)")" : "port \(port.port)"
                let tls = loadBalancerTLS(service, port: port)
                expose(through: service, port: port, via: "svc:\(service.namespace)/\(service.name):\(port.port)",
                    label: "\(kind) Service \(service.name)", tls: tls,
                    reason: "\(kind) Service \(service.namespace)/\(service.name) \(entry) (\(fileName(port.location)))",
                    location: port.location)
            }
        }
        for ingress in inventory.ingresses {
            var routes: [(host: String?, path: String?, backend: IngressBackend)] = ingress.defaultBackend.map { [(nil, nil, $0)] } ?? []
            for rule in ingress.rules { routes += rule.paths.map { (rule.host, $0.path, $0.backend) } }
            for route in routes {
                guard let serviceName = route.backend.serviceName else { continue }
                let where_ = SourceNode.excerpt((route.host ?? "any host") + (route.path ?? ""), limit: 200)
                let source = "Ingress \(ingress.namespace)/\(ingress.name) route \(where_)"
                guard let service = inventory.service(serviceName, in: ingress.namespace) else {
                    warn("\(source) leads to Service \(ingress.namespace)/\(serviceName), which is not in the manifests",
                        at: route.backend.location)
                    continue
                }
                let port: ServicePort? = switch route.backend.port {
                case .number(let number): service.port(number)
                case .name(let name): service.port(named: name)
                case nil: service.ports.count == 1 ? service.ports[0] : nil
                }
                guard let port else {
                    warn("\(source) leads to port \(route.backend.port?.description ?? "(none)") of Service \(service.namespace)/\(service.name), which has no such port",
                        at: route.backend.location)
                    continue
                }
                var tls: ControlDraft?
                if let entry = ingress.tls(for: route.host) {
                    tls = ControlDraft(key: "control:ingress:\(ingress.namespace)/\(ingress.name):tls",
                        candidate: "ingress-\(ingress.namespace).\(ingress.name).tls-termination",
                        label: "TLS at Ingress \(ingress.name)", kind: .tlsTermination,
                        description: "Ingress \(ingress.namespace)/\(ingress.name) terminates TLS for "
                            + (entry.hosts.isEmpty ? "every host" : Self.names(entry.hosts.map { SourceNode.excerpt($0, limit: 253) }))
                            + (entry.secretName.map { " with the certificate of Secret \($0)" } ?? "") + ".",
                        location: entry.location)
                }
                expose(through: service, port: port, via: "ing:\(ingress.namespace)/\(ingress.name)", label: "Ingress \(ingress.name)",
                    tls: tls, reason: "\(source) to Service \(service.name) port \(port.port) (\(fileName(route.backend.location)))",
                    location: route.backend.location)
            }
        }
    }

    /// TLS terminated by the cloud load balancer in front of a LoadBalancer Service.
    private func loadBalancerTLS(_ service: Service, port: ServicePort) -> ControlDraft? {
        guard service.type == .loadBalancer else { return nil }
        for (certificate, portsKey) in Self.tlsAnnotations where service.metadata.annotations[certificate] != nil {
            let written: String? = portsKey.flatMap { service.metadata.annotations[$0] }
            let ports: [String] = written.map { $0.split(separator: ",").map { String($0).trimmingCharacters(in: " ") } } ?? ["*"]
            let named = port.name.map { ports.contains($0) } ?? false
            guard ports.contains("*") || ports.contains(String(port.port)) || named else { continue }
            return ControlDraft(key: "control:svc:\(service.namespace)/\(service.name):\(port.port):tls",
                candidate: "svc-\(service.namespace).\(service.name).\(port.port).tls-termination",
                label: "TLS at the load balancer", kind: .tlsTermination,
                description: "The load balancer of Service \(service.namespace)/\(service.name) terminates TLS on port \(port.port) (annotation \(certificate)).",
                location: service.metadata.location)
        }
        return nil
    }

    /// Flows from the Internet client to each container a Service port reaches.
    private mutating func expose(through service: Service, port: ServicePort, via: String, label: String, tls: ControlDraft?,
        reason: String, location: SourceLocation)
    {
        guard let selector = service.selector, !selector.isEmpty else {
            warn("\(reason): Service \(service.namespace)/\(service.name) has no selector, so where it leads is not in the manifests",
                at: location)
            return
        }
        let selected = inventory.workloads(selectedBy: selector, in: service.namespace)
        if selected.isEmpty {
            warn("\(reason): the selector of Service \(service.namespace)/\(service.name) matches no workload in the manifests", at: location)
        }
        for workload in selected {
            switch target(of: port, in: workload) {
            case .unresolved(let why):
                warn("\(reason) leads nowhere: \(why)", at: location)
            case .container(let container, let number):
                addInternet()
                if let tls { register(tls) }
                let to = Self.elementKey(workload, container)
                add(FlowDraft(key: Self.flowKey(from: Self.internetClientKey, to: to, port: number, via: "@" + via),
                    candidate: Self.flowCandidate(from: "internet", to: Self.elementCandidate(workload, container), sameNamespace: nil),
                    from: Self.internetClientKey, to: to, label: label, protocol: Self.protocolName(scheme: nil, port: port),
                    port: number, controls: tls.map { [$0.key] } ?? [],
                    reasons: [reason + (number == port.port ? "" : ", to container port \(number)")], locations: [location]))
            }
        }
    }

    /// The Internet boundary and the client standing in it, once.
    private mutating func addInternet() {
        add(BoundaryDraft(key: Self.internetBoundaryKey, label: "Internet", kind: .network,
            description: "Outside the cluster: anyone who can reach its load balancers, node ports or ingress controller."),
            candidate: "internet")
        add(ElementDraft(key: Self.internetClientKey, label: "Internet client", kind: .actor, boundary: Self.internetBoundaryKey,
            description: "Whoever connects from outside the cluster."), candidate: "internet-client")
    }
}

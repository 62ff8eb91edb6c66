import TrustFlowModel

extension ImportRun {
    /// A value of a container's configuration that may name a Service.
    struct ConfigurationValue {
        var text: String
        /// `env CART_ADDR`, `ConfigMap app key nginx.conf (mounted at /etc/nginx)`.
        var origin: String
        var location: SourceLocation
        /// Whether the variable or key is named like an address (`…_ADDR`, `…_URL`): only then
        /// is a bare `name:port` that names no Service worth a warning.
        var suggestsAddress: Bool
    }

    /// Words in a variable's or key's name that say it holds an address.
    static let addressWords: Set<String> = [
        "ADDR", "ADDRESS", "HOST", "HOSTS", "HOSTNAME", "URL", "URLS", "URI", "ENDPOINT", "ENDPOINTS", "SERVER", "SERVERS",
        "SERVICE", "DSN", "BROKER", "BROKERS", "UPSTREAM", "BACKEND", "TARGET", "CONNECTION", "CONN",
    ]

    static func suggestsAddress(_ name: String) -> Bool {
        name.uppercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { addressWords.contains(String($0)) }
    }

    /// Flows proven by configuration: every value that names a Service, resolved through its
    /// selector and target port to the containers it reaches.
    mutating func addReferenceFlows() {
        for workload in inventory.workloads {
            for container in workload.template.containers {
                for value in configurationValues(of: container, in: workload) {
                    for address in ServiceAddress.scan(value.text) {
                        resolve(address, from: container, of: workload, value: value)
                    }
                }
            }
        }
    }

    /// The container's environment (with `$(VAR)` expanded as Kubernetes does), the
    /// ConfigMap entries it takes as variables, and those of ConfigMaps it mounts.
    mutating func configurationValues(of container: Container, in workload: Workload) -> [ConfigurationValue] {
        var values: [ConfigurationValue] = []
        var earlier: [String: String] = [:]
        let namespace = workload.namespace
        for variable in container.env {
            switch variable.source {
            case .literal(let text):
                let expanded = Self.expand(text, with: earlier)
                earlier[variable.name] = expanded
                values.append(ConfigurationValue(text: expanded, origin: "env \(variable.name)", location: variable.location,
                    suggestsAddress: Self.suggestsAddress(variable.name)))
            case .configMapKey(let name, let key, let optional):
                guard let entry = inventory.configMap(name, in: namespace)?.entry(key) else {
                    if !optional {
                        warn("env \(variable.name) of \(workload.namespace)/\(workload.name) (container \(container.name)) takes key '\(key)' of ConfigMap \(namespace)/\(name), which is not in the manifests",
                            at: variable.location)
                    }
                    continue
                }
                earlier[variable.name] = entry.value
                values.append(ConfigurationValue(text: entry.value, origin: "env \(variable.name) (ConfigMap \(name) key \(key))",
                    location: entry.location, suggestsAddress: Self.suggestsAddress(variable.name) || Self.suggestsAddress(key)))
            case .secretKey, .podField:
                continue
            }
        }
        for source in container.envFrom where source.kind == .configMap {
            guard let map = inventory.configMap(source.name, in: namespace) else {
                if !source.optional {
                    warn("envFrom of \(workload.namespace)/\(workload.name) (container \(container.name)) takes ConfigMap \(namespace)/\(source.name), which is not in the manifests",
                        at: source.location)
                }
                continue
            }
            values += map.entries.map {
                ConfigurationValue(text: $0.value, origin: "ConfigMap \(source.name) key \($0.key) (envFrom)", location: $0.location,
                    suggestsAddress: Self.suggestsAddress($0.key))
            }
        }
        for mount in container.volumeMounts {
            let names: [String] = switch workload.template.volume(mount.name)?.source {
            case .configMap(let name): [name]
            case .projected(let maps, _, _): maps
            default: []
            }
            for name in names {
                guard let map = inventory.configMap(name, in: namespace) else { continue }
                values += map.entries.map {
                    ConfigurationValue(text: $0.value, origin: "ConfigMap \(name) key \($0.key) (mounted at \(mount.mountPath))",
                        location: $0.location, suggestsAddress: false)
                }
            }
        }
        return values
    }

    /// `$(NAME)` replaced by the value of an earlier variable, `$$` by `$`, as Kubernetes does.
    static func expand(_ value: String, with earlier: [String: String]) -> String {
        guard value.contains("$") else { return value }
        var result = ""
        var index = value.startIndex
        while index < value.endIndex {
            let next = value.index(after: index)
            if value[index] == "$", next < value.endIndex {
                if value[next] == "$" {
                    result.append("$")
                    index = value.index(after: next)
                    continue
                }
                if value[next] == "(", let close = value[next...].firstIndex(of: ")"),
                    let replacement = earlier[String(value[value.index(after: next)..<close])]
                {
                    result += replacement
                    index = value.index(after: close)
                    continue
                }
            }
            result.append(value[index])
            index = next
        }
        return result
    }

    /// Resolves one address to Service → selected workloads → target containers, adding a
    /// flow to each, or a warning saying where the chain breaks.
    private mutating func resolve(_ address: ServiceAddress, from container: Container, of workload: Workload,
        value: ConfigurationValue)
    {
        let namespace = address.namespace ?? workload.namespace
        let source = "\(value.origin) of \(workload.namespace)/\(workload.name) (container \(container.name))"
        if address.form == .namespaced, namespace != "default", !inventory.namespaceNames.contains(namespace) { return }
        guard let service = inventory.service(address.name, in: namespace) else {
            if address.name == "kubernetes", namespace == "default" {
                addAPIFlow(from: container, of: workload, port: address.port ?? 443,
                    reason: "\(source) names the Kubernetes API (\(fileName(value.location)))", location: value.location)
                return
            }
            if address.form == .serviceDomain || address.scheme != nil || value.suggestsAddress {
                warn("\(source) names Service \(namespace)/\(address.name), which is not in the manifests; no flow is drawn",
                    at: value.location)
                missingServices.insert(MissingServiceReference(workload: workload.metadata.identity, container: container.name,
                    origin: value.origin, service: ObjectIdentity(kind: "Service", namespace: namespace, name: address.name),
                    location: value.location))
            }
            return
        }
        let shownService = "Service \(service.namespace)/\(service.name)"
        guard let servicePort = port(of: service, for: address) else {
            let wanted = address.port.map { "port \($0)" } ?? "no port"
            warn("\(source) names \(shownService) with \(wanted), which the Service does not resolve (its ports: \(service.ports.map { String($0.port) }.joined(separator: ", ")))",
                at: value.location)
            return
        }
        if service.type == .externalName {
            addExternalFlow(to: service, port: servicePort, scheme: address.scheme, from: container, of: workload, reason: source,
                location: value.location)
            return
        }
        guard let selector = service.selector, !selector.isEmpty else {
            warn("\(source) names \(shownService), which has no selector: where it leads is not in the manifests", at: value.location)
            return
        }
        let selected = inventory.workloads(selectedBy: selector, in: service.namespace)
        if selected.isEmpty {
            warn("\(source) names \(shownService), whose selector matches no workload in the manifests", at: value.location)
        }
        for destination in selected {
            switch target(of: servicePort, in: destination) {
            case .unresolved(let why):
                warn("\(source) names \(shownService) port \(servicePort.port), but \(why)", at: value.location)
            case .container(let reached, let port):
                let from = Self.elementKey(workload, container)
                let to = Self.elementKey(destination, reached)
                guard from != to else { continue }
                let forwarded = port == servicePort.port ? "" : ", which forwards to port \(port)"
                add(FlowDraft(
                    key: Self.flowKey(from: from, to: to, port: port),
                    candidate: Self.flowCandidate(from: Self.elementCandidate(workload, container),
                        to: Self.elementCandidate(destination, reached),
                        sameNamespace: workload.namespace == destination.namespace ? workload.namespace : nil),
                    from: from, to: to, label: "Service \(service.name):\(servicePort.port)",
                    protocol: Self.protocolName(scheme: address.scheme, port: servicePort), port: port,
                    reasons: ["\(source) names \(shownService) port \(servicePort.port)\(forwarded) (\(fileName(value.location)))"],
                    locations: [value.location]))
            }
        }
    }

    /// The Service port an address reaches: the one written (or its scheme's), or with none
    /// written, the Service's only port.
    private func port(of service: Service, for address: ServiceAddress) -> ServicePort? {
        if let number = address.port { return service.port(number) }
        return service.ports.count == 1 ? service.ports[0] : nil
    }
}

import TrustFlowModel

extension ObjectDecoder {
    func service() -> Service? {
        guard let spec = spec() else { return nil }
        let type: Service.ServiceType = switch spec.string("type") ?? "ClusterIP" {
        case "ClusterIP": .clusterIP
        case "NodePort": .nodePort
        case "LoadBalancer": .loadBalancer
        case "ExternalName": .externalName
        case let other: .other(other)
        }
        var ports: [ServicePort] = []
        for port in spec.mappings("ports", what: "a Service port") {
            guard let number = requiredPort(port, "port") else { continue }
            ports.append(ServicePort(
                name: port.name("name"), protocol: portProtocol(port) ?? .tcp, port: number,
                targetPort: port.portReference("targetPort"),
                nodePort: port.integer("nodePort", in: 1...65535, what: "a port number from 1 to 65535"),
                appProtocol: port.string("appProtocol"), location: port.location))
        }
        return Service(metadata: metadata, type: type, selector: spec.contains("selector") ? spec.stringMap("selector") : nil,
            ports: ports, externalName: spec.string("externalName"))
    }

    /// An Ingress of networking.k8s.io/v1, or of the older extensions/v1beta1 and
    /// networking.k8s.io/v1beta1 (`serviceName`/`servicePort`, `spec.backend`).
    func ingress() -> Ingress? {
        guard let spec = spec() else { return nil }
        var rules: [IngressRule] = []
        for rule in spec.mappings("rules", what: "an Ingress rule") {
            let paths = rule.mapping("http", what: "HTTP routes")?.mappings("paths", what: "an Ingress path") ?? []
            rules.append(IngressRule(host: rule.string("host"), paths: paths.compactMap { path in
                guard let backend = path.mapping("backend", what: "an Ingress backend").map(ingressBackend) else { return nil }
                return IngressPath(path: path.string("path"), backend: backend)
            }))
        }
        let tls = spec.mappings("tls", what: "an Ingress TLS entry").map {
            IngressTLS(hosts: $0.stringList("hosts"), secretName: $0.name("secretName"), location: $0.location)
        }
        let defaultBackend = (spec.mapping("defaultBackend", what: "an Ingress backend") ?? spec.mapping("backend", what: "an Ingress backend"))
            .map(ingressBackend)
        return Ingress(metadata: metadata, ingressClassName: spec.string("ingressClassName"), defaultBackend: defaultBackend,
            rules: rules, tls: tls)
    }

    func ingressBackend(_ backend: ManifestMapping) -> IngressBackend {
        if let service = backend.mapping("service", what: "a backend Service") {
            let port = service.mapping("port", what: "a backend port")
            let reference = port?.integer("number", in: 1...65535, what: "a port number from 1 to 65535").map(PortReference.number)
                ?? port?.name("name").map(PortReference.name)
            return IngressBackend(serviceName: service.name("name", required: true), port: reference, location: backend.location)
        }
        return IngressBackend(serviceName: backend.string("serviceName"), port: backend.portReference("servicePort"),
            location: backend.location)
    }

    func configMap() -> ConfigMap {
        let data = object.mapping("data", what: "the ConfigMap's data")
        let entries = (data?.entries ?? []).compactMap { key, value -> ConfigMap.Entry? in
            guard let text = ManifestMapping.text(value, path: object.path.appending("data").appending(key.text), lenient: true,
                scope: scope)
            else { return nil }
            return ConfigMap.Entry(key: key.text, value: text, location: scope.location(value))
        }
        return ConfigMap(metadata: metadata, entries: entries.sorted { $0.key < $1.key })
    }

    /// Only the names of the keys: the values are not read, so they cannot be shown anywhere.
    func secret() -> SecretObject {
        var keys: [String] = []
        for section in ["data", "stringData"] {
            if let node = object.node(section), case .mapping(let entries) = node.value { keys += entries.map(\.key.text) }
        }
        return SecretObject(metadata: metadata, type: object.string("type"), keys: Array(Set(keys)).sorted())
    }

    func serviceAccount() -> ServiceAccount {
        ServiceAccount(metadata: metadata, automountServiceAccountToken: object.boolean("automountServiceAccountToken"))
    }

    func roleBinding() -> RoleBinding? {
        guard let role = object.mapping("roleRef", what: "a role reference") else {
            scope.error("missing required key 'roleRef'", at: object.position, path: object.path.appending("roleRef"))
            return nil
        }
        let subjects = object.mappings("subjects", what: "a subject").compactMap { subject -> RoleBinding.Subject? in
            guard let kind = subject.string("kind", required: true), let name = subject.name("name", required: true) else { return nil }
            return RoleBinding.Subject(kind: kind, name: name, namespace: subject.string("namespace"))
        }
        return RoleBinding(metadata: metadata, roleKind: role.string("kind") ?? "", roleName: role.name("name") ?? "",
            subjects: subjects)
    }
}

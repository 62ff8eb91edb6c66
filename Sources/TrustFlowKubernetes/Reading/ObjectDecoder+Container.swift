import TrustFlowModel

extension ObjectDecoder {
    func container(_ container: ManifestMapping, role: Container.Role) -> Container? {
        guard let name = container.name("name", required: true) else { return nil }
        var ports: [ContainerPort] = []
        for port in container.mappings("ports", what: "a container port") {
            guard let number = requiredPort(port, "containerPort") else { continue }
            ports.append(ContainerPort(
                name: port.name("name"), number: number, protocol: portProtocol(port) ?? .tcp,
                hostPort: port.integer("hostPort", in: 1...65535, what: "a port number from 1 to 65535"),
                location: port.location))
        }
        let resources = container.mapping("resources", what: "resource requirements")
        return Container(
            name: name, role: role, image: image(container), ports: ports,
            env: container.mappings("env", what: "an environment variable").compactMap(variable),
            envFrom: container.mappings("envFrom", what: "an envFrom source").compactMap(environmentSource),
            securityContext: container.mapping("securityContext", what: "a security context").map(securityContext),
            resources: ResourceRequirements(
                limits: resources?.stringMap("limits") ?? [:], requests: resources?.stringMap("requests") ?? [:]),
            volumeMounts: container.mappings("volumeMounts", what: "a volume mount").compactMap { mount in
                guard let name = mount.name("name", required: true) else { return nil }
                return VolumeMount(name: name, mountPath: mount.string("mountPath") ?? "", readOnly: mount.boolean("readOnly") ?? false)
            },
            location: container.location)
    }

    /// The longest image reference read: registries allow 255 characters for a name, 128 for
    /// a tag and a digest besides; the rest would only be copied into the model.
    static let maxImageLength = 1_000

    func image(_ container: ManifestMapping) -> String? {
        guard let image = container.string("image") else { return nil }
        guard image.unicodeScalars.count <= Self.maxImageLength else {
            scope.error("an image reference of \(image.unicodeScalars.count) characters is longer than \(Self.maxImageLength)",
                at: container.node("image")!, path: container.path.appending("image"))
            return nil
        }
        return image
    }

    /// A port number a port entry must have (`containerPort`, a Service's `port`), reported
    /// when missing or out of range.
    func requiredPort(_ port: ManifestMapping, _ key: String) -> Int? {
        if let number = port.integer(key, in: 1...65535, what: "a port number from 1 to 65535") { return number }
        if !port.contains(key) { scope.error("missing required key '\(key)'", at: port.position, path: port.path.appending(key)) }
        return nil
    }

    /// `protocol` of a port: TCP, UDP or SCTP.
    func portProtocol(_ port: ManifestMapping) -> PortProtocol? {
        guard let text = port.string("protocol") else { return nil }
        if let value = PortProtocol(rawValue: text) { return value }
        let allowed = PortProtocol.allCases.map(\.rawValue)
        let suggestion = Suggestion.clause(for: text, among: allowed)
        scope.error(
            "'\(SourceNode.excerpt(text))' is not a protocol\(suggestion.isEmpty ? "; expected one of: \(allowed.joined(separator: ", "))" : suggestion)",
            at: port.node("protocol")!, path: port.path.appending("protocol"))
        return nil
    }

    /// An `env` entry. A literal value is kept (it may name a Service) but never shown in a
    /// message; a Secret's value is not there to read, only its name and key.
    func variable(_ entry: ManifestMapping) -> EnvironmentVariable? {
        guard let name = entry.name("name", required: true) else { return nil }
        if let from = entry.mapping("valueFrom", what: "a value source") {
            if let ref = from.mapping("secretKeyRef", what: "a secret key reference") {
                return EnvironmentVariable(name: name, source: .secretKey(name: ref.name("name") ?? "",
                    key: ref.name("key", required: true) ?? "", optional: ref.boolean("optional") ?? false), location: entry.location)
            }
            if let ref = from.mapping("configMapKeyRef", what: "a config map key reference") {
                return EnvironmentVariable(name: name, source: .configMapKey(name: ref.name("name") ?? "",
                    key: ref.name("key", required: true) ?? "", optional: ref.boolean("optional") ?? false), location: entry.location)
            }
            let field = from.mapping("fieldRef", what: "a field reference")?.string("fieldPath")
                ?? from.mapping("resourceFieldRef", what: "a resource field reference")?.string("resource")
            return EnvironmentVariable(name: name, source: .podField(field ?? ""), location: entry.location)
        }
        let value = entry.node("value").flatMap {
            ManifestMapping.text($0, path: entry.path.appending("value"), lenient: true, scope: scope)
        }
        return EnvironmentVariable(name: name, source: .literal(value ?? ""), location: entry.location)
    }

    func environmentSource(_ entry: ManifestMapping) -> EnvironmentSource? {
        let prefix = entry.string("prefix") ?? ""
        if let ref = entry.mapping("configMapRef", what: "a config map reference") {
            return EnvironmentSource(kind: .configMap, name: ref.name("name") ?? "", prefix: prefix,
                optional: ref.boolean("optional") ?? false, location: entry.location)
        }
        if let ref = entry.mapping("secretRef", what: "a secret reference") {
            return EnvironmentSource(kind: .secret, name: ref.name("name") ?? "", prefix: prefix,
                optional: ref.boolean("optional") ?? false, location: entry.location)
        }
        return nil
    }
}

import TrustFlowModel

/// Classifies and decodes objects one by one into the inventory's lists, merging or refusing
/// objects given twice.
struct InventoryBuilder {
    let defaultNamespace: String
    let diagnostics: ManifestDiagnostics

    private var firstSeen: [ObjectIdentity: RawObject] = [:]
    private var workloads: [Workload] = []
    private var controllers: [ObjectIdentity: ObjectIdentity] = [:]
    private var services: [Service] = []
    private var ingresses: [Ingress] = []
    private var configMaps: [ConfigMap] = []
    private var secrets: [SecretObject] = []
    private var serviceAccounts: [ServiceAccount] = []
    private var roleBindings: [RoleBinding] = []
    private var namespaces: [String: NamespaceObject] = [:]
    private var networkPolicies: [NetworkPolicy] = []
    private var skipped: [SkippedObject] = []

    init(defaultNamespace: String, diagnostics: ManifestDiagnostics) {
        self.defaultNamespace = defaultNamespace
        self.diagnostics = diagnostics
    }

    mutating func add(_ object: RawObject) {
        let header = ObjectDecoder.header(of: object.mapping)
        guard let kind = header.kind else {
            if header.apiVersion == nil {
                diagnostics.warning("not a Kubernetes object (no 'kind' or 'apiVersion'); skipped", at: object.location)
            } else {
                diagnostics.error("a Kubernetes object needs a 'kind'", at: object.location)
            }
            return
        }
        let namespace = KindCatalog.clusterScoped.contains(kind) ? nil : header.namespace ?? defaultNamespace
        if let reason = KindCatalog.classify(kind: kind, apiVersion: header.apiVersion) {
            skipped.append(SkippedObject(kind: kind, apiVersion: header.apiVersion, name: header.name, namespace: namespace,
                reason: reason, location: object.location))
            return
        }
        guard let name = header.name, !name.isEmpty else {
            // A name that is there but refused (too long, not text) was reported already.
            if header.name == nil, object.mapping.mapping("metadata", what: "the object's metadata")?.node("name") != nil { return }
            diagnostics.error("a \(kind) needs 'metadata.name'", at: object.location,
                path: object.mapping.path.appending("metadata").appending("name"))
            return
        }
        // A Secret's annotations are not kept: `kubectl get -o yaml` puts its whole data into
        // `kubectl.kubernetes.io/last-applied-configuration`.
        let metadata = ObjectMetadata(kind: kind, name: name, namespace: namespace, labels: header.labels,
            annotations: kind == "Secret" ? [:] : header.annotations, location: object.location)
        let identity = metadata.identity
        let scope = ObjectScope(file: object.location.file, owner: identity.description, diagnostics: diagnostics)
        let mapping = object.mapping.rescoped(scope)
        if let first = firstSeen[identity] {
            repeated(identity, first: first, again: object, metadata: metadata)
            return
        }
        firstSeen[identity] = object
        let decoder = ObjectDecoder(object: mapping, metadata: metadata)
        if let workloadKind = WorkloadKind(rawValue: kind) {
            guard let workload = decoder.workload(workloadKind) else { return }
            workloads.append(workload)
            if let controller = header.controller {
                controllers[identity] = ObjectIdentity(kind: controller.kind, namespace: namespace, name: controller.name)
            }
            return
        }
        switch kind {
        case "Service": decoder.service().map { services.append($0) }
        case "Ingress": decoder.ingress().map { ingresses.append($0) }
        case "NetworkPolicy": decoder.networkPolicy().map { networkPolicies.append($0) }
        case "ConfigMap": configMaps.append(decoder.configMap())
        case "Secret": secrets.append(decoder.secret())
        case "ServiceAccount": serviceAccounts.append(decoder.serviceAccount())
        case "RoleBinding", "ClusterRoleBinding": decoder.roleBinding().map { roleBindings.append($0) }
        case "Namespace": namespaces[name] = NamespaceObject(metadata: metadata)
        default: break
        }
    }

    /// The same object given again: ignored when it says the same, merged for a Namespace
    /// (re-declared to add labels or annotations), refused otherwise — which copy `kubectl
    /// apply` would keep depends on the order of files, which must not change the model.
    private mutating func repeated(_ identity: ObjectIdentity, first: RawObject, again: RawObject, metadata: ObjectMetadata) {
        if SourceNode.sameContent(first.node, again.node) { return }
        if identity.kind == "Namespace", var namespace = namespaces[identity.name] {
            for (section, values) in [("label", metadata.labels), ("annotation", metadata.annotations)] {
                for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                    let existing = section == "label" ? namespace.metadata.labels[key] : namespace.metadata.annotations[key]
                    if let existing, existing != value {
                        diagnostics.error(
                            "\(identity) gives the \(section) '\(key)' a different value than at \(first.location); give it one value",
                            at: again.location)
                    } else if section == "label" {
                        namespace.metadata.labels[key] = value
                    } else {
                        namespace.metadata.annotations[key] = value
                    }
                }
            }
            namespaces[identity.name] = namespace
            return
        }
        diagnostics.error("\(identity) is given again, differently (first at \(first.location)); give each object once",
            at: again.location)
    }

    /// The inventory, without the workloads that a workload in the input manages.
    func inventory(files: [ManifestFile]) -> Inventory {
        let present = Set(workloads.map(\.metadata.identity))
        var kept: [Workload] = []
        var skipped = self.skipped
        for workload in workloads {
            if let controller = controllers[workload.metadata.identity], present.contains(controller) {
                skipped.append(SkippedObject(kind: workload.kind.rawValue, apiVersion: nil, name: workload.name,
                    namespace: workload.namespace, reason: .managed, location: workload.metadata.location))
            } else {
                kept.append(workload)
            }
        }
        return Inventory(
            defaultNamespace: defaultNamespace, workloads: kept, services: services, ingresses: ingresses,
            configMaps: configMaps, secrets: secrets, serviceAccounts: serviceAccounts, roleBindings: roleBindings,
            namespaces: Array(namespaces.values), networkPolicies: networkPolicies, skipped: skipped, files: files)
    }
}

extension SourceNode {
    /// Whether two trees say the same, wherever they were written.
    static func sameContent(_ a: SourceNode, _ b: SourceNode) -> Bool {
        switch (a.value, b.value) {
        case (.scalar(let x), .scalar(let y)): return x.kind == y.kind && x.text == y.text
        case (.sequence(let x), .sequence(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameContent($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key.text == $1.key.text && sameContent($0.value, $1.value) }
        default: return false
        }
    }
}

import TrustFlowModel

extension ImportRun {
    static func namespaceKey(_ namespace: String) -> String { "ns:" + namespace }
    static func podKey(_ workload: Workload) -> String { "pod:\(workload.namespace)/\(workload.kind.rawValue)/\(workload.name)" }
    static func containerKey(_ workload: Workload, _ container: Container) -> String {
        "ctr:\(workload.namespace)/\(workload.kind.rawValue)/\(workload.name)/\(container.name)"
    }
    static func elementKey(_ workload: Workload, _ container: Container) -> String {
        "el:\(workload.namespace)/\(workload.kind.rawValue)/\(workload.name)/\(container.name)"
    }

    /// The element's id candidate (`default.frontend.server`); flows are named after it too.
    static func elementCandidate(_ workload: Workload, _ container: Container) -> String {
        "\(workload.namespace).\(workload.name).\(container.name)"
    }

    /// The cluster, a namespace per namespace that runs a workload, a pod per workload, and a
    /// container boundary with its element per container.
    mutating func addStructure() {
        add(BoundaryDraft(key: Self.clusterKey, label: options.clusterName, kind: .cluster,
            description: "The cluster the manifests are applied to.",
            reference: KubernetesReference(kind: "Cluster", name: options.clusterName)), candidate: options.clusterName)
        for namespace in Set(inventory.workloads.map(\.namespace)).sorted() {
            let object = inventory.namespace(namespace)
            let origin = object.map { "Namespace \(namespace) (\(fileName($0.metadata.location)))" }
                ?? "Namespace \(namespace): no Namespace object in the manifests"
                + (namespace == inventory.defaultNamespace ? "; objects that name no namespace are imported into it" : "")
            add(BoundaryDraft(key: Self.namespaceKey(namespace), label: namespace, kind: .namespace, parent: Self.clusterKey,
                description: origin + ".", reference: KubernetesReference(kind: "Namespace", name: namespace),
                location: object?.metadata.location), candidate: "ns-" + namespace)
            summary.namespaces += 1
        }
        for workload in inventory.workloads { addWorkload(workload) }
    }

    private mutating func addWorkload(_ workload: Workload) {
        let podKey = Self.podKey(workload)
        let labels = workload.template.labels.sorted { $0.key < $1.key }.map { SourceNode.excerpt("\($0.key)=\($0.value)", limit: 80) }
        // A description stays short whatever the manifest holds: the labels that select the pod come first.
        let shownLabels = labels.prefix(8).joined(separator: ", ") + (labels.count > 8 ? " and \(labels.count - 8) more" : "")
        add(BoundaryDraft(key: podKey, label: workload.name, kind: .pod, parent: Self.namespaceKey(workload.namespace),
            description: "\(workload.kind.rawValue) \(workload.name) (\(fileName(workload.metadata.location)))"
                + (labels.isEmpty ? "; its pods have no labels." : "; pod labels \(shownLabels)."),
            reference: KubernetesReference(kind: workload.kind.rawValue, name: workload.name, namespace: workload.namespace),
            location: workload.metadata.location), candidate: "pod-\(workload.namespace).\(workload.name)")
        summary.workloads += 1
        let single = workload.template.containers.count == 1
        for container in workload.template.containers {
            let reference = KubernetesReference(kind: workload.kind.rawValue, name: workload.name, namespace: workload.namespace,
                container: container.name)
            let image = container.image.map(ImageReference.init)
            let role = switch container.role {
            case .app: ""
            case .initialization: " (init)"
            case .sidecar: " (sidecar)"
            }
            let description = "Container \(container.name)\(role) of \(workload.kind.rawValue) \(workload.namespace)/\(workload.name), "
                + (image.map { "image \($0.text)" } ?? "no image") + " (\(fileName(container.location)))."
            let containerKey = Self.containerKey(workload, container)
            add(BoundaryDraft(key: containerKey, label: container.name, kind: .container, parent: podKey,
                description: description, reference: reference, location: container.location),
                candidate: "ctr-" + Self.elementCandidate(workload, container))
            let isStore = container.isKnownStore
            let label = (single || container.name == workload.name ? workload.name : "\(workload.name)/\(container.name)") + role
            add(ElementDraft(key: Self.elementKey(workload, container), label: label, kind: isStore ? .datastore : .process,
                boundary: containerKey, technology: image?.technology, description: description, reference: reference,
                location: container.location), candidate: Self.elementCandidate(workload, container))
            summary.containers += 1
        }
    }
}

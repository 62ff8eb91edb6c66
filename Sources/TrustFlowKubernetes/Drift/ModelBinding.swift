import TrustFlowModel

/// Which object of the manifests each boundary and element of a model stands for.
///
/// The rules, in order (documented in the drift check's article):
/// 1. an item with a `k8s` reference stands for the object it names (a reference without a
///    namespace names the namespace the manifests were applied to); a reference to an object
///    the manifests do not hold binds nothing, and is reported;
/// 2. a namespace boundary without one stands for the namespace whose name is its id or label;
/// 3. a pod boundary, for the workload whose name is its id or label, in the namespace its
///    enclosing namespace boundary stands for (or, outside one, the only workload of that name);
/// 4. a container boundary, for the container of its pod's workload named by its id or label;
/// 5. an element, for what its innermost bound pod or container boundary stands for; failing
///    that, for the workload whose name is its id or label, as for a pod boundary;
/// 6. an element outside every cluster, node, namespace, pod and container boundary stands for
///    the outside of the cluster (a client on the public Internet, a system elsewhere).
/// Whatever stays unbound is reported by the drift check, never guessed.
public struct ModelBinding: Sendable {
    /// What an item stands for.
    public enum Object: Hashable, Sendable {
        case cluster
        case namespace(String)
        /// A workload (position in ``Inventory/workloads``), or one of its containers.
        case workload(Int, container: String?)
        /// A Service of the manifests: its selector's workloads, through its ports.
        case service(ObjectIdentity)
        /// The outside of the cluster: the public Internet.
        case outside
        /// A host whose address the manifests do not give (the API server, an ExternalName
        /// Service's target), described.
        case host(String)
    }

    /// How an item was bound, or why it was not.
    public enum Binding: Hashable, Sendable {
        case bound(Object, byReference: Bool)
        /// The item should stand for an object of the manifests but none matches.
        case unbound(String)

        /// The object, when bound.
        public var object: Object? { if case .bound(let object, _) = self { object } else { nil } }
    }

    public let boundaries: [String: Binding]
    public let elements: [String: Binding]

    /// Binds the items of `model` to `inventory`.
    public init(model: Model, inventory: Inventory, evaluator: NetworkPolicyEvaluator) {
        var run = BindingRun(model: model, inventory: inventory, evaluator: evaluator)
        for boundary in model.boundaries { _ = run.bind(boundary: boundary.id) }
        for element in model.elements { run.bind(element: element) }
        boundaries = run.boundaries
        elements = run.elements
    }
}

/// The state of one binding: boundaries are bound parents first, each once.
struct BindingRun {
    let model: Model
    let index: ModelIndex
    let inventory: Inventory
    let evaluator: NetworkPolicyEvaluator
    var boundaries: [String: ModelBinding.Binding] = [:]
    var elements: [String: ModelBinding.Binding] = [:]
    /// Boundaries of these kinds are inside a cluster; an element inside none is outside it.
    static let clusterKinds: Set<BoundaryKind> = [.cluster, .node, .namespace, .pod, .container]

    init(model: Model, inventory: Inventory, evaluator: NetworkPolicyEvaluator) {
        self.model = model
        index = ModelIndex(model)
        self.inventory = inventory
        self.evaluator = evaluator
    }

    /// Binds a boundary (its parents first); `nil` for kinds that stand for no object.
    mutating func bind(boundary id: String) -> ModelBinding.Binding? {
        if let known = boundaries[id] { return known }
        guard let boundary = index.boundary(id) else { return nil }
        let parent = boundary.parent.flatMap { bind(boundary: $0) }
        let binding: ModelBinding.Binding?
        if let reference = boundary.kubernetes {
            binding = resolve(reference)
        } else {
            switch boundary.kind {
            case .cluster: binding = .bound(.cluster, byReference: false)
            case .namespace:
                let name = [boundary.id, boundary.label].first { inventory.namespaceNames.contains($0) }
                binding = name.map { .bound(.namespace($0), byReference: false) }
                    ?? .unbound("no namespace of the manifests is named " + BindingRun.names(boundary.id, boundary.label))
            case .pod:
                binding = workload(named: [boundary.id, boundary.label], in: namespace(above: boundary.parent))
            case .container:
                if case .some(.workload(let position, _)) = parent?.object {
                    let containers = inventory.workloads[position].template.containers.map(\.name)
                    let name = [boundary.id, boundary.label].first { containers.contains($0) }
                    binding = name.map { .bound(.workload(position, container: $0), byReference: false) }
                        ?? .unbound("its pod's workload has no container named " + BindingRun.names(boundary.id, boundary.label))
                } else {
                    binding = .unbound("it is in no pod boundary that stands for a workload")
                }
            case .node, .network, .generic: binding = nil
            }
        }
        if let binding { boundaries[id] = binding }
        return binding
    }

    mutating func bind(element: Element) {
        if let reference = element.kubernetes {
            elements[element.id] = resolve(reference)
            return
        }
        let chain = index.boundaryChain(from: element.boundary)
        for boundary in chain {
            switch boundaries[boundary.id]?.object {
            case .some(.workload(let position, let container)):
                elements[element.id] = .bound(.workload(position, container: container), byReference: false)
                return
            default: continue
            }
        }
        guard chain.contains(where: { BindingRun.clusterKinds.contains($0.kind) }) else {
            elements[element.id] = .bound(.outside, byReference: false)
            return
        }
        let namespace = namespace(above: element.boundary)
        elements[element.id] = workload(named: [element.id, element.label], in: namespace)
    }

    /// The namespace the nearest bound namespace boundary from `id` up stands for.
    func namespace(above id: String?) -> String? {
        for boundary in index.boundaryChain(from: id) {
            if case .some(.namespace(let name)) = boundaries[boundary.id]?.object { return name }
        }
        return nil
    }

    /// The workload with one of `names`, in `namespace`, or anywhere when that is unknown and
    /// only one workload has the name.
    func workload(named names: [String], in namespace: String?) -> ModelBinding.Binding {
        for name in names {
            let matches = inventory.workloads.indices.filter {
                inventory.workloads[$0].name == name && (namespace == nil || inventory.workloads[$0].namespace == namespace)
            }
            if matches.count == 1 { return .bound(.workload(matches[0], container: nil), byReference: false) }
            if matches.count > 1 {
                return .unbound("\(matches.count) workloads are named '\(name)' (\(matches.map { inventory.workloads[$0].metadata.identity.description }.joined(separator: ", "))); give it a k8s reference")
            }
        }
        let place = namespace.map { " in namespace \($0)" } ?? ""
        return .unbound("no workload\(place) is named " + BindingRun.names(names[0], names.count > 1 ? names[1] : names[0]))
    }

    /// `'web'`, or `'web' or 'Web server'` when an item's id and label differ.
    static func names(_ id: String, _ label: String) -> String { id == label ? "'\(id)'" : "'\(id)' or '\(label)'" }

    /// The object a `k8s` reference names.
    func resolve(_ reference: KubernetesReference) -> ModelBinding.Binding {
        let namespace = reference.namespace ?? inventory.defaultNamespace
        switch reference.kind {
        case "Cluster":
            return .bound(.cluster, byReference: true)
        case "Namespace":
            return inventory.namespaceNames.contains(reference.name)
                ? .bound(.namespace(reference.name), byReference: true)
                : .unbound("it names Namespace \(reference.name), which is not in the manifests")
        case _ where reference.isWorkload:
            let identity = ObjectIdentity(kind: reference.kind, namespace: namespace, name: reference.name)
            guard let position = evaluator.workloadPosition(identity) else {
                return .unbound("it names \(identity), which is not in the manifests")
            }
            if let container = reference.container,
                !inventory.workloads[position].template.containers.contains(where: { $0.name == container })
            {
                return .unbound("it names container \(container) of \(identity), which has no such container")
            }
            return .bound(.workload(position, container: reference.container), byReference: true)
        case "Service":
            if let service = inventory.service(reference.name, in: namespace) {
                if service.type == .externalName {
                    return .bound(.host("\(service.externalName ?? "the host") of ExternalName Service \(namespace)/\(service.name)"), byReference: true)
                }
                return .bound(.service(service.metadata.identity), byReference: true)
            }
            if reference.name == "kubernetes", namespace == "default" {
                return .bound(.host("the Kubernetes API server"), byReference: true)
            }
            return .unbound("it names Service \(namespace)/\(reference.name), which is not in the manifests")
        default:
            let identity = ObjectIdentity(kind: reference.kind, namespace: namespace, name: reference.name)
            return inventory.ingresses.contains { $0.metadata.identity == identity }
                ? .bound(.host("Ingress \(namespace)/\(reference.name)"), byReference: true)
                : .unbound("it names \(identity), which is not in the manifests")
        }
    }
}

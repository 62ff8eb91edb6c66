import TrustFlowModel

/// What the drift rules look at: the manifests (their inventory, the policies' verdicts, the
/// controls they show) and, when one is given, the model bound to them with its flows judged.
struct DriftContext: Sendable {
    let inventory: Inventory
    let evaluator: NetworkPolicyEvaluator
    let reachability: Reachability
    let manifests: ManifestFacts
    /// The model, when one is given.
    let model: ModelFacts?
    /// The verdict of every declared flow whose ends stand for workloads or the outside.
    let declaredFlows: [DeclaredFlowVerdict]
    /// What the policies allow beyond the model's flows.
    let undeclared: [UndeclaredConnection]

    /// The model item that stands for a workload, else the workload itself.
    func target(ofWorkload position: Int) -> DriftTarget {
        if let model, let item = model.representative(of: position, in: inventory) { return model.target(item) }
        let workload = inventory.workloads[position]
        return .object(workload.metadata.identity, at: workload.metadata.location)
    }

    /// The namespace boundary that stands for a namespace, else the object (`at`: its place in
    /// the manifests, or where the namespace is used).
    func target(ofNamespace namespace: String, object identity: ObjectIdentity, at location: SourceLocation) -> DriftTarget {
        if let model, let item = model.namespaceItem(namespace) { return model.target(item) }
        return .object(identity, at: location)
    }

    /// Whether the workload is a data store, by the model's element for it or, without one,
    /// by its image or ports as the importer judges.
    func isDatastore(_ position: Int) -> Bool {
        if let model, let items = model.itemsOfWorkload[position] {
            return items.contains { $0.kind == .element && model.index.element($0.id)?.kind == .datastore }
        }
        return inventory.workloads[position].template.containers.contains(where: \.isKnownStore)
    }

    /// `Deployment shop/cart`.
    func describe(_ endpoint: ReachabilityEndpoint) -> String {
        switch endpoint {
        case .workload(let position): inventory.workloads[position].metadata.identity.description
        case .addresses(let set) where set == .publicInternet: "the public Internet"
        case .addresses(let set) where set == .all: "an address outside the pod network"
        case .addresses(let set): "addresses \(set)"
        }
    }

    /// `Deployment shop/cart`, `the outside of the cluster`.
    func describe(_ end: UndeclaredConnection.End) -> String {
        switch end {
        case .workload(let position): inventory.workloads[position].metadata.identity.description
        case .outside: "the outside of the cluster"
        }
    }
}

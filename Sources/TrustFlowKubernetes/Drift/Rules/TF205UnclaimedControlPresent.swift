import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF205: a control the manifests show that the model does not claim (for information).
    public static let unclaimedControlPresent = DriftRule(
        id: "TF205", name: "UnclaimedControlPresent",
        title: "Control present in the manifests but not claimed in the model",
        defaultSeverity: .low, scope: .withModel,
        rationale: """
            For information: the workloads have a control the model does not mention, so the \
            model undersells the system — its rules may flag risks the control already covers.
            """,
        remediation: """
            Add the control to the model item (re-importing with `trustflow import k8s --merge` \
            adds what the manifests show), so the model and the rules credit it.
            """
    ) { context, rule in
        guard let model = context.model else { return [] }
        return model.itemsOfWorkload.keys.sorted().compactMap { position -> Finding? in
            let workload = context.inventory.workloads[position]
            let items = model.itemsOfWorkload[position] ?? []
            var claimed = Set(model.namespaceItem(workload.namespace).map(model.claimedKinds) ?? [])
            var claimedByContainer: [String: Set<ControlKind>] = [:]
            for item in items {
                if let container = item.container {
                    claimedByContainer[container, default: []].formUnion(model.claimedKinds(item))
                } else {
                    claimed.formUnion(model.claimedKinds(item))
                }
            }
            var unclaimed: [ControlKind: [String]] = [:]
            for container in workload.template.containers {
                let present = context.manifests.controls(of: workload, container: container.name)
                for kind in ManifestFacts.containerKinds where present.contains(kind)
                    && !claimed.contains(kind) && !(claimedByContainer[container.name]?.contains(kind) ?? false)
                {
                    unclaimed[kind, default: []].append(container.name)
                }
            }
            let podClaims = claimed.union(claimedByContainer.values.reduce(into: Set<ControlKind>()) { $0.formUnion($1) })
            for kind in ManifestFacts.podKinds where context.manifests.controls(of: workload).contains(kind) && !podClaims.contains(kind) {
                unclaimed[kind] = []
            }
            guard !unclaimed.isEmpty else { return nil }
            let listed = ManifestFacts.checkedKinds.compactMap { kind -> String? in
                guard let containers = unclaimed[kind] else { return nil }
                return containers.isEmpty ? kind.rawValue : "\(kind.rawValue) (container \(containers.joined(separator: ", ")))"
            }
            return rule.finding(
                "the manifests show \(listed.joined(separator: ", ")) for \(workload.metadata.identity), which the model does not claim",
                about: context.target(ofWorkload: position), evidence: [workload.metadata.location])
        }
    }
}

import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF207: a workload of the manifests that no model item stands for.
    public static let workloadWithoutModelItem = DriftRule(
        id: "TF207", name: "WorkloadWithoutModelItem",
        title: "Workload with no item in the model",
        defaultSeverity: .medium, scope: .withModel,
        rationale: """
            The cluster runs a workload the threat model does not know: its flows, exposure and \
            settings were never reviewed, and a compromise of it is not in the model.
            """,
        remediation: """
            Add it to the model (`trustflow import k8s --merge` adds what the manifests hold and \
            keeps what was written by hand), or remove it from the manifests.
            """
    ) { context, rule in
        guard let model = context.model else { return [] }
        return context.inventory.workloads.indices.compactMap { position -> Finding? in
            guard model.itemsOfWorkload[position] == nil else { return nil }
            let workload = context.inventory.workloads[position]
            return rule.finding("\(workload.metadata.identity) runs in the manifests, but no model item stands for it",
                about: context.target(ofNamespace: workload.namespace, object: workload.metadata.identity, at: workload.metadata.location),
                evidence: [workload.metadata.location])
        }
    }
}

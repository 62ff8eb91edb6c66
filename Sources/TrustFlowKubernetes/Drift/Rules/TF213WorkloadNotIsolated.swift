import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF213: a workload that no NetworkPolicy isolates (manifests alone).
    public static let workloadNotIsolated = DriftRule(
        id: "TF213", name: "WorkloadNotIsolated",
        title: "Workload not isolated by any NetworkPolicy",
        defaultSeverity: .medium, scope: .withoutModel,
        rationale: """
            A pod that no NetworkPolicy selects for ingress accepts connections from every pod \
            of the cluster and from outside it; one not selected for egress can reach anything. \
            An attacker in any pod moves laterally to it. (With a model, TF202 says exactly \
            which undeclared connections that lets through.)
            """,
        remediation: """
            Add a default-deny NetworkPolicy to the namespace (`podSelector: {}`, policyTypes \
            [Ingress, Egress]) and policies that allow only the flows the workload needs.
            """
    ) { context, rule in
        let evaluator = context.evaluator
        return context.inventory.workloads.indices.compactMap { position -> Finding? in
            let workload = context.inventory.workloads[position]
            let directions = [("Ingress", evaluator.ingressPolicies[position].isEmpty), ("Egress", evaluator.egressPolicies[position].isEmpty)]
                .filter(\.1).map(\.0)
            guard !directions.isEmpty else { return nil }
            let namespaceOpen = !evaluator.namespacesWithPolicies.contains(workload.namespace)
            let why = namespaceOpen ? "namespace \(workload.namespace) has no NetworkPolicy" : "no NetworkPolicy selects it for that"
            let store = context.isDatastore(position)
            let ingressOpen = directions.contains("Ingress")
            let effect = ingressOpen ? "every pod and the outside can reach it" : "it can reach every pod and the outside"
            return rule.finding(
                "\(workload.metadata.identity)\(store ? " (a data store)" : "") is not isolated for \(directions.joined(separator: " or ")): \(why), so \(effect)",
                about: context.target(ofWorkload: position),
                evidence: [workload.metadata.location] + (context.inventory.namespace(workload.namespace).map { [$0.metadata.location] } ?? []),
                severity: store && ingressOpen ? .high : nil)
        }
    }
}

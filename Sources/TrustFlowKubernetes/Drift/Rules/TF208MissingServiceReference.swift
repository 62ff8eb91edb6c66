import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF208: a configuration value that names a Service the manifests do not hold.
    public static let missingServiceReference = DriftRule(
        id: "TF208", name: "MissingServiceReference",
        title: "Reference to a Service that is not in the manifests",
        defaultSeverity: .low, scope: .always,
        rationale: """
            A container's environment or configuration names a Service that the manifests do \
            not deploy: a flow the application will try that goes nowhere — or somewhere the \
            manifests do not show — and that no model can check.
            """,
        remediation: """
            Add the Service (and what it selects) to the manifests, or remove the stale value; \
            a Service deployed by other means belongs in the manifests given to the check.
            """
    ) { context, rule in
        context.manifests.imported.missingServices.map { reference in
            let position = context.evaluator.workloadPosition(reference.workload)
            let about = position.map { context.target(ofWorkload: $0) } ?? .object(reference.workload, at: reference.location)
            let service = "\(reference.service.namespace ?? context.inventory.defaultNamespace)/\(reference.service.name)"
            return rule.finding(
                "\(reference.origin) of \(reference.workload) (container \(reference.container)) names Service \(service), which is not in the manifests",
                about: about, evidence: [reference.location])
        }
    }
}

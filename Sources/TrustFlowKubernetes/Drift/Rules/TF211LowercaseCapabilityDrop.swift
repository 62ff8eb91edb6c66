import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF211: `capabilities.drop: [all]` in lower case.
    public static let lowercaseCapabilityDrop = DriftRule(
        id: "TF211", name: "LowercaseCapabilityDrop",
        title: "Capabilities dropped as 'all' in lower case",
        defaultSeverity: .low, scope: .always,
        rationale: """
            Container runtimes read `drop: [all]` as dropping every capability, but Pod Security \
            'restricted' checks for `ALL` exactly and refuses the pod: the workload cannot move \
            to a restricted namespace as it is, and tools that look for ALL miss it.
            """,
        remediation: "Write `drop: [\"ALL\"]`."
    ) { context, rule in
        context.inventory.workloads.indices.flatMap { position -> [Finding] in
            let workload = context.inventory.workloads[position]
            return workload.template.containers.filter { workload.template.effectiveSecurity(of: $0).dropsAllInLowerCase }.map { container in
                let about = context.model.flatMap { model in
                    model.itemsOfWorkload[position]?.first { $0.container == container.name }.map(model.target)
                } ?? context.target(ofWorkload: position)
                return rule.finding(
                    "container \(container.name) of \(workload.metadata.identity) drops capabilities as 'all': runtimes drop every capability, but Pod Security 'restricted' wants 'ALL' and refuses the pod",
                    about: about, evidence: [container.securityContext?.location ?? container.location])
            }
        }
    }
}

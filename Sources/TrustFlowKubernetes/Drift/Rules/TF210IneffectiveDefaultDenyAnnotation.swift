import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF210: the pre-v1 `DefaultDeny` namespace annotation, which no longer isolates anything.
    public static let ineffectiveDefaultDenyAnnotation = DriftRule(
        id: "TF210", name: "IneffectiveDefaultDenyAnnotation",
        title: "Pre-v1 DefaultDeny annotation that does nothing",
        defaultSeverity: .medium, scope: .always,
        rationale: """
            Before NetworkPolicy v1 (Kubernetes 1.7) a namespace was isolated with the \
            annotation net.beta.kubernetes.io/network-policy: {"ingress": {"isolation": \
            "DefaultDeny"}}. Nothing reads it any more: whoever wrote it believes the namespace \
            denies ingress by default, and it does not.
            """,
        remediation: """
            Replace the annotation with a NetworkPolicy that selects every pod (`podSelector: \
            {}`) with policyTypes [Ingress] and no rules.
            """
    ) { context, rule in
        let inventory = context.inventory
        return inventory.namespaces.compactMap { namespace -> Finding? in
            guard let value = namespace.metadata.annotations[Self.defaultDenyAnnotation], value.contains("DefaultDeny") else { return nil }
            let open = inventory.workloads.indices.filter { position in
                inventory.workloads[position].namespace == namespace.name && context.evaluator.ingressPolicies[position].isEmpty
            }
            let effect = open.isEmpty
                ? "every pod of it is isolated by NetworkPolicies anyway"
                : "\(open.count) workload\(open.count == 1 ? "" : "s") of it (\(open.prefix(3).map { inventory.workloads[$0].name }.joined(separator: ", "))\(open.count > 3 ? ", …" : "")) accept\(open.count == 1 ? "s" : "") all ingress"
            return rule.finding(
                "namespace \(namespace.name) has the pre-v1 annotation \(Self.defaultDenyAnnotation) with DefaultDeny, which nothing reads since NetworkPolicy v1: \(effect)",
                about: context.target(ofNamespace: namespace.name, object: namespace.metadata.identity, at: namespace.metadata.location),
                evidence: [namespace.metadata.location], severity: open.isEmpty ? nil : .high)
        }
    }

    static let defaultDenyAnnotation = "net.beta.kubernetes.io/network-policy"
}

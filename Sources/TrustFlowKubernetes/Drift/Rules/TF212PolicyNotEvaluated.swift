import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF212: a network policy of a kind TrustFlow does not evaluate.
    public static let policyNotEvaluated = DriftRule(
        id: "TF212", name: "PolicyNotEvaluated",
        title: "Network policy of a kind not evaluated",
        defaultSeverity: .medium, scope: .always,
        rationale: """
            TrustFlow evaluates Kubernetes NetworkPolicy (networking.k8s.io/v1). A Cilium, \
            Calico or Antrea policy, or an AdminNetworkPolicy, may allow or deny anything for \
            the pods it covers, so every verdict touching them is unknown rather than guessed.
            """,
        remediation: """
            Check those pods' connections on the cluster or with the policy engine's own tools; \
            where a NetworkPolicy can say the same, prefer it.
            """
    ) { context, rule in
        context.evaluator.unevaluatedPolicies.map { policy in
            let scope = policy.namespace.map { "the pods of namespace \($0)" } ?? "every pod (it is cluster-wide)"
            let identity = ObjectIdentity(kind: policy.kind, namespace: policy.namespace, name: policy.name ?? "(no name)")
            let about = policy.namespace.map { context.target(ofNamespace: $0, object: identity, at: policy.location) }
                ?? .object(identity, at: policy.location)
            return rule.finding(
                "\(policy.description)\(policy.apiVersion.map { " (\($0))" } ?? "") is not evaluated: verdicts touching \(scope) are unknown",
                about: about, evidence: [policy.location])
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF103: a namespace without a NetworkPolicy.
    public static let namespaceWithoutNetworkPolicy = Rule(
        id: "TF103", name: "NamespaceWithoutNetworkPolicy",
        title: "Namespace without a NetworkPolicy",
        defaultSeverity: .high,
        rationale: """
            By default Kubernetes lets every pod talk to every other pod. Without a \
            NetworkPolicy an attacker who gets into one pod can reach every service in every \
            namespace and move laterally.
            """,
        remediation: """
            Add a default-deny NetworkPolicy to the namespace and allow only the flows the model \
            shows; add a control of kind `network-policy` to the namespace boundary.
            """
    ) { context, rule in
        context.model.boundaries.compactMap { boundary in
            guard boundary.kind == .namespace, !context.has(boundary.controls, anyOf: .networkPolicy) else { return nil }
            return rule.finding(
                "\(context.describe(boundary)) has no network-policy control: every pod can reach every pod in it",
                about: context.target(boundary))
        }
    }
}

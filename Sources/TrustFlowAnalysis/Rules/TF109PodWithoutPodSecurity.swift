import TrustFlowModel

extension Rule {
    /// TF109: a pod without pod security.
    public static let podWithoutPodSecurity = Rule(
        id: "TF109", name: "PodWithoutPodSecurity",
        title: "Pod without pod security",
        defaultSeverity: .medium,
        rationale: """
            Pod Security admission (formerly PodSecurityPolicies) stops privileged pods, host \
            namespaces and host paths; without it one bad manifest gives a pod the node.
            """,
        remediation: """
            Enforce the `restricted` (or at least `baseline`) Pod Security Standard on the \
            namespace; add a control of kind `pod-security` to the pod.
            """
    ) { context, rule in
        context.model.boundaries.compactMap { boundary in
            guard boundary.kind == .pod, !context.has(boundary.controls, anyOf: .podSecurity) else { return nil }
            return rule.finding(
                "\(context.describe(boundary)) has no pod-security control", about: context.target(boundary))
        }
    }
}

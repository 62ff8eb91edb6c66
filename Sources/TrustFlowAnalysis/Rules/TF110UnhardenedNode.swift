import TrustFlowModel

extension Rule {
    /// TF110: a node missing node hardening or kubelet authentication (each one is needed).
    public static let unhardenedNode = Rule(
        id: "TF110", name: "UnhardenedNode",
        title: "Node without hardening or kubelet authentication",
        defaultSeverity: .medium,
        rationale: """
            A compromised node must not expose the others: the host needs hardening, and the \
            kubelet API must authenticate and authorise its callers, or anyone reaching port \
            10250 can run commands in every pod on the node.
            """,
        remediation: """
            Harden the host (CIS benchmark, minimal OS) and require kubelet authentication and \
            authorisation; add controls of kind `node-hardening` and `kubelet-auth` to the node.
            """
    ) { context, rule in
        context.model.boundaries.compactMap { boundary in
            guard boundary.kind == .node else { return nil }
            let kinds = context.kinds(of: boundary.controls)
            let missing = [ControlKind.nodeHardening, .kubeletAuth].filter { !kinds.contains($0) }
            guard !missing.isEmpty else { return nil }
            return rule.finding(
                "\(context.describe(boundary)) has \(context.missingControls(missing))",
                about: context.target(boundary))
        }
    }
}

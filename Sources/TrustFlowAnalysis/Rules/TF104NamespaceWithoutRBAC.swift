import TrustFlowModel

extension Rule {
    /// TF104: a namespace without RBAC.
    public static let namespaceWithoutRBAC = Rule(
        id: "TF104", name: "NamespaceWithoutRBAC",
        title: "Namespace without RBAC",
        defaultSeverity: .medium,
        rationale: """
            The namespace is Kubernetes' unit of authorisation. Without namespace-scoped RBAC \
            roles, users and service accounts get broader rights than they need, and a stolen \
            token reaches more than one application.
            """,
        remediation: """
            Define Roles and RoleBindings scoped to the namespace with the least privilege each \
            subject needs; add a control of kind `rbac` to the namespace boundary.
            """
    ) { context, rule in
        context.model.boundaries.compactMap { boundary in
            guard boundary.kind == .namespace, !context.has(boundary.controls, anyOf: .rbac) else { return nil }
            return rule.finding(
                "\(context.describe(boundary)) has no rbac control", about: context.target(boundary))
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF111: a cluster with neither a dedicated-cluster nor a VPC-segregation control.
    public static let sharedCluster = Rule(
        id: "TF111", name: "SharedCluster",
        title: "Cluster neither dedicated nor segregated",
        defaultSeverity: .low,
        rationale: """
            Environments that share a cluster or a network share their blast radius: a \
            compromise of development reaches production. Either a dedicated cluster or VPC \
            segregation separates them.
            """,
        remediation: """
            Run each environment in its own cluster, or at least its own VPC; add a control of \
            kind `dedicated-cluster` or `vpc-segregation` to the cluster.
            """
    ) { context, rule in
        context.model.boundaries.compactMap { boundary in
            guard boundary.kind == .cluster, !context.has(boundary.controls, anyOf: .dedicatedCluster, .vpcSegregation)
            else { return nil }
            return rule.finding(
                "\(context.describe(boundary)) has neither a dedicated-cluster nor a vpc-segregation control",
                about: context.target(boundary))
        }
    }
}

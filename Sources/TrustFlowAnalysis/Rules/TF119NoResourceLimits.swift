import TrustFlowModel

extension Rule {
    /// TF119: a container without CPU or memory limits.
    public static let noResourceLimits = Rule(
        id: "TF119", name: "NoResourceLimits",
        title: "Container without resource limits",
        defaultSeverity: .medium,
        rationale: """
            A container without limits can take all the CPU and memory of its node: one bug or \
            one attacker starves every other pod there — denial of service across the pod and \
            namespace boundaries.
            """,
        remediation: """
            Set `resources.limits.cpu` and `resources.limits.memory` (and requests), or a \
            LimitRange in the namespace that gives defaults.
            """
    ) { context, rule in
        WeakeningSetting.all([.noResourceLimits], in: context).map { setting in
            rule.finding("\(setting.item) has no resource limits (\(setting.labels)): it can starve its node", about: setting.target)
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF115: a pod that shares the node's network, process or IPC namespace.
    public static let hostNamespace = Rule(
        id: "TF115", name: "HostNamespace",
        title: "Pod shares a namespace of the node",
        defaultSeverity: .high,
        rationale: """
            With hostNetwork a pod listens and connects as the node — past NetworkPolicies, \
            onto the node's local services; with hostPID it sees and signals every process of \
            the node; with hostIPC it shares the node's shared memory. The pod boundary is gone.
            """,
        remediation: """
            Remove `hostNetwork`, `hostPID` and `hostIPC` (expose ports through a Service \
            instead); Pod Security "baseline" refuses them.
            """
    ) { context, rule in
        WeakeningSetting.all([.hostNetwork, .hostPID, .hostIPC], in: context).map { setting in
            rule.finding("\(setting.item) shares the node's namespaces (\(setting.labels))", about: setting.target)
        }
    }
}

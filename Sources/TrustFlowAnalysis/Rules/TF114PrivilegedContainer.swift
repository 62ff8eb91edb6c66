import TrustFlowModel

extension Rule {
    /// TF114: a container that runs privileged.
    public static let privilegedContainer = Rule(
        id: "TF114", name: "PrivilegedContainer",
        title: "Privileged container",
        defaultSeverity: .critical,
        rationale: """
            A privileged container has every Linux capability and the node's devices; the \
            container boundary no longer isolates anything, and a compromise of the process is \
            a compromise of the node and of every pod on it.
            """,
        remediation: """
            Remove `privileged: true`; grant only the capabilities the process needs \
            (`capabilities.add`) after dropping ALL, and enforce Pod Security "baseline" or \
            "restricted" on the namespace, which refuses privileged pods.
            """
    ) { context, rule in
        WeakeningSetting.all([.privileged], in: context).map { setting in
            rule.finding("\(setting.item) runs privileged (\(setting.labels)): it has the node's capabilities and devices",
                about: setting.target)
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF116: a pod that mounts a directory or file of the node.
    public static let hostPathVolume = Rule(
        id: "TF116", name: "HostPathVolume",
        title: "Pod mounts a path of the node",
        defaultSeverity: .high,
        rationale: """
            A hostPath volume puts the node's file system inside the pod: the container \
            runtime's socket, the kubelet's credentials or /etc are one write away, and with \
            them the node and its other pods.
            """,
        remediation: """
            Use a PersistentVolumeClaim, a ConfigMap, a Secret or an emptyDir instead; where a \
            node path is unavoidable (a log agent), mount it read-only and narrow, and keep \
            such pods in a namespace of their own.
            """
    ) { context, rule in
        WeakeningSetting.all([.hostPath], in: context).map { setting in
            rule.finding("\(setting.item) mounts the node's file system (\(setting.labels))", about: setting.target)
        }
    }
}

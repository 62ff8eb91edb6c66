/// The kinds of object that run pods, as manifests spell them.
public enum WorkloadKind: String, CaseIterable, Hashable, Sendable {
    case deployment = "Deployment"
    case statefulSet = "StatefulSet"
    case daemonSet = "DaemonSet"
    case replicaSet = "ReplicaSet"
    case replicationController = "ReplicationController"
    case job = "Job"
    case cronJob = "CronJob"
    case pod = "Pod"
}

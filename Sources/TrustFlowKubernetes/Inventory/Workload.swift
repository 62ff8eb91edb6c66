import TrustFlowModel

/// An object that runs pods — a Deployment, StatefulSet, DaemonSet, ReplicaSet,
/// ReplicationController, Job, CronJob or a bare Pod — with the pod it runs.
public struct Workload: Hashable, Sendable {
    public var kind: WorkloadKind
    /// The object's name, namespace, labels, annotations and location.
    public var metadata: ObjectMetadata
    /// `spec.selector` (a plain map for a ReplicationController); `nil` when absent (and for a bare Pod).
    public var selector: LabelSelector?
    /// The pod it runs: the template (a CronJob's job template's), or the Pod itself.
    public var template: PodTemplate

    /// Creates a workload.
    public init(kind: WorkloadKind, metadata: ObjectMetadata, selector: LabelSelector?, template: PodTemplate) {
        self.kind = kind
        self.metadata = metadata
        self.selector = selector
        self.template = template
    }

    /// The workload's name.
    public var name: String { metadata.name }
    /// The workload's namespace.
    public var namespace: String { metadata.namespace ?? KubernetesReference.defaultNamespace }
}

import TrustFlowModel

/// An object the reader did not take in, and why (listed with `-v`).
public struct SkippedObject: Hashable, Sendable {
    /// Why an object was left out.
    public enum Reason: String, Hashable, Sendable {
        /// A kind TrustFlow does not read (PodDisruptionBudget, Role, …).
        case unknownKind = "kind not modelled"
        /// A custom resource or its definition (a CRD, or a kind of a group outside Kubernetes).
        case customResource = "custom resource"
        /// Created by a workload that is in the input (a Deployment's ReplicaSet and its Pods
        /// in a `kubectl get -o yaml` dump): the workload stands for it.
        case managed = "managed by a workload in the input"
    }

    /// `kind` as written.
    public var kind: String
    /// `apiVersion` as written.
    public var apiVersion: String?
    public var name: String?
    public var namespace: String?
    public var reason: Reason
    public var location: SourceLocation

    /// Creates a record of a skipped object.
    public init(kind: String, apiVersion: String?, name: String?, namespace: String?, reason: Reason, location: SourceLocation) {
        self.kind = kind
        self.apiVersion = apiVersion
        self.name = name
        self.namespace = namespace
        self.reason = reason
        self.location = location
    }
}

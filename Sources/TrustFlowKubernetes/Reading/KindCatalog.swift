/// Which kinds the reader takes in, and the API groups each may come from: a `Service` of
/// `serving.knative.dev` is a custom resource, not a Kubernetes Service.
enum KindCatalog {
    /// The kinds read into the inventory, with their API groups (`""` is the core group).
    static let groups: [String: Set<String>] = {
        var groups: [String: Set<String>] = [:]
        for kind in ["Pod", "Service", "ConfigMap", "Secret", "Namespace", "ServiceAccount", "ReplicationController"] {
            groups[kind] = [""]
        }
        for kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"] { groups[kind] = ["apps", "extensions"] }
        for kind in ["Job", "CronJob"] { groups[kind] = ["batch"] }
        for kind in ["Ingress", "NetworkPolicy"] { groups[kind] = ["networking.k8s.io", "extensions"] }
        for kind in ["RoleBinding", "ClusterRoleBinding"] { groups[kind] = ["rbac.authorization.k8s.io"] }
        return groups
    }()

    /// Kinds that belong to no namespace.
    static let clusterScoped: Set<String> = ["Namespace", "ClusterRoleBinding"]

    /// The API group of an `apiVersion` (`apps/v1` → `apps`, `v1` → the core group).
    static func group(of apiVersion: String) -> String {
        apiVersion.firstIndex(of: "/").map { String(apiVersion[..<$0]) } ?? ""
    }

    /// Whether a group is Kubernetes' own (so an unread kind in it is not a custom resource).
    static func isBuiltIn(group: String) -> Bool {
        ["", "apps", "batch", "extensions", "policy", "autoscaling"].contains(group) || group.hasSuffix(".k8s.io")
    }

    /// What a `kind` with an `apiVersion` is: read, or skipped and why.
    static func classify(kind: String, apiVersion: String?) -> SkippedObject.Reason? {
        if kind == "CustomResourceDefinition" { return .customResource }
        let group = apiVersion.map(group(of:))
        if let accepted = groups[kind] {
            guard let group else { return nil }
            return accepted.contains(group) ? nil : .customResource
        }
        return group.map(isBuiltIn(group:)) ?? true ? .unknownKind : .customResource
    }
}

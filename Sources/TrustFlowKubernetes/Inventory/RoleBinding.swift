/// A RoleBinding or ClusterRoleBinding: who gets which role's rights on the API.
public struct RoleBinding: Hashable, Sendable {
    /// One subject of a binding.
    public struct Subject: Hashable, Sendable {
        /// `ServiceAccount`, `User` or `Group`.
        public var kind: String
        public var name: String
        /// A ServiceAccount's namespace (the binding's own when a RoleBinding leaves it out).
        public var namespace: String?

        /// Creates a subject.
        public init(kind: String, name: String, namespace: String?) {
            self.kind = kind
            self.name = name
            self.namespace = namespace
        }
    }

    /// `metadata`; `kind` is `RoleBinding` or `ClusterRoleBinding`.
    public var metadata: ObjectMetadata
    /// `roleRef.kind` and `roleRef.name`.
    public var roleKind: String
    public var roleName: String
    public var subjects: [Subject]

    /// Creates a binding.
    public init(metadata: ObjectMetadata, roleKind: String, roleName: String, subjects: [Subject]) {
        self.metadata = metadata
        self.roleKind = roleKind
        self.roleName = roleName
        self.subjects = subjects
    }

    /// Whether the binding grants its role to the service account `name` in `namespace`.
    public func binds(serviceAccount name: String, in namespace: String) -> Bool {
        subjects.contains { $0.kind == "ServiceAccount" && $0.name == name && ($0.namespace ?? metadata.namespace) == namespace }
    }
}

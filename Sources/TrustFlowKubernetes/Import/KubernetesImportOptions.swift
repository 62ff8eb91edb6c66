/// How `trustflow import k8s` names what it imports.
public struct KubernetesImportOptions: Hashable, Sendable {
    /// The cluster the manifests are applied to (`--cluster`): the outermost boundary.
    public var clusterName: String
    /// The model's title (`--title`); `nil` for the default.
    public var title: String?

    /// Creates options.
    public init(clusterName: String = "cluster", title: String? = nil) {
        self.clusterName = clusterName
        self.title = title
    }

    /// The title when none is given.
    public static let defaultTitle = "Kubernetes manifests"
}

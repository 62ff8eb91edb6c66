import TrustFlowModel

/// Turns an ``Inventory`` into a threat model — the second stage of `trustflow import k8s`
/// (manifests → ``ManifestReader`` → inventory → importer → model → ``ModelMerger`` when an
/// existing model is kept up to date).
///
/// What comes from what:
/// - a `cluster` boundary; a `namespace` boundary per namespace that runs a workload; a `pod`
///   boundary per workload; a `container` boundary and an element per container (init and
///   sidecar containers too), a `datastore` where the image or a port names a known store;
/// - controls from what the manifests say (seccomp, AppArmor, non-root, read-only root, least
///   privilege, Secrets, Pod Security labels, NetworkPolicies, service accounts, RoleBindings)
///   and the weakening settings they allow (privileged, host namespaces, hostPath, an
///   automounted token, unpinned images, missing limits, secrets in plain values);
/// - flows where a value names a Service (resolved through its selector to the pods and their
///   target port), where a RoleBinding lets a pod's service account use the API, and from the
///   Internet through LoadBalancer and NodePort Services and Ingresses. Nothing is guessed: a
///   reference that resolves to nothing is a warning.
///
/// The result depends only on what the manifests say, never on their order, and every item
/// carries its `k8s` reference; where each was written is in the `x-trustflow-import` block,
/// which `diff` does not read, so moving a manifest's lines changes no item.
public struct KubernetesImporter: Sendable {
    public var options: KubernetesImportOptions

    /// Creates an importer.
    public init(options: KubernetesImportOptions = KubernetesImportOptions()) { self.options = options }

    /// Imports an inventory.
    public func importModel(from inventory: Inventory) -> KubernetesImportResult {
        var run = ImportRun(inventory: inventory, options: options)
        run.addStructure()
        run.addNamespaceControls()
        run.addWorkloadControls()
        run.addReferenceFlows()
        run.addAPIFlows()
        run.addExposure()
        return run.result()
    }
}

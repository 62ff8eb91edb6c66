import TrustFlowModel

/// A network policy of a kind TrustFlow does not evaluate — Cilium's, Calico's, Antrea's, the
/// AdminNetworkPolicy API's — found in the manifests. It may allow or deny anything for the
/// pods it covers, so every verdict touching them is unknown, never silently decided.
public struct UnevaluatedPolicy: Hashable, Sendable {
    public var kind: String
    public var apiVersion: String?
    public var name: String?
    /// The namespace whose pods it may cover; `nil` for a cluster-wide kind, which may cover any pod.
    public var namespace: String?
    public var location: SourceLocation

    /// Creates a record.
    public init(kind: String, apiVersion: String?, name: String?, namespace: String?, location: SourceLocation) {
        self.kind = kind
        self.apiVersion = apiVersion
        self.name = name
        self.namespace = namespace
        self.location = location
    }

    /// `CiliumNetworkPolicy shop/allow-dns`, `AdminNetworkPolicy cluster-baseline`.
    public var description: String {
        kind + " " + [namespace, name].compactMap { $0 }.joined(separator: "/")
    }

    /// Kinds that hold network policy: Cilium's (`CiliumNetworkPolicy`,
    /// `CiliumClusterwideNetworkPolicy`), Calico's (`NetworkPolicy` of projectcalico.org,
    /// `GlobalNetworkPolicy`, the staged ones), Antrea's (`ClusterNetworkPolicy`), the
    /// AdminNetworkPolicy API's — all named `…NetworkPolicy`.
    static func isNetworkPolicyKind(_ kind: String) -> Bool { kind.hasSuffix("NetworkPolicy") }

    /// Kinds that apply to the whole cluster rather than to one namespace.
    static func isClusterWide(_ kind: String) -> Bool {
        kind.hasPrefix("Global") || kind.hasPrefix("Cluster") || kind.hasPrefix("StagedGlobal") || kind.contains("Clusterwide")
            || kind.hasSuffix("AdminNetworkPolicy")
    }

    /// The policies of the inventory's skipped objects.
    static func all(in inventory: Inventory) -> [UnevaluatedPolicy] {
        inventory.skipped.filter { isNetworkPolicyKind($0.kind) && $0.reason != .managed }.map { object in
            UnevaluatedPolicy(kind: object.kind, apiVersion: object.apiVersion, name: object.name,
                namespace: isClusterWide(object.kind) ? nil : object.namespace, location: object.location)
        }
    }
}

import TrustFlowModel

/// What a set of manifests holds, typed and located: the input of the importer and of the
/// drift check. Every list is sorted by object identity (namespace, name, kind), so the
/// order of files and documents never shows; the lists are fixed once made, so the indexes
/// built beside them (by namespace, by name) stay right.
public struct Inventory: Sendable {
    /// The namespace of objects whose manifests name none.
    public let defaultNamespace: String
    public let workloads: [Workload]
    public let services: [Service]
    public let ingresses: [Ingress]
    public let configMaps: [ConfigMap]
    public let secrets: [SecretObject]
    public let serviceAccounts: [ServiceAccount]
    public let roleBindings: [RoleBinding]
    /// The Namespace objects in the input (a namespace can be used without one).
    public let namespaces: [NamespaceObject]
    public let networkPolicies: [NetworkPolicy]
    /// What was left out, sorted by location.
    public let skipped: [SkippedObject]
    /// The files read, in the order given.
    public let files: [ManifestFile]
    /// Every namespace the input uses — by a Namespace object or by an object in it — sorted.
    public let namespaceNames: [String]

    private var servicesByKey: [String: Int] = [:]
    private var configMapsByKey: [String: Int] = [:]
    private var namespacesByName: [String: Int] = [:]
    private var serviceAccountsByKey: [String: Int] = [:]
    /// Positions in ``workloads`` and ``networkPolicies`` by namespace: selectors only look
    /// inside their namespace, and a thousand Services each scanning a thousand workloads
    /// would be the import's slowest step.
    private var workloadsByNamespace: [String: [Int]] = [:]
    private var policiesByNamespace: [String: [Int]] = [:]

    /// Creates an inventory; every list is sorted by identity.
    public init(
        defaultNamespace: String, workloads: [Workload] = [], services: [Service] = [], ingresses: [Ingress] = [],
        configMaps: [ConfigMap] = [], secrets: [SecretObject] = [], serviceAccounts: [ServiceAccount] = [],
        roleBindings: [RoleBinding] = [], namespaces: [NamespaceObject] = [], networkPolicies: [NetworkPolicy] = [],
        skipped: [SkippedObject] = [], files: [ManifestFile] = []
    ) {
        self.defaultNamespace = defaultNamespace
        self.workloads = workloads.sorted { $0.metadata.identity < $1.metadata.identity }
        self.services = services.sorted { $0.metadata.identity < $1.metadata.identity }
        self.ingresses = ingresses.sorted { $0.metadata.identity < $1.metadata.identity }
        self.configMaps = configMaps.sorted { $0.metadata.identity < $1.metadata.identity }
        self.secrets = secrets.sorted { $0.metadata.identity < $1.metadata.identity }
        self.serviceAccounts = serviceAccounts.sorted { $0.metadata.identity < $1.metadata.identity }
        self.roleBindings = roleBindings.sorted { $0.metadata.identity < $1.metadata.identity }
        self.namespaces = namespaces.sorted { $0.metadata.identity < $1.metadata.identity }
        self.networkPolicies = networkPolicies.sorted { $0.metadata.identity < $1.metadata.identity }
        self.skipped = skipped.sorted { $0.location < $1.location }
        self.files = files
        var names = Set(self.namespaces.map(\.name))
        names.formUnion(self.workloads.map(\.namespace))
        names.formUnion(self.services.map(\.namespace))
        names.formUnion(self.ingresses.map(\.namespace))
        names.formUnion(self.networkPolicies.map(\.namespace))
        self.namespaceNames = names.sorted()
        for (position, workload) in self.workloads.enumerated() { workloadsByNamespace[workload.namespace, default: []].append(position) }
        for (position, policy) in self.networkPolicies.enumerated() { policiesByNamespace[policy.namespace, default: []].append(position) }
        for (position, service) in self.services.enumerated() { servicesByKey[service.namespace + "/" + service.name] = position }
        for (position, map) in self.configMaps.enumerated() {
            configMapsByKey[(map.metadata.namespace ?? defaultNamespace) + "/" + map.metadata.name] = position
        }
        for (position, namespace) in self.namespaces.enumerated() { namespacesByName[namespace.name] = position }
        for (position, account) in self.serviceAccounts.enumerated() {
            serviceAccountsByKey[(account.metadata.namespace ?? defaultNamespace) + "/" + account.metadata.name] = position
        }
    }

    /// The Service `name` in `namespace`.
    public func service(_ name: String, in namespace: String) -> Service? {
        servicesByKey[namespace + "/" + name].map { services[$0] }
    }

    /// The ConfigMap `name` in `namespace`.
    public func configMap(_ name: String, in namespace: String) -> ConfigMap? {
        configMapsByKey[namespace + "/" + name].map { configMaps[$0] }
    }

    /// The ServiceAccount `name` in `namespace`.
    public func serviceAccount(_ name: String, in namespace: String) -> ServiceAccount? {
        serviceAccountsByKey[namespace + "/" + name].map { serviceAccounts[$0] }
    }

    /// The Namespace object named `name`, if the input has one.
    public func namespace(_ name: String) -> NamespaceObject? { namespacesByName[name].map { namespaces[$0] } }

    /// The workloads in `namespace` whose pods carry every label of `selector`, as a Service
    /// selects them.
    public func workloads(selectedBy selector: [String: String], in namespace: String) -> [Workload] {
        (workloadsByNamespace[namespace] ?? []).filter { position in
            selector.allSatisfy { workloads[position].template.labels[$0.key] == $0.value }
        }.map { workloads[$0] }
    }

    /// The workloads of `namespace`.
    public func workloads(in namespace: String) -> [Workload] { (workloadsByNamespace[namespace] ?? []).map { workloads[$0] } }

    /// The NetworkPolicies of `namespace`.
    public func networkPolicies(in namespace: String) -> [NetworkPolicy] {
        (policiesByNamespace[namespace] ?? []).map { networkPolicies[$0] }
    }

    /// The NetworkPolicies of its namespace that select the pods of `workload`.
    public func policies(selecting workload: Workload) -> [NetworkPolicy] {
        (policiesByNamespace[workload.namespace] ?? []).filter { networkPolicies[$0].podSelector.matches(workload.template.labels) }
            .map { networkPolicies[$0] }
    }

    /// The name the model uses for a manifest file read from `path`.
    public func displayName(of path: String) -> String { files.first { $0.path == path }?.name ?? path }
}

/// A manifest file: the path it was read from (as the user gave it, for messages) and the
/// name the model uses for it (relative to the directory given, so it does not depend on
/// where the import ran).
public struct ManifestFile: Hashable, Sendable {
    public var path: String
    public var name: String

    /// Creates a file record.
    public init(path: String, name: String) {
        self.path = path
        self.name = name
    }
}

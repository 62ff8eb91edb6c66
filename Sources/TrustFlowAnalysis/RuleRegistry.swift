/// Every rule TrustFlow runs, in id order.
public enum RuleRegistry {
    public static let all: [Rule] = [
        .unencryptedBoundaryCrossing,
        .unauthenticatedBoundaryCrossing,
        .namespaceWithoutNetworkPolicy,
        .namespaceWithoutRBAC,
        .datastoreWithoutLeastPrivilege,
        .directDatastoreAccess,
        .unprotectedEntryPoint,
        .containerWithoutSyscallFiltering,
        .podWithoutPodSecurity,
        .unhardenedNode,
        .sharedCluster,
        .contradictoryFlowAttributes,
        .unprotectedThreatTarget,
        .privilegedContainer,
        .hostNamespace,
        .hostPathVolume,
        .unusedServiceAccountToken,
        .unpinnedImage,
        .noResourceLimits,
        .plaintextSecret,
        .exposedWithoutTLS,
    ]

    /// The rule with `id`, or `nil`.
    public static func rule(_ id: String) -> Rule? { all.first { $0.id == id } }

    /// The ids of the drift check's rules (TF2xx), which compare a model with Kubernetes
    /// manifests and so run only where manifests are given (`trustflow drift`, `check
    /// --manifests`); they are defined in TrustFlowKubernetes. Every stage knows the ids, so
    /// that a model may accept their findings wherever it is checked.
    public static let driftRuleIDs: Set<String> = Set((201...213).map { "TF\($0)" })

    /// Whether `id` names a TrustFlow rule, of the model or of the drift check.
    public static func isKnown(_ id: String) -> Bool { rule(id) != nil || driftRuleIDs.contains(id) }
}

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
}

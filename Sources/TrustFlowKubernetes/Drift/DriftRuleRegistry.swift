import TrustFlowAnalysis

/// Every rule of the drift check, in id order.
public enum DriftRuleRegistry {
    public static let all: [DriftRule] = [
        .declaredFlowBlocked,
        .undeclaredConnectionAllowed,
        .declaredFlowUndetermined,
        .claimedControlAbsent,
        .unclaimedControlPresent,
        .modelItemWithoutObject,
        .workloadWithoutModelItem,
        .missingServiceReference,
        .stalePolicySelector,
        .ineffectiveDefaultDenyAnnotation,
        .lowercaseCapabilityDrop,
        .policyNotEvaluated,
        .workloadNotIsolated,
    ]

    /// The rule with `id`, or `nil`.
    public static func rule(_ id: String) -> DriftRule? { all.first { $0.id == id } }
}

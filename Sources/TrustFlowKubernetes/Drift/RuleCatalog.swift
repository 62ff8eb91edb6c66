import TrustFlowAnalysis

/// Every TrustFlow rule — the model's (``RuleRegistry``) and the drift check's — for what lists
/// or documents them: SARIF's rule list, the JSON reports' titles and remediations.
public enum RuleCatalog {
    public static let all: [any DocumentedRule] = RuleRegistry.all + DriftRuleRegistry.all

    /// The rule with `id`, or `nil`.
    public static func rule(_ id: String) -> (any DocumentedRule)? { all.first { $0.id == id } }
}

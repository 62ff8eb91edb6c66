import TrustFlowModel

/// A security rule: a plain value with a stable id, its documentation, and a function from
/// a model to findings. Rules are listed in ``RuleRegistry``; adding one is a new file in
/// `Rules/` and a line there.
public struct Rule: Sendable {
    /// Stable id, e.g. `TF103`; never reused for a different check.
    public let id: String
    /// A short PascalCase name, e.g. `NamespaceWithoutNetworkPolicy` (SARIF's `name`).
    public let name: String
    /// A one-line summary.
    public let title: String
    /// The severity of a typical finding; some findings are raised above it.
    public let defaultSeverity: Severity
    /// Why it matters, grounded in the Kubernetes threat model.
    public let rationale: String
    /// What to do about it.
    public let remediation: String
    private let check: @Sendable (AnalysisContext, Rule) -> [Finding]

    public init(
        id: String, name: String, title: String, defaultSeverity: Severity, rationale: String,
        remediation: String, check: @escaping @Sendable (AnalysisContext, Rule) -> [Finding]
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.defaultSeverity = defaultSeverity
        self.rationale = rationale
        self.remediation = remediation
        self.check = check
    }

    /// Runs the rule.
    public func evaluate(_ context: AnalysisContext) -> [Finding] { check(context, self) }

    /// A finding of this rule at its default severity unless told otherwise.
    func finding(_ message: String, about target: FindingTarget, at path: ModelPath? = nil, severity: Severity? = nil)
        -> Finding
    {
        Finding(ruleID: id, severity: severity ?? defaultSeverity, message: message, target: target, path: path)
    }
}

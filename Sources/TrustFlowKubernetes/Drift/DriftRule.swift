import TrustFlowAnalysis
import TrustFlowModel

/// A rule of the drift check: like a model rule (``Rule``), with a stable id, its
/// documentation and a check — but the check compares a model (when one is given) with
/// Kubernetes manifests and what their NetworkPolicies let through. Rules are listed in
/// ``DriftRuleRegistry``; each is a file in `Drift/Rules/`.
public struct DriftRule: DocumentedRule {
    public let id: String
    public let name: String
    public let title: String
    public let defaultSeverity: Severity
    public let rationale: String
    public let remediation: String
    /// When the rule runs.
    public enum Scope: String, Hashable, Sendable {
        /// Always: it judges the manifests.
        case always
        /// With a model: it compares the model with the manifests.
        case withModel
        /// Without a model only: with one, a rule comparing the two says the same more precisely.
        case withoutModel
    }

    /// When the rule runs.
    public let scope: Scope
    private let check: @Sendable (DriftContext, DriftRule) -> [Finding]

    init(
        id: String, name: String, title: String, defaultSeverity: Severity, scope: Scope, rationale: String,
        remediation: String, check: @escaping @Sendable (DriftContext, DriftRule) -> [Finding]
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.defaultSeverity = defaultSeverity
        self.scope = scope
        self.rationale = rationale
        self.remediation = remediation
        self.check = check
    }

    /// Runs the rule, when its scope says it runs with or without a model.
    func evaluate(_ context: DriftContext) -> [Finding] {
        switch scope {
        case .withModel where context.model == nil, .withoutModel where context.model != nil: []
        default: check(context, self)
        }
    }

    /// A finding of this rule about `target`, located at `location` (the model item's place,
    /// or the manifest's for a Kubernetes object), with the manifest lines that show the cause.
    func finding(_ message: String, about target: DriftTarget, evidence: [SourceLocation], severity: Severity? = nil) -> Finding {
        var finding = Finding(ruleID: id, severity: severity ?? defaultSeverity, message: message, target: target.target)
        finding.location = target.location
        finding.evidence = evidence.uniqued().filter { $0 != target.location }
        return finding
    }
}

extension DriftRule {
    /// One finding per flow of the model with verdicts of `kind` (a flow to a Service has one
    /// per workload it reaches): `saying` opens the message with the flow's description, and
    /// `because` gives each verdict's account and the manifest lines behind it.
    func flowFindings(_ context: DriftContext, kind: ConnectionVerdict.Kind, saying: (String) -> String,
        because: (DeclaredFlowVerdict) -> (String, [SourceLocation])) -> [Finding]
    {
        guard let model = context.model else { return [] }
        let byFlow = Dictionary(grouping: context.declaredFlows.filter { $0.kind == kind }, by: \.flow)
        return model.model.flows.compactMap { flow -> Finding? in
            guard let verdicts = byFlow[flow.id] else { return nil }
            let accounts = verdicts.map(because)
            return finding(saying(model.describe(flow: flow.id)) + accounts.map(\.0).joined(separator: "; "),
                about: model.target(DriftItem(kind: .flow, id: flow.id)), evidence: accounts.flatMap(\.1))
        }
    }
}

/// What a drift finding is about: a model item (with its place in the model file) or, when
/// no model item stands for it, a Kubernetes object (with its place in the manifests).
struct DriftTarget {
    var target: FindingTarget
    var location: SourceLocation?

    /// A Kubernetes object no model item stands for.
    static func object(_ identity: ObjectIdentity, at location: SourceLocation) -> DriftTarget {
        DriftTarget(target: FindingTarget(kind: .kubernetesObject, id: identity.description, path: .root), location: location)
    }
}

import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF203: a declared flow whose verdict the manifests do not decide.
    public static let declaredFlowUndetermined = DriftRule(
        id: "TF203", name: "DeclaredFlowUndetermined",
        title: "Declared flow neither surely allowed nor surely blocked",
        defaultSeverity: .low, scope: .withModel,
        rationale: """
            Whether this flow passes depends on something the manifests do not say: the labels \
            of a namespace they do not declare, whether an ipBlock covers pod addresses, a port \
            name no container declares, a policy of a kind TrustFlow does not evaluate. The \
            model's claim about it is unverified.
            """,
        remediation: """
            Add what is missing to the manifests (the Namespace object with its labels, the \
            container port), select peers by labels rather than by IP, or check the flow on the \
            cluster itself.
            """
    ) { context, rule in
        guard let model = context.model else { return [] }
        let byFlow = Dictionary(grouping: context.declaredFlows.filter { $0.kind == .unknown }, by: \.flow)
        return model.model.flows.compactMap { flow -> Finding? in
            guard let verdicts = byFlow[flow.id] else { return nil }
            var reasons: [String] = []
            var evidence: [SourceLocation] = []
            for verdict in verdicts {
                let explanation = verdict.explanation
                let port = verdict.port.map { "\($0.protocol.rawValue) \($0.number)" } ?? "any port"
                var why = (explanation.egress.doubts + explanation.ingress.doubts).map(\.reason)
                why += explanation.unevaluated.map { "\(context.evaluator.unevaluatedPolicies[$0].description) is not evaluated" }
                reasons.append("\(context.describe(verdict.source)) → \(context.describe(verdict.destination)) on \(port): "
                    + why.uniqued().joined(separator: "; "))
                evidence += (explanation.egress.doubts + explanation.ingress.doubts).map { context.inventory.rule($0.rule).location }
                evidence += explanation.unevaluated.map { context.evaluator.unevaluatedPolicies[$0].location }
            }
            return rule.finding("whether \(model.describe(flow: flow.id)) passes is unknown: " + reasons.joined(separator: "; "),
                about: model.target(DriftItem(kind: .flow, id: flow.id)), evidence: evidence)
        }
    }
}

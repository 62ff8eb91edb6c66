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
        rule.flowFindings(context, kind: .unknown, saying: { "whether \($0) passes is unknown: " }) { verdict in
            let explanation = verdict.explanation
            let port = verdict.port.map { "\($0.protocol.rawValue) \($0.number)" } ?? "any port"
            let doubts = explanation.egress.doubts + explanation.ingress.doubts
            let why = doubts.map(\.reason) + explanation.unevaluated.map { "\(context.evaluator.unevaluatedPolicies[$0].description) is not evaluated" }
            return ("\(context.describe(verdict.source)) → \(context.describe(verdict.destination)) on \(port): " + why.uniqued().joined(separator: "; "),
                doubts.map { context.inventory.rule($0.rule).location } + explanation.unevaluated.map { context.evaluator.unevaluatedPolicies[$0].location })
        }
    }
}

import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF201: a flow the model declares that the NetworkPolicies block.
    public static let declaredFlowBlocked = DriftRule(
        id: "TF201", name: "DeclaredFlowBlocked",
        title: "Declared flow blocked by NetworkPolicy",
        defaultSeverity: .high, scope: .withModel,
        rationale: """
            The model says this flow happens, but the cluster's NetworkPolicies drop it: either \
            the model describes a system that does not run (the threat model reasons about the \
            wrong thing), or the application is broken where it needs this connection.
            """,
        remediation: """
            Allow the flow in the policy that blocks it (an egress rule of the source's policy, \
            an ingress rule of the destination's, on the pod's port), or remove the flow from \
            the model if it no longer happens.
            """
    ) { context, rule in
        rule.flowFindings(context, kind: .denied, saying: { "\($0) is blocked: " }) { Self.whyBlocked($0, context: context) }
    }

    /// When a policy allows a Service's port instead of the pod port it forwards to — the usual
    /// mistake, since NetworkPolicies see the pod's port — says so.
    static func servicePortHint(_ verdict: DeclaredFlowVerdict, allowed: PortSet, context: DriftContext) -> String {
        guard let checked = verdict.port, case .workload(let position) = verdict.destination else { return "" }
        let workload = context.inventory.workloads[position]
        for service in context.inventory.services where service.selects(workload) {
            for servicePort in service.ports where allowed.contains(servicePort.protocol, port: servicePort.port) {
                if Service.podPort(of: servicePort, in: workload) == checked.number, servicePort.port != checked.number {
                    return " (\(servicePort.protocol.rawValue) \(servicePort.port) is the port of Service \(service.namespace)/\(service.name), "
                        + "which forwards to the pod's \(checked.number): NetworkPolicies see the pod's port)"
                }
            }
        }
        return ""
    }

    /// Which side blocks a flow, by which policies, or on which ports it would pass instead.
    static func whyBlocked(_ verdict: DeclaredFlowVerdict, context: DriftContext) -> (String, [SourceLocation]) {
        let explanation = verdict.explanation
        let policies = context.inventory.networkPolicies
        let port = verdict.port.map { "\($0.protocol.rawValue) \($0.number)" } ?? "any port"
        let forwarded = verdict.port.flatMap { checked in
            checked.service.map { " (its port \(checked.declared) is Service \($0.namespace ?? "")/\($0.name)'s, forwarded to the pod's \(checked.number))" }
        } ?? ""
        var blockers: [String] = []
        var evidence: [SourceLocation] = []
        for (side, subject, other) in [(explanation.egress, verdict.source, verdict.destination),
            (explanation.ingress, verdict.destination, verdict.source)]
        {
            let passes = side.allowed.union(side.unknown)
            let open = verdict.port.map { passes.contains($0.protocol, port: $0.number) } ?? !passes.isEmpty
            guard !open, case .isolated(let by) = side.exposure else { continue }
            let what = "the \(side.direction == .egress ? "egress" : "ingress") of \(context.describe(subject))"
            let names = by.map { "\(policies[$0].namespace)/\(policies[$0].name)" }
            if side.allowed.isEmpty {
                blockers.append("\(what) is isolated by NetworkPolicy \(names.joined(separator: ", ")), and no rule of it allows \(context.describe(other))")
                evidence += by.map { policies[$0].metadata.location }
            } else {
                let rules = side.grants.map { "\($0.rule.direction.rawValue.lowercased()) rule \($0.rule.rule + 1) of \(policies[$0.rule.policy].name)" }
                blockers.append("\(what) allows \(context.describe(other)) only on \(side.allowed) (\(rules.joined(separator: ", "))), not on \(port) — a port mismatch"
                    + servicePortHint(verdict, allowed: side.allowed, context: context))
                evidence += side.grants.map { context.inventory.rule($0.rule).location }
            }
        }
        if blockers.isEmpty {
            blockers.append("the egress of \(context.describe(verdict.source)) allows \(explanation.egress.allowed) and the ingress of \(context.describe(verdict.destination)) allows \(explanation.ingress.allowed): no port in common")
            evidence += (explanation.egress.grants + explanation.ingress.grants).map { context.inventory.rule($0.rule).location }
        }
        return ("\(context.describe(verdict.source)) → \(context.describe(verdict.destination)) on \(port)\(forwarded): "
            + blockers.joined(separator: ", and "), evidence)
    }
}

import TrustFlowModel

extension Rule {
    /// TF113: something a threat actor targets has no control at all (recorded weaknesses such
    /// as `privileged` are no protection and do not count).
    public static let unprotectedThreatTarget = Rule(
        id: "TF113", name: "UnprotectedThreatTarget",
        title: "Threat actor's target has no control",
        defaultSeverity: .medium,
        rationale: """
            The model names who attacks what. A target with no security control at all means \
            the threat was identified but no countermeasure was planned — the third step of \
            the threat-modelling loop is missing.
            """,
        remediation: """
            Add the controls that counter the named threat actors to the target, or accept the \
            risk explicitly in `acceptedRisks` with a reason.
            """
    ) { context, rule in
        var attackers: [String: [String]] = [:]
        var order: [String] = []
        for actor in context.model.threatActors {
            for target in actor.targets {
                if attackers[target] == nil { order.append(target) }
                if attackers[target]?.contains(actor.label) != true { attackers[target, default: []].append(actor.label) }
            }
        }
        return order.compactMap { id in
            let names = attackers[id, default: []].map { "'\($0)'" }.joined(separator: ", ")
            if let element = context.index.element(id), !context.hasProtection(element.controls) {
                return rule.finding(
                    "\(context.describe(element)) is targeted by \(names) but has no control", about: context.target(element))
            }
            if let boundary = context.index.boundary(id), !context.hasProtection(boundary.controls) {
                return rule.finding(
                    "\(context.describe(boundary)) is targeted by \(names) but has no control", about: context.target(boundary))
            }
            return nil
        }
    }
}

extension ConnectionExplanation {
    /// Why the verdict is what it is, one sentence per cause, egress side first:
    /// `egress of Deployment default/frontend: egress rule 1 of NetworkPolicy default/frontend-netpol allows TCP 9555`.
    public func reasons(_ evaluator: NetworkPolicyEvaluator) -> [String] {
        let inventory = evaluator.inventory
        var reasons: [String] = []
        for (side, subject) in [(egress, source), (ingress, destination)] {
            let prefix = "\(side.direction == .egress ? "egress" : "ingress") of \(subject.name(in: inventory)): "
            switch side.exposure {
            case .outsidePodNetwork:
                continue
            case .notIsolated(let namespaceHasPolicies):
                guard case .workload(let position) = subject else { continue }
                let workload = inventory.workloads[position]
                reasons.append(prefix + (namespaceHasPolicies
                    ? "no NetworkPolicy selects it for \(side.direction.rawValue), everything passes"
                    : "namespace \(workload.namespace) has no NetworkPolicy, everything passes"))
            case .isolated(let by):
                if side.grants.isEmpty, side.doubts.isEmpty {
                    let names = by.map { "\(inventory.networkPolicies[$0].namespace)/\(inventory.networkPolicies[$0].name)" }
                    reasons.append(prefix + "isolated by NetworkPolicy \(names.joined(separator: ", ")), no rule lets the other end through")
                }
                for grant in side.grants {
                    let policy = inventory.networkPolicies[grant.rule.policy]
                    reasons.append(prefix + "\(grant.rule.direction.rawValue.lowercased()) rule \(grant.rule.rule + 1) of NetworkPolicy \(policy.namespace)/\(policy.name) allows \(grant.ports)")
                }
                for doubt in side.doubts {
                    let policy = inventory.networkPolicies[doubt.rule.policy]
                    reasons.append(prefix + "\(doubt.rule.direction.rawValue.lowercased()) rule \(doubt.rule.rule + 1) of NetworkPolicy \(policy.namespace)/\(policy.name) may allow \(doubt.ports): \(doubt.reason)")
                }
            }
        }
        for position in unevaluated {
            reasons.append("\(evaluator.unevaluatedPolicies[position].description) is not evaluated: the verdict is unknown")
        }
        return reasons
    }
}

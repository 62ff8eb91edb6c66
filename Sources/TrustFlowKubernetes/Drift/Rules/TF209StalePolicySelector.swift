import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF209: a NetworkPolicy, or a peer of one, whose selector matches no pod.
    public static let stalePolicySelector = DriftRule(
        id: "TF209", name: "StalePolicySelector",
        title: "NetworkPolicy selector that matches no pod",
        defaultSeverity: .medium, scope: .always,
        rationale: """
            A policy whose pod selector matches no pod protects nothing, and a peer that \
            matches no pod allows nothing: usually a label that was renamed on the pods and not \
            in the policy. The isolation the policy was written for is not there, or a flow it \
            was written to allow is blocked.
            """,
        remediation: """
            Fix the selector to the pods' labels (the finding suggests the closest one), or \
            remove the stale policy or peer.
            """
    ) { context, rule in
        let inventory = context.inventory
        return inventory.networkPolicies.compactMap { policy -> Finding? in
            let workloads = inventory.workloads(in: policy.namespace)
            // A namespace without workloads in the input: the manifests are partial, nothing is stale for sure.
            guard !workloads.isEmpty else { return nil }
            var stale: [String] = []
            var evidence: [SourceLocation] = []
            func check(_ selector: LabelSelector, _ what: String) {
                guard !workloads.contains(where: { selector.matches($0.template.labels) }) else { return }
                stale.append("\(what) {\(selector.summary)} matches no pod of namespace \(policy.namespace)"
                    + Self.closestLabel(selector, among: workloads))
                evidence.append(selector.location)
            }
            check(policy.podSelector, "its podSelector")
            for (direction, rules) in [("ingress", policy.ingress), ("egress", policy.egress)] {
                for (index, policyRule) in rules.enumerated() {
                    // Only a podSelector alone is confined to the input's pods; a namespace
                    // selector may reach namespaces the manifests do not hold.
                    for peer in policyRule.peers where peer.namespaceSelector == nil && peer.ipBlock == nil {
                        if let selector = peer.podSelector { check(selector, "peer podSelector of \(direction) rule \(index + 1)") }
                    }
                }
            }
            guard !stale.isEmpty else { return nil }
            return rule.finding("NetworkPolicy \(policy.namespace)/\(policy.name) is stale: " + stale.joined(separator: "; "),
                about: context.target(ofNamespace: policy.namespace, object: policy.metadata.identity, at: policy.metadata.location),
                evidence: [policy.metadata.location] + evidence)
        }
    }

    /// `; did you mean name=carts?`: the closest label value the pods have for a key the
    /// selector matches on.
    static func closestLabel(_ selector: LabelSelector, among workloads: [Workload]) -> String {
        for (key, value) in selector.matchLabels.sorted(by: { $0.key < $1.key }) {
            let values = Set(workloads.compactMap { $0.template.labels[key] }).sorted()
            if let closest = Suggestion.closest(to: value, among: values) { return "; did you mean \(key)=\(closest)?" }
        }
        return ""
    }
}

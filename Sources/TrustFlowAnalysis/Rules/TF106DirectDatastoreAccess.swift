import TrustFlowModel

extension Rule {
    /// TF106: an actor or external system reaching a data store directly.
    public static let directDatastoreAccess = Rule(
        id: "TF106", name: "DirectDatastoreAccess",
        title: "Person or external system reaches a data store directly",
        defaultSeverity: .critical,
        rationale: """
            A data store reachable straight from a person or an outside system has no \
            application in front of it to validate requests and enforce authorisation; one \
            leaked password exposes all the data.
            """,
        remediation: """
            Put a process (an API, an admin tool behind authentication) between people or \
            external systems and the data store, or remove the direct path.
            """
    ) { context, rule in
        context.model.flows.compactMap { flow in
            guard let sender = context.index.element(flow.from), let store = context.index.element(flow.to),
                sender.kind == .actor || sender.kind == .external, store.kind == .datastore
            else { return nil }
            return rule.finding(
                "\(context.describe(flow)): \(context.describe(sender)) reaches \(context.describe(store)) directly",
                about: context.target(flow))
        }
    }
}

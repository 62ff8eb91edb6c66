import TrustFlowModel

extension Rule {
    /// TF105: a flow into a data store with no least-privilege control.
    public static let datastoreWithoutLeastPrivilege = Rule(
        id: "TF105", name: "DatastoreWithoutLeastPrivilege",
        title: "Flow into a data store without least privilege",
        defaultSeverity: .medium,
        rationale: """
            A client that connects to a data store with broad rights turns any bug or compromise \
            of that client into full access to the data: reading every table, dropping them.
            """,
        remediation: """
            Give each client its own database account with only the rights it needs; add a \
            control of kind `least-privilege` to the flow or the data store.
            """
    ) { context, rule in
        context.model.flows.compactMap { flow in
            guard let store = context.index.element(flow.to), store.kind == .datastore,
                !context.has(flow.controls + store.controls, anyOf: .leastPrivilege)
            else { return nil }
            return rule.finding(
                "\(context.describe(flow)) writes to or reads \(context.describe(store)) with no least-privilege control on the flow or the store",
                about: context.target(flow))
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF102: a flow crosses a boundary into a process or data store without authentication.
    public static let unauthenticatedBoundaryCrossing = Rule(
        id: "TF102", name: "UnauthenticatedBoundaryCrossing",
        title: "Flow crosses a trust boundary into a process or data store without authentication",
        defaultSeverity: .high,
        rationale: """
            A service or data store that accepts requests from across a trust boundary without \
            knowing who sends them lets anyone who reaches the network path — a compromised \
            container, a scanner — act as a legitimate client (spoofing). Unknown \
            authentication is treated as none.
            """,
        remediation: """
            Authenticate the caller: mTLS client certificates, OAuth or API tokens between \
            services, a least-privilege account for databases; state it with `authentication:`.
            """
    ) { context, rule in
        context.model.flows.compactMap { flow in
            let crossing = context.crossing(of: flow)
            guard crossing.crossesAnyBoundary, flow.authentication == nil || flow.authentication == Authentication.none,
                let receiver = context.index.element(flow.to), receiver.kind == .process || receiver.kind == .datastore
            else { return nil }
            let how = flow.authentication == nil ? "with no stated authentication" : "without authentication"
            let path = context.target(flow).path
            return rule.finding(
                "\(context.describe(flow)) reaches \(context.describe(receiver)) across \(context.describe(crossing.crossed)) \(how)",
                about: context.target(flow),
                at: flow.authentication == nil ? path : path.appending("authentication"))
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF101: a flow crosses a trust boundary without encryption (none, or not stated).
    public static let unencryptedBoundaryCrossing = Rule(
        id: "TF101", name: "UnencryptedBoundaryCrossing",
        title: "Flow crosses a trust boundary unencrypted",
        defaultSeverity: .high,
        rationale: """
            Traffic that leaves a trust boundary travels over a network the receiver does not \
            control: the cluster network, a node's interfaces, the Internet. Without TLS anyone \
            on the path — a compromised pod, a node, an attacker on the network — can read and \
            change it. Unknown encryption is treated as none.
            """,
        remediation: """
            Encrypt the flow with TLS, or mTLS between services (a service mesh or the \
            application's own TLS), and state it in the model with `encryption: tls` or `mtls`.
            """
    ) { context, rule in
        context.model.flows.compactMap { flow in
            let crossing = context.crossing(of: flow)
            guard crossing.crossesAnyBoundary, flow.encryption == nil || flow.encryption == Encryption.none else { return nil }
            let carriesSecrets = flow.data.contains { $0.lowercased() == "credentials" }
            let sensitive = flow.classification.map { $0 >= .confidential } ?? false
            let how = flow.encryption == nil ? "with no stated encryption" : "unencrypted"
            let why = carriesSecrets ? "; it carries credentials" : sensitive ? "; its data is \(flow.classification!.rawValue)" : ""
            let path = context.target(flow).path
            return rule.finding(
                "\(context.describe(flow)) crosses \(context.describe(crossing.crossed)) \(how)\(why)",
                about: context.target(flow),
                at: flow.encryption == nil ? path : path.appending("encryption"),
                severity: carriesSecrets || sensitive ? .critical : .high)
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF107: a flow from outside every cluster to a process without TLS termination or
    /// authentication.
    public static let unprotectedEntryPoint = Rule(
        id: "TF107", name: "UnprotectedEntryPoint",
        title: "Entry point from outside the cluster lacks TLS termination or authentication",
        defaultSeverity: .high,
        rationale: """
            The first process that traffic from outside the cluster reaches is the front door: \
            it must terminate TLS (with valid certificates) and authenticate callers before \
            anything is passed further in, or every internal service is one request away from \
            the Internet.
            """,
        remediation: """
            Terminate TLS and authenticate at the entry point (an ingress controller or the \
            front end); add controls of kind `tls-termination` and `authentication` to the process.
            """
    ) { context, rule in
        context.model.flows.compactMap { flow in
            guard let sender = context.index.element(flow.from), let receiver = context.index.element(flow.to),
                receiver.kind == .process,
                !context.index.boundaries(containing: sender).contains(where: { $0.kind == .cluster }),
                context.index.boundaries(containing: receiver).contains(where: { $0.kind == .cluster })
            else { return nil }
            let kinds = context.kinds(of: receiver.controls)
            let missing = [ControlKind.tlsTermination, .authentication].filter { !kinds.contains($0) }
            guard !missing.isEmpty else { return nil }
            return rule.finding(
                "\(context.describe(flow)) enters the cluster at \(context.describe(receiver)), which has \(context.missingControls(missing))",
                about: context.target(flow))
        }
    }
}

import TrustFlowModel

extension Rule {
    /// TF121: a Kubernetes workload exposed outside the cluster with no TLS termination in front.
    public static let exposedWithoutTLS = Rule(
        id: "TF121", name: "ExposedWithoutTLS",
        title: "Workload exposed outside the cluster without TLS termination",
        defaultSeverity: .high,
        rationale: """
            A LoadBalancer or NodePort Service, or an Ingress without `tls`, carries whatever \
            the client sends straight from the Internet to the pod: in plain text, unless the \
            workload itself terminates TLS — which nothing in the model says.
            """,
        remediation: """
            Put a TLS-terminating Ingress (with `tls` for the host) or a load balancer with a \
            certificate in front, and add a control of kind `tls-termination` to the flow — or, \
            when the workload terminates TLS itself, to its element.
            """
    ) { context, rule in
        context.model.flows.compactMap { flow in
            guard let receiver = context.index.element(flow.to), receiver.kubernetes != nil,
                let sender = context.index.element(flow.from),
                !context.index.boundaries(containing: sender).contains(where: { $0.kind == .cluster }),
                context.index.boundaries(containing: receiver).contains(where: { $0.kind == .cluster }),
                flow.encryption != .tls, flow.encryption != .mtls,
                !context.has(flow.controls + receiver.controls, anyOf: .tlsTermination)
            else { return nil }
            return rule.finding(
                "\(context.describe(flow)) reaches \(context.describe(receiver)) (\(receiver.kubernetes!)) from outside the cluster with no TLS termination in front of it",
                about: context.target(flow))
        }
    }
}

import TrustFlowModel

extension Rule {
    /// Protocols that are TLS by definition.
    static let tlsProtocols: Set<String> = [
        "https", "grpcs", "ldaps", "ftps", "smtps", "imaps", "pop3s", "wss", "amqps", "mqtts", "tls", "ssl", "mtls",
        "dot", "doh", "sips", "rediss", "postgresql+tls",
    ]

    /// TF112: attributes of a flow that contradict each other.
    public static let contradictoryFlowAttributes = Rule(
        id: "TF112", name: "ContradictoryFlowAttributes",
        title: "Flow attributes contradict each other",
        defaultSeverity: .low,
        rationale: """
            A model that says HTTPS but no encryption, or mTLS but no authentication, is wrong \
            in one place or the other, and a reviewer cannot tell which; every rule that reads \
            it may then be wrong too.
            """,
        remediation: """
            Correct the model: a TLS protocol has `encryption: tls` (or `mtls`); mTLS \
            authenticates both ends, so its `authentication` is `mtls` or `certificate`.
            """
    ) { context, rule in
        context.model.flows.flatMap { flow -> [Finding] in
            var findings: [Finding] = []
            let path = context.target(flow).path
            if let name = flow.protocol, tlsProtocols.contains(name.lowercased()), flow.encryption == Encryption.none {
                findings.append(rule.finding(
                    "\(context.describe(flow)) uses \(name), which is encrypted, but says encryption: none",
                    about: context.target(flow), at: path.appending("encryption")))
            }
            if flow.encryption == .mtls, flow.authentication == Authentication.none {
                findings.append(rule.finding(
                    "\(context.describe(flow)) uses mTLS, which authenticates the client, but says authentication: none",
                    about: context.target(flow), at: path.appending("authentication")))
            }
            return findings
        }
    }
}

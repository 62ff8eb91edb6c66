import TrustFlowAnalysis
import TrustFlowModel

extension DriftRule {
    /// TF202: a connection the NetworkPolicies allow that the model does not declare.
    public static let undeclaredConnectionAllowed = DriftRule(
        id: "TF202", name: "UndeclaredConnectionAllowed",
        title: "Connection allowed but not declared",
        defaultSeverity: .medium, scope: .withModel,
        rationale: """
            Kubernetes lets every pod reach every pod unless NetworkPolicies say otherwise. A \
            connection the model does not declare but the cluster allows is a path an attacker \
            in one pod can take that the threat model never looked at — worst when it reaches a \
            data store or crosses a namespace or the cluster's edge.
            """,
        remediation: """
            Close it where the finding's cause is: add a default-deny policy to a namespace \
            without one, select the pod with a policy, or narrow the rule that lets it through; \
            or, if the connection is meant, declare the flow in the model.
            """
    ) { context, rule in
        context.undeclared.compactMap { connection -> Finding? in
            let about: DriftTarget? = switch (connection.destination, connection.source) {
            case (.workload(let position), _), (.outside, .workload(let position)): context.target(ofWorkload: position)
            case (.outside, .outside): nil
            }
            guard let about else { return nil }
            let crossing: Bool = switch (connection.source, connection.destination) {
            case (.workload(let source), .workload(let destination)):
                context.inventory.workloads[source].namespace != context.inventory.workloads[destination].namespace
            default: true
            }
            let toStore = if case .workload(let position) = connection.destination { context.isDatastore(position) } else { false }
            let declared = connection.declared.isEmpty ? "declares no flow between them" : "declares only \(connection.declared)"
            let widest = connection.cause.map { "; widest cause: \($0.text)" } ?? ""
            let why = toStore ? " (it reaches a data store)" : crossing ? " (it crosses \(Self.boundaryCrossed(connection)))" : ""
            return rule.finding(
                "\(context.describe(connection.source)) can reach \(context.describe(connection.destination)) on \(connection.undeclared)\(why), but the model \(declared)\(widest)",
                about: about, evidence: connection.cause.map { [$0.location] } ?? [], severity: toStore || crossing ? .high : nil)
        }
    }

    private static func boundaryCrossed(_ connection: UndeclaredConnection) -> String {
        if case .outside = connection.source { return "into the cluster from outside" }
        if case .outside = connection.destination { return "out of the cluster" }
        return "namespaces"
    }
}

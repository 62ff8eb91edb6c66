import TrustFlowAnalysis

/// What the drift check found: the findings, and — with a model — the verdict of each declared
/// flow and what the policies allow beyond them (the diagram's overlay draws both).
public struct DriftResult: Sendable {
    /// Every finding, sorted by location.
    public var findings: [Finding]
    /// The verdict of every declared flow whose ends stand for workloads or the outside, in flow order.
    public var declaredFlows: [DeclaredFlowVerdict]
    /// The connections allowed beyond the declared flows, per pair of ends.
    public var undeclared: [UndeclaredConnection]
    /// How the model's items stand for the manifests' objects; `nil` without a model.
    public var binding: ModelBinding?
    /// The pairs of ends the model's flows connect.
    let declaredPairs: Set<UndeclaredConnection.Pair>

    init(findings: [Finding], declaredFlows: [DeclaredFlowVerdict], undeclared: [UndeclaredConnection], binding: ModelBinding?) {
        self.findings = findings
        self.declaredFlows = declaredFlows
        self.undeclared = undeclared
        self.binding = binding
        declaredPairs = Set(declaredFlows.map { UndeclaredConnection.Pair(source: .init($0.source), destination: .init($0.destination)) })
    }

    /// Whether the model declares a flow from `source` to `destination` (any piece of the
    /// outside stands for the outside); always false without a model.
    public func declares(_ source: ReachabilityEndpoint, _ destination: ReachabilityEndpoint) -> Bool {
        declaredPairs.contains(UndeclaredConnection.Pair(source: .init(source), destination: .init(destination)))
    }
}

extension UndeclaredConnection.End {
    /// The end an endpoint belongs to: its workload, or the outside.
    init(_ endpoint: ReachabilityEndpoint) {
        if case .workload(let position) = endpoint { self = .workload(position) } else { self = .outside }
    }
}

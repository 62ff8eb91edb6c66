import TrustFlowModel

/// What an import gives: the model, and what could not be resolved.
public struct KubernetesImportResult: Sendable {
    /// The model, in canonical order, every item with its `k8s` reference and its source in
    /// the `x-trustflow-import` block.
    public var model: Model
    /// Warnings located in the manifests: references to Services that are not in the input,
    /// ports that resolve to no container, and the like. Never a guessed flow.
    public var warnings: [Diagnostic]
    /// What was imported, for a one-line summary.
    public var summary: KubernetesImportSummary
    /// Values that name a Service the manifests do not hold, in the order of their location
    /// (each is among ``warnings`` too); the drift check reports them.
    public var missingServices: [MissingServiceReference]

    /// Creates a result.
    public init(model: Model, warnings: [Diagnostic], summary: KubernetesImportSummary,
        missingServices: [MissingServiceReference] = [])
    {
        self.model = model
        self.warnings = warnings
        self.summary = summary
        self.missingServices = missingServices
    }
}

/// Counts of what an import took in.
public struct KubernetesImportSummary: Hashable, Sendable {
    public var namespaces = 0
    public var workloads = 0
    public var containers = 0
    public var flows = 0
    /// Flows from the Internet (LoadBalancer and NodePort Services, Ingresses).
    public var exposures = 0
    public var unresolvedReferences = 0

    /// Creates an empty summary.
    public init() {}

    /// `3 namespaces, 12 workloads, 13 containers, 17 flows (1 from the Internet)`.
    public var description: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return [count(namespaces, "namespace"), count(workloads, "workload"), count(containers, "container"),
            count(flows, "flow") + " (\(exposures) from the Internet)"].joined(separator: ", ")
    }
}

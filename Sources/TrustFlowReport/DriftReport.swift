import TrustFlowAnalysis
import TrustFlowKubernetes
import TrustFlowModel

/// A drift check and what it ran on: the input of every drift report (text, JSON, Markdown,
/// SARIF).
public struct DriftReport: Sendable {
    /// The manifest files read, as the user named them.
    public var manifestFiles: [String]
    /// The model file, when one was compared.
    public var modelFile: String?
    public var model: Model?
    public var check: DriftCheck
    public var result: DriftResult
    /// The findings with the model's acceptances applied (the result's findings without a model).
    public var findings: [Finding]

    /// Creates a report.
    public init(manifestFiles: [String], modelFile: String?, model: Model?, check: DriftCheck, result: DriftResult, findings: [Finding]) {
        self.manifestFiles = manifestFiles
        self.modelFile = modelFile
        self.model = model
        self.check = check
        self.result = result
        self.findings = findings
    }

    /// Findings no acceptance covers.
    public var active: [Finding] { findings.filter { !$0.isAccepted } }

    /// `the manifests (3 files)`, `model.yaml against the manifests (3 files)`.
    var subject: String {
        let files = "the manifests (\(manifestFiles.count) file\(manifestFiles.count == 1 ? "" : "s"))"
        return modelFile.map { "\(PlainText.line($0)) against \(files)" } ?? files
    }

    /// Counts of the connections between workloads and the outside, by verdict.
    var connectionCounts: (allowed: Int, unknown: Int) {
        let connections = check.reachability.connections
        let allowed = connections.filter { $0.verdict.kind == .allowed }.count
        return (allowed, connections.count - allowed)
    }

    /// `14 connections allowed, 2 unknown, between 12 workloads and the outside; 1 policy not evaluated`.
    var reachabilitySummary: String {
        let counts = connectionCounts
        let workloads = check.inventory.workloads.count
        var text = "\(counts.allowed) connection\(counts.allowed == 1 ? "" : "s") allowed, \(counts.unknown) unknown, between "
            + "\(workloads) workload\(workloads == 1 ? "" : "s") and the outside"
        let unevaluated = check.evaluator.unevaluatedPolicies.count
        if unevaluated > 0 { text += "; \(unevaluated) polic\(unevaluated == 1 ? "y" : "ies") not evaluated" }
        return text
    }
}

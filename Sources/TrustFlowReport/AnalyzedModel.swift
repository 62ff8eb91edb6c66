import TrustFlowAnalysis
import TrustFlowModel

/// A model file and what the analysis found in it: the input of every findings report.
public struct AnalyzedModel: Sendable {
    /// The file as the user named it.
    public var file: String
    public var model: Model
    public var result: AnalysisResult
    /// Warnings from loading the model (validation) and from the analysis (acceptances).
    public var warnings: [Diagnostic]

    public init(file: String, model: Model, result: AnalysisResult, warnings: [Diagnostic]) {
        self.file = file
        self.model = model
        self.result = result
        self.warnings = warnings
    }
}

/// Counts of findings by severity.
public struct SeverityCounts: Hashable, Sendable, Codable {
    public var critical = 0
    public var high = 0
    public var medium = 0
    public var low = 0

    public init(_ findings: [Finding] = []) {
        for finding in findings {
            switch finding.severity {
            case .critical: critical += 1
            case .high: high += 1
            case .medium: medium += 1
            case .low: low += 1
            }
        }
    }

    public var total: Int { critical + high + medium + low }

    /// `1 critical, 2 high` — only the non-zero counts, most severe first.
    public var summary: String {
        [(critical, "critical"), (high, "high"), (medium, "medium"), (low, "low")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

/// The threshold of a CI gate.
public enum FailureThreshold: Hashable, Sendable {
    case severity(Severity)
    case never

    /// Whether `finding`, when not accepted, fails the gate.
    public func fails(on finding: Finding) -> Bool {
        guard case .severity(let threshold) = self, !finding.isAccepted else { return false }
        return finding.severity >= threshold
    }

    /// `high`, or `never`.
    public var name: String {
        switch self {
        case .severity(let severity): severity.rawValue
        case .never: "never"
        }
    }
}

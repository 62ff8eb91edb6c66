import TrustFlowAnalysis
import TrustFlowModel

/// Two versions of a model compared: what changed, and which findings came and went.
public struct DiffResult: Sendable {
    public var diff: ModelDiff
    public var findings: FindingsDelta
    /// The analysis of each version.
    public var oldAnalysis: AnalysisResult
    public var newAnalysis: AnalysisResult

    /// Compares two validated models; both are analysed against `today`.
    public init(old: Model, oldSourceMap: SourceMap = SourceMap(), new: Model, newSourceMap: SourceMap = SourceMap(),
        today: CalendarDate)
    {
        let analyzer = Analyzer(today: today)
        diff = ModelDiff(old: old, new: new)
        oldAnalysis = analyzer.analyze(old, sourceMap: oldSourceMap)
        newAnalysis = analyzer.analyze(new, sourceMap: newSourceMap)
        findings = FindingsDelta(old: oldAnalysis.findings, new: newAnalysis.findings)
    }

    /// Whether a new, unaccepted finding reaches `severity` (the `--fail-on-new` gate).
    public func introducesFinding(atLeast severity: Severity) -> Bool {
        findings.newActive.contains { $0.severity >= severity }
    }
}

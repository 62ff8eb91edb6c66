import TrustFlowAnalysis

/// A drift check as compiler-style lines, as `check` prints findings: each finding at its
/// place in the model (or the manifests), its manifest lines after it as notes, then a
/// summary line.
public enum DriftText {
    /// The whole report.
    public static func render(_ report: DriftReport, threshold: FailureThreshold, colored: Bool = false) -> String {
        let file = report.modelFile ?? report.manifestFiles.first ?? "<stdin>"
        var lines = report.findings.map { FindingsText.line($0, file: file, colored: colored) }
        lines.append(summary(report, threshold: threshold))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `3 findings (1 high, 2 medium) in model.yaml against the manifests (2 files); 14
    /// connections allowed, …; 1 at or above high fails the check`.
    public static func summary(_ report: DriftReport, threshold: FailureThreshold) -> String {
        let active = report.active
        var text = active.isEmpty ? "no findings" : "\(active.count) finding\(active.count == 1 ? "" : "s") (\(SeverityCounts(active).summary))"
        let accepted = report.findings.count - active.count
        if accepted > 0 { text += ", \(accepted) accepted" }
        text += " in \(report.subject); \(report.reachabilitySummary)"
        let failing = report.findings.filter(threshold.fails).count
        switch threshold {
        case .never: text += "; --fail-on never"
        case .severity(let severity):
            text += failing == 0 ? "; none at or above \(severity.rawValue)" : "; \(failing) at or above \(severity.rawValue) fail the check"
        }
        return text
    }
}

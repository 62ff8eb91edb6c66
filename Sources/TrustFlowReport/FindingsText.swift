import TrustFlowAnalysis
import TrustFlowModel

/// Findings as compiler-style lines: `path:line:col: severity: [TF103] message`, sorted,
/// accepted findings marked as such, then one summary line.
public enum FindingsText {
    /// The whole report.
    public static func render(_ models: [AnalyzedModel], threshold: FailureThreshold, colored: Bool = false) -> String {
        var lines: [String] = []
        for analyzed in models {
            for finding in analyzed.result.findings {
                lines.append(line(finding, file: analyzed.file, colored: colored))
            }
        }
        lines.append(summary(models, threshold: threshold))
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ finding: Finding, file: String, colored: Bool) -> String {
        let location = finding.location.map(\.description) ?? file
        let label = finding.isAccepted ? "accepted" : finding.severity.rawValue
        let painted = colored ? paint(label, finding) : label
        // Messages quote labels and reasons, which may hold line breaks: one finding, one line.
        var text = "\(PlainText.line(location)): \(painted): [\(finding.ruleID)] \(PlainText.line(finding.message))"
        if let acceptance = finding.acceptance {
            let until = acceptance.until.map { " until \($0)" } ?? ""
            text += " (\(finding.severity.rawValue), accepted\(until): \(PlainText.line(acceptance.reason)))"
        }
        // The drift check's manifest lines follow, compiler-style, each a place to jump to.
        for place in finding.evidence {
            text += "\n\(PlainText.line(place.description)): note: [\(finding.ruleID)] shown here in the manifests"
        }
        return text
    }

    static func paint(_ label: String, _ finding: Finding) -> String {
        let code: String
        switch finding.severity {
        case _ where finding.isAccepted: code = "2"
        case .critical: code = "1;35"
        case .high: code = "1;31"
        case .medium: code = "1;33"
        case .low: code = "1;36"
        }
        return "\u{1B}[\(code)m\(label)\u{1B}[0m"
    }

    /// `3 findings (1 critical, 2 high), 1 accepted, in 2 models; 3 at or above high fail the check`.
    public static func summary(_ models: [AnalyzedModel], threshold: FailureThreshold) -> String {
        let all = models.flatMap(\.result.findings)
        let active = all.filter { !$0.isAccepted }
        let counts = SeverityCounts(active)
        let failing = all.filter(threshold.fails).count
        var text = active.isEmpty ? "no findings" : "\(active.count) finding\(active.count == 1 ? "" : "s") (\(counts.summary))"
        let accepted = all.count - active.count
        if accepted > 0 { text += ", \(accepted) accepted" }
        text += " in \(models.count) model\(models.count == 1 ? "" : "s")"
        switch threshold {
        case .never: text += "; --fail-on never"
        case .severity(let severity):
            text += failing == 0 ? "; none at or above \(severity.rawValue)" : "; \(failing) at or above \(severity.rawValue) fail the check"
        }
        return text
    }
}

import TrustFlowAnalysis
import TrustFlowKubernetes

/// A drift check as GitHub-flavoured Markdown, for a pull request comment or a job summary:
/// the summary, the findings with both their places, each declared flow's verdict, and the
/// allowed and unknown connections. Every text from the manifests or the model is escaped.
public enum DriftMarkdown {
    /// The whole report.
    public static func render(_ report: DriftReport, threshold: FailureThreshold) -> String {
        let check = report.check
        let inventory = check.inventory
        var sections: [String] = ["# Drift check: \(MarkdownText.escape(report.subject))"]
        sections.append(MarkdownText.escape(DriftText.summary(report, threshold: threshold)) + ".")

        if report.findings.isEmpty {
            sections.append("## Findings\n\nNo findings.")
        } else {
            let rows = report.findings.map { finding -> [String] in
                let severity = finding.isAccepted ? "accepted (\(finding.severity.rawValue))" : finding.severity.rawValue
                let manifests = finding.evidence.map { MarkdownText.code($0.description) }.joined(separator: "<br>")
                return [severity, MarkdownText.code(finding.ruleID), MarkdownText.escape(finding.message),
                    finding.location.map { MarkdownText.code($0.description) } ?? "", manifests]
            }
            sections.append("## Findings\n\n" + MarkdownText.table(["severity", "rule", "finding", "where", "manifests"], rows))
        }

        if report.model != nil {
            let rows = report.result.declaredFlows.map { verdict -> [String] in
                [MarkdownText.code(verdict.flow), MarkdownText.escape(verdict.source.name(in: inventory)),
                    MarkdownText.escape(verdict.destination.name(in: inventory)),
                    verdict.port.map { "\($0.protocol.rawValue) \($0.number)" } ?? "any", verdict.kind.rawValue]
            }
            sections.append("## Declared flows\n\n" + (rows.isEmpty
                ? "No flow of the model connects workloads or the outside."
                : MarkdownText.table(["flow", "from", "to", "port", "verdict"], rows)))
        }

        let names = check.reachability.endpoints.map { $0.name(in: inventory) }
        let sorted = check.reachability.connections.sorted { lhs, rhs in
            (names[lhs.source], names[lhs.destination]) < (names[rhs.source], names[rhs.destination])
        }
        let connections = sorted.map { connection -> [String] in
            let verdict = connection.verdict
            let allowed = verdict.allowed.isEmpty ? "" : MarkdownText.escape(verdict.allowed.description)
            let unknown = verdict.unknown.isEmpty ? "" : MarkdownText.escape(verdict.unknown.description)
            return [MarkdownText.escape(names[connection.source]), MarkdownText.escape(names[connection.destination]), allowed, unknown]
        }
        sections.append("## Connections\n\n" + (connections.isEmpty
            ? "Every connection is denied."
            : MarkdownText.table(["from", "to", "allowed", "unknown"], connections)))

        if !check.evaluator.unevaluatedPolicies.isEmpty {
            let rows = check.evaluator.unevaluatedPolicies.map { [MarkdownText.escape($0.description), MarkdownText.code($0.location.description)] }
            sections.append("## Not evaluated\n\nVerdicts touching the pods these policies may cover are unknown.\n\n"
                + MarkdownText.table(["policy", "where"], rows))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }
}

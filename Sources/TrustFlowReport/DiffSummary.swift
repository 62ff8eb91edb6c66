import TrustFlowAnalysis
import TrustFlowDiff
import TrustFlowModel

/// The Markdown summary of a diff, ready to post as a pull-request comment: counts, one
/// table per kind of item, then the findings the change introduced and resolved. Tables
/// longer than ``collapseThreshold`` rows fold into a `<details>` block.
public enum DiffSummary {
    public static let collapseThreshold = 10

    /// The summary of `result`, comparing `oldName` with `newName` (file names or revisions).
    public static func markdown(_ result: DiffResult, oldName: String, newName: String) -> String {
        let diff = result.diff
        let tables = DiffTables(result)
        var parts: [String] = ["### Threat model changes: \(MarkdownText.escape(diff.new.title))"]
        parts.append("\(MarkdownText.code(oldName)) → \(MarkdownText.code(newName))")
        parts.append(headline(result, strong: { "**\($0)**" }))
        if !tables.modelChanges.isEmpty {
            parts.append("#### Model\n\n" + MarkdownText.table(["field", "before", "after"], tables.modelChanges.map {
                [$0.field, $0.old.map(MarkdownText.escape) ?? "—", $0.new.map(MarkdownText.escape) ?? "—"]
            }))
        }
        for section in tables.sections {
            let rows = section.rows.map { [$0.change.rawValue, MarkdownText.code($0.id), MarkdownText.escape($0.details)] }
            parts.append(collapsible("#### \(section.title)", summary: "\(section.title): \(rows.count) changes",
                MarkdownText.table(["change", "id", "details"], rows), rows: rows.count))
        }
        findingsTable(&parts, "New findings", tables.newFindings)
        findingsTable(&parts, "Resolved findings", tables.resolvedFindings)
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// `4 added · 0 removed · 3 changed` (or that nothing changed), then the findings counts.
    public static func headline(_ result: DiffResult, strong: (String) -> String) -> String {
        let counts = result.diff.counts
        let delta = result.findings
        let changes = result.diff.isEmpty
            ? strong("No changes") + ": both versions describe the same model."
            : strong("\(counts.added) added · \(counts.removed) removed · \(counts.changed) changed")
        let newActive = delta.newActive.count
        let accepted = newActive != delta.new.count ? " (\(newActive) not accepted)" : ""
        return changes + "\n\nFindings: " + strong("\(delta.new.count) new") + accepted
            + ", \(delta.resolved.count) resolved, \(delta.unchanged.count) unchanged."
    }

    private static func findingsTable(_ parts: inout [String], _ title: String, _ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        let rows = findings.map { finding in
            ["**\(finding.severity.rawValue)**" + (finding.isAccepted ? " (accepted)" : ""), finding.ruleID,
             "\(finding.target.kind.rawValue) \(MarkdownText.code(finding.target.id))", MarkdownText.escape(finding.message)]
        }
        parts.append(collapsible("#### \(title)", summary: "\(title): \(rows.count)",
            MarkdownText.table(["severity", "rule", "about", "finding"], rows), rows: rows.count))
    }

    private static func collapsible(_ heading: String, summary: String, _ table: String, rows: Int) -> String {
        guard rows > collapseThreshold else { return heading + "\n\n" + table }
        return heading + "\n\n<details><summary>\(summary)</summary>\n\n" + table + "\n\n</details>"
    }
}

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
        var parts: [String] = ["### Threat model changes: \(MarkdownText.escape(diff.new.title))"]
        parts.append("\(MarkdownText.code(oldName)) → \(MarkdownText.code(newName))")
        let counts = diff.counts
        let delta = result.findings
        if diff.isEmpty {
            parts.append("**No changes**: both versions describe the same model.")
        } else {
            parts.append("**\(counts.added) added · \(counts.removed) removed · \(counts.changed) changed**")
        }
        let newActive = delta.newActive.count
        parts.append("Findings: **\(delta.new.count) new**\(newActive != delta.new.count ? " (\(newActive) not accepted)" : ""), "
            + "\(delta.resolved.count) resolved, \(delta.unchanged.count) unchanged.")

        if !diff.model.isEmpty {
            parts.append("#### Model\n\n" + MarkdownText.table(["field", "before", "after"], diff.model.map {
                [$0.field, $0.old.map(MarkdownText.escape) ?? "—", $0.new.map(MarkdownText.escape) ?? "—"]
            }))
        }
        let index = ModelIndex(diff.new)
        let oldIndex = ModelIndex(diff.old)
        section(&parts, "Boundaries", diff.boundaries) { boundary, _ in
            "\(boundary.kind.rawValue) \(MarkdownText.escape(boundary.label))" + (boundary.parent.map { " in \(MarkdownText.code($0))" } ?? "")
        }
        section(&parts, "Elements", diff.elements) { element, _ in
            "\(element.kind.rawValue) \(MarkdownText.escape(element.label))" + (element.boundary.map { " in \(MarkdownText.code($0))" } ?? "")
        }
        section(&parts, "Flows", diff.flows) { flow, isOld in
            let lookup = isOld ? oldIndex : index
            let from = lookup.element(flow.from)?.label ?? flow.from
            let to = lookup.element(flow.to)?.label ?? flow.to
            var words = ["\(MarkdownText.escape(from)) → \(MarkdownText.escape(to))"]
            if let label = flow.label { words.append(MarkdownText.escape(label)) }
            if let name = flow.protocol { words.append(MarkdownText.escape(name) + (flow.port.map { ":\($0)" } ?? "")) }
            words.append("encryption \(flow.encryption?.rawValue ?? "unknown")")
            return words.joined(separator: " · ")
        }
        // A control's kind is free text in the model, unlike the other kinds (closed enums).
        section(&parts, "Controls", diff.controls) { control, _ in
            "\(MarkdownText.escape(control.label)) (\(MarkdownText.escape(control.kind.rawValue)))"
        }
        section(&parts, "Threat actors", diff.threatActors) { actor, _ in
            "\(actor.kind.rawValue) \(MarkdownText.escape(actor.label))"
        }
        section(&parts, "Accepted risks", diff.acceptedRisks) { risk, _ in
            MarkdownText.escape(risk.reason) + (risk.until.map { " (until \($0))" } ?? "")
        }

        findingsTable(&parts, "New findings", delta.new)
        findingsTable(&parts, "Resolved findings", delta.resolved)
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func section<Item>(
        _ parts: inout [String], _ title: String, _ changes: ItemChanges<Item>, describe: (Item, Bool) -> String
    ) {
        var rows: [[String]] = []
        for entry in changes.items where entry.kind != .unchanged {
            switch entry.kind {
            case .added: rows.append(["added", MarkdownText.code(entry.id), describe(entry.current, false)])
            case .removed: rows.append(["removed", MarkdownText.code(entry.id), describe(entry.current, true)])
            case .changed:
                rows.append(["changed", MarkdownText.code(entry.id), entry.fields.map { MarkdownText.escape($0.summary) }.joined(separator: "; ")])
            case .unchanged: break
            }
        }
        guard !rows.isEmpty else { return }
        let table = MarkdownText.table(["change", "id", "details"], rows)
        parts.append(collapsible("#### \(title)", summary: "\(title): \(rows.count) changes", table, rows: rows.count))
    }

    private static func findingsTable(_ parts: inout [String], _ title: String, _ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        let rank = { (finding: Finding) in Severity.allCases.count - Severity.allCases.firstIndex(of: finding.severity)! }
        let ordered = findings.sorted {
            (rank($0), $0.ruleID, $0.target.id, $0.message) < (rank($1), $1.ruleID, $1.target.id, $1.message)
        }
        let rows = ordered.map { finding in
            let severity = "**\(finding.severity.rawValue)**" + (finding.isAccepted ? " (accepted)" : "")
            return [severity, finding.ruleID, "\(finding.target.kind.rawValue) \(MarkdownText.code(finding.target.id))",
                MarkdownText.escape(finding.message)]
        }
        let table = MarkdownText.table(["severity", "rule", "about", "finding"], rows)
        parts.append(collapsible("#### \(title)", summary: "\(title): \(rows.count)", table, rows: rows.count))
    }

    private static func collapsible(_ heading: String, summary: String, _ table: String, rows: Int) -> String {
        guard rows > collapseThreshold else { return heading + "\n\n" + table }
        return heading + "\n\n<details><summary>\(summary)</summary>\n\n" + table + "\n\n</details>"
    }
}

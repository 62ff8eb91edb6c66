import TrustFlowAnalysis
import TrustFlowDiff
import TrustFlowModel

/// A diff as plain tables — what changed per kind of item, and the findings delta — in raw
/// text, for the Markdown summary and the HTML diff page to write in their own language.
public struct DiffTables: Sendable {
    /// One changed item.
    public struct Row: Sendable {
        public var change: ChangeKind
        public var id: String
        public var details: String
    }

    /// The changes to one kind of item, e.g. "Flows".
    public struct Section: Sendable {
        public var title: String
        public var rows: [Row]
    }

    public var sections: [Section]
    /// Title and description changes.
    public var modelChanges: [FieldChange]
    /// New and resolved findings, worst first.
    public var newFindings: [Finding]
    public var resolvedFindings: [Finding]

    public init(_ result: DiffResult) {
        let diff = result.diff
        let index = ModelIndex(diff.new)
        let oldIndex = ModelIndex(diff.old)
        modelChanges = diff.model
        var sections: [Section] = []
        func section<Item>(_ title: String, _ changes: ItemChanges<Item>, describe: (Item, Bool) -> String) {
            let rows = changes.items.compactMap { entry -> Row? in
                switch entry.kind {
                case .added: Row(change: .added, id: entry.id, details: describe(entry.current, false))
                case .removed: Row(change: .removed, id: entry.id, details: describe(entry.current, true))
                case .changed: Row(change: .changed, id: entry.id, details: entry.fields.map(\.summary).joined(separator: "; "))
                case .unchanged: nil
                }
            }
            if !rows.isEmpty { sections.append(Section(title: title, rows: rows)) }
        }
        section("Boundaries", diff.boundaries) { boundary, _ in
            "\(boundary.kind.rawValue) \(boundary.label)" + (boundary.parent.map { " in \($0)" } ?? "")
        }
        section("Elements", diff.elements) { element, _ in
            "\(element.kind.rawValue) \(element.label)" + (element.boundary.map { " in \($0)" } ?? "")
        }
        section("Flows", diff.flows) { flow, isOld in
            let lookup = isOld ? oldIndex : index
            var words = ["\(lookup.element(flow.from)?.label ?? flow.from) → \(lookup.element(flow.to)?.label ?? flow.to)"]
            if let label = flow.label { words.append(label) }
            if let name = flow.protocol { words.append(name + (flow.port.map { ":\($0)" } ?? "")) }
            words.append("encryption \(flow.encryption?.rawValue ?? "unknown")")
            return words.joined(separator: " · ")
        }
        section("Controls", diff.controls) { control, _ in "\(control.label) (\(control.kind.rawValue))" }
        section("Threat actors", diff.threatActors) { actor, _ in "\(actor.kind.rawValue) \(actor.label)" }
        section("Accepted risks", diff.acceptedRisks) { risk, _ in risk.reason + (risk.until.map { " (until \($0))" } ?? "") }
        self.sections = sections
        newFindings = DiffTables.ordered(result.findings.new)
        resolvedFindings = DiffTables.ordered(result.findings.resolved)
    }

    /// Worst first, then by rule, target and message, so the order is total.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        let rank = { (finding: Finding) in Severity.allCases.count - Severity.allCases.firstIndex(of: finding.severity)! }
        return findings.sorted {
            (rank($0), $0.ruleID, $0.target.id, $0.message) < (rank($1), $1.ruleID, $1.target.id, $1.message)
        }
    }
}

import TrustFlowAnalysis
import TrustFlowDiff
import TrustFlowModel

/// The data the HTML diff page template sees: the three diagrams, the counts, the tables of
/// changes and the findings delta (documented in <doc:ReportsAndTemplates>).
public enum DiffReportContext {
    /// The diagrams of the page: TrustFlow's own SVG, already safe to inline.
    public struct Diagrams: Sendable {
        public var diff: String
        public var before: String
        public var after: String

        public init(diff: String, before: String, after: String) {
            self.diff = diff
            self.before = before
            self.after = after
        }
    }

    public static func build(_ result: DiffResult, oldName: String, newName: String, diagrams: Diagrams, toolVersion: String)
        -> [String: Any]
    {
        let tables = DiffTables(result)
        let counts = result.diff.counts
        let index = ModelIndex(result.diff.union)
        var context: [String: Any] = [
            "title": result.diff.new.title, "old": oldName, "new": newName,
            "generator": ["name": "TrustFlow", "version": toolVersion],
            "counts": ["added": counts.added, "removed": counts.removed, "changed": counts.changed],
            "noChanges": result.diff.isEmpty,
            "findingsCounts": ["new": result.findings.new.count, "resolved": result.findings.resolved.count,
                "unchanged": result.findings.unchanged.count],
            "diagrams": ["diff": ModelReportContext.inlineSVG(diagrams.diff), "before": ModelReportContext.inlineSVG(diagrams.before),
                "after": ModelReportContext.inlineSVG(diagrams.after)],
            "modelChanges": tables.modelChanges.map { change -> [String: Any] in
                var entry: [String: Any] = ["field": change.field]
                entry["old"] = change.old
                entry["new"] = change.new
                return entry
            },
            "sections": tables.sections.map { section -> [String: Any] in
                ["title": section.title, "count": section.rows.count, "rows": section.rows.map {
                    ["change": $0.change.rawValue, "id": $0.id, "details": $0.details, $0.change.rawValue: true] as [String: Any]
                }]
            },
        ]
        context["newFindings"] = tables.newFindings.map { ModelReportContext.findingEntry($0, index) }
        context["resolvedFindings"] = tables.resolvedFindings.map { ModelReportContext.findingEntry($0, index) }
        return context
    }
}

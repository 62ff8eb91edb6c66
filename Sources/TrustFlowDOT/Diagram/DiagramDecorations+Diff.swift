import TrustFlowAnalysis
import TrustFlowDiff
import TrustFlowModel

extension DiagramDecorations {
    /// A diff on its union model: added items thick in the added colour with `+ added`,
    /// removed ones dashed in the removed colour with `− removed` (still where they were),
    /// changed ones in the changed colour with `~ changed` and what changed in the label and
    /// tooltip, unchanged ones in grey; new and resolved findings as badges.
    public static func diff(_ diff: ModelDiff, findings: FindingsDelta, theme: DiagramTheme) -> DiagramDecorations {
        var items: [DiagramItem: Decoration] = [:]
        var kinds: Set<ChangeKind> = []
        func decorate<Item>(_ changes: ItemChanges<Item>, _ item: (String) -> DiagramItem) {
            for entry in changes.items {
                kinds.insert(entry.kind)
                let id = entry.kind == .removed ? diff.unionID(ofRemoved: entry.id) : entry.id
                items[item(id)] = decoration(entry.kind, fields: entry.fields, theme: theme)
            }
        }
        decorate(diff.boundaries, DiagramItem.boundary)
        decorate(diff.elements, DiagramItem.element)
        decorate(diff.flows, DiagramItem.flow)
        decorate(diff.threatActors, DiagramItem.threatActor)

        func add(_ finding: Finding, _ badge: Badge, _ line: String) {
            guard let item = DiagramItem(finding.target) else { return }
            let decoration = items[item] ?? Decoration()
            items[item] = decoration.merged(with: Decoration(badges: [badge], tooltip: [line]))
        }
        for finding in findings.new {
            let accepted = finding.isAccepted ? " (accepted)" : ""
            add(finding, Badge("⚠ new \(finding.ruleID) \(finding.severity.rawValue)\(accepted)", color: theme.findingColor(finding.severity), bold: true),
                "new \(finding.ruleID) (\(finding.severity.rawValue))\(accepted): \(finding.message)")
        }
        for finding in findings.resolved {
            add(finding, Badge("✓ resolved \(finding.ruleID)", color: theme.mutedTextColor),
                "resolved \(finding.ruleID): \(finding.message)")
        }

        // Only what the diagram draws: a diff that adds nothing has no "added" row.
        var rows: [LegendRow] = [
            (ChangeKind.added, LegendRow(.badge(Badge("+ added", color: theme.diffColor(.added), bold: true)), "added — thick line")),
            (.removed, LegendRow(.badge(Badge("− removed", color: theme.diffColor(.removed), bold: true)),
                "removed — dashed line, drawn where it was")),
            (.changed, LegendRow(.badge(Badge("~ changed", color: theme.diffColor(.changed), bold: true)),
                "changed — what changed is in the label")),
            (.unchanged, LegendRow(.badge(Badge("unchanged", color: DOTColor("#9e9e9e"))), "unchanged — drawn in grey")),
        ].filter { kinds.contains($0.0) }.map(\.1)
        if !findings.new.isEmpty {
            rows.append(LegendRow(.badge(Badge("⚠ new TF…", color: theme.findingColor(.high), bold: true)), "finding introduced by the change"))
        }
        if !findings.resolved.isEmpty {
            rows.append(LegendRow(.badge(Badge("✓ resolved TF…", color: theme.mutedTextColor)), "finding the change resolved"))
        }
        return DiagramDecorations(items: items, legend: [LegendSection(title: "Changes", rows: rows)])
    }

    private static func decoration(_ kind: ChangeKind, fields: [FieldChange], theme: DiagramTheme) -> Decoration {
        switch kind {
        case .added:
            return Decoration(color: theme.diffColor(.added), penWidth: 3,
                badges: [Badge("+ added", color: theme.diffColor(.added), bold: true)], tooltip: ["added"])
        case .removed:
            return Decoration(color: theme.diffColor(.removed), lineStyle: .dashed, penWidth: 2.2,
                badges: [Badge("− removed", color: theme.diffColor(.removed), bold: true)], tooltip: ["removed"])
        case .changed:
            // The label carries the first changes; the tooltip carries all of them.
            let shown = fields.prefix(3).map(\.summary) + (fields.count > 3 ? ["…"] : [])
            return Decoration(color: theme.diffColor(.changed), penWidth: 3,
                badges: [Badge("~ changed", color: theme.diffColor(.changed), bold: true)]
                    + shown.map { Badge($0, color: theme.diffColor(.changed)) },
                tooltip: ["changed:"] + fields.map(\.summary))
        case .unchanged:
            return Decoration(muted: true)
        }
    }
}

extension DiagramTheme {
    func diffColor(_ kind: ChangeKind) -> DOTColor {
        diffColors[kind] ?? DiagramTheme.standard.diffColors[kind] ?? mutedTextColor
    }
}

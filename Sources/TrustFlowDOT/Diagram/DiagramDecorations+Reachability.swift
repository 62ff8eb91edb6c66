extension DiagramDecorations {
    /// What the cluster's NetworkPolicies do to the model's flows, drawn on its diagram: flows
    /// declared and allowed stay as they are; a declared flow the policies block is dashed in
    /// the diff's "removed" colour with `✗ blocked`; a declared flow whose verdict the
    /// manifests do not decide gets `? unverified`; a connection allowed but not declared —
    /// an edge the caller added to the model for it — is bold in the diff's "changed" colour
    /// (no finding uses it) with `⚠ undeclared`. Each carries its reasons in the tooltip; the legend
    /// explains what is drawn.
    ///
    /// - Parameters:
    ///   - blocked: declared flows (by id) the policies block, with why.
    ///   - unverified: declared flows whose verdict is unknown, with why. A flow to a Service has
    ///     a verdict per workload it selects; one also in `blocked` is drawn blocked.
    ///   - undeclared: the added edges (by flow id) for allowed, undeclared connections, with why.
    public static func reachability(blocked: [String: [String]], unverified: [String: [String]], undeclared: [String: [String]],
        theme: DiagramTheme) -> DiagramDecorations
    {
        var items: [DiagramItem: Decoration] = [:]
        let blockedColor = theme.diffColor(.removed)
        let undeclaredColor = theme.diffColor(.changed)
        for (flow, reasons) in blocked {
            items[.flow(flow)] = Decoration(color: blockedColor, lineStyle: .dashed, penWidth: 2.4,
                badges: [Badge("✗ blocked", color: blockedColor, bold: true)], tooltip: ["blocked by NetworkPolicy:"] + reasons)
        }
        for (flow, reasons) in unverified where blocked[flow] == nil {
            items[.flow(flow)] = Decoration(badges: [Badge("? unverified", color: theme.mutedTextColor, bold: true)],
                tooltip: ["the manifests do not decide whether NetworkPolicies let it through:"] + reasons)
        }
        for (flow, reasons) in undeclared {
            items[.flow(flow)] = Decoration(color: undeclaredColor, lineStyle: .bold, penWidth: 2.4,
                badges: [Badge("⚠ undeclared", color: undeclaredColor, bold: true)],
                tooltip: ["allowed by NetworkPolicy but not declared in the model:"] + reasons)
        }
        var rows = [LegendRow(.line(color: theme.textColor, style: .solid, double: false), "declared and allowed — drawn as usual")]
        if !blocked.isEmpty {
            rows.append(LegendRow(.line(color: blockedColor, style: .dashed, double: false), "✗ declared, blocked by NetworkPolicy"))
        }
        if unverified.keys.contains(where: { blocked[$0] == nil }) {
            rows.append(LegendRow(.badge(Badge("? unverified", color: theme.mutedTextColor, bold: true)),
                "declared; the manifests do not decide it"))
        }
        if !undeclared.isEmpty {
            rows.append(LegendRow(.line(color: undeclaredColor, style: .bold, double: false), "⚠ allowed by NetworkPolicy, not declared"))
        }
        return DiagramDecorations(items: items, legend: [LegendSection(title: "Reachability", rows: rows)])
    }
}

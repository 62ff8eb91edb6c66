import Testing
import TrustFlow
import TrustFlowTestSupport

/// The reachability overlay's decorations: each verdict its own line style and badge, never
/// colour alone, and a legend row only for what is drawn.
@Suite("Reachability decorations")
struct ReachabilityDecorationTests {
    @Test func eachVerdictHasItsOwnStyleAndBadge() {
        let theme = DiagramTheme.standard
        let decorations = DiagramDecorations.reachability(blocked: ["a": ["blocked by p"]], unverified: ["b": ["labels unknown"]],
            undeclared: ["c": ["TCP 1-65535"]], theme: theme)
        let blocked = decorations[.flow("a")]
        #expect(blocked.lineStyle == .dashed && blocked.badges.map(\.text) == ["✗ blocked"] && blocked.tooltip.contains("blocked by p"))
        let unverified = decorations[.flow("b")]
        #expect(unverified.lineStyle == nil && unverified.badges.map(\.text) == ["? unverified"])
        let undeclared = decorations[.flow("c")]
        #expect(undeclared.lineStyle == .bold && undeclared.badges.map(\.text) == ["⚠ undeclared"])
        #expect(blocked.color != undeclared.color)
        #expect(decorations.legend.map(\.title) == ["Reachability"])
        #expect(decorations.legend[0].rows.map(\.text) == [
            "declared and allowed — drawn as usual", "✗ declared, blocked by NetworkPolicy", "declared; the manifests do not decide it",
            "⚠ allowed by NetworkPolicy, not declared",
        ])
    }

    @Test func theLegendListsOnlyWhatIsDrawn() {
        let decorations = DiagramDecorations.reachability(blocked: [:], unverified: [:], undeclared: ["c": []], theme: .standard)
        #expect(decorations.legend[0].rows.map(\.text) == ["declared and allowed — drawn as usual", "⚠ allowed by NetworkPolicy, not declared"])
        #expect(decorations.items.count == 1)
    }

    @Test func aFlowBlockedToOneWorkloadAndUndecidedToAnotherIsDrawnBlocked() {
        // A flow to a Service has a verdict per workload the Service selects.
        let decorations = DiagramDecorations.reachability(blocked: ["a": ["blocked by p"]], unverified: ["a": ["labels unknown"]],
            undeclared: [:], theme: .standard)
        #expect(decorations[.flow("a")].badges.map(\.text) == ["✗ blocked"])
        #expect(decorations.legend[0].rows.map(\.text) == ["declared and allowed — drawn as usual", "✗ declared, blocked by NetworkPolicy"])
    }

    @Test func findingsAboutKubernetesObjectsMarkNothing() {
        let finding = Finding(ruleID: "TF209", severity: .medium, message: "stale",
            target: FindingTarget(kind: .kubernetesObject, id: "NetworkPolicy shop/x", path: .root))
        #expect(DiagramDecorations.findings([finding], theme: .standard).items.isEmpty)
    }
}

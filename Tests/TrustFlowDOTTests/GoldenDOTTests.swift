import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// The DOT of every sample and fixture, byte for byte. Re-record with `TRUSTFLOW_RECORD=1`.
@Suite("Golden DOT")
struct GoldenDOTTests {
    static let cases: [(model: String, golden: String, options: DiagramOptions)] = [
        ("Samples/minimal.yaml", "minimal.dot", DiagramOptions()),
        ("Samples/k8s-three-tier.yaml", "k8s-three-tier.dot", DiagramOptions()),
        ("Samples/k8s-three-tier.yaml", "k8s-three-tier-LR-no-legend.dot", DiagramOptions(direction: .leftToRight, showLegend: false)),
        ("Samples/environments.yaml", "environments.dot", DiagramOptions()),
        ("Samples/k8s-three-tier-insecure.yaml", "k8s-three-tier-insecure.dot", DiagramOptions()),
        ("Tests/TrustFlowDOTTests/Fixtures/hostile.yaml", "hostile.dot", DiagramOptions()),
    ]

    @Test(arguments: cases.indices)
    func dotMatchesGolden(_ position: Int) throws {
        let (modelPath, golden, options) = Self.cases[position]
        let model = try Models.load(Paths.root.appendingPathComponent(modelPath))
        let dot = DiagramRenderer.dot(for: model, options: RenderOptions(diagram: options, today: CalendarDate("2026-01-01")!))
        try Golden.assertMatches(dot, file: Paths.goldenDOT.appendingPathComponent(golden))
    }

    @Test func theSameModelGivesTheSameBytes() throws {
        let model = try Models.sample("k8s-three-tier.yaml")
        let first = DiagramRenderer.dot(for: model)
        let second = DiagramRenderer.dot(for: try Models.sample("k8s-three-tier.json"))
        #expect(first == second)
        #expect(!first.contains("/work/") && !first.contains("/tmp/"))
    }
}

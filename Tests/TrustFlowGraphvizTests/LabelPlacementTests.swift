import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 16, item 3: in `dot` layouts, edge labels never overlap a boundary's header or
/// controls, another label or a box, and never straddle a border — measured on where libgvc put every line of text (``LegibilityMeasures``), on the samples
/// and generated models, in every view.
@Suite("Labels clear of text in dot layouts")
struct LabelPlacementTests {
    static let today = CalendarDate("2026-01-01")!
    static let samples = ["k8s-three-tier.yaml", "k8s-three-tier-insecure.yaml", "environments.yaml", "minimal.yaml"]

    /// The full diagram and every view of `model` with more than the full diagram's edges
    /// merged away: collapsed at each kind it has, and focused on its first element.
    static func views(of model: Model) -> [DiagramView] {
        var views: [DiagramView] = [.full]
        for kind in BoundaryKind.allCases where model.boundaries.contains(where: { $0.kind == kind }) {
            views.append(.collapse(kind))
        }
        if let element = model.elements.first { views.append(.focus(element: element.id, radius: 1)) }
        return views
    }

    func measures(_ model: Model, _ view: DiagramView) throws -> LegibilityMeasures {
        let options = RenderOptions(diagram: DiagramOptions(view: view), engine: .dot, today: Self.today)
        return try DiagramRenderer.legibility(of: DiagramRenderer.prepare(model, options: options))
    }

    @Test(arguments: samples)
    func theSamplesLabelsAreClearOfText(sample: String) throws {
        let model = try Models.sample(sample)
        for view in Self.views(of: model) {
            let measured = try measures(model, view)
            #expect(measured.labelOverlaps == 0 && measured.labelsOnBorders == 0,
                "\(sample), \(view): \(measured)")
        }
    }

    @Test(arguments: 1...16)
    func generatedModelsLabelsAreClearOfText(seed: UInt64) throws {
        let model = ModelGenerator.model(seed: seed)
        for view in Self.views(of: model) {
            let measured = try measures(model, view)
            #expect(measured.labelOverlaps == 0 && measured.labelsOnBorders == 0,
                "seed \(seed), \(view): \(measured)")
        }
    }

    /// The measure sees what `dot` does with labels it places itself: the environments sample's
    /// database flow label hangs over its namespace's border, and generated models get labels
    /// across borders and over each other.
    @Test func dotsOwnEdgeLabelsFailTheMeasure() throws {
        func ownLabels(_ model: Model) throws -> LegibilityMeasures {
            let findings = Analyzer(today: Self.today).analyze(model, includeStride: false).findings
            let graph = DiagramBuilder(options: DiagramOptions(edgeLabels: .onEdge)).build(model, findings: findings)
            return try DiagramRenderer.legibility(of: PreparedDiagram(dot: DOTWriter().write(graph), engine: .dot, format: .svg))
        }
        #expect(try ownLabels(Models.sample("environments.yaml")).labelsOnBorders > 0)
        let generated = try (1...16).map { try ownLabels(ModelGenerator.model(seed: $0)) }
        #expect(generated.filter { $0.labelsOnBorders > 0 }.count >= 4)
        #expect(generated.contains { $0.labelOverlaps > 0 })
    }
}

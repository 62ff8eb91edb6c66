import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 16, item 2: "legible" in numbers — labels over nothing, no box over a box, no edge
/// through a box, at most three edge crossings per box, at most 4,000 pixels a side
/// (``LegibilityMeasures``) — measured on generated models of 10 to 1000 services. Every
/// overview `auto` draws as boxes clears the bar; overviews well above the edge limit drawn
/// as boxes anyway do not, which is why `auto` draws them as the matrix; and the matrix reads
/// at 100 × 100. (`Benchmarks/run.py --legibility` sweeps many more models.)
@Suite("Legible overviews")
struct LegibilityTests {
    static let today = CalendarDate("2026-01-01")!

    /// Generator arguments: the shape (each service in its own pod, three flows in four
    /// across namespaces), the same with one in four, and the default node-pool shape.
    static let models: [[String]] = [
        ["--shape", "pods", "--cross-namespace", "0.75", "--services", "10"],
        ["--shape", "pods", "--cross-namespace", "0.75", "--services", "30"],
        ["--shape", "pods", "--cross-namespace", "0.75", "--services", "50"],
        ["--shape", "pods", "--cross-namespace", "0.75", "--services", "200"],
        ["--shape", "pods", "--cross-namespace", "0.25", "--services", "50"],
        ["--shape", "pods", "--cross-namespace", "0.25", "--services", "80"],
        ["--shape", "pool", "--services", "20"],
        ["--shape", "pool", "--services", "60"],
        ["--shape", "pool", "--services", "100"],
        ["--shape", "pool", "--services", "1000"],
    ]

    func prepare(_ model: Model, _ picture: OverviewPicture) -> PreparedDiagram {
        DiagramRenderer.prepare(model, options: RenderOptions(diagram: DiagramOptions(view: .collapse(.namespace)),
            today: Self.today, overview: picture))
    }

    @Test(arguments: models)
    func everyOverviewAutoDrawsAsBoxesIsLegible(arguments: [String]) throws {
        let model = try ServiceModels.model(arguments)
        let prepared = prepare(model, .auto)
        let edges = DiagramView.collapse(.namespace).edgeCount(in: model)
        guard case .collapse = prepared.view else {
            #expect(prepared.view == .matrix(.namespace) && edges > DiagramView.legibleEdgeLimit, "\(arguments)")
            return
        }
        let measured = try DiagramRenderer.legibility(of: prepared)
        #expect(measured.isLegible, "\(arguments), \(edges) edges: \(measured)")
    }

    /// The small models are boxes, so the bar above is not cleared by drawing everything as a
    /// matrix.
    @Test func smallOverviewsAreBoxes() throws {
        for arguments in Self.models.prefix(3) + [Self.models[6]] {
            #expect(prepare(try ServiceModels.model(arguments), .auto).view == .collapse(.namespace), "\(arguments)")
        }
    }

    /// Drawn as boxes anyway, overviews with well over the limit's edges fail the bar: their
    /// edges cross many times per box.
    @Test(arguments: [
        ["--shape", "pods", "--cross-namespace", "0.75", "--services", "80"],
        ["--shape", "pods", "--cross-namespace", "0.75", "--services", "100"],
        ["--shape", "pool", "--cross-namespace", "0.75", "--services", "100"],
    ])
    func denseOverviewsAreNotLegibleAsBoxes(arguments: [String]) throws {
        let model = try ServiceModels.model(arguments)
        #expect(DiagramView.collapse(.namespace).edgeCount(in: model) >= 50)
        let measured = try DiagramRenderer.legibility(of: prepare(model, .boxes))
        #expect(!measured.isLegible && measured.crossingsPerBox > LegibilityMeasures.crossingsPerBoxLimit, "\(arguments): \(measured)")
    }

    /// The 1000-service shape: 100 namespaces and the users, every pair with flows in a
    /// cell, every text at least the theme's small size at 100 % zoom, each column at most 100
    /// points wide and each row at most 40 points tall.
    @Test func theMatrixReadsAt100By100() throws {
        let model = try ServiceModels.model(["--shape", "pods", "--cross-namespace", "0.75", "--services", "1000"])
        let prepared = prepare(model, .auto)
        #expect(prepared.view == .matrix(.namespace))
        let rendered = try DiagramRenderer.render(prepared)
        #expect(rendered.messages.isEmpty, "\(rendered.messages)")
        let svg = try SVGDocument(rendered.bytes)
        let rows = svg.elements.filter { $0.attributes["id"]?.hasPrefix("a_matrix-row-") == true && $0.attributes["id"]?.hasSuffix("-end") == false }
        #expect(rows.count == 101)
        let view = ViewProjectionProbe(model)
        #expect(svg.elements.filter { $0.attributes["id"]?.hasPrefix("a_cell-") == true }.count == view.pairs)
        let sizes = svg.elements.compactMap { $0.attributes["font-size"].flatMap(Double.init) }
        #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= DiagramTheme.standard.smallFontSize })
        let matrix = try #require(SVGGeometry(svg).box(of: "matrix"))
        #expect((matrix.maxX - matrix.minX) / 103 <= 100, "\(matrix)")
        #expect((matrix.maxY - matrix.minY) / 103 <= 40, "\(matrix)")
        let measured = try DiagramRenderer.legibility(of: prepared)
        #expect(measured.labelOverlaps == 0 && measured.boxOverlaps == 0 && measured.edgeCrossings == 0)
    }
}

/// How many ordered pairs of the 1000-service overview have flows: counted here from the model,
/// independently of the matrix.
struct ViewProjectionProbe {
    let pairs: Int

    init(_ model: Model) {
        var box: [String: String] = [:]
        let parents = Dictionary(uniqueKeysWithValues: model.boundaries.map { ($0.id, $0) })
        for element in model.elements {
            var current = element.boundary
            while let id = current, let boundary = parents[id] {
                if boundary.kind == .namespace { box[element.id] = id }
                current = boundary.parent
            }
        }
        var pairs: Set<[String]> = []
        for flow in model.flows {
            let from = box[flow.from] ?? flow.from
            let to = box[flow.to] ?? flow.to
            pairs.insert([from, to])
            if flow.bidirectional { pairs.insert([to, from]) }
        }
        self.pairs = pairs.count
    }
}

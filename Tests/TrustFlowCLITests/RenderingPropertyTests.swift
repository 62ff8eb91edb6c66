import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 13, item 2: random *valid* models of every shape (``ModelGenerator``) through every
/// engine and every view (the boundary matrix too), each rendered by the built `trustflow` in
/// two separate processes.
/// For each: exit 0, nothing said by Graphviz, the same bytes both times, and everything the
/// DOT holds drawn — every node, edge and cluster, and in the full view every element, flow
/// and boundary of the model by its id. (This is the test that would have caught fdp's
/// crash: the user-in-an-Internet-boundary shape is one of the shapes it makes.)
///
/// A bounded run is part of `make test`: `TRUSTFLOW_PROPERTY_MODELS` models (default 16) from
/// seed `TRUSTFLOW_PROPERTY_SEED` (default 1). `make property-long` runs many more.
@Suite("Rendering properties over generated models")
struct RenderingPropertyTests {
    static let seeds: [UInt64] = {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["TRUSTFLOW_PROPERTY_MODELS"].flatMap(Int.init) ?? 16
        let first = environment["TRUSTFLOW_PROPERTY_SEED"].flatMap(UInt64.init) ?? 1
        return (0..<UInt64(count)).map { first + $0 }
    }()

    @Test(arguments: seeds)
    func everyEngineAndViewDrawsEverythingTheSameWayInEveryProcess(seed: UInt64) throws {
        let model = ModelGenerator.model(seed: seed)
        let bytes = ModelEncoder().encode(model, as: .json)
        let loaded = try ModelLoader().load(bytes, file: "model.json", format: .json)
        try #require(loaded.model == model, "seed \(seed): the generated model is valid and survives encoding")
        let directory = try Paths.temporaryDirectory()
        try Data(bytes).write(to: directory.appendingPathComponent("model.json"))

        var views: [[String]] = [[]]
        for kind in BoundaryKind.allCases where model.boundaries.contains(where: { $0.kind == kind }) {
            views.append(["--collapse", kind.rawValue])
        }
        views.append(["--focus", model.elements[Int(seed) % model.elements.count].id, "--radius", "\(seed % 3)"])
        // The boundary matrix (issue 16): of the first kind the model has, or of its elements.
        views.append(["--view", "matrix"] + (model.boundaries.first.map { ["--collapse", $0.kind.rawValue] } ?? []))

        for engine in ["dot", "fdp", "osage"] {
            for view in views {
                let arguments = ["render", "model.json", "--engine", engine, "--today", "2026-01-01", "-v"] + view
                let what = "seed \(seed), \(arguments.dropFirst(2).joined(separator: " "))"
                let first = try TrustFlowProcess.run(arguments + ["-o", "-"], in: directory)
                let second = try TrustFlowProcess.run(arguments + ["-o", "-"], in: directory)
                try #require(first.status == 0, "\(what): \(first.standardError)")
                let graphvizSaid = first.standardError.split(separator: "\n").filter { $0.hasPrefix("graphviz: ") }
                #expect(graphvizSaid.isEmpty, "\(what): \(graphvizSaid)")
                #expect(first.standardOutput == second.standardOutput, "\(what): different bytes in another process")

                let dot = try TrustFlowProcess.run(arguments + ["--format", "dot", "-o", "-"], in: directory)
                let structure = try Graphviz.structure(of: dot.output)
                let svg = try SVGDocument(first.standardOutput)
                let drawn = (nodes: svg.elements.filter { $0.name == "g" && $0.attributes["class"] == "node" }.count,
                    edges: svg.elements.filter { $0.name == "g" && $0.attributes["class"] == "edge" }.count,
                    clusters: svg.elements.filter { $0.name == "g" && $0.attributes["class"] == "cluster" }.count)
                #expect(drawn.nodes == structure.nodes.count && drawn.edges == structure.edgeCount
                    && drawn.clusters == structure.clusters.count,
                    "\(what): drew \(drawn) of \(structure.nodes.count) nodes, \(structure.edgeCount) edges, \(structure.clusters.count) clusters")
                if view.isEmpty {
                    let ids = Set(svg.elements.compactMap { $0.attributes["id"] })
                    let missing = model.elements.map { DiagramIDs.element($0.id) }.filter { !ids.contains($0) }
                        + model.flows.map { DiagramIDs.flow($0.id) }.filter { !ids.contains($0) }
                        + model.boundaries.map { DiagramIDs.boundary($0.id) }.filter { !ids.contains($0) }
                    #expect(missing.isEmpty, "\(what): not drawn: \(missing)")
                }
            }
        }

        // The atlas: every page of it, the same in two processes.
        guard let level = model.boundaries.first?.kind else { return }
        var atlases: [[String: [UInt8]]] = []
        for run in 0..<2 {
            let result = try TrustFlowProcess.run(["render", "model.json", "--atlas", "atlas\(run)", "--collapse", level.rawValue,
                "--today", "2026-01-01", "-q"], in: directory)
            try #require(result.status == 0, "seed \(seed), atlas: \(result.standardError)")
            let folder = directory.appendingPathComponent("atlas\(run)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".svg") }
            atlases.append(try Dictionary(uniqueKeysWithValues: names.map { ($0, try Paths.bytes(folder.appendingPathComponent($0))) }))
        }
        #expect(atlases[0].count > 1, "seed \(seed): the atlas has an index and pages")
        #expect(atlases[0] == atlases[1], "seed \(seed): the atlas differs between processes")
    }
}

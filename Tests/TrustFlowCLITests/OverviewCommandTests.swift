import Foundation
import Testing
import TrustFlow
import TrustFlowTestSupport

/// Issue 16, items 1 and 2 on the command line: `--view boxes|matrix|auto`, and `auto` drawing
/// an overview whose edges would be too many to read as the boundary matrix — saying so on
/// the terminal and in the subtitle.
@Suite("trustflow render --view")
struct OverviewCommandTests {
    /// A generated model (``ServiceModels``) in a new directory, as `m.yaml`.
    static func generated(_ arguments: [String]) throws -> URL {
        let directory = try Paths.temporaryDirectory()
        try Data(ServiceModels.yaml(arguments)).write(to: directory.appendingPathComponent("m.yaml"))
        return directory
    }

    @Test func viewMatrixDrawsTheNamespacesAsAMatrix() throws {
        let result = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier-insecure.yaml", "--view", "matrix", "-o", "-",
            "--today", "2026-01-01"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let svg = try SVGDocument(result.standardOutput)
        #expect(svg.groups(class: "node", idPrefix: "matrix").count == 1)
        #expect(svg.texts.contains { $0.contains("boundary matrix: each namespace a row and a column") })
        #expect(svg.elements.contains { $0.attributes["id"] == "a_cell-ns-backend-to-ns-database" })
        let pods = try TrustFlowProcess.run(["render", "Samples/k8s-three-tier-insecure.yaml", "--view", "matrix", "--collapse", "pod",
            "-o", "-", "--format", "dot", "--today", "2026-01-01"])
        #expect(pods.output.contains("each pod a row and a column"))
    }

    @Test func anOverviewTooDenseForBoxesBecomesTheMatrixAndSaysSo() throws {
        let directory = try Self.generated(["--shape", "pods", "--services", "80", "--cross-namespace", "0.75"])
        let model = try Models.load(directory.appendingPathComponent("m.yaml"))
        let edges = DiagramView.collapse(.namespace).edgeCount(in: model)
        #expect(edges > DiagramView.legibleEdgeLimit)
        let auto = try TrustFlowProcess.run(["render", "m.yaml", "--collapse", "namespace", "-o", "auto.svg"], in: directory)
        #expect(auto.status == 0)
        #expect(auto.standardError.contains("note: the namespace overview would need \(edges) edges, more than the "
            + "\(DiagramView.legibleEdgeLimit) that can be drawn legibly; drawing the boundary matrix instead "
            + "(--view boxes draws the boxes anyway)\n"), "\(auto.standardError)")
        let svg = try SVGDocument(Paths.bytes(directory.appendingPathComponent("auto.svg")))
        #expect(svg.texts.contains { $0.contains("\(edges) merged edges are more than \(DiagramView.legibleEdgeLimit) can be drawn legibly") })
        #expect(svg.groups(class: "node", idPrefix: "boundary-").isEmpty)

        let quiet = try TrustFlowProcess.run(["render", "m.yaml", "--collapse", "namespace", "-o", "-", "-q"], in: directory)
        let written = try Paths.bytes(directory.appendingPathComponent("auto.svg"))
        #expect(quiet.standardError.isEmpty && quiet.standardOutput == written)
        let boxes = try TrustFlowProcess.run(["render", "m.yaml", "--collapse", "namespace", "--view", "boxes", "-o", "-"], in: directory)
        #expect(boxes.status == 0 && !boxes.standardError.contains("note: the namespace overview"))
        let boxesSVG = try SVGDocument(boxes.standardOutput)
        #expect(boxesSVG.groups(class: "node", idPrefix: "boundary-ns").count == 8)
        // Several models at once draw each overview the same way, in process and in workers.
        for jobs in ["1", "2"] {
            let batch = try TrustFlowProcess.run(["render", "m.yaml", "--collapse", "namespace", "--output-dir", "out-\(jobs)",
                "--jobs", jobs, "-q"], in: directory)
            #expect(batch.status == 0, "\(batch.standardError)")
            #expect(try Paths.bytes(directory.appendingPathComponent("out-\(jobs)/m.svg")) == written)
        }
    }

    @Test func aSparseOverviewStaysBoxesAndTheAtlasLinksItsMatrix() throws {
        let directory = try Self.generated(["--shape", "pods", "--services", "30", "--cross-namespace", "0.25"])
        let result = try TrustFlowProcess.run(["render", "m.yaml", "--collapse", "namespace", "-o", "-"], in: directory)
        #expect(result.status == 0 && !result.standardError.contains("note:"))
        let svg = try SVGDocument(result.standardOutput)
        #expect(svg.groups(class: "node", idPrefix: "boundary-ns").count == 3)
        let atlas = try TrustFlowProcess.run(["render", "m.yaml", "--atlas", "atlas", "-q"], in: directory)
        #expect(atlas.status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("atlas").path).sorted()
        #expect(pages.contains("matrix.svg") && pages.contains("index.svg"))
        let dense = try TrustFlowProcess.run(["render", "m.yaml", "--atlas", "dense", "--view", "matrix", "-q"], in: directory)
        #expect(dense.status == 0)
        let densePages = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("dense").path)
        #expect(!densePages.contains("matrix.svg"), "the index is the matrix")
        let index = try String(contentsOf: directory.appendingPathComponent("dense/index.svg"), encoding: .utf8)
        #expect(index.contains("boundary matrix") && index.contains("xlink:href=\"ns0.svg\""))
    }
}
